import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SidecarInstanceConfig } from "../../config/instance";
import { DNS_PORT, XROAD_EGRESS_PORTS, XROAD_PORTS } from "../../policy/xroad/ports";
import { ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE } from "../../policy/xroad/labels";
import { DatabaseConnection } from "./database";
import { selectorLabels } from "./labels";
import { consumerPorts } from "./probes";

type NetworkPolicyPeer = k8s.types.input.networking.v1.NetworkPolicyPeer;
type NetworkPolicyPort = k8s.types.input.networking.v1.NetworkPolicyPort;
type IngressRule = k8s.types.input.networking.v1.NetworkPolicyIngressRule;
type EgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;

export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** CoreDNS carries this label on EKS, AKS and kubeadm clusters alike. */
export const DNS_POD_LABELS = { "k8s-app": "kube-dns" };
export const DEFAULT_DENY_POLICY = "default-deny-all";
export const DNS_POLICY = "allow-dns-egress";

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
function databaseEgress(db: DatabaseConnection): EgressRule[] {
    if (db.kind === "local") return [];
    // Without known addresses (a platform that did not say where its database lives) only the port is pinned.
    const to = db.egressCidrs.length > 0 ? db.egressCidrs.map((cidr): NetworkPolicyPeer => ({ ipBlock: { cidr } })) : undefined;
    return [{ to, ports: [tcp(db.port)] }];
}

/** Central server, OCSP, timestamping and other Security Servers (NIIS network table). */
function xroadEgress(instance: SidecarInstanceConfig): EgressRule {
    return { to: instance.network.xroadEgressCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: XROAD_EGRESS_PORTS.map(tcp) };
}

/** 5500/5577 from the load balancer's allowed sources; `externalTrafficPolicy: Local` keeps those addresses. */
function publicIngress(instance: SidecarInstanceConfig): IngressRule {
    return {
        from: instance.network.loadBalancerSourceRanges.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [tcp(XROAD_PORTS.messaging), tcp(XROAD_PORTS.ocsp)],
    };
}

/**
 * The consumer ports, only from pods with the configured labels: in this namespace, or in the
 * configured consumer namespaces (both selectors in one peer: a labelled pod in one of them).
 */
function consumerIngress(instance: SidecarInstanceConfig): IngressRule {
    const podSelector = { matchLabels: instance.network.consumerPodLabels };
    const from: NetworkPolicyPeer[] = [{ podSelector }];
    if (instance.network.consumerNamespaces.length > 0) {
        from.push({
            namespaceSelector: {
                matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: instance.network.consumerNamespaces }],
            },
            podSelector,
        });
    }
    const ports = consumerPorts(instance.variant);
    return { from, ports: [tcp(ports.http), tcp(ports.https)] };
}

export interface SidecarNetworkPoliciesArgs {
    instance: SidecarInstanceConfig;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    database: DatabaseConnection;
}

/**
 * NetworkPolicies of one instance (guide §5): deny everything in and out of the namespace, then allow
 * only what X-Road needs, per role. Each allow policy selects its pods by the same labels as the
 * workloads (labels.ts), so a policy cannot drift from the pods it means.
 * - primary: in, only SSH (22) from the secondaries (guide §5.1); the admin UI is reached through
 *   `kubectl port-forward`, which enters the pod through the kubelet, not the pod network;
 * - secondaries and the single pod: in, 5500/5577 from the load balancer's sources and the consumer
 *   ports from the configured consumers; no admin UI;
 * - out: DNS, the database, the primary's SSH (secondaries) and the external X-Road ports.
 * Kubelet probes come from the node itself, which Calico, the VPC CNI policy agent and Cilium admit
 * without a rule.
 */
export class SidecarNetworkPolicies extends pulumi.ComponentResource {
    readonly policyNames: string[] = [];

    constructor(name: string, args: SidecarNetworkPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarNetworkPolicies", name, {}, opts);
        const { instance } = args;
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
                ingress: [publicIngress(instance), consumerIngress(instance)],
                egress: [...databaseEgress(args.database), xroadEgress(instance)],
            });
        } else {
            const secondaryPods = { matchLabels: selectorLabels(instance, ROLE_SECONDARY) };
            const primaryPods = { matchLabels: selectorLabels(instance, ROLE_PRIMARY) };
            policy(`${ROLE_PRIMARY}-traffic`, {
                podSelector: primaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [{ from: [{ podSelector: secondaryPods }], ports: [tcp(XROAD_PORTS.ssh)] }],
                egress: [...databaseEgress(args.database), xroadEgress(instance)],
            });
            policy(`${ROLE_SECONDARY}-traffic`, {
                podSelector: secondaryPods,
                policyTypes: ["Ingress", "Egress"],
                ingress: [publicIngress(instance), consumerIngress(instance)],
                egress: [
                    { to: [{ podSelector: primaryPods }], ports: [tcp(XROAD_PORTS.ssh)] },
                    ...databaseEgress(args.database),
                    xroadEgress(instance),
                ],
            });
        }
        this.registerOutputs({ policies: this.policyNames });
    }
}
