/**
 * Test harness: runs one policy the way the Pulumi policy server does (through policy/engine), on a
 * resource or a set of resources written as plain objects.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import { evaluate } from "../engine/evaluate";
import { AnyPolicy, EngineResource, EvaluationResult, PolicyPackConfig } from "../engine/types";
import { k8sTypeToken } from "../../kubernetes-model/types";

/** The SDK's unknown sentinels (what a preview sends for values not known yet); not in the package's .d.ts. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyExports: unknown = require("@pulumi/policy/proxy");
const proxyModule = proxyExports as {
    unknownStringValue: string;
    unknownArrayValue: string;
    unknownObjectValue: string;
    unknownBooleanValue: string;
    unknownNumberValue: string;
};
export const UNKNOWN = {
    string: proxyModule.unknownStringValue,
    array: proxyModule.unknownArrayValue,
    object: proxyModule.unknownObjectValue,
    boolean: proxyModule.unknownBooleanValue,
    number: proxyModule.unknownNumberValue,
};

export interface FakeResource {
    type: string;
    name?: string;
    props: Record<string, unknown>;
    parent?: string;
    dependsOn?: string[];
    propDeps?: Record<string, string[]>;
    providerProps?: Record<string, unknown>;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::proj::${type}::${name}`;
}

let counter = 0;

export function toEngine(r: FakeResource): EngineResource {
    const name = r.name ?? `${r.type.split(":").pop()?.toLowerCase()}-${counter++}`;
    return {
        type: r.type,
        name,
        urn: urnOf(r.type, name),
        props: r.props,
        parent: r.parent,
        dependencies: r.dependsOn,
        propertyDependencies: r.propDeps,
        provider: r.providerProps
            ? { type: "pulumi:providers:kubernetes", name: "k8s", urn: urnOf("pulumi:providers:kubernetes", "k8s"), props: r.providerProps }
            : undefined,
    };
}

/** A Kubernetes object as a test writes it: apiVersion, kind and metadata, the rest free-form. */
export interface ManifestObject {
    apiVersion: string;
    kind: string;
    metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    [field: string]: unknown;
}

/** A Kubernetes manifest object as a resource: type token from apiVersion/kind, name from metadata.name. */
export function k8s(manifest: ManifestObject, extra: Omit<FakeResource, "type" | "props"> = {}): FakeResource {
    return { type: k8sTypeToken(manifest.apiVersion, manifest.kind), name: manifest.metadata?.name, props: manifest, ...extra };
}

export interface RunOptions {
    config?: Record<string, unknown>;
    level?: EnforcementLevel;
    packLevel?: EnforcementLevel;
}

function packConfig(policy: AnyPolicy, options: RunOptions): PolicyPackConfig | undefined {
    if (!options.config && !options.level) return undefined;
    return { [policy.name]: { ...(options.level ? { enforcementLevel: options.level } : {}), ...(options.config ?? {}) } };
}

/**
 * Runs one policy over the resources as the pack runs under `pulumi preview` (unknown sentinels are advisory); violations of
 * that policy only.
 */
export async function run(
    policy: AnyPolicy,
    resources: FakeResource | FakeResource[],
    options: RunOptions = {},
): Promise<EvaluationResult> {
    const list = (Array.isArray(resources) ? resources : [resources]).map(toEngine);
    return evaluate([policy], list, { config: packConfig(policy, options), packLevel: options.packLevel, preview: true });
}

/** Just the messages of the violations. */
export async function messages(policy: AnyPolicy, resources: FakeResource | FakeResource[], options: RunOptions = {}): Promise<string[]> {
    return (await run(policy, resources, options)).violations.map((v) => v.message);
}

/** A Deployment with one container, customisable. */
export function deployment(
    name: string,
    namespace: string,
    podSpec: Record<string, unknown>,
    podLabels: Record<string, string> = { app: name },
): ManifestObject & {
    spec: {
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> };
    };
} {
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace },
        spec: { selector: { matchLabels: podLabels }, template: { metadata: { labels: podLabels }, spec: podSpec } },
    };
}

export const RESOURCES = { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } };
