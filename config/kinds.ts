/**
 * The kinds of setting a stack file holds, as zod schemas (issue 14 point 1). Each kind carries the sentence
 * that says what it accepts: the same text is the error message (through config/parse.ts), the README's
 * "Allowed" column and the editor's hover text, so a rule is stated once. The checks reuse config/checker.ts,
 * which the rest of the program (policies, placeholders) shares.
 *
 * Pulumi hands top-level scalars to the program as strings ("3", "true") and structured values as JSON, and a
 * YAML `7.8` is a number: the kinds accept both the text and the native form, as the readers always did.
 */
import { z } from "zod";
import {
    CPU_QUANTITY,
    MAX_CPU_CORES,
    MEMORY_QUANTITY,
    cpuMillis,
    isDnsLabel,
    isLabelKey,
    isLabelValue,
    memoryBytes,
    type Rule,
} from "./checker";
import { canonicalFormOf, isCanonicalCidr } from "../kubernetes-model/cidr";

/** Metadata every declared setting carries; config/artefacts.ts turns it into the README, Pulumi.yaml and the JSON Schema. */
export interface SettingMeta {
    /** What the setting does, for people. */
    description?: string;
    /** What it accepts, as the error message says it. */
    allowed?: string;
    /** The default when the default is not one fixed value (depends on the environment or another setting). */
    defaultText?: string;
    /** A fixed default, for the generated documents (zod keeps the real one). */
    default?: unknown;
}

declare module "zod" {
    interface GlobalMeta {
        allowed?: string;
        defaultText?: string;
        /** An empty value reads as unset: the JSON Schema accepts "" besides the value's own form. */
        emptyMeansUnset?: boolean;
        /** A top-level section only some stacks have (a target's): Pulumi.yaml declares it without a default. */
        noProjectDefault?: boolean;
        /**
         * The other forms the loader converts into this value (JSON Schema fragments): the JSON Schema of the stack
         * file accepts them too, so the editor does not flag what the loader takes.
         */
        alsoAccepts?: JsonForm[];
    }
}

/** A JSON Schema fragment for one more written form of a value (config/artefacts.ts adds it as an alternative). */
export interface JsonForm {
    type: "string" | "number" | "integer";
    pattern?: string;
    enum?: (string | number)[];
    exclusiveMinimum?: number;
    maximum?: number;
}

/** `null` (an empty YAML value) counts as unset for sections and lists, as Pulumi's own config does. */
const unsetIfNull = (value: unknown) => (value === null ? undefined : value);
/**
 * The written forms each kind converts. `pulumi config set xroad-sidecar:protectData false` writes the string
 * "false" into the stack file, and Pulumi hands every top-level scalar over as text: "3" is 3, "true" is true.
 */
const INTEGER_TEXT = /^-?\d+$/;
const intFromText = (value: unknown) => (typeof value === "string" && INTEGER_TEXT.test(value) ? Number(value) : value);
const INTEGER_AS_TEXT: JsonForm = { type: "string", pattern: INTEGER_TEXT.source };
const boolFromText = (value: unknown) => (value === "true" ? true : value === "false" ? false : value);
const BOOLEAN_AS_TEXT: JsonForm = { type: "string", enum: ["true", "false"] };
/** A YAML number where text is meant: an unquoted 7.8, or a quantity written as 2. */
const textFromNumber = (value: unknown) => (typeof value === "number" ? String(value) : value);

/**
 * A setting with a fixed default. The default is given as the user would write it and is parsed like any value
 * (zod's prefault), so a section's default `{}` fills in the section's own defaults.
 */
export function withDefault<S extends z.ZodType>(schema: S, value: z.input<S>, meta: SettingMeta = {}) {
    return schema.prefault(value as never).meta({ ...schema.meta(), ...meta, default: value });
}

/** A setting whose default depends on the environment: `development` first, `production` second. */
export function envDefault<S extends z.ZodType>(
    schema: S,
    production: boolean,
    values: { development: z.input<S>; production: z.input<S> },
) {
    return schema.prefault((production ? values.production : values.development) as never).meta({
        ...schema.meta(),
        default: values.development,
        defaultText: `${JSON.stringify(values.development)}; ${JSON.stringify(values.production)} in production`,
    });
}

/** An integer within bounds; "3" counts as 3. */
export function integer(range: { min: number; max: number }, description?: string) {
    const allowed = `an integer from ${range.min} to ${range.max}`;
    return z
        .preprocess(intFromText, z.int({ error: allowed }).min(range.min, { error: allowed }).max(range.max, { error: allowed }))
        .meta({ description, allowed, alsoAccepts: [INTEGER_AS_TEXT] });
}

/** An integer from a fixed set, such as CloudWatch's retention periods. */
export function integerIn(values: readonly number[], description?: string) {
    const allowed = `one of ${values.join(", ")}`;
    return z
        .preprocess(
            intFromText,
            z.union(values.map((v) => z.literal(v)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]], { error: allowed }),
        )
        .meta({ description, allowed, alsoAccepts: [integerTextOf(values)] });
}

/** The texts intFromText turns into one of these integers: "30", also "030" (leading zeros, as Number reads them). */
function integerTextOf(values: readonly number[]): JsonForm {
    if (values.some((value) => value < 0 || !Number.isInteger(value))) return INTEGER_AS_TEXT;
    return { type: "string", pattern: `^0*(${values.map(String).join("|")})$` };
}

export function boolean(description?: string) {
    return z
        .preprocess(boolFromText, z.boolean({ error: "true or false" }))
        .meta({ description, allowed: "true or false", alsoAccepts: [BOOLEAN_AS_TEXT] });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description?: string) {
    const allowed = `one of ${values.join(", ")}`;
    return z.enum(values, { error: allowed }).meta({ description, allowed });
}

/**
 * A check on a value that reports the value as the check saw it (the text of a YAML number, say), with the
 * sentence of what is allowed: zod's own refinements leave the value out of the issue.
 */
function judged<T>(passes: (value: T) => boolean, allowed: string | ((value: T) => string)) {
    return z.check<T>((ctx) => {
        if (!passes(ctx.value))
            ctx.issues.push({ code: "custom", input: ctx.value, message: typeof allowed === "string" ? allowed : allowed(ctx.value) });
    });
}

/** A non-empty string, optionally matching a rule. */
export function text(rule?: Rule, description?: string) {
    const allowed = rule?.allowed ?? "a non-empty string";
    const base = z.string({ error: allowed }).min(1, { error: allowed });
    return (rule ? base.check(judged<string>((value) => rule.pattern.test(value), allowed)) : base).meta({ description, allowed });
}

/** Like {@link text}, where a YAML number (an unquoted 7.8 or 1.33) is read as the text the user meant. */
export function versionText(rule?: Rule, description?: string) {
    return z
        .preprocess(textFromNumber, text(rule))
        .meta({ description, allowed: rule?.allowed ?? "a non-empty string", alsoAccepts: [{ type: "number" }] });
}

/** An optional value, where an empty one means unset. */
function emptyAsUnset<S extends z.ZodType>(inner: S, allowed: string, description?: string) {
    return z
        .preprocess((value) => (value === null || value === "" ? undefined : value), inner.optional())
        .meta({ description, allowed: `empty, or ${allowed}`, emptyMeansUnset: true });
}

/** Like {@link text}, where an empty value means unset. */
export function optionalText(rule?: Rule, description?: string) {
    return emptyAsUnset(text(rule), rule?.allowed ?? "a non-empty string", description);
}

/** Like {@link versionText}, where an empty value means unset. */
export function optionalVersionText(rule?: Rule, description?: string) {
    return emptyAsUnset(versionText(rule), rule?.allowed ?? "a non-empty string", description);
}

const DNS_LABEL_ALLOWED = "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit";
export function dnsLabel(description?: string) {
    return text({ pattern: { test: isDnsLabel }, allowed: DNS_LABEL_ALLOWED }, description);
}

/** A canonical IPv4 CIDR; a value with host bits set is told its canonical form. */
export function cidr(description?: string) {
    const general = "an IPv4 CIDR such as 10.0.0.0/16";
    return z
        .string({ error: general })
        .min(1, { error: general })
        .check(
            judged<string>(isCanonicalCidr, (value) => {
                const canonical = canonicalFormOf(value);
                return canonical !== undefined && canonical !== value
                    ? `a canonical IPv4 CIDR without host bits or leading zeros: ${canonical}`
                    : general;
            }),
        )
        .meta({ description, allowed: general });
}

/** A list of settings; empty YAML is an empty list. */
export function list<S extends z.ZodType>(item: S, length?: { min: number; allowed: string }) {
    const array = z.array(item, { error: length?.allowed ?? "a list" });
    return z
        .preprocess(unsetIfNull, length ? array.min(length.min, { error: length.allowed }) : array)
        .meta({ allowed: length?.allowed ?? "a list" });
}

/** Marks the message of an unknown key: config/parse.ts reports it as one, with the keys allowed there and without its value. */
export const UNKNOWN_KEY_MARK = "\u0000unknown key; allowed here: ";

/**
 * A section of settings; an unknown key is an error (it is almost always a typo, and its value may be a secret
 * under a misspelled key); empty YAML is an empty section.
 */
export function section<T extends z.ZodRawShape>(shape: T, description?: string) {
    const known = Object.keys(shape).join(", ");
    return z
        .preprocess(
            unsetIfNull,
            z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? UNKNOWN_KEY_MARK + known : "an object") }),
        )
        .meta({ description, allowed: "an object" });
}

/** A map of string to string, such as annotations. */
export function stringMap(description?: string) {
    return z
        .preprocess(unsetIfNull, z.record(z.string(), text(), { error: "an object" }))
        .meta({ description, allowed: "a map of string to string" });
}

/** A map of names (chosen by the user, such as instance names) to sections of settings; empty YAML is an empty map. */
export function mapOf<S extends z.ZodType>(value: S, description?: string) {
    return z.preprocess(unsetIfNull, z.record(z.string(), value, { error: "an object" })).meta({ description, allowed: "an object" });
}

/** Label keys and values in Kubernetes syntax (k8s.io/apimachinery validation: IsQualifiedName, IsValidLabelValue). */
export function labels(description?: string) {
    const keyAllowed = "a label key: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.'";
    const valueAllowed = "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    return z
        .preprocess(unsetIfNull, z.record(z.string(), text(), { error: "an object" }))
        .check((ctx) => {
            const value = ctx.value;
            for (const [key, labelValue] of Object.entries(value)) {
                if (!isLabelKey(key)) ctx.issues.push({ code: "custom", input: key, path: [key], message: keyAllowed });
                else if (!isLabelValue(labelValue))
                    ctx.issues.push({ code: "custom", input: labelValue, path: [key], message: valueAllowed });
            }
        })
        .meta({ description, allowed: "Kubernetes labels: keys and values in label syntax" });
}

/** A positive CPU quantity of at most MAX_CPU_CORES cores: no node offers more to one pod (2000 is a unit mistake for 2000m). */
export function cpu(description?: string) {
    const allowed = "a CPU quantity such as 2, 1.5 or 500m";
    const bounded = `a CPU quantity above 0 and at most ${MAX_CPU_CORES} (cores; write millicores with m, such as 2000m)`;
    return z
        .preprocess(
            textFromNumber,
            z
                .string({ error: allowed })
                .regex(CPU_QUANTITY, { error: allowed })
                .check(
                    judged<string>((value) => {
                        const millis = cpuMillis(value);
                        return millis === undefined || (millis > 0 && millis <= MAX_CPU_CORES * 1000);
                    }, bounded),
                ),
        )
        .meta({ description, allowed, alsoAccepts: [{ type: "number", exclusiveMinimum: 0, maximum: MAX_CPU_CORES }] });
}

/** A positive memory or storage quantity. */
export function memory(description?: string) {
    const allowed = "a memory quantity such as 4Gi or 3072Mi";
    return z
        .preprocess(
            textFromNumber,
            z
                .string({ error: allowed })
                .regex(MEMORY_QUANTITY, { error: allowed })
                .check(judged<string>((value) => (memoryBytes(value) ?? 1) > 0, "a quantity above 0, such as 4Gi or 3072Mi")),
        )
        .meta({ description, allowed, alsoAccepts: [{ type: "number", exclusiveMinimum: 0 }] });
}

/** The object schema inside a declared section (under its default, optional and preprocessing wrappers). */
function objectOf(schema: z.ZodType): z.ZodObject {
    let current: z.ZodType = schema;
    for (;;) {
        if (current instanceof z.ZodObject) return current;
        if (current instanceof z.ZodPrefault || current instanceof z.ZodDefault || current instanceof z.ZodOptional)
            current = current.unwrap() as z.ZodType;
        else if (current instanceof z.ZodPipe) current = current.out as z.ZodType;
        else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
        else throw new Error(`not a section: ${current.type}`);
    }
}

/** The keys a section declares, in declaration order. */
export function keysOf(schema: z.ZodType): string[] {
    return Object.keys(objectOf(schema).shape);
}
