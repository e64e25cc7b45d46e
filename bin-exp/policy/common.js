"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GUIDE_SECTIONS = void 0;
exports.guide = guide;
exports.effectiveNamespace = effectiveNamespace;
exports.isNamespaced = isNamespaced;
exports.configOf = configOf;
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const GUIDE_NAME = "NIIS Kubernetes Security Server Sidecar Security User Guide (UG-K-SS-SEC-SIDECAR)";
const GUIDE_VERSION = "1.5";
const GUIDE_URL = "https://github.com/nordic-institute/X-Road/blob/develop/doc/Sidecar/kubernetes_security_guide.md";
const ANCHORS = {
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
exports.GUIDE_SECTIONS = Object.keys(ANCHORS);
/** Metadata tying a policy to its guide section: framework, url and a `guide-§x` tag. */
function guide(section, ...extraTags) {
    const anchor = ANCHORS[section];
    if (!anchor)
        throw new Error(`unknown guide section ${section}`);
    return {
        framework: { name: GUIDE_NAME, version: GUIDE_VERSION, reference: GUIDE_URL, specification: `§${section}` },
        url: `${GUIDE_URL}#${anchor}`,
        tags: [`guide-§${section}`, ...extraTags],
    };
}
/** The namespace a namespaced Kubernetes object lands in: its own, else the provider's default, else `default`. */
function effectiveNamespace(props, provider) {
    const own = (0, workloads_1.asString)((0, workloads_1.asObj)(props.metadata)?.namespace);
    if (own)
        return own;
    const fromProvider = (0, workloads_1.asString)(provider?.props?.namespace);
    return fromProvider || "default";
}
function isNamespaced(type) {
    const kind = (0, types_1.k8sKind)(type);
    return kind !== undefined && !types_1.CLUSTER_SCOPED_KINDS.has(kind);
}
/**
 * A policy's config: its configSchema defaults under whatever `getConfig()` returns. The Pulumi CLI fills the
 * defaults before it configures the pack, but a policy server that was never configured (or an older CLI) hands
 * policies `{}`; reading through this keeps the thresholds defined either way.
 */
function configOf(policy, args) {
    const defaults = {};
    for (const [key, prop] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (prop && typeof prop === "object" && "default" in prop)
            defaults[key] = prop.default;
    }
    return { ...defaults, ...args.getConfig() };
}
