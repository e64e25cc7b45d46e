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
import { cidrContains, parseCidr } from "./cidr";
import { selectorMatches } from "./selectors";
import { Obj, allContainers, asArray, asObj, asString, podTemplate, textOf } from "./workloads";
import { k8sTypeToken } from "./types";

const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

export interface ContainerPort {
    name?: string;
    containerPort: number;
    protocol?: string;
}

export interface PodEndpoint {
    kind: "pod";
    /** What the pod is, for reports (`secondary`, `a labelled consumer pod in apps`). */
    name: string;
    namespace: string;
    /** The namespace's labels; `kubernetes.io/metadata.name` is always present (the API server sets it). */
    namespaceLabels: Record<string, string>;
    labels: Record<string, string>;
    /** The pod's address, for ipBlock peers. */
    ip?: string;
    /** Container ports, for named ports. */
    ports?: ContainerPort[];
}

export interface AddressEndpoint {
    kind: "address";
    name: string;
    ip: string;
}

export type Endpoint = PodEndpoint | AddressEndpoint;
export type Protocol = "TCP" | "UDP" | "SCTP";

export interface FlowQuery {
    from: Endpoint;
    to: Endpoint;
    port: number;
    protocol?: Protocol;
}

export interface SideVerdict {
    allowed: boolean;
    /** Some policy selects the pod for this direction. */
    isolated: boolean;
    /** Names (`namespace/name`) of the policies whose rules admit the flow. */
    allowedBy: string[];
}

export interface FlowVerdict {
    allowed: boolean;
    egress: SideVerdict;
    ingress: SideVerdict;
}

/** A pod endpoint with the namespace name label the API server puts on every namespace. */
export function podEndpoint(
    namespace: string,
    labels: Record<string, string>,
    extra: Partial<Omit<PodEndpoint, "kind" | "namespace" | "labels">> = {},
): PodEndpoint {
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

export function addressEndpoint(name: string, ip: string): AddressEndpoint {
    return { kind: "address", name, ip };
}

function policyTypes(spec: Obj): string[] {
    if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map(String);
    // Omitted policyTypes: Ingress always, Egress when egress rules exist (NetworkPolicySpec docs).
    return Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

function policyName(np: Obj): string {
    const meta = asObj(np.metadata) ?? {};
    return `${asString(meta.namespace) ?? "default"}/${asString(meta.name) ?? "?"}`;
}

function ipOf(e: Endpoint): string | undefined {
    return e.kind === "address" ? e.ip : e.ip;
}

/** Whether one peer of a rule of a policy in `policyNamespace` names this endpoint. */
function peerMatches(peer: Obj, policyNamespace: string, e: Endpoint): boolean {
    const ipBlock = asObj(peer.ipBlock);
    if (ipBlock) {
        const ip = ipOf(e);
        const cidr = asString(ipBlock.cidr);
        if (!ip || !cidr) return false;
        // A block the strict reader refuses (010.0.0.0/8, which Kubernetes reads as decimal) is taken as admitting
        // every address, and an unreadable `except` as excepting none: the pack assumes the wider reading.
        if (parseCidr(cidr) !== undefined && !cidrContains(cidr, ip)) return false;
        return !(Array.isArray(ipBlock.except) ? ipBlock.except : []).some((x) => typeof x === "string" && cidrContains(x, ip));
    }
    if (e.kind !== "pod") return false;
    const namespaceSelector = asObj(peer.namespaceSelector);
    const podSelector = asObj(peer.podSelector);
    if (!namespaceSelector && !podSelector) return false;
    const nsOk = namespaceSelector ? selectorMatches(namespaceSelector, e.namespaceLabels) : e.namespace === policyNamespace;
    return nsOk && (!podSelector || selectorMatches(podSelector, e.labels));
}

/** Whether a rule's ports admit `port`/`protocol` on the destination. */
function portsMatch(ports: unknown, port: number, protocol: Protocol, destination: Endpoint): boolean {
    const list = asArray(ports);
    if (!Array.isArray(ports) || ports.length === 0) return true;
    return list.some((p) => {
        if ((asString(p.protocol) ?? "TCP") !== protocol) return false;
        if (p.port === undefined || p.port === null) return true;
        if (typeof p.port === "number") {
            const end = typeof p.endPort === "number" ? p.endPort : p.port;
            return p.port <= port && port <= end;
        }
        if (typeof p.port === "string") {
            if (destination.kind !== "pod") return false;
            return (destination.ports ?? []).some(
                (c) => c.name === p.port && c.containerPort === port && (c.protocol ?? "TCP") === protocol,
            );
        }
        return false;
    });
}

function side(policies: Obj[], direction: "Ingress" | "Egress", subject: Endpoint, peer: Endpoint, q: FlowQuery): SideVerdict {
    // Only pods are isolated; an address outside the cluster sends and receives freely.
    if (subject.kind !== "pod") return { allowed: true, isolated: false, allowedBy: [] };
    const protocol = q.protocol ?? "TCP";
    const selecting = policies.filter((np) => {
        const meta = asObj(np.metadata) ?? {};
        const spec = asObj(np.spec) ?? {};
        return (
            (asString(meta.namespace) ?? "default") === subject.namespace &&
            policyTypes(spec).includes(direction) &&
            selectorMatches(asObj(spec.podSelector) ?? {}, subject.labels)
        );
    });
    if (selecting.length === 0) return { allowed: true, isolated: false, allowedBy: [] };
    const field = direction === "Ingress" ? "ingress" : "egress";
    const peersField = direction === "Ingress" ? "from" : "to";
    const destination = direction === "Ingress" ? subject : peer;
    const allowedBy = selecting
        .filter((np) =>
            asArray(asObj(np.spec)?.[field]).some((rule) => {
                const peers = rule[peersField];
                const peerOk =
                    !Array.isArray(peers) || peers.length === 0 || asArray(peers).some((p) => peerMatches(p, subject.namespace, peer));
                return peerOk && portsMatch(rule.ports, q.port, protocol, destination);
            }),
        )
        .map(policyName);
    return { allowed: allowedBy.length > 0, isolated: true, allowedBy };
}

/** Allow or deny for one connection, given every NetworkPolicy object (manifests) of the cluster. */
export function evaluateFlow(policies: Obj[], q: FlowQuery): FlowVerdict {
    const egress = side(policies, "Egress", q.from, q.to, q);
    const ingress = side(policies, "Ingress", q.to, q.from, q);
    return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/** The NetworkPolicy objects among manifests. */
export function networkPolicies(objects: Obj[]): Obj[] {
    return objects.filter((o) => o.kind === "NetworkPolicy" && textOf(o.apiVersion).startsWith("networking.k8s.io/"));
}

/** One pod endpoint per workload in the manifests (its template's labels and ports), with its namespace's labels. */
export function workloadPods(objects: Obj[]): { workload: string; pod: PodEndpoint }[] {
    const namespaceLabels = new Map<string, Record<string, string>>();
    for (const o of objects.filter((x) => x.kind === "Namespace")) {
        const meta = asObj(o.metadata) ?? {};
        namespaceLabels.set(asString(meta.name) ?? "", (asObj(meta.labels) ?? {}) as Record<string, string>);
    }
    const out: { workload: string; pod: PodEndpoint }[] = [];
    for (const o of objects) {
        const type = k8sTypeToken(textOf(o.apiVersion), textOf(o.kind));
        const tpl = podTemplate(type, o);
        if (!tpl) continue;
        const meta = asObj(o.metadata) ?? {};
        const namespace = asString(meta.namespace) ?? "default";
        const ports: ContainerPort[] = allContainers(tpl.spec).flatMap((c) =>
            asArray(c.container.ports)
                .filter((p) => typeof p.containerPort === "number")
                .map((p) => ({ name: asString(p.name), containerPort: p.containerPort as number, protocol: asString(p.protocol) })),
        );
        const workload = `${String(o.kind)}/${asString(meta.name) ?? "?"}`;
        out.push({
            workload,
            pod: podEndpoint(namespace, (asObj(tpl.metadata.labels) ?? {}) as Record<string, string>, {
                name: workload,
                ports,
                namespaceLabels: namespaceLabels.get(namespace),
            }),
        });
    }
    return out;
}
