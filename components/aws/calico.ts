import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";

/** Calico Typha, which calico-node on every node connects to. */
export const CALICO_TYPHA_PORT = 5473;
/** calico-apiserver, which the control plane calls for projectcalico.org resources. */
export const CALICO_APISERVER_PORT = 5443;
export const CALICO_CHART_REPOSITORY = "https://docs.tigera.io/calico/charts";
export const TIGERA_OPERATOR_NAMESPACE = "tigera-operator";

export interface CalicoArgs {
    /** tigera-operator chart version, pinned by the release config. */
    chartVersion: string;
    nodeSecurityGroupId: pulumi.Input<string>;
    clusterSecurityGroupId: pulumi.Input<string>;
}

/**
 * Helm values of the tigera-operator chart for EKS: Calico enforces NetworkPolicy only, while the Amazon
 * VPC CNI keeps pod networking and IPAM (forcing Calico CNI on EKS breaks it: projectcalico/calico#7004).
 * The flow-log UI components are off: nothing here should open more endpoints than policy needs.
 */
export function tigeraOperatorValues(): Record<string, unknown> {
    return {
        installation: {
            enabled: true,
            kubernetesProvider: "EKS",
            cni: { type: "AmazonVPC" },
            calicoNetwork: { bgp: "Disabled" },
        },
        apiServer: { enabled: true },
        goldmane: { enabled: false },
        whisker: { enabled: false },
    };
}

/**
 * Calico in policy-only mode (guide §5), so the Sidecar's NetworkPolicies are enforced, plus the node
 * security-group rules it needs even if the default node rules are narrowed: Typha between nodes
 * (tigera/operator#2137) and calico-apiserver from the control plane (projectcalico/calico#7555).
 */
export class Calico extends pulumi.ComponentResource {
    readonly release: k8s.helm.v3.Release;

    constructor(name: string, args: CalicoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Calico", name, {}, opts);
        const typha = new aws.vpc.SecurityGroupIngressRule(
            `${name}-typha`,
            {
                securityGroupId: args.nodeSecurityGroupId,
                referencedSecurityGroupId: args.nodeSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: CALICO_TYPHA_PORT,
                toPort: CALICO_TYPHA_PORT,
                description: "Calico Typha from calico-node on other nodes",
            },
            { parent: this },
        );
        const apiserver = new aws.vpc.SecurityGroupIngressRule(
            `${name}-apiserver`,
            {
                securityGroupId: args.nodeSecurityGroupId,
                referencedSecurityGroupId: args.clusterSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: CALICO_APISERVER_PORT,
                toPort: CALICO_APISERVER_PORT,
                description: "calico-apiserver from the EKS control plane",
            },
            { parent: this },
        );
        this.release = new k8s.helm.v3.Release(
            name,
            {
                name: "calico",
                chart: "tigera-operator",
                version: args.chartVersion,
                repositoryOpts: { repo: CALICO_CHART_REPOSITORY },
                namespace: TIGERA_OPERATOR_NAMESPACE,
                createNamespace: true,
                atomic: true,
                cleanupOnFail: true,
                values: tigeraOperatorValues(),
            },
            { parent: this, dependsOn: [typha, apiserver] },
        );
        this.registerOutputs({ release: this.release.status });
    }
}
