/**
 * Validation primitives for stack configuration. Every reader records what is wrong instead of throwing,
 * so one run reports every bad value together (issue: "several errors are reported together").
 * Each issue names the full config key, the value given and what is allowed.
 */

import { parseQuantity } from "../kubernetes-model/quantity";

export const CONFIG_NAMESPACE = "xroad-sidecar";

export interface ConfigIssue {
    /** Full key, for example `xroad-sidecar:instances[0].name`. */
    key: string;
    /**
     * The offending value as it may be shown: secret values, values at secret-looking paths and values of
     * unknown keys are replaced by {@link HIDDEN}; undefined when a required key is missing.
     */
    value: unknown;
    /** What would have been accepted. */
    allowed: string;
}

/** Stands in for a value that must not be printed (issue 14: secrets are never echoed). */
export const HIDDEN = "[secret]";

/**
 * Paths whose values are never printed: everything under `secrets`, and any key with a word that suggests a
 * credential, wherever it is (a password pasted into the wrong section is still a password).
 */
const SECRET_WORDS = new Set([
    "secret",
    "secrets",
    "pin",
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "token",
    "key",
    "keys",
    "credential",
    "credentials",
    // A webhook URL carries its token in the path (Slack, Teams, PagerDuty): never print it.
    "webhook",
    "webhooks",
]);
/** Settings whose names contain such a word but which hold no secret. */
const NOT_SECRET_KEYS = new Set(["secretsEncryption"]);

/** The words of a key: `adminPassword` → admin, password; `DB_PWD` → db, pwd. */
function wordsOf(segment: string): string[] {
    return segment
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toLowerCase());
}

/** True when a config path (without the namespace) may hold a secret value. */
export function isSecretPath(path: string): boolean {
    return path
        .split(/[.[\]]/)
        .filter((segment) => segment !== "" && !NOT_SECRET_KEYS.has(segment))
        .some(
            (segment) => wordsOf(segment).some((w) => SECRET_WORDS.has(w)) || /connectionstring/i.test(segment.replace(/[^A-Za-z]/g, "")),
        );
}

/** Marks an unknown key, whose value is never shown: it may be a secret under a misspelled key. */
const UNKNOWN_KEY = Symbol("unknown key");

/** How a value reads in a message: short, never a dump of a whole section. */
function showValue(value: unknown): string {
    if (value === undefined) return "(not set)";
    if (value === null || value === "") return "(empty)";
    if (value === HIDDEN) return JSON.stringify(HIDDEN);
    if (Array.isArray(value)) {
        const scalars = value.every((v) => v === null || typeof v !== "object");
        const text = JSON.stringify(value);
        return scalars && text.length <= 120 ? text : `(a list of ${value.length})`;
    }
    if (typeof value === "object") {
        const keys = Object.keys(value);
        return keys.length === 0 ? "{}" : `(a section with ${keys.join(", ")})`;
    }
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}..."` : text;
}

export function formatIssue(issue: ConfigIssue): string {
    if (issue.value === UNKNOWN_KEY) return `${issue.key} is not a known key; allowed here: ${issue.allowed}`;
    return `${issue.key}: ${showValue(issue.value)} is not valid; allowed: ${issue.allowed}`;
}

/** Thrown once, after every section was read, when any value was invalid. */
export class ConfigValidationError extends Error {
    constructor(
        readonly issues: ConfigIssue[],
        /** The stack whose configuration is invalid, named in the message (promote reads two). */
        readonly stack?: string,
    ) {
        super(
            `Invalid configuration${stack === undefined ? "" : ` of stack ${stack}`} (${issues.length} error${issues.length === 1 ? "" : "s"}):\n` +
                issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
        );
        this.name = "ConfigValidationError";
    }
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** More than any node type this project accepts offers one pod; a larger value is a unit mistake (2000 for 2000m). */
export const MAX_CPU_CORES = 64;
// What the config accepts; the value itself is read by the one quantity parser the policies use too.
export const CPU_QUANTITY = /^(\d+(\.\d+)?|\d+m)$/;
// Kubernetes' decimal kilo is a lowercase k.
export const MEMORY_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;

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

// Kubernetes label syntax (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue).
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A label key: an optional DNS subdomain prefix (≤ 253) and `/`, then a name of at most 63 characters. */
export function isLabelKey(key: string): boolean {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_1123_SUBDOMAIN.test(prefix))) return false;
    return name.length <= 63 && LABEL_NAME.test(name);
}

/** A label value: empty, or at most 63 characters of alphanumerics, `-`, `_` and `.`, alphanumeric at both ends. */
export function isLabelValue(value: string): boolean {
    return value === "" || (value.length <= 63 && LABEL_NAME.test(value));
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
 * Collects what is wrong with a stack's configuration, and what deserves a warning, so that one run reports
 * everything. Each value's own check lives in its schema (config/kinds.ts, through config/parse.ts); the rules
 * that relate settings record their findings here.
 */
export class Checker {
    readonly issues: ConfigIssue[] = [];
    /** Things that plan but deserve attention, such as a secret stored in plain text. */
    readonly warnings: string[] = [];

    key(path: string): string {
        return `${CONFIG_NAMESPACE}:${path}`;
    }

    /** Records an issue; the value is hidden when the path may hold a secret. */
    fail(path: string, value: unknown, allowed: string): void {
        this.issues.push({ key: this.key(path), value: isSecretPath(path) ? HIDDEN : value, allowed });
    }

    /**
     * Whether an issue was recorded at or under this path already: a rule need not repeat what a value's own
     * check said (an empty list after its one bad item was refused, say).
     */
    reported(path: string): boolean {
        const key = this.key(path);
        return this.issues.some((issue) => issue.key === key || issue.key.startsWith(`${key}.`) || issue.key.startsWith(`${key}[`));
    }

    /** A config key outside the project's namespace and the providers'. */
    unknownNamespace(fullKey: string, providers: readonly string[]): void {
        this.issues.push({
            key: fullKey,
            value: UNKNOWN_KEY,
            allowed: `a key in the project's namespace (${CONFIG_NAMESPACE}:) or a provider's (${providers.map((p) => `${p}:`).join(", ")})`,
        });
    }

    /** A key not declared at this place of the schema; its value is never shown (it may be a misspelled secret). */
    unknownKey(path: string, allowed: string): void {
        this.issues.push({ key: this.key(path), value: UNKNOWN_KEY, allowed });
    }

    warn(message: string): void {
        this.warnings.push(message);
    }

    /** An object section, or undefined (with an issue) when the value is not an object. */
    section(path: string, value: unknown): Record<string, unknown> {
        if (value === undefined || value === null) return {};
        if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
        this.fail(path, value, "an object");
        return {};
    }

    /**
     * Reports keys of a section this program does not know, which are almost always typos. The value of
     * an unknown key is never shown: it may be a secret under a misspelled key (`secret:` for `secrets:`).
     */
    knownKeys(path: string, section: Record<string, unknown>, known: readonly string[]): void {
        for (const k of Object.keys(section)) {
            if (!known.includes(k)) this.unknownKey(path ? `${path}.${k}` : k, known.join(", "));
        }
    }

    /** Reports `min` above `max` once, naming both keys. */
    minNotAboveMax(minPath: string, min: number, maxPath: string, max: number): void {
        if (min > max) this.fail(minPath, min, `a value not above ${this.key(maxPath)} (${max})`);
    }
}
