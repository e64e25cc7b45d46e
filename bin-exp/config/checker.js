"use strict";
/**
 * Validation primitives for stack configuration. Every reader records what is wrong instead of throwing,
 * so one run reports every bad value together (issue: "several errors are reported together").
 * Each issue names the full config key, the value given and what is allowed.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.Checker = exports.MAX_CPU_CORES = exports.ConfigValidationError = exports.HIDDEN = exports.CONFIG_NAMESPACE = void 0;
exports.isSecretPath = isSecretPath;
exports.formatIssue = formatIssue;
exports.cpuMillis = cpuMillis;
exports.memoryBytes = memoryBytes;
exports.isIpv4Cidr = isIpv4Cidr;
exports.canonicalCidr = canonicalCidr;
exports.isLabelKey = isLabelKey;
exports.isLabelValue = isLabelValue;
exports.isDnsLabel = isDnsLabel;
const quantity_1 = require("../policy/kubernetes/quantity");
exports.CONFIG_NAMESPACE = "xroad-sidecar";
/** Stands in for a value that must not be printed (issue 14: secrets are never echoed). */
exports.HIDDEN = "[secret]";
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
function wordsOf(segment) {
    return segment
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toLowerCase());
}
/** True when a config path (without the namespace) may hold a secret value. */
function isSecretPath(path) {
    return path
        .split(/[.[\]]/)
        .filter((segment) => segment !== "" && !NOT_SECRET_KEYS.has(segment))
        .some((segment) => wordsOf(segment).some((w) => SECRET_WORDS.has(w)) || /connectionstring/i.test(segment.replace(/[^A-Za-z]/g, "")));
}
/** Marks an unknown key, whose value is never shown: it may be a secret under a misspelled key. */
const UNKNOWN_KEY = Symbol("unknown key");
/** How a value reads in a message: short, never a dump of a whole section. */
function showValue(value) {
    if (value === undefined)
        return "(not set)";
    if (value === null || value === "")
        return "(empty)";
    if (value === exports.HIDDEN)
        return JSON.stringify(exports.HIDDEN);
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
function formatIssue(issue) {
    if (issue.value === UNKNOWN_KEY)
        return `${issue.key} is not a known key; allowed here: ${issue.allowed}`;
    return `${issue.key}: ${showValue(issue.value)} is not valid; allowed: ${issue.allowed}`;
}
/** Thrown once, after every section was read, when any value was invalid. */
class ConfigValidationError extends Error {
    issues;
    stack;
    constructor(issues, 
    /** The stack whose configuration is invalid, named in the message (promote reads two). */
    stack) {
        super(`Invalid configuration${stack === undefined ? "" : ` of stack ${stack}`} (${issues.length} error${issues.length === 1 ? "" : "s"}):\n` +
            issues.map((i) => `  - ${formatIssue(i)}`).join("\n"));
        this.issues = issues;
        this.stack = stack;
        this.name = "ConfigValidationError";
    }
}
exports.ConfigValidationError = ConfigValidationError;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** More than any node type this project accepts offers one pod; a larger value is a unit mistake (2000 for 2000m). */
exports.MAX_CPU_CORES = 64;
// What the config accepts; the value itself is read by the one quantity parser the policies use too.
const CPU_QUANTITY = /^(\d+(\.\d+)?|\d+m)$/;
// Kubernetes' decimal kilo is a lowercase k.
const MEMORY_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
/** CPU quantity in millicores, or undefined when malformed. */
function cpuMillis(quantity) {
    const cores = CPU_QUANTITY.test(quantity) ? (0, quantity_1.parseQuantity)(quantity) : undefined;
    return cores === undefined ? undefined : Math.round(cores * 1000);
}
/** Memory quantity in bytes, or undefined when malformed. */
function memoryBytes(quantity) {
    const bytes = MEMORY_QUANTITY.test(quantity) ? (0, quantity_1.parseQuantity)(quantity) : undefined;
    return bytes === undefined ? undefined : Math.round(bytes);
}
/**
 * True for a canonical IPv4 CIDR such as 10.0.0.0/16: octets and prefix in range, no leading zeros
 * (which some parsers read as octal) and no host bits, so the value means exactly what it says.
 */
function isIpv4Cidr(value) {
    const m = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\/(0|[1-9]\d?)$/.exec(value);
    if (!m)
        return false;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (!octets.every((o) => o <= 255) || prefix > 32)
        return false;
    const address = octets.reduce((a, o) => a * 256 + o, 0);
    const hostSize = 2 ** (32 - prefix);
    return address % hostSize === 0;
}
/** The same CIDR with its host bits cleared, for the error message: 10.20.0.5/16 → 10.20.0.0/16. */
function canonicalCidr(value) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m)
        return undefined;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (!octets.every((o) => o <= 255) || prefix > 32)
        return undefined;
    const hostSize = 2 ** (32 - prefix);
    const network = Math.floor(octets.reduce((a, o) => a * 256 + o, 0) / hostSize) * hostSize;
    return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${prefix}`;
}
// Kubernetes label syntax (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue).
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A label key: an optional DNS subdomain prefix (≤ 253) and `/`, then a name of at most 63 characters. */
function isLabelKey(key) {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_1123_SUBDOMAIN.test(prefix)))
        return false;
    return name.length <= 63 && LABEL_NAME.test(name);
}
/** A label value: empty, or at most 63 characters of alphanumerics, `-`, `_` and `.`, alphanumeric at both ends. */
function isLabelValue(value) {
    return value === "" || (value.length <= 63 && LABEL_NAME.test(value));
}
function isDnsLabel(value) {
    return value.length <= 63 && DNS_1123_LABEL.test(value);
}
/**
 * Reads typed values out of untyped config. Pulumi hands scalars over as strings ("3", "true")
 * and structured values as JSON, so each reader accepts both the string and the native form.
 */
class Checker {
    issues = [];
    /** Things that plan but deserve attention, such as a secret stored in plain text. */
    warnings = [];
    key(path) {
        return `${exports.CONFIG_NAMESPACE}:${path}`;
    }
    /** Records an issue; the value is hidden when the path may hold a secret. */
    fail(path, value, allowed) {
        this.issues.push({ key: this.key(path), value: isSecretPath(path) ? exports.HIDDEN : value, allowed });
    }
    /** A config key outside the project's namespace and the providers'. */
    unknownNamespace(fullKey, providers) {
        this.issues.push({
            key: fullKey,
            value: UNKNOWN_KEY,
            allowed: `a key in the project's namespace (${exports.CONFIG_NAMESPACE}:) or a provider's (${providers.map((p) => `${p}:`).join(", ")})`,
        });
    }
    /** A key not declared at this place of the schema; its value is never shown (it may be a misspelled secret). */
    unknownKey(path, allowed) {
        this.issues.push({ key: this.key(path), value: UNKNOWN_KEY, allowed });
    }
    warn(message) {
        this.warnings.push(message);
    }
    /** An object section, or undefined (with an issue) when the value is not an object. */
    section(path, value) {
        if (value === undefined || value === null)
            return {};
        if (typeof value === "object" && !Array.isArray(value))
            return value;
        this.fail(path, value, "an object");
        return {};
    }
    /**
     * Reports keys of a section this program does not know, which are almost always typos. The value of
     * an unknown key is never shown: it may be a secret under a misspelled key (`secret:` for `secrets:`).
     */
    knownKeys(path, section, known) {
        for (const k of Object.keys(section)) {
            if (!known.includes(k))
                this.unknownKey(path ? `${path}.${k}` : k, known.join(", "));
        }
    }
    oneOf(path, value, allowed, fallback) {
        if (value === undefined && fallback !== undefined)
            return fallback;
        if (typeof value === "string" && allowed.includes(value))
            return value;
        this.fail(path, value, `one of ${allowed.join(", ")}`);
        return fallback ?? allowed[0];
    }
    string(path, value, fallback, rule) {
        if (value === undefined && fallback !== undefined)
            return fallback;
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
    optionalString(path, value, rule) {
        if (value === undefined || value === null || value === "")
            return undefined;
        return this.string(path, value, undefined, rule);
    }
    integer(path, value, range, fallback) {
        if (value === undefined && fallback !== undefined)
            return fallback;
        const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(n) || n < range.min || n > range.max) {
            this.fail(path, value, `an integer from ${range.min} to ${range.max}`);
            return fallback ?? range.min;
        }
        return n;
    }
    /** An integer that must be one of a fixed set, such as CloudWatch retention periods. */
    integerIn(path, value, allowed, fallback) {
        if (value === undefined)
            return fallback;
        const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
        if (!allowed.includes(n)) {
            this.fail(path, value, `one of ${allowed.join(", ")}`);
            return fallback;
        }
        return n;
    }
    boolean(path, value, fallback) {
        if (value === undefined)
            return fallback;
        if (value === true || value === "true")
            return true;
        if (value === false || value === "false")
            return false;
        this.fail(path, value, "true or false");
        return fallback;
    }
    dnsLabel(path, value, fallback) {
        return this.string(path, value, fallback, {
            pattern: { test: isDnsLabel },
            allowed: "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
        });
    }
    cidr(path, value, fallback) {
        const canonical = typeof value === "string" ? canonicalCidr(value) : undefined;
        return this.string(path, value, fallback, {
            pattern: { test: isIpv4Cidr },
            allowed: canonical !== undefined && canonical !== value
                ? `a canonical IPv4 CIDR without host bits or leading zeros: ${canonical}`
                : "an IPv4 CIDR such as 10.0.0.0/16",
        });
    }
    list(path, value, fallback = []) {
        if (value === undefined || value === null)
            return fallback;
        if (Array.isArray(value))
            return value;
        this.fail(path, value, "a list");
        return fallback;
    }
    stringList(path, value, fallback = [], each) {
        return this.list(path, value, fallback).map((v, i) => (each ? each(`${path}[${i}]`, v) : this.string(`${path}[${i}]`, v)));
    }
    cidrList(path, value, fallback = []) {
        return this.stringList(path, value, fallback, (p, v) => this.cidr(p, v));
    }
    /** A map of string to string, such as labels. */
    stringMap(path, value, fallback = {}) {
        if (value === undefined || value === null)
            return fallback;
        const section = this.section(path, value);
        const out = {};
        for (const [k, v] of Object.entries(section))
            out[k] = this.string(`${path}.${k}`, v);
        return out;
    }
    /** Label keys and values in Kubernetes syntax, such as a pod selector. */
    labels(path, value, fallback = {}) {
        const labels = this.stringMap(path, value, fallback);
        for (const [k, v] of Object.entries(labels)) {
            if (!isLabelKey(k))
                this.fail(`${path}.${k}`, k, "a label key: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.'");
            else if (!isLabelValue(v))
                this.fail(`${path}.${k}`, v, "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        return labels;
    }
    /** A positive CPU quantity of at most {@link MAX_CPU_CORES} cores: no node offers more to one pod. */
    cpu(path, value, fallback) {
        const s = typeof value === "number" ? String(value) : value;
        const cpu = this.string(path, s, fallback, { pattern: CPU_QUANTITY, allowed: "a CPU quantity such as 2, 1.5 or 500m" });
        const millis = cpuMillis(cpu);
        if (millis !== undefined && (millis <= 0 || millis > exports.MAX_CPU_CORES * 1000))
            this.fail(path, s, `a CPU quantity above 0 and at most ${exports.MAX_CPU_CORES} (cores; write millicores with m, such as 2000m)`);
        return cpu;
    }
    /** A positive memory or storage quantity. */
    memory(path, value, fallback) {
        const s = typeof value === "number" ? String(value) : value;
        const memory = this.string(path, s, fallback, { pattern: MEMORY_QUANTITY, allowed: "a memory quantity such as 4Gi or 3072Mi" });
        const bytes = memoryBytes(memory);
        if (bytes !== undefined && bytes <= 0)
            this.fail(path, s, "a quantity above 0, such as 4Gi or 3072Mi");
        return memory;
    }
    /** Reports `min` above `max` once, naming both keys. */
    minNotAboveMax(minPath, min, maxPath, max) {
        if (min > max)
            this.fail(minPath, min, `a value not above ${this.key(maxPath)} (${max})`);
    }
}
exports.Checker = Checker;
