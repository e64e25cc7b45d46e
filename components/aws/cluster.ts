import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import { AwsSettings } from "../../config/aws";
import { ReleaseConfig } from "../../config/release";
import { CONTROL_PLANE_LOG_TYPES } from "./control-plane-logs";
import { managedPolicyArn, policyDocument } from "./policy-document";

export interface ClusterArgs {
    /** The EKS cluster name, set explicitly so the control-plane log group name is known beforehand. */
    clusterName: string;
    release: ReleaseConfig;
    vpcId: pulumi.Input<string>;
    /** Nodes and the control plane's network interfaces live only in private subnets. */
    privateSubnetIds: pulumi.Input<string>[];
    /** Envelope encryption key of Kubernetes Secrets. */
    secretsKeyArn: pulumi.Input<string>;
    /** CIDRs that may reach the public API endpoint; empty keeps the endpoint private. */
    publicAccessCidrs: string[];
    /** Principals with cluster-admin (guide §4.2). */
    clusterAdminArns: string[];
    /** Principals with edit rights in the Sidecar namespaces only (guide §4.3). */
    namespaceOperatorArns: string[];
    /** The Sidecar namespaces the operators may edit. */
    operatorNamespaces: string[];
    nodeGroup: AwsSettings["nodeGroup"];
    partition: pulumi.Input<string>;
    /** The pre-created control-plane log group: the cluster waits for it. */
    controlPlaneLogGroup: pulumi.Resource;
}

/** EKS access policies, in the partition the stack runs in. */
export function accessPolicyArn(
    partition: pulumi.Input<string>,
    name: "AmazonEKSClusterAdminPolicy" | "AmazonEKSEditPolicy",
): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:eks::aws:cluster-access-policy/${name}`;
}

/**
 * A stable access-entry key from a principal ARN (`…:role/platform-admins` → `admin-role-platform-admins`),
 * so reordering the config recreates nothing.
 */
export function accessEntryKey(kind: "admin" | "operator", principalArn: string): string {
    const resource = principalArn.split(":").slice(5).join(":");
    return `${kind}-${resource.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/**
 * The access entries of the cluster (authentication mode API: no aws-auth ConfigMap). Admins get the
 * cluster-admin access policy on the whole cluster; operators get the edit policy scoped to the Sidecar
 * namespaces, so a shared cluster keeps each team in its namespaces (guide §4.2, §4.3).
 */
export function accessEntries(
    args: Pick<ClusterArgs, "clusterAdminArns" | "namespaceOperatorArns" | "operatorNamespaces" | "partition">,
): Record<string, eks.types.input.AccessEntryArgs> {
    const entries: Record<string, eks.types.input.AccessEntryArgs> = {};
    const add = (key: string, entry: eks.types.input.AccessEntryArgs) => {
        // Same path in two accounts: refuse rather than silently drop one principal's access.
        if (entries[key])
            throw new Error(
                `access entries ${entries[key].principalArn} and ${entry.principalArn} would share the key ${key}; use distinct role paths`,
            );
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

/** Root volume of the nodes: the launch template's only block device. */
const ROOT_DEVICE = "/dev/xvda";

/**
 * The EKS cluster (control-plane logs, KMS envelope encryption, API authentication with access
 * entries, an OIDC provider for IRSA, no dashboard) and one managed node group in the private subnets
 * whose launch template requires IMDSv2 with hop limit 1, so pods cannot borrow the node's role.
 */
export class Cluster extends pulumi.ComponentResource {
    readonly cluster: eks.Cluster;
    readonly provider: k8s.Provider;
    readonly nodeGroup: aws.eks.NodeGroup;
    readonly clusterName: string;
    readonly nodeSecurityGroupId: pulumi.Output<string>;
    readonly clusterSecurityGroupId: pulumi.Output<string>;
    readonly oidcProviderArn: pulumi.Output<string>;
    readonly oidcIssuer: pulumi.Output<string>;
    readonly kubeconfig: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Cluster", name, {}, opts);
        const eksPrincipal = { Service: "eks.amazonaws.com" };
        const serviceRole = new aws.iam.Role(
            `${name}-control-plane`,
            {
                description: `EKS control plane of ${args.clusterName}`,
                assumeRolePolicy: policyDocument([
                    { Effect: "Allow", Principal: eksPrincipal, Action: ["sts:AssumeRole", "sts:TagSession"] },
                ]),
            },
            { parent: this },
        );
        const serviceRolePolicy = new aws.iam.RolePolicyAttachment(
            `${name}-control-plane`,
            { role: serviceRole.name, policyArn: managedPolicyArn(args.partition, "AmazonEKSClusterPolicy") },
            { parent: this },
        );
        // Envelope encryption: the control plane may use the secrets key and nothing else.
        const serviceRoleKms = new aws.iam.RolePolicy(
            `${name}-control-plane-secrets-key`,
            {
                role: serviceRole.name,
                name: "secrets-envelope-encryption",
                policy: policyDocument([
                    {
                        Sid: "SecretsKey",
                        Effect: "Allow",
                        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
                        Resource: args.secretsKeyArn,
                    },
                ]),
            },
            { parent: this },
        );

        const publicEndpoint = args.publicAccessCidrs.length > 0;
        this.cluster = new eks.Cluster(
            name,
            {
                name: args.clusterName,
                version: args.release.kubernetesVersion,
                vpcId: args.vpcId,
                privateSubnetIds: args.privateSubnetIds,
                nodeAssociatePublicIpAddress: false,
                endpointPrivateAccess: true,
                endpointPublicAccess: publicEndpoint,
                publicAccessCidrs: publicEndpoint ? args.publicAccessCidrs : undefined,
                enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
                encryptionConfigKeyArn: args.secretsKeyArn,
                serviceRole,
                authenticationMode: eks.AuthenticationMode.Api,
                accessEntries: accessEntries(args),
                createOidcProvider: true,
                skipDefaultNodeGroup: true,
                createInstanceRole: false,
                // Calico enforces NetworkPolicy (guide §5); two engines on the same pods would double-enforce.
                vpcCniOptions: { enableNetworkPolicy: false, addonVersion: args.release.eksAddonVersions["vpc-cni"] },
                corednsAddonOptions: { version: args.release.eksAddonVersions.coredns },
                kubeProxyAddonOptions: { version: args.release.eksAddonVersions["kube-proxy"] },
                tags: { "xroad-sidecar/cluster": args.clusterName },
            },
            { parent: this, dependsOn: [args.controlPlaneLogGroup, serviceRolePolicy, serviceRoleKms] },
        );

        this.clusterName = args.clusterName;
        this.nodeSecurityGroupId = this.cluster.nodeSecurityGroupId;
        this.clusterSecurityGroupId = this.cluster.clusterSecurityGroupId;
        this.oidcProviderArn = this.cluster.oidcProviderArn;
        this.oidcIssuer = this.cluster.oidcIssuer;
        this.kubeconfig = pulumi.secret(this.cluster.kubeconfigJson);
        this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, { parent: this });

        const nodeRole = new aws.iam.Role(
            `${name}-nodes`,
            {
                description: `Worker nodes of ${args.clusterName}`,
                assumeRolePolicy: policyDocument([
                    { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
                ]),
            },
            { parent: this },
        );
        // The CNI policy stays on the node role: aws-node runs on the host network and must hand out pod
        // addresses before any IRSA token can be used; pods cannot reach the node role (hop limit 1).
        const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    `${name}-nodes-${policy}`,
                    { role: nodeRole.name, policyArn: managedPolicyArn(args.partition, policy) },
                    { parent: this },
                ),
        );

        const launchTemplate = new aws.ec2.LaunchTemplate(
            `${name}-nodes`,
            {
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
                        ebs: { volumeSize: args.nodeGroup.diskSizeGb, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
                    },
                ],
                vpcSecurityGroupIds: [this.cluster.nodeSecurityGroupId],
                tagSpecifications: [
                    { resourceType: "instance", tags: { Name: `${args.clusterName}-node` } },
                    { resourceType: "volume", tags: { Name: `${args.clusterName}-node-root` } },
                ],
            },
            { parent: this },
        );

        this.nodeGroup = new aws.eks.NodeGroup(
            `${name}-nodes`,
            {
                clusterName: args.clusterName,
                nodeRoleArn: nodeRole.arn,
                subnetIds: args.privateSubnetIds,
                amiType: "AL2023_x86_64_STANDARD",
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
            },
            { parent: this, dependsOn: [this.cluster, ...nodePolicies] },
        );

        this.registerOutputs({
            clusterName: this.clusterName,
            oidcProviderArn: this.oidcProviderArn,
            nodeGroup: this.nodeGroup.nodeGroupName,
        });
    }
}
