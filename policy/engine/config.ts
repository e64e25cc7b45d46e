import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { AnyPolicy, PolicyConfigEntry, PolicyPackConfig } from "./types";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

type NormalizedEntry = { enforcementLevel?: EnforcementLevel } & Record<string, unknown>;

/** A string entry is shorthand for `{enforcementLevel}` (as in the SDK's PolicyPack config normalisation). */
function normalizeEntry(entry: PolicyConfigEntry | undefined): NormalizedEntry | undefined {
    if (entry === undefined) return undefined;
    if (typeof entry === "string") return { enforcementLevel: entry };
    return entry;
}

/**
 * The config the CLI sends for one policy: the `all` level, then the policy's own entry on top
 * (the CLI's ReconcilePolicyPackConfig lets a named policy's entry win over `all`).
 */
export function policyConfigEntry(config: PolicyPackConfig | undefined, policyName: string): NormalizedEntry | undefined {
    const all = normalizeEntry(config?.all);
    const own = normalizeEntry(config?.[policyName]);
    if (!all && !own) return undefined;
    return { ...(all?.enforcementLevel ? { enforcementLevel: all.enforcementLevel } : {}), ...(own ?? {}) };
}

/** Server rule: config[name].enforcementLevel || policy.enforcementLevel || pack level (default advisory). */
export function resolveLevel(policy: AnyPolicy, config?: PolicyPackConfig, packLevel: EnforcementLevel = "advisory"): EnforcementLevel {
    return policyConfigEntry(config, policy.name)?.enforcementLevel || policy.enforcementLevel || packLevel;
}

/** JSON-schema `default`s of the policy's configSchema, which the CLI fills in before it sends config. */
export function schemaDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
        if (prop && typeof prop === "object" && "default" in prop) defaults[key] = (prop as { default?: unknown }).default;
    }
    return defaults;
}

/** What `args.getConfig()` returns: schema defaults merged with the configured properties, without enforcementLevel. */
export function policyConfig(policy: AnyPolicy, config?: PolicyPackConfig): Record<string, unknown> {
    const entry = policyConfigEntry(config, policy.name) ?? {};
    const { enforcementLevel: _level, ...properties } = entry;
    return { ...schemaDefaults(policy.configSchema), ...properties };
}
