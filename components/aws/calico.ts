import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

const CALICO_CHART_REPOSITORY = "https://docs.tigera.io/calico/charts";
const TIGERA_OPERATOR_NAMESPACE = "tigera-operator";

export interface CalicoArgs {
    /** tigera-operator chart version, pinned by the release config. */
    chartVersion: string;
}

/**
 * Helm values of the tigera-operator chart for EKS: Calico enforces NetworkPolicy only, while the Amazon
 * VPC CNI keeps pod networking and IPAM (forcing Calico CNI on EKS breaks it: projectcalico/calico#7004).
 * The flow-log UI components are off: nothing here should open more endpoints than policy needs.
 */
function tigeraOperatorValues(): Record<string, unknown> {
    return {
        installation: {
            enabled: true,
            kubernetesProvider: "EKS",
            cni: { type: "AmazonVPC" },
            calicoNetwork: { bgp: "Disabled" },
        },
        // No calico-apiserver: the Sidecar uses networking.k8s.io NetworkPolicy only, and an unhealthy aggregated
        // projectcalico.org API breaks discovery for kubectl, Helm and Pulumi (review aws B10).
        apiServer: { enabled: false },
        goldmane: { enabled: false },
        whisker: { enabled: false },
    };
}

/**
 * Calico in policy-only mode (guide §5), so the Sidecar's NetworkPolicies are enforced. It needs no security
 * group rules of its own: the pulumi-eks node group already admits all traffic between nodes (Typha 5473) and
 * 1025-65535 from the control plane; rules of another resource type on that group would fight its own
 * (review aws B10, @pulumi/aws SecurityGroupIngressRule notes).
 */
export class Calico extends pulumi.ComponentResource {
    readonly release: k8s.helm.v3.Release;

    constructor(name: string, args: CalicoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Calico", name, {}, opts);
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
            { parent: this },
        );
        this.registerOutputs({ release: this.release.status });
    }
}
