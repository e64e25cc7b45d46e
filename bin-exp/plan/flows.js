"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROWS = void 0;
exports.instanceFlowProbes = instanceFlowProbes;
exports.evaluateProbes = evaluateProbes;
exports.stackFlows = stackFlows;
exports.mismatches = mismatches;
exports.flowsMarkdown = flowsMarkdown;
const cluster_network_1 = require("../config/cluster-network");
const network_1 = require("../config/network");
const cidr_1 = require("../policy/kubernetes/cidr");
const network_flows_1 = require("../policy/kubernetes/network-flows");
const labels_1 = require("../policy/xroad/labels");
const ports_1 = require("../policy/xroad/ports");
const probes_1 = require("../components/kubernetes/probes");
/** Rows of the matrix, for tests and readers. */
exports.ROWS = {
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
};
/** Documentation addresses (RFC 5737) for hosts on the Internet. */
const INTERNET_HOST = "198.51.100.10";
const REMOTE_SECURITY_SERVER = "198.51.100.20";
const RANDOM_NAMESPACE = "unrelated-namespace";
/** An address inside `cidr` that none of `avoid` contains (so a sample node is not also a listed producer). */
function sampleIn(cidr, avoid, start = 10) {
    for (let n = start; n < start + 4096; n++) {
        const ip = (0, cidr_1.addressIn)(cidr, n);
        if (!avoid.some((a) => (0, cidr_1.cidrHas)(a, ip)))
            return ip;
    }
    return (0, cidr_1.addressIn)(cidr, start);
}
/** A sample destination inside the first of `cidrs` (an Internet host for 0.0.0.0/0). */
function sampleOf(cidrs, fallback) {
    const first = cidrs[0];
    if (!first || first === "0.0.0.0/0")
        return fallback;
    return (0, cidr_1.addressIn)(first, 10);
}
/** Probes of one instance: what the NIIS table and its configuration say must be open, and what must not. */
function instanceFlowProbes(instance, net, objects) {
    const n = instance.network;
    const pods = (0, network_flows_1.workloadPods)(objects).filter((w) => w.pod.namespace === instance.namespace);
    let ipIndex = 20;
    const withIp = (p) => ({ ...p, ip: (0, cidr_1.addressIn)(net.podCidr, ipIndex++) });
    const byRole = (role) => {
        const found = pods.find((w) => w.pod.labels[labels_1.ROLE_LABEL] === role);
        return found ? withIp({ ...found.pod, name: role }) : undefined;
    };
    const primary = byRole(labels_1.ROLE_PRIMARY) ?? byRole(labels_1.ROLE_STANDALONE);
    const serving = byRole(labels_1.ROLE_SECONDARY) ?? primary;
    const archiver = byRole(labels_1.ROLE_ARCHIVER);
    if (!primary || !serving)
        return [];
    const sidecarPods = primary === serving ? [primary] : [primary, serving];
    const allPods = archiver ? [...sidecarPods, archiver] : sidecarPods;
    const probes = [];
    const add = (row, from, to, port, expect, protocol = "TCP") => probes.push({ row, from, to, port, protocol, expect });
    const listed = [
        ...n.producers.flatMap((p) => p.cidrs),
        ...n.mailCidrs,
        ...n.consumerCidrs,
        ...(instance.database.external?.egressCidrs ?? []),
    ];
    const kubeDns = withIp((0, network_flows_1.podEndpoint)("kube-system", { "k8s-app": "kube-dns" }, { name: "kube-dns" }));
    const internet = (0, network_flows_1.addressEndpoint)("Internet host (central server, OCSP, TSA, other SS)", sampleOf(n.xroadEgressCidrs, INTERNET_HOST));
    const otherServer = (0, network_flows_1.addressEndpoint)("other Security Server", sampleOf(n.loadBalancerSourceRanges, REMOTE_SECURITY_SERVER));
    const imds = (0, network_flows_1.addressEndpoint)("metadata endpoint 169.254.169.254", "169.254.169.254");
    const wireserver = (0, network_flows_1.addressEndpoint)(`Azure wireserver ${cluster_network_1.AZURE_WIRESERVER_CIDR.split("/")[0]}`, cluster_network_1.AZURE_WIRESERVER_CIDR.split("/")[0]);
    const apiService = (0, network_flows_1.addressEndpoint)("kubernetes API Service", sampleIn(net.serviceCidr, listed, 1));
    const nodeHost = (0, network_flows_1.addressEndpoint)("a node / VPC host", sampleIn(net.nodeCidr, listed, 50));
    const randomPod = withIp((0, network_flows_1.podEndpoint)(RANDOM_NAMESPACE, { app: "random" }, { name: `a pod in ${RANDOM_NAMESPACE}` }));
    const ports = (0, probes_1.consumerPorts)(instance.variant);
    // Open: every row of the NIIS network table this instance uses.
    for (const p of allPods) {
        add(exports.ROWS.dns, p, kubeDns, ports_1.DNS_PORT, "open", "UDP");
        add(exports.ROWS.dns, p, kubeDns, ports_1.DNS_PORT, "open", "TCP");
    }
    for (const p of sidecarPods)
        for (const port of new Set([...ports_1.XROAD_EGRESS_PORTS, ...n.ocspTsaPorts]))
            add(exports.ROWS.xroadOut, p, internet, port, "open");
    // Another instance's Sidecar in the same cluster: kube-proxy sends its load-balancer traffic pod to pod.
    const otherSidecar = withIp((0, network_flows_1.podEndpoint)("another-xroad-instance", { [labels_1.APP_NAME_LABEL]: labels_1.APP_NAME, [labels_1.ROLE_LABEL]: labels_1.ROLE_SECONDARY }, { name: "another instance's secondary" }));
    for (const port of [ports_1.XROAD_PORTS.messaging, ports_1.XROAD_PORTS.ocsp]) {
        add(exports.ROWS.xroadIn, otherServer, serving, port, "open");
        add(exports.ROWS.xroadIn, otherSidecar, serving, port, "open");
        add(exports.ROWS.xroadOut, serving, otherSidecar, port, "open");
    }
    if (primary !== serving)
        add(exports.ROWS.ssh, serving, primary, ports_1.XROAD_PORTS.ssh, "open");
    const dbCidrs = instance.database.external?.egressCidrs ?? (instance.database.mode === "managed" ? net.privateNetworkCidrs : []);
    if (instance.database.mode !== "local" && dbCidrs.length > 0) {
        const db = (0, network_flows_1.addressEndpoint)("database", sampleOf(dbCidrs, dbCidrs[0]));
        for (const p of sidecarPods)
            add(exports.ROWS.database, p, db, instance.database.external?.port ?? ports_1.POSTGRES_PORT, "open");
    }
    for (const producer of n.producers) {
        const targets = [
            ...producer.cidrs.map((c) => (0, network_flows_1.addressEndpoint)(`producer ${producer.name} (${c})`, (0, cidr_1.addressIn)(c, 10))),
            ...producer.namespaces.map((ns) => withIp((0, network_flows_1.podEndpoint)(ns, producer.podLabels, { name: `producer ${producer.name} pod in ${ns}` }))),
        ];
        for (const t of targets) {
            for (const port of producer.ports)
                add(exports.ROWS.producer, serving, t, port, "open");
            const unlisted = [6379, 6380, 6381].find((x) => !producer.ports.includes(x)) ?? 6379;
            add(exports.ROWS.unlisted, serving, t, unlisted, "closed");
        }
    }
    for (const ns of n.consumerNamespaces) {
        const consumer = withIp((0, network_flows_1.podEndpoint)(ns, n.consumerPodLabels, { name: `consumer pod in ${ns}` }));
        for (const port of [ports.http, ports.https])
            add(exports.ROWS.consumer, consumer, serving, port, "open");
        if (Object.keys(n.consumerPodLabels).length > 0) {
            const unlabelled = withIp((0, network_flows_1.podEndpoint)(ns, { app: "unlabelled" }, { name: `unlabelled pod in ${ns}` }));
            add(exports.ROWS.consumer, unlabelled, serving, ports.https, "closed");
        }
        if (primary !== serving)
            add(exports.ROWS.consumer, consumer, primary, ports.https, "closed");
        add(exports.ROWS.adminUi, consumer, primary, ports_1.XROAD_PORTS.adminUi, "closed");
    }
    for (const cidr of n.consumerCidrs) {
        const consumer = (0, network_flows_1.addressEndpoint)(`consumer network ${cidr}`, (0, cidr_1.addressIn)(cidr, 10));
        for (const port of [ports.http, ports.https])
            add(exports.ROWS.consumer, consumer, serving, port, "open");
        add(exports.ROWS.adminUi, consumer, primary, ports_1.XROAD_PORTS.adminUi, "closed");
    }
    if (n.acmeChallenge)
        add(exports.ROWS.acme, (0, network_flows_1.addressEndpoint)("ACME server", sampleOf(n.acmeSourceRanges, INTERNET_HOST)), primary, ports_1.ACME_CHALLENGE_PORT, "open");
    for (const cidr of n.mailCidrs)
        add(exports.ROWS.mail, primary, (0, network_flows_1.addressEndpoint)(`mail server (${cidr})`, (0, cidr_1.addressIn)(cidr, 10)), network_1.MAIL_SUBMISSION_PORT, "open");
    if (archiver) {
        add(exports.ROWS.archiver, archiver, (0, network_flows_1.addressEndpoint)("object store (S3 / Blob)", INTERNET_HOST), 443, "open");
        add(exports.ROWS.unlisted, archiver, (0, network_flows_1.addressEndpoint)("Internet host", INTERNET_HOST), 80, "closed");
    }
    // Closed: what an Internet-facing root container must never reach, and who must never reach it.
    for (const p of allPods) {
        add(exports.ROWS.imds, p, imds, 80, "closed");
        add(exports.ROWS.wireserver, p, wireserver, 80, "closed");
        add(exports.ROWS.lateral, p, randomPod, 8080, "closed");
    }
    // The archiver keeps HTTPS anywhere: its object store may be a private endpoint inside the VNet/VPC.
    for (const p of sidecarPods) {
        add(exports.ROWS.apiServer, p, apiService, 443, "closed");
        add(exports.ROWS.apiServer, p, nodeHost, 443, "closed");
    }
    add(exports.ROWS.lateral, randomPod, serving, ports.http, "closed");
    add(exports.ROWS.lateral, randomPod, serving, ports.https, "closed");
    add(exports.ROWS.lateral, randomPod, primary, ports_1.XROAD_PORTS.ssh, "closed");
    add(exports.ROWS.lateral, randomPod, primary, ports_1.XROAD_PORTS.messaging, "closed");
    const internetClient = (0, network_flows_1.addressEndpoint)("Internet host", "203.0.113.200");
    add(exports.ROWS.adminUi, internetClient, primary, ports_1.XROAD_PORTS.adminUi, "closed");
    add(exports.ROWS.adminUi, randomPod, primary, ports_1.XROAD_PORTS.adminUi, "closed");
    add(exports.ROWS.adminUi, internetClient, serving, ports_1.XROAD_PORTS.adminUi, "closed");
    if (primary !== serving) {
        add(exports.ROWS.adminUi, serving, primary, ports_1.XROAD_PORTS.adminUi, "closed");
        add(exports.ROWS.primaryPublic, otherServer, primary, ports_1.XROAD_PORTS.messaging, "closed");
        add(exports.ROWS.primaryPublic, serving, primary, ports_1.XROAD_PORTS.messaging, "closed");
    }
    add(exports.ROWS.consumer, internetClient, serving, ports.https, "closed");
    add(exports.ROWS.unlisted, serving, internet, ports_1.XROAD_PORTS.ssh, "closed");
    return probes;
}
function evaluateProbes(probes, objects) {
    const policies = (0, network_flows_1.networkPolicies)(objects);
    return probes.map((p) => ({ ...p, verdict: (0, network_flows_1.evaluateFlow)(policies, { from: p.from, to: p.to, port: p.port, protocol: p.protocol }) }));
}
/** The flow matrix of every instance of a planned stack. */
function stackFlows(config, objects) {
    const net = (0, cluster_network_1.clusterNetwork)(config);
    return config.instances.map((instance) => ({
        instance: instance.name,
        namespace: instance.namespace,
        topology: instance.topology,
        results: evaluateProbes(instanceFlowProbes(instance, net, objects), objects),
    }));
}
/** Flows whose verdict differs from what the configuration asks. */
function mismatches(flows) {
    return flows.flatMap((f) => f.results.filter((r) => (r.verdict.allowed ? "open" : "closed") !== r.expect));
}
function where(e) {
    return e.kind === "pod" ? `${e.name}` : `${e.name} ${e.ip}`;
}
function why(r) {
    const v = r.verdict;
    if (v.allowed) {
        const by = [...v.egress.allowedBy.map((p) => `out: ${p}`), ...v.ingress.allowedBy.map((p) => `in: ${p}`)];
        return by.length > 0 ? by.join(", ") : "no policy applies";
    }
    const sides = [!v.egress.allowed ? "egress of the source" : "", !v.ingress.allowed ? "ingress of the destination" : ""].filter(Boolean);
    return `denied by default deny (${sides.join(" and ")})`;
}
const mermaidId = (s) => `n_${s.replace(/[^A-Za-z0-9]/g, "_")}`;
const mermaidLabel = (s) => s.replace(/"/g, "'");
/** `out/<stack>/flows.md`: per instance, a table of every probed flow and a picture of the open ones. */
function flowsMarkdown(stack, flows) {
    const lines = [
        `# Network flows of stack ${stack}`,
        "",
        "Decided from the generated NetworkPolicies alone (policy/kubernetes/network-flows.ts), with Kubernetes semantics:",
        "a connection needs the source's egress and the destination's ingress. Rows follow the NIIS network table",
        "(kubernetes_security_server_sidecar_user_guide.md); *closed* rows are what must never pass. Kubelet probes",
        "come from the node, which Kubernetes always admits, and are not listed.",
        "",
    ];
    const bad = mismatches(flows);
    lines.push(bad.length === 0
        ? "Every flow is as the configuration asks."
        : `**${bad.length} flow(s) differ from what the configuration asks** (marked below).`, "");
    for (const f of flows) {
        lines.push(`## Instance ${f.instance} (namespace ${f.namespace}, ${f.topology})`, "");
        lines.push("| Row | From | To | Port | Verdict | Why |", "|---|---|---|---|---|---|");
        for (const r of f.results) {
            const verdict = r.verdict.allowed ? "open" : "closed";
            const mark = verdict === r.expect ? verdict : `**${verdict}, expected ${r.expect}**`;
            lines.push(`| ${r.row} | ${where(r.from)} | ${where(r.to)} | ${r.protocol} ${r.port} | ${mark} | ${why(r)} |`);
        }
        lines.push("", "```mermaid", "flowchart LR");
        const nodes = new Map();
        const edges = new Map();
        for (const r of f.results.filter((x) => x.verdict.allowed)) {
            for (const e of [r.from, r.to])
                nodes.set(mermaidId(where(e)), e.name);
            const key = `${mermaidId(where(r.from))}>${mermaidId(where(r.to))}`;
            const edge = edges.get(key) ?? { from: mermaidId(where(r.from)), to: mermaidId(where(r.to)), ports: [] };
            const label = r.protocol === "TCP" ? String(r.port) : `${r.port}/${r.protocol.toLowerCase()}`;
            if (!edge.ports.includes(label))
                edge.ports.push(label);
            edges.set(key, edge);
        }
        for (const [id, name] of nodes)
            lines.push(`    ${id}["${mermaidLabel(name)}"]`);
        for (const e of edges.values())
            lines.push(`    ${e.from} -->|"${e.ports.join(", ")}"| ${e.to}`);
        lines.push("```", "");
    }
    return lines.join("\n");
}
