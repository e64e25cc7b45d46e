import type { EnforcementLevel, Policy, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/** One resource as the engine evaluates it: what the Pulumi policy server deserializes from the engine's request. */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs (resource policies) or outputs (stack policies), secrets already unwrapped, unknowns as the SDK's sentinels. */
    props: Record<string, unknown>;
    /** URN of the parent resource. */
    parent?: string;
    /** URNs this resource depends on. */
    dependencies?: string[];
    /** URNs each input property depends on. */
    propertyDependencies?: Record<string, string[]>;
    /** The resource's explicit provider, as the server hands it to policies (the Kubernetes default namespace lives in its props). */
    provider?: { type: string; name: string; urn: string; props: Record<string, unknown> };
    protect?: boolean;
}

export type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** Effective levels a violation can carry (remediate is reported as mandatory, disabled never reports). */
export type ViolationLevel = "advisory" | "mandatory";

/**
 * One policy finding, the one shape for what a policy reported: the engine makes it, and the offline plan's
 * self-check, promote and `npm run check` report it.
 */
export interface PolicyFinding {
    policy: string;
    level: ViolationLevel;
    message: string;
    severity?: Policy["severity"];
    /** URN of the offending resource (always set for resource policies; set by stack policies when they name one). */
    urn?: string;
    /** True when the policy could not run because a value is unknown during preview (reported as advisory, like the server). */
    unknownAtPreview?: boolean;
    /**
     * The offending resource's type and name, for a report. The engine, like the policy server, reports only the URN;
     * the offline plan's self-check names the planned resource here.
     */
    resource?: { type: string; name: string };
}

export interface NotApplicable {
    policy: string;
    urn?: string;
    reason: string;
}

/** Per-policy config as in a `--policy-pack-config` file: a level, or an object with `enforcementLevel` and properties. */
export type PolicyConfigEntry = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);
export type PolicyPackConfig = Record<string, PolicyConfigEntry>;

export interface EvaluateOptions {
    config?: PolicyPackConfig;
    /** The pack's own enforcement level (PolicyPackArgs.enforcementLevel); "advisory" when omitted, as in the SDK. */
    packLevel?: EnforcementLevel;
    /** Skip stack policies (a resource-only pass) or resource policies. */
    only?: "resource" | "stack";
    /**
     * Evaluate as the policy server does under `pulumi preview`: props behind the SDK's unknown-checking proxy, and a
     * read of an unknown sentinel reported as an advisory "can't run during preview". Off by default: outside a preview
     * the sentinels are plain strings and no input value can lower a policy's level (fail closed).
     */
    preview?: boolean;
    /** Called after each policy ran (progress reporting). */
    onPolicy?: (name: string) => void;
}

export interface EvaluationResult {
    violations: PolicyFinding[];
    notApplicable: NotApplicable[];
}
