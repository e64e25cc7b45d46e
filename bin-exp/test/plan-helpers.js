"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ofType = ofType;
exports.one = one;
exports.withConfigEdits = withConfigEdits;
const yaml_1 = require("yaml");
const redact_1 = require("../plan/redact");
/** Resources of one type, with their inputs as plain values (secrets unwrapped). */
function ofType(resources, type) {
    return resources.filter((r) => r.type === type).map((r) => ({ ...r, props: (0, redact_1.unwrapSecrets)(r.inputs) }));
}
/** The single resource of a type whose name matches; fails loudly when there is not exactly one. */
function one(resources, type, name) {
    const found = ofType(resources, type).filter((r) => name === undefined || (typeof name === "string" ? r.name === name : name.test(r.name)));
    if (found.length !== 1) {
        throw new Error(`expected exactly one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
    }
    return found[0];
}
/** The stack file's text with the edits applied through yaml's Document API (every other value stays as it is). */
function withConfigEdits(text, edits = []) {
    const doc = (0, yaml_1.parseDocument)(text);
    for (const [keys, value] of edits)
        doc.setIn(["config", ...keys], value);
    return doc.toString();
}
