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
exports.Cluster = exports.withoutBootstrapCreatorAdmin = void 0;
exports.accessEntryKey = accessEntryKey;
exports.accessEntries = accessEntries;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const eks = __importStar(require("@pulumi/eks"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const control_plane_logs_1 = require("./control-plane-logs");
const policy_document_1 = require("./policy-document");
const managed_addon_1 = require("./managed-addon");
/** The VPC CNI's ServiceAccount, which gets its own IRSA role instead of the node role's CNI permissions. */
const VPC_CNI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "aws-node" };
/** EKS access policies, in the partition the stack runs in. */
function accessPolicyArn(partition, name) {
    return pulumi.interpolate `arn:${partition}:eks::aws:cluster-access-policy/${name}`;
}
/**
 * A stable access-entry key from a principal ARN (`…:role/platform-admins` → `admin-role-platform-admins`),
 * so reordering the config recreates nothing.
 */
function accessEntryKey(kind, principalArn) {
    const resource = principalArn.split(":").slice(5).join(":");
    return `${kind}-${resource.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}
/**
 * The access entries of the cluster (authentication mode API: no aws-auth ConfigMap). Admins get the
 * cluster-admin access policy on the whole cluster; operators get the edit policy scoped to the Sidecar
 * namespaces, so a shared cluster keeps each team in its namespaces (guide §4.2, §4.3).
 */
function accessEntries(args) {
    const entries = {};
    const principalOf = {};
    const add = (key, entry) => {
        // Same path in two accounts: refuse rather than silently drop one principal's access.
        if (principalOf[key])
            throw new Error(`access entries ${principalOf[key]} and ${entry.principalArn} would share the key ${key}; use distinct role paths`);
        principalOf[key] = entry.principalArn;
        entries[key] = entry;
    };
    for (const principalArn of args.clusterAdminArns) {
        add(accessEntryKey("admin", principalArn), {
            principalArn,
            type: eks.AccessEntryType.Standard,
            accessPolicies: {
                clusterAdmin: {
                    policyArn: accessPolicyArn(args.partition, "AmazonEKSClusterAdminPolicy"),
                    accessScope: { type: "cluster" },
                },
            },
        });
    }
    for (const principalArn of args.namespaceOperatorArns) {
        add(accessEntryKey("operator", principalArn), {
            principalArn,
            type: eks.AccessEntryType.Standard,
            accessPolicies: {
                sidecarNamespaces: {
                    policyArn: accessPolicyArn(args.partition, "AmazonEKSEditPolicy"),
                    accessScope: { type: "namespace", namespaces: args.operatorNamespaces },
                },
            },
        });
    }
    return entries;
}
/**
 * pulumi-eks 4.3 creates its `aws.eks.Cluster` with `accessConfig.bootstrapClusterCreatorAdminPermissions: true`
 * (nodejs/eks/cluster/cluster.ts at v4.3.0) and exposes no input for it: whoever runs the first `pulumi up`
 * becomes a cluster-admin that no config shows (review aws B4). This transform turns it off on that child
 * resource, so the deployer's admin rights come only from its explicit access entry. pulumi-eks ignores later
 * changes of the field (`ignoreChanges`), so an existing cluster is not replaced.
 */
const withoutBootstrapCreatorAdmin = (args) => {
    if (args.type !== "aws:eks/cluster:Cluster")
        return undefined;
    const accessConfig = (args.props.accessConfig ?? {});
    return { props: { ...args.props, accessConfig: { ...accessConfig, bootstrapClusterCreatorAdminPermissions: false } }, opts: args.opts };
};
exports.withoutBootstrapCreatorAdmin = withoutBootstrapCreatorAdmin;
/** Root volume of the nodes: the launch template's only block device. */
const ROOT_DEVICE = "/dev/xvda";
/**
 * The EKS cluster (control-plane logs, KMS envelope encryption, API authentication with access
 * entries, an OIDC provider for IRSA, no dashboard) and one managed node group in the private subnets
 * whose launch template requires IMDSv2 with hop limit 1, so pods cannot borrow the node's role.
 */
class Cluster extends pulumi.ComponentResource {
    cluster;
    provider;
    nodeGroup;
    /** CoreDNS as a managed add-on, created once nodes exist to run it. */
    coredns;
    clusterName;
    nodeSecurityGroupId;
    clusterSecurityGroupId;
    oidcProviderArn;
    oidcIssuer;
    kubeconfig;
    constructor(name, args, opts) {
        super("xroad:aws:Cluster", name, {}, opts);
        const eksPrincipal = { Service: "eks.amazonaws.com" };
        const serviceRole = new aws.iam.Role(`${name}-control-plane`, {
            description: `EKS control plane of ${args.clusterName}`,
            assumeRolePolicy: (0, policy_document_1.policyDocument)([
                { Effect: "Allow", Principal: eksPrincipal, Action: ["sts:AssumeRole", "sts:TagSession"] },
            ]),
        }, { parent: this });
        const serviceRolePolicy = new aws.iam.RolePolicyAttachment(`${name}-control-plane`, { role: serviceRole.name, policyArn: (0, policy_document_1.managedPolicyArn)(args.partition, "AmazonEKSClusterPolicy") }, { parent: this });
        // Envelope encryption: the control plane may use the secrets key and nothing else.
        const serviceRoleKms = new aws.iam.RolePolicy(`${name}-control-plane-secrets-key`, {
            role: serviceRole.name,
            name: "secrets-envelope-encryption",
            policy: (0, policy_document_1.policyDocument)([
                {
                    Sid: "SecretsKey",
                    Effect: "Allow",
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
                    Resource: args.secretsKeyArn,
                },
            ]),
        }, { parent: this });
        const publicEndpoint = args.publicAccessCidrs.length > 0;
        this.cluster = new eks.Cluster(name, {
            name: args.clusterName,
            version: args.release.kubernetesVersion,
            vpcId: args.vpcId,
            privateSubnetIds: args.privateSubnetIds,
            nodeAssociatePublicIpAddress: false,
            endpointPrivateAccess: true,
            endpointPublicAccess: publicEndpoint,
            publicAccessCidrs: publicEndpoint ? args.publicAccessCidrs : undefined,
            enabledClusterLogTypes: [...control_plane_logs_1.CONTROL_PLANE_LOG_TYPES],
            encryptionConfigKeyArn: args.secretsKeyArn,
            serviceRole,
            authenticationMode: eks.AuthenticationMode.Api,
            accessEntries: accessEntries(args),
            createOidcProvider: true,
            skipDefaultNodeGroup: true,
            createInstanceRole: false,
            // The VPC CNI is a managed add-on of its own below, with an IRSA role: pulumi-eks would give it the
            // node role's permissions. CoreDNS too: pulumi-eks creates it only with its default node group.
            useDefaultVpcCni: true,
            kubeProxyAddonOptions: { version: args.release.eksAddonVersions["kube-proxy"] },
            // A production cluster cannot be deleted by accident (review aws B3), and the support type is a decision.
            deletionProtection: args.protectData,
            upgradePolicy: { supportType: args.supportType },
            tags: { "xroad-sidecar/cluster": args.clusterName },
        }, {
            parent: this,
            dependsOn: [args.controlPlaneLogGroup, serviceRolePolicy, serviceRoleKms],
            transforms: [exports.withoutBootstrapCreatorAdmin],
        });
        // The deployer's cluster-admin, in the open: listed by `aws eks list-access-entries`, removable, and kept
        // in Pulumi state. The Kubernetes provider waits for it, so no Kubernetes call runs before it is granted.
        const deployerEntry = new aws.eks.AccessEntry(`${name}-deployer`, { clusterName: args.clusterName, principalArn: args.deployerArn, type: eks.AccessEntryType.Standard }, { parent: this, dependsOn: [this.cluster] });
        const deployerAdmin = new aws.eks.AccessPolicyAssociation(`${name}-deployer`, {
            clusterName: deployerEntry.clusterName,
            principalArn: deployerEntry.principalArn,
            policyArn: accessPolicyArn(args.partition, "AmazonEKSClusterAdminPolicy"),
            accessScope: { type: "cluster" },
        }, { parent: this });
        this.clusterName = args.clusterName;
        this.nodeSecurityGroupId = this.cluster.nodeSecurityGroupId;
        this.clusterSecurityGroupId = this.cluster.clusterSecurityGroupId;
        this.oidcProviderArn = this.cluster.oidcProviderArn;
        this.oidcIssuer = this.cluster.oidcIssuer;
        this.kubeconfig = pulumi.secret(this.cluster.kubeconfigJson);
        this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, { parent: this, dependsOn: [deployerAdmin] });
        const nodeRole = new aws.iam.Role(`${name}-nodes`, {
            description: `Worker nodes of ${args.clusterName}`,
            assumeRolePolicy: (0, policy_document_1.policyDocument)([
                { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
            ]),
        }, { parent: this });
        // No CNI policy on the node role: host-network pods (aws-node, kube-proxy, calico-node, the CSI node
        // drivers, the CloudWatch agent) reach instance metadata even at hop limit 1 and would hold it (review aws B5).
        const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly"].map((policy) => new aws.iam.RolePolicyAttachment(`${name}-nodes-${policy}`, { role: nodeRole.name, policyArn: (0, policy_document_1.managedPolicyArn)(args.partition, policy) }, { parent: this }));
        // The VPC CNI before any node: a node is Ready only once aws-node runs, and aws-node gets its AWS
        // permissions from this IRSA role (terraform-aws-eks: before_compute).
        const vpcCni = new managed_addon_1.ManagedAddon(`${name}-vpc-cni`, {
            clusterName: args.clusterName,
            addonName: "vpc-cni",
            addonVersion: args.release.eksAddonVersions["vpc-cni"],
            // Calico enforces NetworkPolicy (guide §5); two engines on the same pods would double-enforce.
            configurationValues: JSON.stringify({ enableNetworkPolicy: "false" }),
            serviceAccountRole: {
                description: `VPC CNI (aws-node) of ${args.clusterName}`,
                oidcProviderArn: this.cluster.oidcProviderArn,
                oidcIssuer: this.cluster.oidcIssuer,
                namespace: VPC_CNI_SERVICE_ACCOUNT.namespace,
                serviceAccount: VPC_CNI_SERVICE_ACCOUNT.name,
                managedPolicyArns: [(0, policy_document_1.managedPolicyArn)(args.partition, "AmazonEKS_CNI_Policy")],
            },
        }, { parent: this, dependsOn: [this.cluster] });
        const launchTemplate = new aws.ec2.LaunchTemplate(`${name}-nodes`, {
            description: `Hardened nodes of ${args.clusterName}`,
            updateDefaultVersion: true,
            // IMDSv2 only, and one hop: a pod (one hop further than the node) cannot reach instance
            // metadata, so it cannot take the node role's credentials. Pods use IRSA instead.
            metadataOptions: {
                httpEndpoint: "enabled",
                httpTokens: "required",
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            },
            blockDeviceMappings: [
                {
                    deviceName: ROOT_DEVICE,
                    // The project's EBS key rather than the account default, which may be a CMK without the
                    // Auto Scaling grants (nodes then fail to launch) and is not "one key per purpose" (review aws A6).
                    ebs: {
                        volumeSize: args.nodeGroup.diskSizeGb,
                        volumeType: "gp3",
                        encrypted: "true",
                        kmsKeyId: args.ebsKeyArn,
                        deleteOnTermination: "true",
                    },
                },
            ],
            vpcSecurityGroupIds: [this.cluster.nodeSecurityGroupId],
            tagSpecifications: [
                { resourceType: "instance", tags: { Name: `${args.clusterName}-node` } },
                { resourceType: "volume", tags: { Name: `${args.clusterName}-node-root` } },
            ],
        }, { parent: this });
        this.nodeGroup = new aws.eks.NodeGroup(`${name}-nodes`, {
            clusterName: args.clusterName,
            nodeRoleArn: nodeRole.arn,
            subnetIds: args.privateSubnetIds,
            amiType: "AL2023_x86_64_STANDARD",
            // The nodes follow the control plane's version and, where pinned, an AMI release (review aws B2);
            // without `version` the provider never detects drift, so nodes would stay behind after an upgrade.
            version: args.release.kubernetesVersion,
            releaseVersion: args.release.eksNodeReleaseVersion || undefined,
            capacityType: "ON_DEMAND",
            instanceTypes: [args.nodeGroup.instanceType],
            scalingConfig: {
                minSize: args.nodeGroup.minSize,
                desiredSize: args.nodeGroup.desiredSize,
                maxSize: args.nodeGroup.maxSize,
            },
            updateConfig: { maxUnavailable: 1 },
            launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
            labels: { "xroad-sidecar/node-group": "sidecar" },
            // guide §8 ("EKS provides no automated detection of node issues"): the node monitoring agent below
            // reports node health problems, and EKS replaces a node that stays unhealthy, one at a time.
            nodeRepairConfig: { enabled: true, maxParallelNodesRepairedCount: 1 },
        }, {
            parent: this,
            dependsOn: [this.cluster, vpcCni, ...nodePolicies, ...args.ebsKeyReady],
            // The Cluster Autoscaler owns the desired size between min and max; Pulumi must not reset it.
            ignoreChanges: ["scalingConfig.desiredSize"],
        });
        this.coredns = new managed_addon_1.ManagedAddon(`${name}-coredns`, { clusterName: args.clusterName, addonName: "coredns", addonVersion: args.release.eksAddonVersions.coredns }, { parent: this, dependsOn: [this.nodeGroup] });
        new managed_addon_1.ManagedAddon(`${name}-node-monitoring`, {
            clusterName: args.clusterName,
            addonName: "eks-node-monitoring-agent",
            addonVersion: args.release.eksAddonVersions["eks-node-monitoring-agent"],
        }, { parent: this, dependsOn: [this.nodeGroup] });
        this.registerOutputs({
            clusterName: this.clusterName,
            oidcProviderArn: this.oidcProviderArn,
            nodeGroup: this.nodeGroup.nodeGroupName,
        });
    }
}
exports.Cluster = Cluster;
