"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.KUBECTL_YAML_SCHEMA = void 0;
/**
 * A js-yaml schema that resolves plain scalars as kubectl does. kubectl reads manifests with sigs.k8s.io/yaml,
 * which decodes with go-yaml v2 (YAML 1.1 rules, gopkg.in/yaml.v2 resolve.go) and turns the result into JSON:
 *  - null: `~`, `null`, `Null`, `NULL` and the empty value;
 *  - booleans: y/Y/yes/Yes/YES/on/On/ON/true/True/TRUE and n/N/no/No/NO/off/Off/OFF/false/False/FALSE;
 *  - numbers: after removing `_`, Go's strconv.ParseInt(s, 0, 64) (so `0644` is octal 420, `0x1F` and `0o17`
 *    work), then a YAML-style float (`1e3`, `.5`, `08`), `0b` binary, `.inf`/`.nan` spellings;
 *  - timestamps stay strings (go-yaml v2 keeps them strings when decoding into interface{});
 *  - `<<` merge keys.
 * Quoted scalars are strings, as everywhere.
 */
const jsyaml = __importStar(require("js-yaml"));
const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]);
const FALSES = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"]);
const SPECIAL_FLOATS = new Map([
    ...[".nan", ".NaN", ".NAN"].map((s) => [s, NaN]),
    ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s) => [s, Infinity]),
    ...["-.inf", "-.Inf", "-.INF"].map((s) => [s, -Infinity]),
]);
/** go-yaml v2's yamlStyleFloat. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseInt(s, 0, 64) accepts (after `_` removal): sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
function goInt(plain) {
    if (!GO_INT.test(plain))
        return undefined;
    const negative = plain.startsWith("-");
    const body = plain.replace(/^[-+]/, "");
    let value;
    if (/^0[xX]/.test(body))
        value = parseInt(body.slice(2), 16);
    else if (/^0[oO]/.test(body))
        value = parseInt(body.slice(2), 8);
    else if (/^0[bB]/.test(body))
        value = parseInt(body.slice(2), 2);
    else if (body.length > 1 && body.startsWith("0"))
        value = parseInt(body.slice(1), 8);
    else
        value = parseInt(body, 10);
    return negative ? -value : value;
}
/** The number go-yaml v2 resolves a plain scalar to, with whether its tag is int or float; undefined for strings. */
function goNumber(s) {
    if (s === "")
        return undefined;
    const special = SPECIAL_FLOATS.get(s);
    if (special !== undefined)
        return { value: special, tag: "float" };
    const first = s[0];
    if (first === ".")
        return YAML_FLOAT.test(s) ? { value: Number(s), tag: "float" } : undefined;
    if (!/[-+0-9]/.test(first))
        return undefined;
    const plain = s.replace(/_/g, "");
    const int = goInt(plain);
    if (int !== undefined)
        return { value: int, tag: "int" };
    if (YAML_FLOAT.test(plain))
        return { value: Number(plain), tag: "float" };
    if (/^-?0b[01]+$/.test(plain))
        return { value: (plain.startsWith("-") ? -1 : 1) * parseInt(plain.replace(/^-?0b/, ""), 2), tag: "int" };
    return undefined;
}
const nullType = new jsyaml.Type("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: (data) => data === null || NULLS.has(data),
    construct: () => null,
    predicate: (o) => o === null,
    represent: { lowercase: () => "null" },
    defaultStyle: "lowercase",
});
const boolType = new jsyaml.Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (data) => data !== null && (TRUES.has(data) || FALSES.has(data)),
    construct: (data) => TRUES.has(data),
    predicate: (o) => typeof o === "boolean",
    represent: { lowercase: (value) => String(value) },
    defaultStyle: "lowercase",
});
const intType = new jsyaml.Type("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: (data) => data !== null && goNumber(data)?.tag === "int",
    construct: (data) => goNumber(data)?.value,
    predicate: (o) => typeof o === "number" && Number.isInteger(o),
    represent: { decimal: (value) => String(value) },
    defaultStyle: "decimal",
});
const floatType = new jsyaml.Type("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: (data) => data !== null && goNumber(data) !== undefined,
    construct: (data) => goNumber(data)?.value,
    predicate: (o) => typeof o === "number",
    represent: { decimal: (value) => String(value) },
    defaultStyle: "decimal",
});
/** `<<` keys merge the mapping they point at (js-yaml's loader merges keys tagged tag:yaml.org,2002:merge). */
const mergeType = new jsyaml.Type("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: (data) => data === "<<",
});
/** Failsafe (str, seq, map) plus go-yaml v2's implicit scalars and merge keys; no timestamps, no JS-specific types. */
exports.KUBECTL_YAML_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
    implicit: [nullType, boolType, intType, floatType, mergeType],
});
