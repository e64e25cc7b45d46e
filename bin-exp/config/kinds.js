"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNKNOWN_KEY_MARK = exports.DNS_LABEL_ALLOWED = void 0;
exports.withDefault = withDefault;
exports.envDefault = envDefault;
exports.integer = integer;
exports.integerIn = integerIn;
exports.boolean = boolean;
exports.oneOf = oneOf;
exports.text = text;
exports.optionalText = optionalText;
exports.dnsLabel = dnsLabel;
exports.cidr = cidr;
exports.list = list;
exports.section = section;
exports.stringMap = stringMap;
exports.labels = labels;
exports.cpu = cpu;
exports.memory = memory;
/**
 * The kinds of setting a stack file holds, as zod schemas (issue 14 point 1). Each kind carries the sentence
 * that says what it accepts: the same text is the error message (through config/parse.ts), the README's
 * "Allowed" column and the editor's hover text, so a rule is stated once. The checks reuse config/checker.ts,
 * which the rest of the program (policies, placeholders) shares.
 *
 * Pulumi hands top-level scalars to the program as strings ("3", "true") and structured values as JSON, and a
 * YAML `7.8` is a number: the kinds accept both the text and the native form, as the readers always did.
 */
const zod_1 = require("zod");
const checker_1 = require("./checker");
/** `null` (an empty YAML value) counts as unset for sections and lists, as Pulumi's own config does. */
const unsetIfNull = (value) => (value === null ? undefined : value);
const intFromText = (value) => (typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value);
const boolFromText = (value) => (value === "true" ? true : value === "false" ? false : value);
const textFromNumber = (value) => (typeof value === "number" ? String(value) : value);
/**
 * A setting with a fixed default. The default is given as the user would write it and is parsed like any value
 * (zod's prefault), so a section's default `{}` fills in the section's own defaults.
 */
function withDefault(schema, value, meta = {}) {
    return schema.prefault(value).meta({ ...schema.meta(), ...meta, default: value });
}
/** A setting whose default depends on the environment: `development` first, `production` second. */
function envDefault(schema, production, values) {
    return schema.prefault((production ? values.production : values.development)).meta({
        ...schema.meta(),
        default: values.development,
        defaultText: `${JSON.stringify(values.development)}; ${JSON.stringify(values.production)} in production`,
    });
}
/** An integer within bounds; "3" counts as 3. */
function integer(range, description) {
    const allowed = `an integer from ${range.min} to ${range.max}`;
    return zod_1.z
        .preprocess(intFromText, zod_1.z.int({ error: allowed }).min(range.min, { error: allowed }).max(range.max, { error: allowed }))
        .meta({ description, allowed });
}
/** An integer from a fixed set, such as CloudWatch's retention periods. */
function integerIn(values, description) {
    const allowed = `one of ${values.join(", ")}`;
    return zod_1.z
        .preprocess(intFromText, zod_1.z.union(values.map((v) => zod_1.z.literal(v)), { error: allowed }))
        .meta({ description, allowed });
}
function boolean(description) {
    return zod_1.z.preprocess(boolFromText, zod_1.z.boolean({ error: "true or false" })).meta({ description, allowed: "true or false" });
}
function oneOf(values, description) {
    const allowed = `one of ${values.join(", ")}`;
    return zod_1.z.enum(values, { error: allowed }).meta({ description, allowed });
}
/** A non-empty string, optionally matching a rule; a YAML number (7.8) is read as the text the user meant. */
function text(rule, description) {
    const allowed = rule?.allowed ?? "a non-empty string";
    const base = zod_1.z.string({ error: allowed }).min(1, { error: allowed });
    const checked = rule ? base.refine((value) => rule.pattern.test(value), { error: allowed }) : base;
    return zod_1.z.preprocess(textFromNumber, checked).meta({ description, allowed });
}
/** Like {@link text}, where an empty value means unset. */
function optionalText(rule, description) {
    return zod_1.z
        .preprocess((value) => (value === null || value === "" ? undefined : value), text(rule).optional())
        .meta({ description, allowed: `empty, or ${rule?.allowed ?? "a non-empty string"}` });
}
exports.DNS_LABEL_ALLOWED = "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit";
function dnsLabel(description) {
    return text({ pattern: { test: checker_1.isDnsLabel }, allowed: exports.DNS_LABEL_ALLOWED }, description);
}
/** A canonical IPv4 CIDR; a value with host bits set is told its canonical form. */
function cidr(description) {
    const general = "an IPv4 CIDR such as 10.0.0.0/16";
    return zod_1.z
        .string({ error: general })
        .min(1, { error: general })
        .refine(checker_1.isIpv4Cidr, {
        error: (issue) => {
            const canonical = typeof issue.input === "string" ? (0, checker_1.canonicalCidr)(issue.input) : undefined;
            return canonical !== undefined && canonical !== issue.input
                ? `a canonical IPv4 CIDR without host bits or leading zeros: ${canonical}`
                : general;
        },
    })
        .meta({ description, allowed: general });
}
/** A list of settings; empty YAML is an empty list. */
function list(item, description) {
    return zod_1.z.preprocess(unsetIfNull, zod_1.z.array(item, { error: "a list" })).meta({ description, allowed: "a list" });
}
/** Marks the message of an unknown key: config/parse.ts reports it as one, with the keys allowed there and without its value. */
exports.UNKNOWN_KEY_MARK = "\u0000unknown key; allowed here: ";
/**
 * A section of settings; an unknown key is an error (it is almost always a typo, and its value may be a secret
 * under a misspelled key); empty YAML is an empty section.
 */
function section(shape, description) {
    const known = Object.keys(shape).join(", ");
    return zod_1.z
        .preprocess(unsetIfNull, zod_1.z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? exports.UNKNOWN_KEY_MARK + known : "an object") }))
        .meta({ description, allowed: "an object" });
}
/** A map of string to string, such as annotations. */
function stringMap(description) {
    return zod_1.z
        .preprocess(unsetIfNull, zod_1.z.record(zod_1.z.string(), text(), { error: "an object" }))
        .meta({ description, allowed: "a map of string to string" });
}
/** Label keys and values in Kubernetes syntax (k8s.io/apimachinery validation: IsQualifiedName, IsValidLabelValue). */
function labels(description) {
    const keyAllowed = "a label key: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.'";
    const valueAllowed = "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    return zod_1.z
        .preprocess(unsetIfNull, zod_1.z.record(zod_1.z.string(), text(), { error: "an object" }))
        .check((ctx) => {
        const value = ctx.value;
        for (const [key, labelValue] of Object.entries(value)) {
            if (!(0, checker_1.isLabelKey)(key))
                ctx.issues.push({ code: "custom", input: key, path: [key], message: keyAllowed });
            else if (!(0, checker_1.isLabelValue)(labelValue))
                ctx.issues.push({ code: "custom", input: labelValue, path: [key], message: valueAllowed });
        }
    })
        .meta({ description, allowed: "Kubernetes labels: keys and values in label syntax" });
}
const CPU_QUANTITY = /^(\d+(\.\d+)?|\d+m)$/;
const MEMORY_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
/** A positive CPU quantity of at most MAX_CPU_CORES cores: no node offers more to one pod (2000 is a unit mistake for 2000m). */
function cpu(description) {
    const allowed = "a CPU quantity such as 2, 1.5 or 500m";
    const bounded = `a CPU quantity above 0 and at most ${checker_1.MAX_CPU_CORES} (cores; write millicores with m, such as 2000m)`;
    return zod_1.z
        .preprocess(textFromNumber, zod_1.z
        .string({ error: allowed })
        .regex(CPU_QUANTITY, { error: allowed })
        .refine((value) => {
        const millis = (0, checker_1.cpuMillis)(value);
        return millis === undefined || (millis > 0 && millis <= checker_1.MAX_CPU_CORES * 1000);
    }, { error: bounded }))
        .meta({ description, allowed });
}
/** A positive memory or storage quantity. */
function memory(description) {
    const allowed = "a memory quantity such as 4Gi or 3072Mi";
    return zod_1.z
        .preprocess(textFromNumber, zod_1.z
        .string({ error: allowed })
        .regex(MEMORY_QUANTITY, { error: allowed })
        .refine((value) => ((0, checker_1.memoryBytes)(value) ?? 1) > 0, { error: "a quantity above 0, such as 4Gi or 3072Mi" }))
        .meta({ description, allowed });
}
