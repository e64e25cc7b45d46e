/**
 * Validation primitives for stack configuration. Every reader records what is wrong instead of throwing,
 * so one run reports every bad value together (issue: "several errors are reported together").
 * Each issue names the full config key, the value given and what is allowed.
 */

import { parseQuantity } from "../policy/kubernetes/quantity";

export const CONFIG_NAMESPACE = "xroad-sidecar";

export interface ConfigIssue {
    /** Full key, for example `xroad-sidecar:instances[0].name`. */
    key: string;
    /** The offending value as the user wrote it (undefined when a required key is missing). */
    value: unknown;
    /** What would have been accepted. */
    allowed: string;
}

export function formatIssue(issue: ConfigIssue): string {
    const shown = issue.value === undefined ? "(not set)" : JSON.stringify(issue.value);
    return `${issue.key}: ${shown} is not valid; allowed: ${issue.allowed}`;
}

/** Thrown once, after every section was read, when any value was invalid. */
export class ConfigValidationError extends Error {
    constructor(readonly issues: ConfigIssue[]) {
        super(
            `Invalid stack configuration (${issues.length} error${issues.length === 1 ? "" : "s"}):\n` +
                issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
        );
        this.name = "ConfigValidationError";
    }
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// What the config accepts; the value itself is read by the one quantity parser the policies use too.
const CPU_QUANTITY = /^(\d+(\.\d+)?|\d+m)$/;
// Kubernetes' decimal kilo is a lowercase k.
const MEMORY_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;

/** CPU quantity in millicores, or undefined when malformed. */
export function cpuMillis(quantity: string): number | undefined {
    const cores = CPU_QUANTITY.test(quantity) ? parseQuantity(quantity) : undefined;
    return cores === undefined ? undefined : Math.round(cores * 1000);
}

/** Memory quantity in bytes, or undefined when malformed. */
export function memoryBytes(quantity: string): number | undefined {
    const bytes = MEMORY_QUANTITY.test(quantity) ? parseQuantity(quantity) : undefined;
    return bytes === undefined ? undefined : Math.round(bytes);
}

/** True for an IPv4 CIDR such as 10.0.0.0/16 whose octets and prefix are in range. */
export function isIpv4Cidr(value: string): boolean {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m) return false;
    const octets = m.slice(1, 5).map(Number);
    return octets.every((o) => o <= 255) && Number(m[5]) <= 32;
}

export function isDnsLabel(value: string): boolean {
    return value.length <= 63 && DNS_1123_LABEL.test(value);
}

/** A pattern (a RegExp or any predicate with the same shape) and the sentence that describes it. */
export interface Rule {
    pattern: { test(value: string): boolean };
    allowed: string;
}

/**
 * Reads typed values out of untyped config. Pulumi hands scalars over as strings ("3", "true")
 * and structured values as JSON, so each reader accepts both the string and the native form.
 */
export class Checker {
    readonly issues: ConfigIssue[] = [];

    key(path: string): string {
        return `${CONFIG_NAMESPACE}:${path}`;
    }

    fail(path: string, value: unknown, allowed: string): void {
        this.issues.push({ key: this.key(path), value, allowed });
    }

    /** An object section, or undefined (with an issue) when the value is not an object. */
    section(path: string, value: unknown): Record<string, unknown> {
        if (value === undefined || value === null) return {};
        if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
        this.fail(path, value, "an object");
        return {};
    }

    /** Reports keys of a section this program does not know, which are almost always typos. */
    knownKeys(path: string, section: Record<string, unknown>, known: readonly string[]): void {
        for (const k of Object.keys(section)) {
            if (!known.includes(k)) this.fail(path ? `${path}.${k}` : k, section[k], `a known setting (${known.join(", ")})`);
        }
    }

    oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], fallback?: T): T {
        if (value === undefined && fallback !== undefined) return fallback;
        if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
        this.fail(path, value, `one of ${allowed.join(", ")}`);
        return fallback ?? allowed[0];
    }

    string(path: string, value: unknown, fallback?: string, rule?: Rule): string {
        if (value === undefined && fallback !== undefined) return fallback;
        if (typeof value !== "string" || value.length === 0) {
            this.fail(path, value, rule?.allowed ?? "a non-empty string");
            return fallback ?? "";
        }
        if (rule && !rule.pattern.test(value)) {
            this.fail(path, value, rule.allowed);
            return fallback ?? value;
        }
        return value;
    }

    optionalString(path: string, value: unknown, rule?: Rule): string | undefined {
        if (value === undefined || value === null || value === "") return undefined;
        return this.string(path, value, undefined, rule);
    }

    integer(path: string, value: unknown, range: { min: number; max: number }, fallback?: number): number {
        if (value === undefined && fallback !== undefined) return fallback;
        const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(n) || n < range.min || n > range.max) {
            this.fail(path, value, `an integer from ${range.min} to ${range.max}`);
            return fallback ?? range.min;
        }
        return n;
    }

    /** An integer that must be one of a fixed set, such as CloudWatch retention periods. */
    integerIn(path: string, value: unknown, allowed: readonly number[], fallback: number): number {
        if (value === undefined) return fallback;
        const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
        if (!allowed.includes(n)) {
            this.fail(path, value, `one of ${allowed.join(", ")}`);
            return fallback;
        }
        return n;
    }

    boolean(path: string, value: unknown, fallback: boolean): boolean {
        if (value === undefined) return fallback;
        if (value === true || value === "true") return true;
        if (value === false || value === "false") return false;
        this.fail(path, value, "true or false");
        return fallback;
    }

    dnsLabel(path: string, value: unknown, fallback?: string): string {
        return this.string(path, value, fallback, {
            pattern: { test: isDnsLabel },
            allowed: "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
        });
    }

    cidr(path: string, value: unknown, fallback?: string): string {
        return this.string(path, value, fallback, {
            pattern: { test: isIpv4Cidr },
            allowed: "an IPv4 CIDR such as 10.0.0.0/16",
        });
    }

    list(path: string, value: unknown, fallback: unknown[] = []): unknown[] {
        if (value === undefined || value === null) return fallback;
        if (Array.isArray(value)) return value;
        this.fail(path, value, "a list");
        return fallback;
    }

    stringList(path: string, value: unknown, fallback: string[] = [], each?: (path: string, v: unknown) => string): string[] {
        return this.list(path, value, fallback).map((v, i) => (each ? each(`${path}[${i}]`, v) : this.string(`${path}[${i}]`, v)));
    }

    cidrList(path: string, value: unknown, fallback: string[] = []): string[] {
        return this.stringList(path, value, fallback, (p, v) => this.cidr(p, v));
    }

    /** A map of string to string, such as labels. */
    stringMap(path: string, value: unknown, fallback: Record<string, string> = {}): Record<string, string> {
        if (value === undefined || value === null) return fallback;
        const section = this.section(path, value);
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(section)) out[k] = this.string(`${path}.${k}`, v);
        return out;
    }

    cpu(path: string, value: unknown, fallback: string): string {
        const s = typeof value === "number" ? String(value) : value;
        return this.string(path, s, fallback, { pattern: CPU_QUANTITY, allowed: "a CPU quantity such as 2, 1.5 or 500m" });
    }

    memory(path: string, value: unknown, fallback: string): string {
        return this.string(path, value, fallback, { pattern: MEMORY_QUANTITY, allowed: "a memory quantity such as 4Gi or 3072Mi" });
    }

    /** Reports `min` above `max` once, naming both keys. */
    minNotAboveMax(minPath: string, min: number, maxPath: string, max: number): void {
        if (min > max) this.fail(minPath, min, `a value not above ${this.key(maxPath)} (${max})`);
    }
}
