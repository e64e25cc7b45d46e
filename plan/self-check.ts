/**
 * The offline plan's self-check: the whole CrossGuard pack over the resources a plan registered, through the
 * same engine the pack's tests use, with the policy config of the stack's environment (policy/config/dev.json
 * or prod.json). Resource inputs stand in for both inputs and outputs (the plan has no real outputs); secrets
 * are unwrapped, as the policy server hands them to policies.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate } from "../policy/engine/evaluate";
import { EngineResource, PolicyFinding, PolicyPackConfig } from "../policy/engine/types";
import { allPolicies } from "../policy/policies";
import { unwrapSecrets } from "./redact";
import { PlanResult, PlannedResource } from "./run";

const CONFIG_FILES: Record<"development" | "production", string> = {
    development: "dev.json",
    production: "prod.json",
};

/** The policy config file an environment is checked with. */
export function policyConfigFile(environment: "development" | "production"): string {
    return path.resolve(__dirname, "..", "policy", "config", CONFIG_FILES[environment]);
}

export function readPolicyConfig(environment: "development" | "production"): PolicyPackConfig {
    return JSON.parse(fs.readFileSync(policyConfigFile(environment), "utf8")) as PolicyPackConfig;
}

function asProps(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Planned resources as the policy server sees them: props with secrets unwrapped, the explicit provider resolved. */
export function engineResources(resources: PlannedResource[]): EngineResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => {
        // Provider references are `<urn>::<id>`.
        const providerUrn = r.provider ? r.provider.slice(0, r.provider.lastIndexOf("::")) : undefined;
        const provider = providerUrn ? byUrn.get(providerUrn) : undefined;
        return {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: asProps(unwrapSecrets(r.inputs)),
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            protect: r.protect,
            provider: provider
                ? { type: provider.type, name: provider.name, urn: provider.urn, props: asProps(unwrapSecrets(provider.inputs)) }
                : undefined,
        };
    });
}

export async function selfCheck(
    plan: PlanResult,
    environment?: "development" | "production",
): Promise<{ violations: PolicyFinding[]; mandatory: PolicyFinding[] }> {
    const env = environment ?? plan.config.environment;
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const result = await evaluate(allPolicies, engineResources(plan.resources), { config: readPolicyConfig(env) });
    // Each finding names its planned resource, for the report.
    const violations = result.violations.map((v): PolicyFinding => {
        const planned = v.urn ? byUrn.get(v.urn) : undefined;
        return planned ? { ...v, resource: { type: planned.type, name: planned.name } } : v;
    });
    return { violations, mandatory: violations.filter((v) => v.level === "mandatory") };
}

/** Report lines: one per violation, mandatory first, then a summary line. */
export function formatSelfCheck(
    report: { violations: PolicyFinding[]; mandatory: PolicyFinding[] },
    environment: "development" | "production",
): string[] {
    const header = `Policy self-check (${environment}: ${path.relative(process.cwd(), policyConfigFile(environment))}, ${allPolicies.length} policies)`;
    const sorted = [...report.violations].sort((a, b) =>
        a.level === b.level ? a.policy.localeCompare(b.policy) : a.level === "mandatory" ? -1 : 1,
    );
    const lines = sorted.map(
        (v) => `  [${v.level}] ${v.policy} ${v.resource?.type ?? ""}${v.resource?.name ? ` ${v.resource.name}` : ""}: ${v.message}`,
    );
    lines.push(
        report.violations.length === 0
            ? `${header}: no violations.`
            : `${header}: ${report.mandatory.length} mandatory, ${report.violations.length - report.mandatory.length} advisory violation(s).`,
    );
    return lines;
}
