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
exports.ClusterAutoscaler = exports.CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const irsa_role_1 = require("./irsa-role");
const policy_document_1 = require("./policy-document");
const CLUSTER_AUTOSCALER_CHART_REPOSITORY = "https://kubernetes.github.io/autoscaler";
const CLUSTER_AUTOSCALER_SERVICE_ACCOUNT = { namespace: "kube-system", name: "cluster-autoscaler" };
/**
 * Read-only calls the Cluster Autoscaler makes to discover groups and instance shapes. IAM offers no
 * resource-level permission for them, so they are granted on "*" (Cluster Autoscaler AWS docs, "IAM Policy").
 */
exports.CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS = [
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
];
/**
 * The tag EKS puts on the Auto Scaling groups of this cluster's managed node groups ("Managed node groups":
 * they are tagged for Cluster Autoscaler auto-discovery), which limits what the autoscaler may resize.
 */
function autoscalerOwnershipTag(clusterName) {
    return `k8s.io/cluster-autoscaler/${clusterName}`;
}
/**
 * The Kubernetes Cluster Autoscaler (guide §11: the nodes must hold the maximum number of autoscaled pods).
 * It raises the managed node group's desired size when a secondary or a rollout's surge pod is Pending, up
 * to the group's maximum, and lowers it again after a quiet period. Its IRSA role may resize only this
 * cluster's groups, by tag. Chosen over Karpenter because the node group stays one EKS managed node group
 * (drain-aware upgrades, one instance type sized by the capacity check); Karpenter would replace it.
 */
class ClusterAutoscaler extends pulumi.ComponentResource {
    release;
    roleArn;
    constructor(name, args, opts) {
        super("xroad:aws:ClusterAutoscaler", name, {}, opts);
        const role = new irsa_role_1.IrsaRole(name, {
            description: `Cluster Autoscaler of ${args.clusterName}`,
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuer: args.oidcIssuer,
            namespace: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.namespace,
            serviceAccount: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT.name,
            inlinePolicies: {
                "resize-own-node-groups": (0, policy_document_1.policyDocument)([
                    { Sid: "Discover", Effect: "Allow", Action: [...exports.CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS], Resource: "*" },
                    {
                        Sid: "ResizeOnlyThisCluster",
                        Effect: "Allow",
                        Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                        Resource: "*",
                        Condition: { StringEquals: { [`aws:ResourceTag/${autoscalerOwnershipTag(args.clusterName)}`]: "owned" } },
                    },
                ]),
            },
        }, { parent: this });
        this.roleArn = role.arn;
        this.release = new k8s.helm.v3.Release(name, {
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
        }, { parent: this });
        this.registerOutputs({ roleArn: this.roleArn, release: this.release.status });
    }
}
exports.ClusterAutoscaler = ClusterAutoscaler;
