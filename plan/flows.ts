/**
 * The flow matrix of a stack: for each Sidecar instance, every flow of the NIIS network table that must
 * be open and the ones that must stay closed (metadata endpoint, Azure wireserver, API server, other
 * pods, the admin UI, 5500 to the primary), decided by the NetworkPolicy evaluator over the generated
 * manifests only. Expectations come from the configuration; verdicts from the manifests, so a mismatch
 * means the policies do not do what the configuration asks.
 */
import type { StackConfig } from "../config";
import type { SidecarInstanceConfig } from "../config/instance";
import { ClusterNetwork, clusterNetwork, AZURE_WIRESERVER_CIDR } from "../config/cluster-network";
import { MAIL_SUBMISSION_PORT } from "../config/network";
import { addressIn, cidrContains } from "../kubernetes-model/cidr";
import { groupBy } from "../kubernetes-model/group-by";
import {
    Endpoint,
    FlowVerdict,
    PodEndpoint,
    Protocol,
    addressEndpoint,
    evaluateFlow,
    networkPolicies,
    podEndpoint,
    workloadPods,
} from "../kubernetes-model/network-flows";
import { Obj, asObj, asString } from "../kubernetes-model/workloads";
import { APP_NAME, APP_NAME_LABEL, ROLE_ARCHIVER, ROLE_LABEL, ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE } from "../policy/xroad/labels";
import { ACME_CHALLENGE_PORT, DNS_PORT, POSTGRES_PORT, XROAD_EGRESS_PORTS, XROAD_PORTS } from "../policy/xroad/ports";
import { consumerPorts } from "../components/kubernetes/probes";

export interface FlowProbe {
    /** The NIIS network-table row or the threat the flow stands for. */
    row: string;
    from: Endpoint;
    to: Endpoint;
    port: number;
    protocol: Protocol;
    expect: "open" | "closed";
}

export interface FlowResult extends FlowProbe {
    verdict: FlowVerdict;
}

export interface InstanceFlows {
    instance: string;
    namespace: string;
    topology: string;
    results: FlowResult[];
}

/** Rows of the matrix, for tests and readers. */
export const ROWS = {
    dns: "DNS",
    xroadOut: "central server, OCSP, TSA, other Security Servers (out)",
    xroadIn: "other Security Servers (in)",
    ssh: "SSH secondary -> primary",
    database: "database",
    producer: "producer information system",
    consumer: "consumer information system",
    acme: "ACME HTTP-01 (in)",
    mail: "mail for ACME (out)",
    archiver: "archiver -> object store",
    imds: "cloud metadata endpoint",
    wireserver: "Azure wireserver",
    apiServer: "API server / cluster",
    lateral: "another namespace's pod",
    adminUi: "admin UI",
    primaryPublic: "5500 to the primary",
    unlisted: "unlisted port",
} as const;

/** Documentation addresses (RFC 5737) for hosts on the Internet. */
const INTERNET_HOST = "198.51.100.10";
const REMOTE_SECURITY_SERVER = "198.51.100.20";
const RANDOM_NAMESPACE = "unrelated-namespace";

/** An address inside `cidr` that none of `avoid` contains (so a sample node is not also a listed producer). */
function sampleIn(cidr: string, avoid: string[], start = 10): string {
    for (let n = start; n < start + 4096; n++) {
        const ip = addressIn(cidr, n);
        if (!avoid.some((a) => cidrContains(a, ip))) return ip;
    }
    return addressIn(cidr, start);
}

/** A sample destination inside the first of `cidrs` (an Internet host for 0.0.0.0/0). */
function sampleOf(cidrs: string[], fallback: string): string {
    const first = cidrs[0];
    if (!first || first === "0.0.0.0/0") return fallback;
    return addressIn(first, 10);
}

/** Probes of one instance: what the NIIS table and its configuration say must be open, and what must not. */
export function instanceFlowProbes(instance: SidecarInstanceConfig, net: ClusterNetwork, objects: Obj[]): FlowProbe[] {
    return probesOf(instance, net, workloadPods(objects));
}

/** {@link instanceFlowProbes} over the stack's workload pods, read once for every instance. */
function probesOf(instance: SidecarInstanceConfig, net: ClusterNetwork, stackPods: ReturnType<typeof workloadPods>): FlowProbe[] {
    const n = instance.network;
    const pods = stackPods.filter((w) => w.pod.namespace === instance.namespace);
    let ipIndex = 20;
    const withIp = (p: PodEndpoint): PodEndpoint => ({ ...p, ip: addressIn(net.podCidr, ipIndex++) });
    const byRole = (role: string): PodEndpoint | undefined => {
        const found = pods.find((w) => w.pod.labels[ROLE_LABEL] === role);
        return found ? withIp({ ...found.pod, name: role }) : undefined;
    };
    const primary = byRole(ROLE_PRIMARY) ?? byRole(ROLE_STANDALONE);
    const serving = byRole(ROLE_SECONDARY) ?? primary;
    const archiver = byRole(ROLE_ARCHIVER);
    if (!primary || !serving) return [];
    const sidecarPods = primary === serving ? [primary] : [primary, serving];
    const allPods = archiver ? [...sidecarPods, archiver] : sidecarPods;

    const probes: FlowProbe[] = [];
    const add = (row: string, from: Endpoint, to: Endpoint, port: number, expect: "open" | "closed", protocol: Protocol = "TCP") =>
        probes.push({ row, from, to, port, protocol, expect });

    const listed = [
        ...n.producers.flatMap((p) => p.cidrs),
        ...n.mailCidrs,
        ...n.consumerCidrs,
        ...(instance.database.external?.egressCidrs ?? []),
    ];
    const kubeDns = withIp(podEndpoint("kube-system", { "k8s-app": "kube-dns" }, { name: "kube-dns" }));
    const internet = addressEndpoint("Internet host (central server, OCSP, TSA, other SS)", sampleOf(n.xroadEgressCidrs, INTERNET_HOST));
    const otherServer = addressEndpoint("other Security Server", sampleOf(n.loadBalancerSourceRanges, REMOTE_SECURITY_SERVER));
    const imds = addressEndpoint("metadata endpoint 169.254.169.254", "169.254.169.254");
    const wireserver = addressEndpoint(`Azure wireserver ${AZURE_WIRESERVER_CIDR.split("/")[0]}`, AZURE_WIRESERVER_CIDR.split("/")[0]);
    const apiService = addressEndpoint("kubernetes API Service", sampleIn(net.serviceCidr, listed, 1));
    const nodeHost = addressEndpoint("a node / VPC host", sampleIn(net.nodeCidr, listed, 50));
    const randomPod = withIp(podEndpoint(RANDOM_NAMESPACE, { app: "random" }, { name: `a pod in ${RANDOM_NAMESPACE}` }));
    const ports = consumerPorts(instance.variant);

    // Open: every row of the NIIS network table this instance uses.
    for (const p of allPods) {
        add(ROWS.dns, p, kubeDns, DNS_PORT, "open", "UDP");
        add(ROWS.dns, p, kubeDns, DNS_PORT, "open", "TCP");
    }
    for (const p of sidecarPods)
        for (const port of new Set([...XROAD_EGRESS_PORTS, ...n.ocspTsaPorts])) add(ROWS.xroadOut, p, internet, port, "open");
    // Another instance's Sidecar in the same cluster: kube-proxy sends its load-balancer traffic pod to pod.
    const otherSidecar = withIp(
        podEndpoint(
            "another-xroad-instance",
            { [APP_NAME_LABEL]: APP_NAME, [ROLE_LABEL]: ROLE_SECONDARY },
            { name: "another instance's secondary" },
        ),
    );
    for (const port of [XROAD_PORTS.messaging, XROAD_PORTS.ocsp]) {
        add(ROWS.xroadIn, otherServer, serving, port, "open");
        add(ROWS.xroadIn, otherSidecar, serving, port, "open");
        add(ROWS.xroadOut, serving, otherSidecar, port, "open");
    }
    if (primary !== serving) add(ROWS.ssh, serving, primary, XROAD_PORTS.ssh, "open");
    const dbCidrs = instance.database.external?.egressCidrs ?? (instance.database.mode === "managed" ? net.privateNetworkCidrs : []);
    if (instance.database.mode !== "local" && dbCidrs.length > 0) {
        const db = addressEndpoint("database", sampleOf(dbCidrs, dbCidrs[0]));
        for (const p of sidecarPods) add(ROWS.database, p, db, instance.database.external?.port ?? POSTGRES_PORT, "open");
    }
    for (const producer of n.producers) {
        const targets: Endpoint[] = [
            ...producer.cidrs.map((c) => addressEndpoint(`producer ${producer.name} (${c})`, addressIn(c, 10))),
            ...producer.namespaces.map((ns) =>
                withIp(podEndpoint(ns, producer.podLabels, { name: `producer ${producer.name} pod in ${ns}` })),
            ),
        ];
        for (const t of targets) {
            for (const port of producer.ports) add(ROWS.producer, serving, t, port, "open");
            const unlisted = [6379, 6380, 6381].find((x) => !producer.ports.includes(x)) ?? 6379;
            add(ROWS.unlisted, serving, t, unlisted, "closed");
        }
    }
    for (const ns of n.consumerNamespaces) {
        const consumer = withIp(podEndpoint(ns, n.consumerPodLabels, { name: `consumer pod in ${ns}` }));
        for (const port of [ports.http, ports.https]) add(ROWS.consumer, consumer, serving, port, "open");
        if (Object.keys(n.consumerPodLabels).length > 0) {
            const unlabelled = withIp(podEndpoint(ns, { app: "unlabelled" }, { name: `unlabelled pod in ${ns}` }));
            add(ROWS.consumer, unlabelled, serving, ports.https, "closed");
        }
        if (primary !== serving) add(ROWS.consumer, consumer, primary, ports.https, "closed");
        add(ROWS.adminUi, consumer, primary, XROAD_PORTS.adminUi, "closed");
    }
    for (const cidr of n.consumerCidrs) {
        const consumer = addressEndpoint(`consumer network ${cidr}`, addressIn(cidr, 10));
        for (const port of [ports.http, ports.https]) add(ROWS.consumer, consumer, serving, port, "open");
        add(ROWS.adminUi, consumer, primary, XROAD_PORTS.adminUi, "closed");
    }
    if (n.acmeChallenge)
        add(ROWS.acme, addressEndpoint("ACME server", sampleOf(n.acmeSourceRanges, INTERNET_HOST)), primary, ACME_CHALLENGE_PORT, "open");
    for (const cidr of n.mailCidrs)
        add(ROWS.mail, primary, addressEndpoint(`mail server (${cidr})`, addressIn(cidr, 10)), MAIL_SUBMISSION_PORT, "open");
    if (archiver) {
        add(ROWS.archiver, archiver, addressEndpoint("object store (S3 / Blob)", INTERNET_HOST), 443, "open");
        add(ROWS.unlisted, archiver, addressEndpoint("Internet host", INTERNET_HOST), 80, "closed");
    }

    // Closed: what an Internet-facing root container must never reach, and who must never reach it.
    for (const p of allPods) {
        add(ROWS.imds, p, imds, 80, "closed");
        add(ROWS.wireserver, p, wireserver, 80, "closed");
        add(ROWS.lateral, p, randomPod, 8080, "closed");
    }
    // The archiver keeps HTTPS anywhere: its object store may be a private endpoint inside the VNet/VPC.
    for (const p of sidecarPods) {
        add(ROWS.apiServer, p, apiService, 443, "closed");
        add(ROWS.apiServer, p, nodeHost, 443, "closed");
    }
    add(ROWS.lateral, randomPod, serving, ports.http, "closed");
    add(ROWS.lateral, randomPod, serving, ports.https, "closed");
    add(ROWS.lateral, randomPod, primary, XROAD_PORTS.ssh, "closed");
    add(ROWS.lateral, randomPod, primary, XROAD_PORTS.messaging, "closed");
    const internetClient = addressEndpoint("Internet host", "203.0.113.200");
    add(ROWS.adminUi, internetClient, primary, XROAD_PORTS.adminUi, "closed");
    add(ROWS.adminUi, randomPod, primary, XROAD_PORTS.adminUi, "closed");
    add(ROWS.adminUi, internetClient, serving, XROAD_PORTS.adminUi, "closed");
    if (primary !== serving) {
        add(ROWS.adminUi, serving, primary, XROAD_PORTS.adminUi, "closed");
        add(ROWS.primaryPublic, otherServer, primary, XROAD_PORTS.messaging, "closed");
        add(ROWS.primaryPublic, serving, primary, XROAD_PORTS.messaging, "closed");
    }
    add(ROWS.consumer, internetClient, serving, ports.https, "closed");
    add(ROWS.unlisted, serving, internet, XROAD_PORTS.ssh, "closed");
    return probes;
}

export function evaluateProbes(probes: FlowProbe[], objects: Obj[]): FlowResult[] {
    return evaluateIndexed(probes, policiesByNamespace(objects));
}

/**
 * A NetworkPolicy selects pods of its own namespace only, so a connection is judged by the policies of its two
 * ends' namespaces: indexing them once keeps a stack's flow matrix linear in its number of instances.
 */
function policiesByNamespace(objects: Obj[]): Map<string, Obj[]> {
    return groupBy(networkPolicies(objects), (policy) => asString(asObj(policy.metadata)?.namespace) ?? "default");
}

function evaluateIndexed(probes: FlowProbe[], policies: Map<string, Obj[]>): FlowResult[] {
    const of = (endpoint: Endpoint): Obj[] => (endpoint.kind === "pod" ? (policies.get(endpoint.namespace) ?? []) : []);
    return probes.map((p) => {
        const relevant =
            p.from.kind === "pod" && p.to.kind === "pod" && p.from.namespace === p.to.namespace ? of(p.from) : [...of(p.from), ...of(p.to)];
        return { ...p, verdict: evaluateFlow(relevant, { from: p.from, to: p.to, port: p.port, protocol: p.protocol }) };
    });
}

/** The flow matrix of every instance of a planned stack. */
export function stackFlows(config: StackConfig, objects: Obj[]): InstanceFlows[] {
    const net = clusterNetwork(config);
    const pods = workloadPods(objects);
    const policies = policiesByNamespace(objects);
    return config.instances.map((instance) => ({
        instance: instance.name,
        namespace: instance.namespace,
        topology: instance.topology,
        results: evaluateIndexed(probesOf(instance, net, pods), policies),
    }));
}

/** Flows whose verdict differs from what the configuration asks. */
export function mismatches(flows: InstanceFlows[]): FlowResult[] {
    return flows.flatMap((f) => f.results.filter((r) => (r.verdict.allowed ? "open" : "closed") !== r.expect));
}

function where(e: Endpoint): string {
    return e.kind === "pod" ? `${e.name}` : `${e.name} ${e.ip}`;
}

function why(r: FlowResult): string {
    const v = r.verdict;
    if (v.allowed) {
        const by = [...v.egress.allowedBy.map((p) => `out: ${p}`), ...v.ingress.allowedBy.map((p) => `in: ${p}`)];
        return by.length > 0 ? by.join(", ") : "no policy applies";
    }
    const sides = [!v.egress.allowed ? "egress of the source" : "", !v.ingress.allowed ? "ingress of the destination" : ""].filter(Boolean);
    return `denied by default deny (${sides.join(" and ")})`;
}

const mermaidId = (s: string): string => `n_${s.replace(/[^A-Za-z0-9]/g, "_")}`;
const mermaidLabel = (s: string): string => s.replace(/"/g, "'");

/** `out/<stack>/flows.md`: per instance, a table of every probed flow and a picture of the open ones. */
export function flowsMarkdown(stack: string, flows: InstanceFlows[]): string {
    const lines: string[] = [
        `# Network flows of stack ${stack}`,
        "",
        "Decided from the generated NetworkPolicies alone (kubernetes-model/network-flows.ts), with Kubernetes semantics:",
        "a connection needs the source's egress and the destination's ingress. Rows follow the NIIS network table",
        "(kubernetes_security_server_sidecar_user_guide.md); *closed* rows are what must never pass. Kubelet probes",
        "come from the node, which Kubernetes always admits, and are not listed.",
        "",
    ];
    const bad = mismatches(flows);
    lines.push(
        bad.length === 0
            ? "Every flow is as the configuration asks."
            : `**${bad.length} flow(s) differ from what the configuration asks** (marked below).`,
        "",
    );
    for (const f of flows) {
        lines.push(`## Instance ${f.instance} (namespace ${f.namespace}, ${f.topology})`, "");
        lines.push("| Row | From | To | Port | Verdict | Why |", "|---|---|---|---|---|---|");
        for (const r of f.results) {
            const verdict = r.verdict.allowed ? "open" : "closed";
            const mark = verdict === r.expect ? verdict : `**${verdict}, expected ${r.expect}**`;
            lines.push(`| ${r.row} | ${where(r.from)} | ${where(r.to)} | ${r.protocol} ${r.port} | ${mark} | ${why(r)} |`);
        }
        lines.push("", "```mermaid", "flowchart LR");
        const nodes = new Map<string, string>();
        const edges = new Map<string, { from: string; to: string; ports: string[] }>();
        for (const r of f.results.filter((x) => x.verdict.allowed)) {
            for (const e of [r.from, r.to]) nodes.set(mermaidId(where(e)), e.name);
            const key = `${mermaidId(where(r.from))}>${mermaidId(where(r.to))}`;
            const edge = edges.get(key) ?? { from: mermaidId(where(r.from)), to: mermaidId(where(r.to)), ports: [] };
            const label = r.protocol === "TCP" ? String(r.port) : `${r.port}/${r.protocol.toLowerCase()}`;
            if (!edge.ports.includes(label)) edge.ports.push(label);
            edges.set(key, edge);
        }
        for (const [id, name] of nodes) lines.push(`    ${id}["${mermaidLabel(name)}"]`);
        for (const e of edges.values()) lines.push(`    ${e.from} -->|"${e.ports.join(", ")}"| ${e.to}`);
        lines.push("```", "");
    }
    return lines.join("\n");
}
