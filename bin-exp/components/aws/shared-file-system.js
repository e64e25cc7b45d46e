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
exports.SharedFileSystem = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const irsa_role_1 = require("./irsa-role");
const policy_document_1 = require("./policy-document");
const ports_1 = require("../../policy/xroad/ports");
const ssh_1 = require("../../policy/xroad/ssh");
const EFS_CSI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "efs-csi-controller-sa" };
/**
 * The add-on annotates both of the driver's ServiceAccounts with the role (EKS user guide, "Amazon EFS CSI
 * driver"), so both must be able to assume it: the node's for the `iam` mount option and the mount-target fallback.
 */
const EFS_CSI_NODE_SERVICE_ACCOUNT = "efs-csi-node-sa";
const SHARED_STORAGE_CLASS = "efs-ap";
/** Every access point the driver creates lives under this directory of the file system. */
const EFS_BASE_PATH = "/xroad";
/**
 * The file-system policy: clients may mount and write only through a mount target, and never without
 * TLS (guide §10: encryption in transit).
 */
function fileSystemPolicy(fileSystemArn) {
    return (0, policy_document_1.policyDocument)([
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
function efsStorageClassParameters(fileSystemId) {
    return {
        provisioningMode: "efs-ap",
        fileSystemId,
        directoryPerms: "750",
        uid: String(ssh_1.XROAD_UID),
        gid: String(ssh_1.XROAD_GID),
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
class SharedFileSystem extends pulumi.ComponentResource {
    fileSystem;
    addon;
    storageClass;
    storageClassName;
    securityGroupId;
    constructor(name, args, opts) {
        super("xroad:aws:SharedFileSystem", name, {}, opts);
        const sg = new aws.ec2.SecurityGroup(`${name}-efs`, {
            vpcId: args.vpcId,
            description: `EFS mount targets of ${args.clusterName}: NFS from the nodes only`,
            tags: { Name: `${args.clusterName}-efs` },
        }, { parent: this });
        new aws.vpc.SecurityGroupIngressRule(`${name}-efs-nfs`, {
            securityGroupId: sg.id,
            referencedSecurityGroupId: args.nodeSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: ports_1.NFS_PORT,
            toPort: ports_1.NFS_PORT,
            description: "NFS from the cluster nodes",
        }, { parent: this });
        this.fileSystem = new aws.efs.FileSystem(`${name}-efs`, {
            creationToken: `${args.clusterName}-xroad`,
            encrypted: true,
            kmsKeyId: args.kmsKeyArn,
            performanceMode: "generalPurpose",
            throughputMode: "elastic",
            tags: { Name: `${args.clusterName}-xroad` },
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData });
        new aws.efs.BackupPolicy(`${name}-efs`, { fileSystemId: this.fileSystem.id, backupPolicy: { status: args.protectData ? "ENABLED" : "DISABLED" } }, { parent: this });
        const policy = new aws.efs.FileSystemPolicy(`${name}-efs`, { fileSystemId: this.fileSystem.id, policy: fileSystemPolicy(this.fileSystem.arn) }, { parent: this });
        const mountTargets = args.privateSubnetIds.map((subnetId, i) => new aws.efs.MountTarget(`${name}-efs-${i}`, { fileSystemId: this.fileSystem.id, subnetId, securityGroups: [sg.id] }, { parent: this }));
        const role = new irsa_role_1.IrsaRole(`${name}-efs-csi`, {
            description: `EFS CSI driver (controller and node) of ${args.clusterName}`,
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuer: args.oidcIssuer,
            namespace: EFS_CSI_SERVICE_ACCOUNT.namespace,
            serviceAccount: [EFS_CSI_SERVICE_ACCOUNT.name, EFS_CSI_NODE_SERVICE_ACCOUNT],
            managedPolicyArns: [(0, policy_document_1.managedPolicyArn)(args.partition, "service-role/AmazonEFSCSIDriverPolicy")],
        }, { parent: this });
        this.addon = new aws.eks.Addon(`${name}-efs-csi`, {
            clusterName: args.clusterName,
            addonName: "aws-efs-csi-driver",
            addonVersion: args.addonVersion,
            serviceAccountRoleArn: role.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
        }, { parent: this });
        this.storageClass = new k8s.storage.v1.StorageClass(`${name}-efs-ap`, {
            metadata: { name: SHARED_STORAGE_CLASS },
            provisioner: "efs.csi.aws.com",
            parameters: efsStorageClassParameters(this.fileSystem.id),
            // The driver mounts with TLS by default; saying so keeps it from being switched off silently.
            mountOptions: ["tls"],
            reclaimPolicy: args.protectData ? "Retain" : "Delete",
            volumeBindingMode: "Immediate",
        }, { parent: this, dependsOn: [this.addon, policy, ...mountTargets] });
        this.storageClassName = this.storageClass.metadata.name;
        this.securityGroupId = sg.id;
        this.registerOutputs({ fileSystemId: this.fileSystem.id, storageClassName: this.storageClassName });
    }
}
exports.SharedFileSystem = SharedFileSystem;
