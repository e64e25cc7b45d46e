/**
 * Validates a value against its schema (config/kinds.ts) and records every problem in the Checker's issue
 * format: the full key, the value as it may be shown (never a secret, never an unknown key's value) and what
 * is allowed. Like the readers before it, it keeps going: a bad value is reported and replaced by its default
 * so the cross-field rules still run and every error is reported together.
 */
import { z } from "zod";
import { Checker, HIDDEN } from "./checker";
import { UNKNOWN_KEY_MARK } from "./kinds";

type Segment = PropertyKey;

/** `instances[0].network.producers[1].ports`, the way every message names a key. */
function joinPath(prefix: string, segments: readonly Segment[]): string {
    let out = prefix;
    for (const segment of segments) {
        if (typeof segment === "number") out += `[${segment}]`;
        else out += out === "" ? String(segment) : `.${String(segment)}`;
    }
    return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What the user wrote at a path, before any conversion. */
function valueAt(root: unknown, segments: readonly Segment[]): unknown {
    let value = root;
    for (const segment of segments) {
        if (Array.isArray(value) && typeof segment === "number") value = value[segment];
        else if (isRecord(value)) value = value[String(segment)];
        else return undefined;
    }
    return value;
}

const REMOVED = Symbol("removed");

/** A copy without the values at the given paths: a removed key falls back to its default, a removed list item is dropped. */
function withoutPaths(root: unknown, paths: readonly (readonly Segment[])[]): unknown {
    if (paths.some((p) => p.length === 0)) return undefined;
    const copy: unknown = structuredClone(root);
    for (const path of paths) {
        const parent = valueAt(copy, path.slice(0, -1));
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === "number") parent[last] = REMOVED;
        else if (isRecord(parent)) delete parent[String(last)];
    }
    const prune = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.filter((v) => v !== REMOVED).map(prune);
        if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v)]));
        return value;
    };
    return prune(copy);
}

/**
 * Parses `raw` (the value at config path `path`) with `schema`. Returns the typed value, with the defaults of
 * any bad values, or undefined when even that cannot be built (a required value is missing or wrong); every
 * problem is recorded in `check` either way.
 */
export function parseSetting<S extends z.ZodType>(check: Checker, path: string, raw: unknown, schema: S): z.output<S> | undefined {
    const first = schema.safeParse(raw, { reportInput: true });
    if (first.success) return first.data;
    for (const issue of first.error.issues) {
        const key = joinPath(path, issue.path);
        if (issue.code === "unrecognized_keys") {
            // Never the value of an unknown key: it may be a secret under a misspelled key. A section may word the
            // issue itself (secrets: "a known secret"); the value is hidden then too.
            for (const unknown of issue.keys)
                if (issue.message.startsWith(UNKNOWN_KEY_MARK))
                    check.unknownKey(joinPath(key, [unknown]), issue.message.slice(UNKNOWN_KEY_MARK.length));
                else check.fail(joinPath(key, [unknown]), HIDDEN, issue.message);
            continue;
        }
        // The value as the check judged it: the text of a YAML number, or the part of a value (a label's key).
        const shown = issue.input !== undefined ? issue.input : valueAt(raw, issue.path);
        check.fail(key, shown, issue.message);
    }
    // Replace what failed by its default; where there is none (a required value), give up the enclosing value.
    let removed = failedPaths(first.error.issues);
    for (let attempt = 0; attempt < 5; attempt++) {
        const repaired = schema.safeParse(withoutPaths(raw, removed));
        if (repaired.success) return repaired.data;
        const again = failedPaths(repaired.error.issues).map((failed) =>
            removed.some((r) => r.length === failed.length && r.every((segment, i) => segment === failed[i]))
                ? failed.slice(0, -1)
                : failed,
        );
        removed = [...removed, ...again];
        if (removed.some((failed) => failed.length === 0)) return undefined;
    }
    return undefined;
}

function failedPaths(issues: readonly z.core.$ZodIssue[]): Segment[][] {
    return issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k]) : [[...i.path]]));
}
