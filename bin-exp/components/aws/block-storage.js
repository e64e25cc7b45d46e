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
exports.BlockStorage = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const irsa_role_1 = require("./irsa-role");
const policy_document_1 = require("./policy-document");
const EBS_CSI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "ebs-csi-controller-sa" };
const CONFIG_STORAGE_CLASS = "gp3-encrypted";
/**
 * The key permissions the EBS CSI controller needs to create and attach volumes encrypted with our key
 * (AWS EBS CSI driver docs): grants only for AWS resources, data keys only through EC2.
 */
function ebsKeyPolicy(kmsKeyArn, region) {
    return (0, policy_document_1.policyDocument)([
        {
            Sid: "GrantsForEbsOnly",
            Effect: "Allow",
            Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            Resource: kmsKeyArn,
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
        {
            Sid: "UseThroughEc2",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `ec2.${region}.amazonaws.com` } },
        },
    ]);
}
/**
 * The EBS CSI driver (an EKS add-on with its own IRSA role) and an encrypted gp3 StorageClass for the
 * primary's `/etc/xroad` and the local database (guide §10: encryption at rest).
 */
class BlockStorage extends pulumi.ComponentResource {
    addon;
    storageClass;
    storageClassName;
    constructor(name, args, opts) {
        super("xroad:aws:BlockStorage", name, {}, opts);
        const role = new irsa_role_1.IrsaRole(`${name}-ebs-csi`, {
            description: `EBS CSI controller of ${args.clusterName}`,
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuer: args.oidcIssuer,
            namespace: EBS_CSI_SERVICE_ACCOUNT.namespace,
            serviceAccount: EBS_CSI_SERVICE_ACCOUNT.name,
            managedPolicyArns: [(0, policy_document_1.managedPolicyArn)(args.partition, "service-role/AmazonEBSCSIDriverPolicy")],
            inlinePolicies: { "ebs-volume-key": ebsKeyPolicy(args.kmsKeyArn, args.region) },
        }, { parent: this });
        this.addon = new aws.eks.Addon(`${name}-ebs-csi`, {
            clusterName: args.clusterName,
            addonName: "aws-ebs-csi-driver",
            addonVersion: args.addonVersion,
            serviceAccountRoleArn: role.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
        }, { parent: this });
        this.storageClass = new k8s.storage.v1.StorageClass(`${name}-gp3`, {
            metadata: { name: CONFIG_STORAGE_CLASS },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true", kmsKeyId: args.kmsKeyArn, "csi.storage.k8s.io/fstype": "ext4" },
            reclaimPolicy: args.protectData ? "Retain" : "Delete",
            // Bind in the zone the pod is scheduled to: an EBS volume cannot follow a pod across zones.
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
        }, { parent: this, dependsOn: [this.addon] });
        this.storageClassName = this.storageClass.metadata.name;
        this.registerOutputs({ storageClassName: this.storageClassName });
    }
}
exports.BlockStorage = BlockStorage;
