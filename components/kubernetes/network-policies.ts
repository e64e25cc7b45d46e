import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SidecarInstanceConfig } from "../../config/instance";
import { MAIL_SUBMISSION_PORT } from "../../config/network";
import { NEVER_REACHABLE_CIDRS } from "../../config/cluster-network";
import { cidrContains } from "../../kubernetes-model/cidr";
import { ACME_CHALLENGE_PORT, DNS_PORT, XROAD_EGRESS_PORTS, XROAD_PORTS } from "../../policy/xroad/ports";
import { APP_NAME, APP_NAME_LABEL, ROLE_LABEL, ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE } from "../../policy/xroad/labels";
import { DatabaseConnection } from "./database";
import { selectorLabels } from "./labels";
import { consumerPorts } from "./probes";

type NetworkPolicyPeer = k8s.types.input.networking.v1.NetworkPolicyPeer;
type NetworkPolicyPort = k8s.types.input.networking.v1.NetworkPolicyPort;
type IngressRule = k8s.types.input.networking.v1.NetworkPolicyIngressRule;
type EgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;

const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** CoreDNS carries this label on EKS, AKS and kubeadm clusters alike. */
const DNS_POD_LABELS = { "k8s-app": "kube-dns" };
const DEFAULT_DENY_POLICY = "default-deny-all";
const DNS_POLICY = "allow-dns-egress";

export function tcp(port: number): NetworkPolicyPort {
    return { protocol: "TCP", port };
}

/**
 * Egress to the cluster DNS, for every pod of the namespace. A cluster that runs NodeLocal DNSCache
 * (169.254.20.10 on the node) needs that address allowed as well; EKS and AKS defaults do not use it.
 */
export function dnsEgressRule(): EgressRule {
    return {
        to: [
            { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } }, podSelector: { matchLabels: DNS_POD_LABELS } },
        ],
        ports: [{ protocol: "UDP", port: DNS_PORT }, tcp(DNS_PORT)],
    };
}

/** Egress to the database server, when it is outside the pod. */
function databaseEgress(database: DatabaseConnection): EgressRule[] {
    if (database.kind === "local") return [];
    // Without known addresses (a platform that did not say where its database lives) only the port is pinned.
    const to = database.egressCidrs.length > 0 ? database.egressCidrs.map((cidr): NetworkPolicyPeer => ({ ipBlock: { cidr } })) : undefined;
    return [{ to, ports: [tcp(database.port)] }];
}

/**
 * Peers for addresses beyond the cluster. Each block excludes the metadata endpoint and the Azure
 * wireserver (review B1) and the cluster's own pod, Service and node ranges, so "the Internet" never
 * means the API server, a node or another pod. `except` must lie inside its block (API validation):
 * only the ranges a block strictly contains are excluded. A block inside a cluster range was listed on
 * purpose (a producer in the VPC, say) and is kept whole; config rejects blocks inside the never-reachable ones.
 */
function externalPeers(cidrs: string[], clusterCidrs: string[]): NetworkPolicyPeer[] {
    return cidrs.map((cidr): NetworkPolicyPeer => {
        const except = [...NEVER_REACHABLE_CIDRS, ...clusterCidrs].filter((x) => cidrContains(cidr, x) && !cidrContains(x, cidr));
        // A range inside another excluded one is covered already.
        const minimal = [...new Set(except)].filter((x, _, all) => !all.some((y) => y !== x && cidrContains(y, x)));
        return { ipBlock: minimal.length > 0 ? { cidr, except: minimal } : { cidr } };
    });
}

/**
 * Central server 80/443/4001, OCSP and time-stamping 80/443 and their other ports, other Security Servers 5500/5577
 * (NIIS network table).
 */
function xroadEgress(instance: SidecarInstanceConfig, clusterCidrs: string[]): EgressRule {
    const ports = [...new Set([...XROAD_EGRESS_PORTS, ...instance.network.ocspTsaPorts])];
    return { to: externalPeers(instance.network.xroadEgressCidrs, clusterCidrs), ports: ports.map(tcp) };
}

/** Mail for ACME notifications (NIIS table: 587), only to the configured mail servers. */
function mailEgress(instance: SidecarInstanceConfig, clusterCidrs: string[]): EgressRule[] {
    if (instance.network.mailCidrs.length === 0) return [];
    return [{ to: externalPeers(instance.network.mailCidrs, clusterCidrs), ports: [tcp(MAIL_SUBMISSION_PORT)] }];
}

/** Producer information systems, each only on its own ports (NIIS table: "80, 443, other", to the internal network). */
function producerEgress(instance: SidecarInstanceConfig, clusterCidrs: string[]): EgressRule[] {
    return instance.network.producers.map((producer): EgressRule => {
        const to: NetworkPolicyPeer[] = externalPeers(producer.cidrs, clusterCidrs);
        if (producer.namespaces.length > 0)
            to.push({
                namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: producer.namespaces }] },
                podSelector: { matchLabels: producer.podLabels },
            });
        return { to, ports: producer.ports.map(tcp) };
    });
}

/**
 * Sidecar pods of any instance in the cluster: another instance's load balancer address is short-circuited
 * by kube-proxy to its pods, so their messages arrive from, and go to, pod addresses that the Internet
 * rules exclude. Matched by the labels every Sidecar pod of this project carries (labels.ts).
 */
function sidecarPods(roles: string[]): NetworkPolicyPeer {
    return {
        namespaceSelector: {},
        podSelector: {
            matchLabels: { [APP_NAME_LABEL]: APP_NAME },
            matchExpressions: [{ key: ROLE_LABEL, operator: "In", values: roles }],
        },
    };
}

/** Other Security Servers on 5500/5577 beyond the cluster, and the Sidecars of other instances inside it (NIIS table). */
function otherSecurityServersEgress(): EgressRule {
    return { to: [sidecarPods([ROLE_SECONDARY, ROLE_STANDALONE])], ports: [tcp(XROAD_PORTS.messaging), tcp(XROAD_PORTS.ocsp)] };
}

/**
 * 5500/5577 from the load balancer's allowed sources (`externalTrafficPolicy: Local` keeps their addresses),
 * minus the cluster's own ranges unless listed, and from other instances' Sidecars.
 */
function publicIngress(instance: SidecarInstanceConfig, clusterCidrs: string[]): IngressRule {
    return {
        from: [
            ...externalPeers(instance.network.loadBalancerSourceRanges, clusterCidrs),
            sidecarPods([ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE]),
        ],
        ports: [tcp(XROAD_PORTS.messaging), tcp(XROAD_PORTS.ocsp)],
    };
}

/** ACME HTTP-01 challenges on port 80 (NIIS table: "Inbound | ACME Server | 80"), when enabled. */
function acmeIngress(instance: SidecarInstanceConfig, clusterCidrs: string[]): IngressRule[] {
    if (!instance.network.acmeChallenge) return [];
    return [{ from: externalPeers(instance.network.acmeSourceRanges, clusterCidrs), ports: [tcp(ACME_CHALLENGE_PORT)] }];
}

/**
 * The consumer ports, only from pods with the configured labels in the configured consumer namespaces
 * (both selectors in one peer: a labelled pod in one of them), and from the configured out-of-cluster
 * consumer networks (through the internal load balancer, which keeps their addresses). A pod of the
 * Sidecar's own namespace is never a consumer: the namespace's default deny blocks its egress.
 */
function consumerIngress(instance: SidecarInstanceConfig): IngressRule[] {
    const { consumerNamespaces, consumerPodLabels, consumerCidrs } = instance.network;
    const from: NetworkPolicyPeer[] = consumerCidrs.map((cidr) => ({ ipBlock: { cidr } }));
    if (consumerNamespaces.length > 0) {
        from.push({
            namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: consumerNamespaces }] },
            podSelector: { matchLabels: consumerPodLabels },
        });
    }
    // No consumers: no rule at all (an empty `from` would admit everyone).
    if (from.length === 0) return [];
    const ports = consumerPorts(instance.variant);
    return [{ from, ports: [tcp(ports.http), tcp(ports.https)] }];
}

export interface SidecarNetworkPoliciesArgs {
    instance: SidecarInstanceConfig;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    database: DatabaseConnection;
    /** The cluster's pod, Service and node ranges (PlatformBindings.clusterCidrs), excluded from Internet egress. */
    clusterCidrs: string[];
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
export class SidecarNetworkPolicies extends pulumi.ComponentResource {
    readonly policyNames: string[] = [];

    constructor(name: string, args: SidecarNetworkPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarNetworkPolicies", name, {}, opts);
        const { instance, clusterCidrs } = args;
        const policy = (policyName: string, spec: k8s.types.input.networking.v1.NetworkPolicySpec): void => {
            this.policyNames.push(policyName);
            new k8s.networking.v1.NetworkPolicy(
                `${name}-${policyName}`,
                { metadata: { name: policyName, namespace: args.namespace, labels: args.labels }, spec },
                { parent: this },
            );
        };

        policy(DEFAULT_DENY_POLICY, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        policy(DNS_POLICY, { podSelector: {}, policyTypes: ["Egress"], egress: [dnsEgressRule()] });

        if (instance.topology === "single") {
            policy(`${ROLE_STANDALONE}-traffic`, {
                podSelector: { matchLabels: selectorLabels(instance, ROLE_STANDALONE) },
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
        } else {
            const secondaryPods = { matchLabels: selectorLabels(instance, ROLE_SECONDARY) };
            const primaryPods = { matchLabels: selectorLabels(instance, ROLE_PRIMARY) };
            policy(`${ROLE_PRIMARY}-traffic`, {
                podSelector: primaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [{ from: [{ podSelector: secondaryPods }], ports: [tcp(XROAD_PORTS.ssh)] }],
                // The primary runs management requests and global configuration downloads, and sends ACME mail; it serves no clients.
                egress: [
                    ...databaseEgress(args.database),
                    xroadEgress(instance, clusterCidrs),
                    otherSecurityServersEgress(),
                    ...mailEgress(instance, clusterCidrs),
                ],
            });
            policy(`${ROLE_SECONDARY}-traffic`, {
                podSelector: secondaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [publicIngress(instance, clusterCidrs), ...consumerIngress(instance)],
                egress: [
                    { to: [{ podSelector: primaryPods }], ports: [tcp(XROAD_PORTS.ssh)] },
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
