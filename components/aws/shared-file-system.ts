import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { ClusterOidc } from "./irsa-role";
import { addonWithRole } from "./managed-addon";
import { managedPolicyArn, policyDocument } from "./policy-document";
import { NFS_PORT } from "../../policy/xroad/ports";
import { XROAD_GID, XROAD_UID } from "../../policy/xroad/ssh";

const EFS_CSI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "efs-csi-controller-sa" } as const;
/**
 * The add-on annotates both of the driver's ServiceAccounts with the role (EKS user guide, "Amazon EFS CSI
 * driver"), so both must be able to assume it: the node's for the `iam` mount option and the mount-target fallback.
 */
const EFS_CSI_NODE_SERVICE_ACCOUNT = "efs-csi-node-sa";
const SHARED_STORAGE_CLASS = "efs-ap";
/** Every access point the driver creates lives under this directory of the file system. */
const EFS_BASE_PATH = "/xroad";

export interface SharedFileSystemArgs extends ClusterOidc {
    clusterName: string;
    vpcId: pulumi.Input<string>;
    /** One mount target per private subnet, so every zone mounts locally. */
    privateSubnetIds: pulumi.Input<string>[];
    /** Only the nodes may reach NFS. */
    nodeSecurityGroupId: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    addonVersion?: string;
    /** Keep the file system (and released volumes) on destroy, and back it up with AWS Backup. */
    protectData: boolean;
}

/**
 * The file-system policy: clients may mount and write only through a mount target, and never without
 * TLS (guide §10: encryption in transit).
 */
function fileSystemPolicy(fileSystemArn: pulumi.Input<string>): pulumi.Output<string> {
    return policyDocument([
        {
            Sid: "MountThroughMountTargets",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource: fileSystemArn,
            Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
        },
        {
            Sid: "DenyWithoutTls",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "*",
            Resource: fileSystemArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ]);
}

/**
 * StorageClass parameters: the driver creates one access point per volume under `/xroad`, and every
 * access point forces the xroad user and group (999), whatever uid the client claims.
 */
function efsStorageClassParameters(fileSystemId: pulumi.Input<string>): Record<string, pulumi.Input<string>> {
    return {
        provisioningMode: "efs-ap",
        fileSystemId,
        directoryPerms: "750",
        uid: String(XROAD_UID),
        gid: String(XROAD_GID),
        basePath: EFS_BASE_PATH,
        subPathPattern: "${.PVC.namespace}/${.PVC.name}",
        ensureUniqueDirectory: "true",
    };
}

/**
 * EFS for the shared `/var/lib/xroad` (guide §10): encrypted with our key, mount targets in the private
 * subnets behind a security group that admits NFS from the nodes only, a policy that refuses
 * clients without TLS, and the EFS CSI driver whose StorageClass mounts with TLS.
 */
export class SharedFileSystem extends pulumi.ComponentResource {
    readonly fileSystem: aws.efs.FileSystem;
    readonly addon: aws.eks.Addon;
    readonly storageClass: k8s.storage.v1.StorageClass;
    readonly storageClassName: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: SharedFileSystemArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:SharedFileSystem", name, {}, opts);
        const efsSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-efs`,
            {
                vpcId: args.vpcId,
                description: `EFS mount targets of ${args.clusterName}: NFS from the nodes only`,
                tags: { Name: `${args.clusterName}-efs` },
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-efs-nfs`,
            {
                securityGroupId: efsSecurityGroup.id,
                referencedSecurityGroupId: args.nodeSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: NFS_PORT,
                toPort: NFS_PORT,
                description: "NFS from the cluster nodes",
            },
            { parent: this },
        );

        this.fileSystem = new aws.efs.FileSystem(
            `${name}-efs`,
            {
                creationToken: `${args.clusterName}-xroad`,
                encrypted: true,
                kmsKeyId: args.kmsKeyArn,
                performanceMode: "generalPurpose",
                throughputMode: "elastic",
                tags: { Name: `${args.clusterName}-xroad` },
            },
            { parent: this, protect: args.protectData, retainOnDelete: args.protectData },
        );
        new aws.efs.BackupPolicy(
            `${name}-efs`,
            { fileSystemId: this.fileSystem.id, backupPolicy: { status: args.protectData ? "ENABLED" : "DISABLED" } },
            { parent: this },
        );
        const policy = new aws.efs.FileSystemPolicy(
            `${name}-efs`,
            { fileSystemId: this.fileSystem.id, policy: fileSystemPolicy(this.fileSystem.arn) },
            { parent: this },
        );
        const mountTargets = args.privateSubnetIds.map(
            (subnetId, i) =>
                new aws.efs.MountTarget(
                    `${name}-efs-${i}`,
                    { fileSystemId: this.fileSystem.id, subnetId, securityGroups: [efsSecurityGroup.id] },
                    { parent: this },
                ),
        );

        this.addon = addonWithRole(
            {
                clusterName: args.clusterName,
                addonName: "aws-efs-csi-driver",
                addonVersion: args.addonVersion,
                serviceAccountRole: {
                    description: `EFS CSI driver (controller and node) of ${args.clusterName}`,
                    oidcProviderArn: args.oidcProviderArn,
                    oidcIssuer: args.oidcIssuer,
                    namespace: EFS_CSI_SERVICE_ACCOUNT.namespace,
                    serviceAccount: [EFS_CSI_SERVICE_ACCOUNT.name, EFS_CSI_NODE_SERVICE_ACCOUNT],
                    managedPolicyArns: [managedPolicyArn(args.partition, "service-role/AmazonEFSCSIDriverPolicy")],
                },
            },
            { parent: this, addonName: `${name}-efs-csi`, roleName: `${name}-efs-csi` },
        ).addon;
        this.storageClass = new k8s.storage.v1.StorageClass(
            `${name}-efs-ap`,
            {
                metadata: { name: SHARED_STORAGE_CLASS },
                provisioner: "efs.csi.aws.com",
                parameters: efsStorageClassParameters(this.fileSystem.id),
                // The driver mounts with TLS by default; saying so keeps it from being switched off silently.
                mountOptions: ["tls"],
                reclaimPolicy: args.protectData ? "Retain" : "Delete",
                volumeBindingMode: "Immediate",
            },
            { parent: this, dependsOn: [this.addon, policy, ...mountTargets] },
        );
        this.storageClassName = this.storageClass.metadata.name;
        this.securityGroupId = efsSecurityGroup.id;
        this.registerOutputs({ fileSystemId: this.fileSystem.id, storageClassName: this.storageClassName });
    }
}
