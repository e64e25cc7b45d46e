/** Shared metadata and helpers of the X-Road Sidecar policies. */
import type { PolicyComplianceFramework, PolicyConfigSchema } from "@pulumi/policy";
import { CLUSTER_SCOPED_KINDS, k8sKind } from "../kubernetes-model/types";
import { Obj, asObj, asString } from "../kubernetes-model/workloads";

const GUIDE_NAME = "NIIS Kubernetes Security Server Sidecar Security User Guide (UG-K-SS-SEC-SIDECAR)";
const GUIDE_VERSION = "1.5";
const GUIDE_URL = "https://github.com/nordic-institute/X-Road/blob/develop/doc/Sidecar/kubernetes_security_guide.md";

const ANCHORS: Record<string, string> = {
    "3": "3-handling-passwords-and-secrets",
    "3.1": "31-secrets-as-volume",
    "3.2": "32-secrets-as-environment-variables",
    "4.1": "41-create-a-kubeconfig",
    "4.2": "42-grant-cluster-access-to-users",
    "4.3": "43-restrict-namespace-access-to-a-cluster",
    "4.4": "44-kubernetes-dashboard",
    "5": "5-network-policies",
    "5.1": "51-create-network-policies",
    "6": "6-pod-security-admission",
    "7": "7-assign-resources-to-containers-and-pods",
    "8": "8-monitoring",
    "10": "10-message-logs",
    "11": "11-horizontal-pod-autoscaler-best-practices",
};

export const GUIDE_SECTIONS = Object.keys(ANCHORS);

/** Metadata tying a policy to its guide section: framework, url and a `guide-§x` tag. */
export function guide(
    section: keyof typeof ANCHORS,
    ...extraTags: string[]
): { framework: PolicyComplianceFramework; url: string; tags: string[] } {
    const anchor = ANCHORS[section];
    if (!anchor) throw new Error(`unknown guide section ${section}`);
    return {
        framework: { name: GUIDE_NAME, version: GUIDE_VERSION, reference: GUIDE_URL, specification: `§${section}` },
        url: `${GUIDE_URL}#${anchor}`,
        tags: [`guide-§${section}`, ...extraTags],
    };
}

/** The namespace a namespaced Kubernetes object lands in: its own, else the provider's default, else `default`. */
export function effectiveNamespace(props: Obj, provider?: { props: Obj }): string {
    const own = asString(asObj(props.metadata)?.namespace);
    if (own) return own;
    const fromProvider = asString(provider?.props?.namespace);
    return fromProvider || "default";
}

export function isNamespaced(type: string): boolean {
    const kind = k8sKind(type);
    return kind !== undefined && !CLUSTER_SCOPED_KINDS.has(kind);
}

/**
 * A policy's config: its configSchema defaults under whatever `getConfig()` returns. The Pulumi CLI fills the
 * defaults before it configures the pack, but a policy server that was never configured (or an older CLI) hands
 * policies `{}`; reading through this keeps the thresholds defined either way.
 */
export function configOf<T extends object>(policy: { configSchema?: PolicyConfigSchema }, args: { getConfig<C extends object>(): C }): T {
    const defaults: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (prop && typeof prop === "object" && "default" in prop) defaults[key] = (prop as { default?: unknown }).default;
    }
    return { ...defaults, ...args.getConfig<Record<string, unknown>>() } as T;
}
