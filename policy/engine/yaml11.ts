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
import * as jsyaml from "js-yaml";

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]);
const FALSES = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"]);
const SPECIAL_FLOATS = new Map<string, number>([
    ...[".nan", ".NaN", ".NAN"].map((s): [string, number] => [s, NaN]),
    ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s): [string, number] => [s, Infinity]),
    ...["-.inf", "-.Inf", "-.INF"].map((s): [string, number] => [s, -Infinity]),
]);

/** go-yaml v2's yamlStyleFloat. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseInt(s, 0, 64) accepts (after `_` removal): sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

function goInt(plain: string): number | undefined {
    if (!GO_INT.test(plain)) return undefined;
    const negative = plain.startsWith("-");
    const body = plain.replace(/^[-+]/, "");
    let value: number;
    if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
    else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
    else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
    else if (body.length > 1 && body.startsWith("0")) value = parseInt(body.slice(1), 8);
    else value = parseInt(body, 10);
    return negative ? -value : value;
}

/** The number go-yaml v2 resolves a plain scalar to, with whether its tag is int or float; undefined for strings. */
function goNumber(s: string): { value: number; tag: "int" | "float" } | undefined {
    if (s === "") return undefined;
    const special = SPECIAL_FLOATS.get(s);
    if (special !== undefined) return { value: special, tag: "float" };
    const first = s[0];
    if (first === ".") return YAML_FLOAT.test(s) ? { value: Number(s), tag: "float" } : undefined;
    if (!/[-+0-9]/.test(first)) return undefined;
    const plain = s.replace(/_/g, "");
    const int = goInt(plain);
    if (int !== undefined) return { value: int, tag: "int" };
    if (YAML_FLOAT.test(plain)) return { value: Number(plain), tag: "float" };
    if (/^-?0b[01]+$/.test(plain)) return { value: (plain.startsWith("-") ? -1 : 1) * parseInt(plain.replace(/^-?0b/, ""), 2), tag: "int" };
    return undefined;
}

const nullType = new jsyaml.Type("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: (data: string | null) => data === null || NULLS.has(data),
    construct: () => null,
    predicate: (o: unknown) => o === null,
    represent: { lowercase: () => "null" },
    defaultStyle: "lowercase",
});

const boolType = new jsyaml.Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (data: string | null) => data !== null && (TRUES.has(data) || FALSES.has(data)),
    construct: (data: string) => TRUES.has(data),
    predicate: (o: unknown) => typeof o === "boolean",
    represent: { lowercase: (value: unknown) => String(value) },
    defaultStyle: "lowercase",
});

const intType = new jsyaml.Type("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: (data: string | null) => data !== null && goNumber(data)?.tag === "int",
    construct: (data: string) => goNumber(data)?.value,
    predicate: (o: unknown) => typeof o === "number" && Number.isInteger(o),
    represent: { decimal: (value: unknown) => String(value) },
    defaultStyle: "decimal",
});

const floatType = new jsyaml.Type("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: (data: string | null) => data !== null && goNumber(data) !== undefined,
    construct: (data: string) => goNumber(data)?.value,
    predicate: (o: unknown) => typeof o === "number",
    represent: { decimal: (value: unknown) => String(value) },
    defaultStyle: "decimal",
});

/** `<<` keys merge the mapping they point at (js-yaml's loader merges keys tagged tag:yaml.org,2002:merge). */
const mergeType = new jsyaml.Type("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: (data: string | null) => data === "<<",
});

/** Failsafe (str, seq, map) plus go-yaml v2's implicit scalars and merge keys; no timestamps, no JS-specific types. */
export const KUBECTL_YAML_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
    implicit: [nullType, boolType, intType, floatType, mergeType],
});
