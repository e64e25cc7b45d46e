"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAIL_SUBMISSION_PORT = void 0;
exports.readNetwork = readNetwork;
const cluster_network_1 = require("./cluster-network");
const cidr_1 = require("../policy/kubernetes/cidr");
const NETWORK_KEYS = [
    "consumerNamespaces",
    "consumerPodLabels",
    "consumerCidrs",
    "consumerLoadBalancer",
    "loadBalancerSourceRanges",
    "xroadEgressCidrs",
    "ocspTsaPorts",
    "producers",
    "acmeChallenge",
    "acmeSourceRanges",
    "mailCidrs",
];
/** Mail submission (NIIS network table: "Outbound | Sidecar | Mail server | 587"). */
exports.MAIL_SUBMISSION_PORT = 587;
/** CIDRs that must not name the metadata endpoint or the wireserver (they are excluded everywhere, review B1). */
function destinations(check, path, raw, fallback = []) {
    const cidrs = check.cidrList(path, raw, fallback);
    cidrs.forEach((cidr, i) => {
        const banned = cluster_network_1.NEVER_REACHABLE_CIDRS.find((never) => (0, cidr_1.cidrContains)(never, cidr));
        if (banned)
            check.fail(`${path}[${i}]`, cidr, `a CIDR outside ${cluster_network_1.NEVER_REACHABLE_CIDRS.join(" and ")}: the cloud metadata endpoint and the Azure wireserver are never reachable`);
    });
    return cidrs;
}
function ports(check, path, raw, fallback) {
    const list = check.list(path, raw, fallback ?? []);
    if (fallback === undefined && list.length === 0)
        check.fail(path, raw, "a list of at least one TCP port (1-65535)");
    const out = list.map((v, i) => check.integer(`${path}[${i}]`, v, { min: 1, max: 65535 }));
    return [...new Set(out)];
}
function readProducer(check, path, raw, index, ctx) {
    const s = check.section(path, raw);
    check.knownKeys(path, s, ["name", "cidrs", "namespaces", "podLabels", "ports"]);
    const producer = {
        name: check.dnsLabel(`${path}.name`, s.name, `producer-${index + 1}`),
        cidrs: destinations(check, `${path}.cidrs`, s.cidrs),
        namespaces: check.stringList(`${path}.namespaces`, s.namespaces, [], (p, v) => check.dnsLabel(p, v)),
        podLabels: check.labels(`${path}.podLabels`, s.podLabels, {}),
        ports: ports(check, `${path}.ports`, s.ports),
    };
    const inCluster = producer.namespaces.length > 0;
    if (producer.cidrs.length === 0 && !inCluster)
        check.fail(path, raw, "cidrs (addresses outside the cluster) or namespaces (with podLabels, pods inside it), with ports");
    if (s.podLabels !== undefined && !inCluster)
        check.fail(`${path}.podLabels`, s.podLabels, "nothing unless namespaces is set: pod labels select pods of those namespaces");
    if (inCluster && Object.keys(producer.podLabels).length === 0)
        check.fail(`${path}.podLabels`, s.podLabels, "the labels of the producer's pods, such as {app: backend}: without them every pod of the namespace would be reachable");
    if (producer.namespaces.includes(ctx.namespace))
        check.fail(`${path}.namespaces`, ctx.namespace, "namespaces other than the Sidecar's own: it runs only the Sidecar");
    return producer;
}
/**
 * `instances[i].network`: every row of the NIIS network table that depends on the deployment
 * (kubernetes_security_server_sidecar_user_guide.md, "Network"). Rows with fixed peers (DNS, the
 * database, SSH between primary and secondaries, the archiver's 443) need no settings.
 */
function readNetwork(check, path, raw, ctx) {
    const net = check.section(path, raw);
    check.knownKeys(path, net, NETWORK_KEYS);
    const consumerNamespaces = check.stringList(`${path}.consumerNamespaces`, net.consumerNamespaces, [], (p, v) => check.dnsLabel(p, v));
    if (consumerNamespaces.includes(ctx.namespace))
        check.fail(`${path}.consumerNamespaces`, ctx.namespace, "namespaces other than the Sidecar's own: its default deny blocks every other pod there, so run information systems in their own namespace");
    const consumerCidrs = destinations(check, `${path}.consumerCidrs`, net.consumerCidrs);
    if (consumerCidrs.includes("0.0.0.0/0"))
        check.fail(`${path}.consumerCidrs`, "0.0.0.0/0", "the networks of your information systems: the consumer ports are internal (NIIS table)");
    const lb = check.section(`${path}.consumerLoadBalancer`, net.consumerLoadBalancer);
    check.knownKeys(`${path}.consumerLoadBalancer`, lb, ["enabled", "annotations"]);
    const consumerLoadBalancer = {
        enabled: check.boolean(`${path}.consumerLoadBalancer.enabled`, lb.enabled, consumerCidrs.length > 0),
        annotations: check.stringMap(`${path}.consumerLoadBalancer.annotations`, lb.annotations, {}),
    };
    if (consumerLoadBalancer.enabled && consumerCidrs.length === 0)
        check.fail(`${path}.consumerLoadBalancer.enabled`, true, `false unless ${check.key(`${path}.consumerCidrs`)} lists who may use it (in-cluster consumers use the ClusterIP Service)`);
    if (consumerLoadBalancer.enabled &&
        consumerCidrs.length > 0 &&
        !ctx.internalLoadBalancerAnnotationsKnown &&
        Object.keys(consumerLoadBalancer.annotations).length === 0)
        check.fail(`${path}.consumerLoadBalancer.annotations`, lb.annotations, "the annotations that make your cluster's load balancer internal (target existing has no cloud defaults); without them it may be Internet-facing");
    const acmeDefault = ctx.variant === "fi" && ctx.topology === "single";
    const acmeChallenge = check.boolean(`${path}.acmeChallenge`, net.acmeChallenge, acmeDefault);
    if (acmeChallenge && ctx.topology !== "single")
        check.fail(`${path}.acmeChallenge`, true, "false for the primary-secondaries topology: the HTTP-01 listener is the primary's admin side (proxy-ui-api), which guide §5.1 isolates (SSH from the secondaries only); order ACME certificates on a single-pod instance or with DNS-01");
    if (acmeChallenge && ctx.variant !== "fi")
        check.fail(`${path}.acmeChallenge`, true, "false unless the variant is fi: only its image listens for HTTP-01 challenges on port 80 and may bind it (xroad-facts §2)");
    const network = {
        consumerNamespaces,
        consumerPodLabels: check.labels(`${path}.consumerPodLabels`, net.consumerPodLabels, { "xroad-sidecar/consumer": "true" }),
        consumerCidrs,
        consumerLoadBalancer,
        loadBalancerSourceRanges: check.cidrList(`${path}.loadBalancerSourceRanges`, net.loadBalancerSourceRanges, ["0.0.0.0/0"]),
        xroadEgressCidrs: destinations(check, `${path}.xroadEgressCidrs`, net.xroadEgressCidrs, ["0.0.0.0/0"]),
        ocspTsaPorts: ports(check, `${path}.ocspTsaPorts`, net.ocspTsaPorts, []),
        producers: check.list(`${path}.producers`, net.producers).map((p, i) => readProducer(check, `${path}.producers[${i}]`, p, i, ctx)),
        acmeChallenge,
        acmeSourceRanges: check.cidrList(`${path}.acmeSourceRanges`, net.acmeSourceRanges, ["0.0.0.0/0"]),
        mailCidrs: destinations(check, `${path}.mailCidrs`, net.mailCidrs),
    };
    const names = new Map();
    network.producers.forEach((p, i) => {
        if (names.has(p.name))
            check.fail(`${path}.producers[${i}].name`, p.name, `a name not already used by producers[${names.get(p.name)}]`);
        names.set(p.name, i);
    });
    if (ctx.production && consumerNamespaces.length === 0 && consumerCidrs.length === 0 && network.producers.length === 0)
        check.fail(path, raw, "at least one consumer (consumerNamespaces or consumerCidrs) or producer (producers) in a production environment: every other port is closed by default deny, so without them no information system can call this Security Server and it can call no backend, and it carries no X-Road traffic");
    return network;
}
