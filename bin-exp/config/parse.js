"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.joinPath = joinPath;
exports.parseSetting = parseSetting;
const kinds_1 = require("./kinds");
/** `instances[0].network.producers[1].ports`, the way every message names a key. */
function joinPath(prefix, segments) {
    let out = prefix;
    for (const segment of segments) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else
            out += out === "" ? String(segment) : `.${String(segment)}`;
    }
    return out;
}
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** What the user wrote at a path, before any conversion. */
function valueAt(root, segments) {
    let value = root;
    for (const segment of segments) {
        if (Array.isArray(value) && typeof segment === "number")
            value = value[segment];
        else if (isRecord(value))
            value = value[String(segment)];
        else
            return undefined;
    }
    return value;
}
const REMOVED = Symbol("removed");
/** A copy without the values at the given paths: a removed key falls back to its default, a removed list item is dropped. */
function withoutPaths(root, paths) {
    if (paths.some((p) => p.length === 0))
        return undefined;
    const copy = structuredClone(root);
    for (const path of paths) {
        const parent = valueAt(copy, path.slice(0, -1));
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === "number")
            parent[last] = REMOVED;
        else if (isRecord(parent))
            delete parent[String(last)];
    }
    const prune = (value) => {
        if (Array.isArray(value))
            return value.filter((v) => v !== REMOVED).map(prune);
        if (isRecord(value))
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v)]));
        return value;
    };
    return prune(copy);
}
/**
 * Parses `raw` (the value at config path `path`) with `schema`. Returns the typed value, with the defaults of
 * any bad values, or undefined when even that cannot be built (a required value is missing or wrong); every
 * problem is recorded in `check` either way.
 */
function parseSetting(check, path, raw, schema) {
    const first = schema.safeParse(raw, { reportInput: true });
    if (first.success)
        return first.data;
    for (const issue of first.error.issues) {
        const key = joinPath(path, issue.path);
        if (issue.code === "unrecognized_keys") {
            for (const unknown of issue.keys)
                check.unknownKey(joinPath(key, [unknown]), issue.message.slice(kinds_1.UNKNOWN_KEY_MARK.length));
            continue;
        }
        // The value as the check judged it: the text of a YAML number, or the part of a value (a label's key).
        const shown = issue.input !== undefined ? issue.input : valueAt(raw, issue.path);
        check.fail(key, shown, issue.message);
    }
    const failed = first.error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k]) : [i.path]));
    const repaired = schema.safeParse(withoutPaths(raw, failed));
    return repaired.success ? repaired.data : undefined;
}
