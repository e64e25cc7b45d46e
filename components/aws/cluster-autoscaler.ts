import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ClusterOidc, IrsaRole } from "./irsa-role";
import { policyDocument } from "./policy-document";

const CLUSTER_AUTOSCALER_CHART_REPOSITORY = "https://kubernetes.github.io/autoscaler";
const CLUSTER_AUTOSCALER_SERVICE_ACCOUNT = { namespace: "kube-system", name: "cluster-autoscaler" } as const;

/**
 * Read-only calls the Cluster Autoscaler makes to discover groups and instance shapes. IAM offers no
 * resource-level permission for them, so they are granted on "*" (Cluster Autoscaler AWS docs, "IAM Policy").
 */
export const CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS = [
    "autoscaling:DescribeAutoScalingGroups",
    "autoscaling:DescribeAutoScalingInstances",
    "autoscaling:DescribeLaunchConfigurations",
    "autoscaling:DescribeScalingActivities",
    "autoscaling:DescribeTags",
    "ec2:DescribeImages",
    "ec2:DescribeInstanceTypes",
    "ec2:DescribeLaunchTemplateVersions",
    "ec2:GetInstanceTypesFromInstanceRequirements",
    "eks:DescribeNodegroup",
] as const;

/**
 * The tag EKS puts on the Auto Scaling groups of this cluster's managed node groups ("Managed node groups":
 * they are tagged for Cluster Autoscaler auto-discovery), which limits what the autoscaler may resize.
 */
function autoscalerOwnershipTag(clusterName: string): string {
    return `k8s.io/cluster-autoscaler/${clusterName}`;
}

export interface ClusterAutoscalerArgs extends ClusterOidc {
    clusterName: string;
    region: string;
    /** Chart version, pinned in the release block. */
    chartVersion: string;
    /** The autoscaler's image tag, whose minor version must match the cluster's (release config checks it). */
    imageTag: string;
}

/**
 * The Kubernetes Cluster Autoscaler (guide §11: the nodes must hold the maximum number of autoscaled pods).
 * It raises the managed node group's desired size when a secondary or a rollout's surge pod is Pending, up
 * to the group's maximum, and lowers it again after a quiet period. Its IRSA role may resize only this
 * cluster's groups, by tag. Chosen over Karpenter because the node group stays one EKS managed node group
 * (drain-aware upgrades, one instance type sized by the capacity check); Karpenter would replace it.
 */
export class ClusterAutoscaler extends pulumi.ComponentResource {
    readonly release: k8s.helm.v3.Release;
    readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ClusterAutoscalerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:ClusterAutoscaler", name, {}, opts);
        const role = new IrsaRole(
            name,
            {
                description: `Cluster Autoscaler of ${args.clusterName}`,
                oidcProviderArn: args.oidcProviderArn,
                oidcIssuer: args.oidcIssuer,
                namespace: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace,
                serviceAccount: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.name,
                inlinePolicies: {
                    "resize-own-node-groups": policyDocument([
                        { Sid: "Discover", Effect: "Allow", Action: [...CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS], Resource: "*" },
                        {
                            Sid: "ResizeOnlyThisCluster",
                            Effect: "Allow",
                            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                            Resource: "*",
                            Condition: { StringEquals: { [`aws:ResourceTag/${autoscalerOwnershipTag(args.clusterName)}`]: "owned" } },
                        },
                    ]),
                },
            },
            { parent: this },
        );
        this.roleArn = role.arn;
        this.release = new k8s.helm.v3.Release(
            name,
            {
                name: "cluster-autoscaler",
                chart: "cluster-autoscaler",
                version: args.chartVersion,
                repositoryOpts: { repo: CLUSTER_AUTOSCALER_CHART_REPOSITORY },
                namespace: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace,
                atomic: true,
                cleanupOnFail: true,
                values: {
                    cloudProvider: "aws",
                    awsRegion: args.region,
                    autoDiscovery: { clusterName: args.clusterName },
                    image: { tag: args.imageTag },
                    rbac: {
                        serviceAccount: {
                            create: true,
                            name: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.name,
                            annotations: { "eks.amazonaws.com/role-arn": role.arn },
                        },
                    },
                    extraArgs: {
                        // Spread new nodes over the zones' groups, and pick the group that wastes least.
                        "balance-similar-node-groups": true,
                        expander: "least-waste",
                        // A secondary takes minutes to start; do not take a node away before it is surely idle.
                        "scale-down-unneeded-time": "10m",
                    },
                    podDisruptionBudget: { maxUnavailable: 1 },
                    priorityClassName: "system-cluster-critical",
                },
            },
            { parent: this },
        );
        this.registerOutputs({ roleArn: this.roleArn, release: this.release.status });
    }
}
