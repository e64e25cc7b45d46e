"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.podEndpoint = podEndpoint;
exports.addressEndpoint = addressEndpoint;
exports.evaluateFlow = evaluateFlow;
exports.networkPolicies = networkPolicies;
exports.workloadPods = workloadPods;
/**
 * A NetworkPolicy evaluator with the Kubernetes semantics (networking.k8s.io/v1 NetworkPolicy docs):
 * - a pod is isolated for a direction only when some policy of its namespace selects it with that policy
 *   type; an isolated pod admits what the union of those policies' rules admits;
 * - a connection between two pods needs both the source's egress and the destination's ingress;
 * - a peer is an ipBlock (address in `cidr`, not in any `except`), or pod/namespace selectors: a
 *   namespaceSelector (its labels, `{}` = every namespace) and/or a podSelector (absent = every pod;
 *   without namespaceSelector: the policy's own namespace);
 * - ports: absent or empty = every port; a port entry matches its protocol (default TCP) and a number,
 *   a number range (`endPort`), or a name, resolved against the destination pod's container ports.
 * Addresses outside the cluster (an IP endpoint) are never isolated. Pod IPs match ipBlocks the way
 * Calico and Cilium treat them when a pod has an address (the API leaves pod IPs in ipBlocks undefined).
 * Traffic from the node (kubelet probes) is not modelled: Kubernetes always allows it.
 */
const cidr_1 = require("./cidr");
const selectors_1 = require("./selectors");
const workloads_1 = require("./workloads");
const types_1 = require("./types");
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** A pod endpoint with the namespace name label the API server puts on every namespace. */
function podEndpoint(namespace, labels, extra = {}) {
    return {
        kind: "pod",
        name: extra.name ?? `pod ${JSON.stringify(labels)} in ${namespace}`,
        namespace,
        labels,
        ip: extra.ip,
        ports: extra.ports,
        namespaceLabels: { ...(extra.namespaceLabels ?? {}), [NAMESPACE_NAME_LABEL]: namespace },
    };
}
function addressEndpoint(name, ip) {
    return { kind: "address", name, ip };
}
function policyTypes(spec) {
    if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0)
        return spec.policyTypes.map(String);
    // Omitted policyTypes: Ingress always, Egress when egress rules exist (NetworkPolicySpec docs).
    return Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}
function policyName(np) {
    const meta = (0, workloads_1.asObj)(np.metadata) ?? {};
    return `${(0, workloads_1.asString)(meta.namespace) ?? "default"}/${(0, workloads_1.asString)(meta.name) ?? "?"}`;
}
function ipOf(e) {
    return e.kind === "address" ? e.ip : e.ip;
}
/** Whether one peer of a rule of a policy in `policyNamespace` names this endpoint. */
function peerMatches(peer, policyNamespace, e) {
    const ipBlock = (0, workloads_1.asObj)(peer.ipBlock);
    if (ipBlock) {
        const ip = ipOf(e);
        const cidr = (0, workloads_1.asString)(ipBlock.cidr);
        if (!ip || !cidr || !(0, cidr_1.cidrHas)(cidr, ip))
            return false;
        return !(Array.isArray(ipBlock.except) ? ipBlock.except : []).some((x) => typeof x === "string" && (0, cidr_1.cidrHas)(x, ip));
    }
    if (e.kind !== "pod")
        return false;
    const namespaceSelector = (0, workloads_1.asObj)(peer.namespaceSelector);
    const podSelector = (0, workloads_1.asObj)(peer.podSelector);
    if (!namespaceSelector && !podSelector)
        return false;
    const nsOk = namespaceSelector ? (0, selectors_1.selectorMatches)(namespaceSelector, e.namespaceLabels) : e.namespace === policyNamespace;
    return nsOk && (!podSelector || (0, selectors_1.selectorMatches)(podSelector, e.labels));
}
/** Whether a rule's ports admit `port`/`protocol` on the destination. */
function portsMatch(ports, port, protocol, destination) {
    const list = (0, workloads_1.asArray)(ports);
    if (!Array.isArray(ports) || ports.length === 0)
        return true;
    return list.some((p) => {
        if (((0, workloads_1.asString)(p.protocol) ?? "TCP") !== protocol)
            return false;
        if (p.port === undefined || p.port === null)
            return true;
        if (typeof p.port === "number") {
            const end = typeof p.endPort === "number" ? p.endPort : p.port;
            return p.port <= port && port <= end;
        }
        if (typeof p.port === "string") {
            if (destination.kind !== "pod")
                return false;
            return (destination.ports ?? []).some((c) => c.name === p.port && c.containerPort === port && (c.protocol ?? "TCP") === protocol);
        }
        return false;
    });
}
function side(policies, direction, subject, peer, q) {
    // Only pods are isolated; an address outside the cluster sends and receives freely.
    if (subject.kind !== "pod")
        return { allowed: true, isolated: false, allowedBy: [] };
    const protocol = q.protocol ?? "TCP";
    const selecting = policies.filter((np) => {
        const meta = (0, workloads_1.asObj)(np.metadata) ?? {};
        const spec = (0, workloads_1.asObj)(np.spec) ?? {};
        return (((0, workloads_1.asString)(meta.namespace) ?? "default") === subject.namespace &&
            policyTypes(spec).includes(direction) &&
            (0, selectors_1.selectorMatches)((0, workloads_1.asObj)(spec.podSelector) ?? {}, subject.labels));
    });
    if (selecting.length === 0)
        return { allowed: true, isolated: false, allowedBy: [] };
    const field = direction === "Ingress" ? "ingress" : "egress";
    const peersField = direction === "Ingress" ? "from" : "to";
    const destination = direction === "Ingress" ? subject : peer;
    const allowedBy = selecting
        .filter((np) => (0, workloads_1.asArray)((0, workloads_1.asObj)(np.spec)?.[field]).some((rule) => {
        const peers = rule[peersField];
        const peerOk = !Array.isArray(peers) || peers.length === 0 || (0, workloads_1.asArray)(peers).some((p) => peerMatches(p, subject.namespace, peer));
        return peerOk && portsMatch(rule.ports, q.port, protocol, destination);
    }))
        .map(policyName);
    return { allowed: allowedBy.length > 0, isolated: true, allowedBy };
}
/** Allow or deny for one connection, given every NetworkPolicy object (manifests) of the cluster. */
function evaluateFlow(policies, q) {
    const egress = side(policies, "Egress", q.from, q.to, q);
    const ingress = side(policies, "Ingress", q.to, q.from, q);
    return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}
/** The NetworkPolicy objects among manifests. */
function networkPolicies(objects) {
    return objects.filter((o) => o.kind === "NetworkPolicy" && (0, workloads_1.textOf)(o.apiVersion).startsWith("networking.k8s.io/"));
}
/** One pod endpoint per workload in the manifests (its template's labels and ports), with its namespace's labels. */
function workloadPods(objects) {
    const namespaceLabels = new Map();
    for (const o of objects.filter((x) => x.kind === "Namespace")) {
        const meta = (0, workloads_1.asObj)(o.metadata) ?? {};
        namespaceLabels.set((0, workloads_1.asString)(meta.name) ?? "", ((0, workloads_1.asObj)(meta.labels) ?? {}));
    }
    const out = [];
    for (const o of objects) {
        const type = (0, types_1.k8sTypeToken)((0, workloads_1.textOf)(o.apiVersion), (0, workloads_1.textOf)(o.kind));
        const tpl = (0, workloads_1.podTemplate)(type, o);
        if (!tpl)
            continue;
        const meta = (0, workloads_1.asObj)(o.metadata) ?? {};
        const namespace = (0, workloads_1.asString)(meta.namespace) ?? "default";
        const ports = (0, workloads_1.allContainers)(tpl.spec).flatMap((c) => (0, workloads_1.asArray)(c.container.ports)
            .filter((p) => typeof p.containerPort === "number")
            .map((p) => ({ name: (0, workloads_1.asString)(p.name), containerPort: p.containerPort, protocol: (0, workloads_1.asString)(p.protocol) })));
        const workload = `${String(o.kind)}/${(0, workloads_1.asString)(meta.name) ?? "?"}`;
        out.push({
            workload,
            pod: podEndpoint(namespace, ((0, workloads_1.asObj)(tpl.metadata.labels) ?? {}), {
                name: workload,
                ports,
                namespaceLabels: namespaceLabels.get(namespace),
            }),
        });
    }
    return out;
}
