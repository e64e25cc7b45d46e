"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isEnforcementLevel = isEnforcementLevel;
exports.resolveLevel = resolveLevel;
exports.schemaDefaults = schemaDefaults;
exports.policyConfig = policyConfig;
exports.validatePolicyPackConfig = validatePolicyPackConfig;
const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
function isEnforcementLevel(value) {
    return typeof value === "string" && LEVELS.includes(value);
}
/** A string entry is shorthand for `{enforcementLevel}` (as in the SDK's PolicyPack config normalisation). */
function normalizeEntry(entry) {
    if (entry === undefined)
        return undefined;
    if (typeof entry === "string")
        return { enforcementLevel: entry };
    return entry;
}
/**
 * The config the CLI sends for one policy: the `all` level, then the policy's own entry on top
 * (the CLI's ReconcilePolicyPackConfig lets a named policy's entry win over `all`).
 */
function policyConfigEntry(config, policyName) {
    const all = normalizeEntry(config?.all);
    const own = normalizeEntry(config?.[policyName]);
    if (!all && !own)
        return undefined;
    return { ...(all?.enforcementLevel ? { enforcementLevel: all.enforcementLevel } : {}), ...(own ?? {}) };
}
/** Server rule: config[name].enforcementLevel || policy.enforcementLevel || pack level (default advisory). */
function resolveLevel(policy, config, packLevel = "advisory") {
    return policyConfigEntry(config, policy.name)?.enforcementLevel || policy.enforcementLevel || packLevel;
}
/** JSON-schema `default`s of the policy's configSchema, which the CLI fills in before it sends config. */
function schemaDefaults(schema) {
    const defaults = {};
    for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
        if (prop && typeof prop === "object" && "default" in prop)
            defaults[key] = prop.default;
    }
    return defaults;
}
/** What `args.getConfig()` returns: schema defaults merged with the configured properties, without enforcementLevel. */
function policyConfig(policy, config) {
    const entry = policyConfigEntry(config, policy.name) ?? {};
    const { enforcementLevel: _level, ...properties } = entry;
    return { ...schemaDefaults(policy.configSchema), ...properties };
}
function describeValue(value) {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
function typeOk(value, type) {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "boolean":
            return typeof value === "boolean";
        case "array":
            return Array.isArray(value);
        case "object":
            return value !== null && typeof value === "object" && !Array.isArray(value);
        case "null":
            return value === null;
        default:
            return true;
    }
}
/** What is wrong with `value` against a configSchema property (the subset of JSON schema the pack's policies use). */
function schemaProblem(value, prop) {
    const types = prop.type === undefined ? [] : Array.isArray(prop.type) ? prop.type : [prop.type];
    if (types.length > 0 && !types.some((t) => typeOk(value, t)))
        return `a value of type ${types.join(" or ")}`;
    if (prop.enum && !prop.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
        return `one of ${prop.enum.map((e) => JSON.stringify(e)).join(", ")}`;
    if (typeof value === "number" && prop.minimum !== undefined && value < prop.minimum)
        return `a number from ${prop.minimum}`;
    if (typeof value === "number" && prop.maximum !== undefined && value > prop.maximum)
        return `a number up to ${prop.maximum}`;
    if (Array.isArray(value) && prop.items) {
        for (const [i, item] of value.entries()) {
            const p = schemaProblem(item, prop.items);
            if (p)
                return `a list whose items are ${p} (item ${i} is ${describeValue(item)})`;
        }
    }
    return undefined;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length];
}
/**
 * Problems of a policy pack config (a `--policy-pack-config` file), each naming key, value and what is allowed, as
 * stack config errors do: unknown policy names, invalid enforcement levels, properties a policy's configSchema does
 * not define or values it does not accept. Empty when the config is valid.
 */
function validatePolicyPackConfig(config, policies) {
    if (config === null || typeof config !== "object" || Array.isArray(config))
        return [`the policy config is ${describeValue(config)}; allowed: an object of policy names (or "all") to levels or settings`];
    const byName = new Map(policies.map((p) => [p.name, p]));
    const problems = [];
    const levels = LEVELS.join(", ");
    for (const [name, entry] of Object.entries(config)) {
        const policy = byName.get(name);
        if (name !== "all" && !policy) {
            const near = [...byName.keys()].filter((n) => editDistance(n, name) <= Math.max(2, Math.floor(name.length / 5)));
            problems.push(`${name}: not a policy of this pack; allowed: "all" or a policy name${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""} (see policy/README.md)`);
            continue;
        }
        if (typeof entry === "string") {
            if (!isEnforcementLevel(entry))
                problems.push(`${name}: ${describeValue(entry)} is not valid; allowed: one of ${levels}`);
            continue;
        }
        if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            problems.push(`${name}: ${describeValue(entry)} is not valid; allowed: an enforcement level (${levels}) or an object of settings`);
            continue;
        }
        for (const [key, value] of Object.entries(entry)) {
            if (key === "enforcementLevel") {
                if (!isEnforcementLevel(value))
                    problems.push(`${name}.enforcementLevel: ${describeValue(value)} is not valid; allowed: one of ${levels}`);
                continue;
            }
            const properties = (policy?.configSchema?.properties ?? {});
            const prop = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
            if (!prop) {
                const known = Object.keys(properties);
                problems.push(`${name}.${key}: ${describeValue(value)} is not valid; allowed: ${name === "all" ? "only enforcementLevel under all" : `enforcementLevel${known.length ? `, ${known.join(", ")}` : ""}`}`);
                continue;
            }
            const problem = schemaProblem(value, prop);
            if (problem)
                problems.push(`${name}.${key}: ${describeValue(value)} is not valid; allowed: ${problem}`);
        }
    }
    return problems;
}
