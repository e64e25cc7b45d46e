"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.SidecarNetworkPolicies = void 0;
exports.tcp = tcp;
exports.dnsEgressRule = dnsEgressRule;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const network_1 = require("../../config/network");
const cluster_network_1 = require("../../config/cluster-network");
const cidr_1 = require("../../policy/kubernetes/cidr");
const ports_1 = require("../../policy/xroad/ports");
const labels_1 = require("../../policy/xroad/labels");
const labels_2 = require("./labels");
const probes_1 = require("./probes");
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** CoreDNS carries this label on EKS, AKS and kubeadm clusters alike. */
const DNS_POD_LABELS = { "k8s-app": "kube-dns" };
const DEFAULT_DENY_POLICY = "default-deny-all";
const DNS_POLICY = "allow-dns-egress";
function tcp(port) {
    return { protocol: "TCP", port };
}
/**
 * Egress to the cluster DNS, for every pod of the namespace. A cluster that runs NodeLocal DNSCache
 * (169.254.20.10 on the node) needs that address allowed as well; EKS and AKS defaults do not use it.
 */
function dnsEgressRule() {
    return {
        to: [
            { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } }, podSelector: { matchLabels: DNS_POD_LABELS } },
        ],
        ports: [{ protocol: "UDP", port: ports_1.DNS_PORT }, tcp(ports_1.DNS_PORT)],
    };
}
/** Egress to the database server, when it is outside the pod. */
function databaseEgress(db) {
    if (db.kind === "local")
        return [];
    // Without known addresses (a platform that did not say where its database lives) only the port is pinned.
    const to = db.egressCidrs.length > 0 ? db.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })) : undefined;
    return [{ to, ports: [tcp(db.port)] }];
}
/**
 * Peers for addresses beyond the cluster. Each block excludes the metadata endpoint and the Azure
 * wireserver (review B1) and the cluster's own pod, Service and node ranges, so "the Internet" never
 * means the API server, a node or another pod. `except` must lie inside its block (API validation):
 * only the ranges a block strictly contains are excluded. A block inside a cluster range was listed on
 * purpose (a producer in the VPC, say) and is kept whole; config rejects blocks inside the never-reachable ones.
 */
function externalPeers(cidrs, clusterCidrs) {
    return cidrs.map((cidr) => {
        const except = [...cluster_network_1.NEVER_REACHABLE_CIDRS, ...clusterCidrs].filter((x) => (0, cidr_1.cidrContains)(cidr, x) && !(0, cidr_1.cidrContains)(x, cidr));
        // A range inside another excluded one is covered already.
        const minimal = [...new Set(except)].filter((x, _, all) => !all.some((y) => y !== x && (0, cidr_1.cidrContains)(y, x)));
        return { ipBlock: minimal.length > 0 ? { cidr, except: minimal } : { cidr } };
    });
}
/**
 * Central server 80/443/4001, OCSP and time-stamping 80/443 and their other ports, other Security Servers 5500/5577
 * (NIIS network table).
 */
function xroadEgress(instance, clusterCidrs) {
    const ports = [...new Set([...ports_1.XROAD_EGRESS_PORTS, ...instance.network.ocspTsaPorts])];
    return { to: externalPeers(instance.network.xroadEgressCidrs, clusterCidrs), ports: ports.map(tcp) };
}
/** Mail for ACME notifications (NIIS table: 587), only to the configured mail servers. */
function mailEgress(instance, clusterCidrs) {
    if (instance.network.mailCidrs.length === 0)
        return [];
    return [{ to: externalPeers(instance.network.mailCidrs, clusterCidrs), ports: [tcp(network_1.MAIL_SUBMISSION_PORT)] }];
}
/** Producer information systems, each only on its own ports (NIIS table: "80, 443, other", to the internal network). */
function producerEgress(instance, clusterCidrs) {
    return instance.network.producers.map((p) => {
        const to = externalPeers(p.cidrs, clusterCidrs);
        if (p.namespaces.length > 0)
            to.push({
                namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: p.namespaces }] },
                podSelector: { matchLabels: p.podLabels },
            });
        return { to, ports: p.ports.map(tcp) };
    });
}
/**
 * Sidecar pods of any instance in the cluster: another instance's load balancer address is short-circuited
 * by kube-proxy to its pods, so their messages arrive from, and go to, pod addresses that the Internet
 * rules exclude. Matched by the labels every Sidecar pod of this project carries (labels.ts).
 */
function sidecarPods(roles) {
    return {
        namespaceSelector: {},
        podSelector: {
            matchLabels: { [labels_1.APP_NAME_LABEL]: labels_1.APP_NAME },
            matchExpressions: [{ key: labels_1.ROLE_LABEL, operator: "In", values: roles }],
        },
    };
}
/** Other Security Servers on 5500/5577 beyond the cluster, and the Sidecars of other instances inside it (NIIS table). */
function otherSecurityServersEgress() {
    return { to: [sidecarPods([labels_1.ROLE_SECONDARY, labels_1.ROLE_STANDALONE])], ports: [tcp(ports_1.XROAD_PORTS.messaging), tcp(ports_1.XROAD_PORTS.ocsp)] };
}
/**
 * 5500/5577 from the load balancer's allowed sources (`externalTrafficPolicy: Local` keeps their addresses),
 * minus the cluster's own ranges unless listed, and from other instances' Sidecars.
 */
function publicIngress(instance, clusterCidrs) {
    return {
        from: [
            ...externalPeers(instance.network.loadBalancerSourceRanges, clusterCidrs),
            sidecarPods([labels_1.ROLE_PRIMARY, labels_1.ROLE_SECONDARY, labels_1.ROLE_STANDALONE]),
        ],
        ports: [tcp(ports_1.XROAD_PORTS.messaging), tcp(ports_1.XROAD_PORTS.ocsp)],
    };
}
/** ACME HTTP-01 challenges on port 80 (NIIS table: "Inbound | ACME Server | 80"), when enabled. */
function acmeIngress(instance, clusterCidrs) {
    if (!instance.network.acmeChallenge)
        return [];
    return [{ from: externalPeers(instance.network.acmeSourceRanges, clusterCidrs), ports: [tcp(ports_1.ACME_CHALLENGE_PORT)] }];
}
/**
 * The consumer ports, only from pods with the configured labels in the configured consumer namespaces
 * (both selectors in one peer: a labelled pod in one of them), and from the configured out-of-cluster
 * consumer networks (through the internal load balancer, which keeps their addresses). A pod of the
 * Sidecar's own namespace is never a consumer: the namespace's default deny blocks its egress.
 */
function consumerIngress(instance) {
    const { consumerNamespaces, consumerPodLabels, consumerCidrs } = instance.network;
    const from = consumerCidrs.map((cidr) => ({ ipBlock: { cidr } }));
    if (consumerNamespaces.length > 0) {
        from.push({
            namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: consumerNamespaces }] },
            podSelector: { matchLabels: consumerPodLabels },
        });
    }
    // No consumers: no rule at all (an empty `from` would admit everyone).
    if (from.length === 0)
        return [];
    const ports = (0, probes_1.consumerPorts)(instance.variant);
    return [{ from, ports: [tcp(ports.http), tcp(ports.https)] }];
}
/**
 * NetworkPolicies of one instance (guide §5): deny everything in and out of the namespace, then allow
 * only what X-Road needs, per role. Each allow policy selects its pods by the same labels as the
 * workloads (labels.ts), so a policy cannot drift from the pods it means.
 * - primary: in, only SSH (22) from the secondaries (guide §5.1); the admin UI is reached through
 *   `kubectl port-forward`, which enters the pod through the kubelet, not the pod network;
 * - secondaries and the single pod: in, 5500/5577 from the load balancer's sources and the consumer
 *   ports from the configured consumers (and ACME's port 80 on a single pod that enables it); no admin UI;
 * - out: DNS, the database, the primary's SSH (secondaries), the X-Road ports beyond the cluster, the
 *   configured producers (secondaries, single pod) and mail servers (primary, single pod).
 * Kubelet probes come from the node itself, which Calico, the VPC CNI policy agent and Cilium admit
 * without a rule.
 */
class SidecarNetworkPolicies extends pulumi.ComponentResource {
    policyNames = [];
    constructor(name, args, opts) {
        super("xroad:kubernetes:SidecarNetworkPolicies", name, {}, opts);
        const { instance, clusterCidrs } = args;
        const policy = (policyName, spec) => {
            this.policyNames.push(policyName);
            new k8s.networking.v1.NetworkPolicy(`${name}-${policyName}`, { metadata: { name: policyName, namespace: args.namespace, labels: args.labels }, spec }, { parent: this });
        };
        policy(DEFAULT_DENY_POLICY, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        policy(DNS_POLICY, { podSelector: {}, policyTypes: ["Egress"], egress: [dnsEgressRule()] });
        if (instance.topology === "single") {
            policy(`${labels_1.ROLE_STANDALONE}-traffic`, {
                podSelector: { matchLabels: (0, labels_2.selectorLabels)(instance, labels_1.ROLE_STANDALONE) },
                policyTypes: ["Ingress", "Egress"],
                ingress: [publicIngress(instance, clusterCidrs), ...consumerIngress(instance), ...acmeIngress(instance, clusterCidrs)],
                egress: [
                    ...databaseEgress(args.database),
                    xroadEgress(instance, clusterCidrs),
                    otherSecurityServersEgress(),
                    ...producerEgress(instance, clusterCidrs),
                    ...mailEgress(instance, clusterCidrs),
                ],
            });
        }
        else {
            const secondaryPods = { matchLabels: (0, labels_2.selectorLabels)(instance, labels_1.ROLE_SECONDARY) };
            const primaryPods = { matchLabels: (0, labels_2.selectorLabels)(instance, labels_1.ROLE_PRIMARY) };
            policy(`${labels_1.ROLE_PRIMARY}-traffic`, {
                podSelector: primaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [{ from: [{ podSelector: secondaryPods }], ports: [tcp(ports_1.XROAD_PORTS.ssh)] }],
                // The primary runs management requests and global configuration downloads, and sends ACME mail; it serves no clients.
                egress: [
                    ...databaseEgress(args.database),
                    xroadEgress(instance, clusterCidrs),
                    otherSecurityServersEgress(),
                    ...mailEgress(instance, clusterCidrs),
                ],
            });
            policy(`${labels_1.ROLE_SECONDARY}-traffic`, {
                podSelector: secondaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [publicIngress(instance, clusterCidrs), ...consumerIngress(instance)],
                egress: [
                    { to: [{ podSelector: primaryPods }], ports: [tcp(ports_1.XROAD_PORTS.ssh)] },
                    ...databaseEgress(args.database),
                    xroadEgress(instance, clusterCidrs),
                    otherSecurityServersEgress(),
                    ...producerEgress(instance, clusterCidrs),
                ],
            });
        }
        this.registerOutputs({ policies: this.policyNames });
    }
}
exports.SidecarNetworkPolicies = SidecarNetworkPolicies;
