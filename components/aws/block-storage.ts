import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { ClusterOidc } from "./irsa-role";
import { addonWithRole } from "./managed-addon";
import { managedPolicyArn, policyDocument } from "./policy-document";

const EBS_CSI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "ebs-csi-controller-sa" } as const;
const CONFIG_STORAGE_CLASS = "gp3-encrypted";

export interface BlockStorageArgs extends ClusterOidc {
    clusterName: string;
    /** Customer-managed key every volume of the StorageClass is encrypted with. */
    kmsKeyArn: pulumi.Input<string>;
    region: string;
    partition: pulumi.Input<string>;
    /** Pinned add-on version; undefined takes the cluster's default. */
    addonVersion?: string;
    /** Keep released volumes (reclaim policy Retain) so a deleted PVC does not delete `/etc/xroad`. */
    protectData: boolean;
}

/**
 * The key permissions the EBS CSI controller needs to create and attach volumes encrypted with our key
 * (AWS EBS CSI driver docs): grants only for AWS resources, data keys only through EC2.
 */
function ebsKeyPolicy(kmsKeyArn: pulumi.Input<string>, region: string): pulumi.Output<string> {
    return policyDocument([
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
export class BlockStorage extends pulumi.ComponentResource {
    readonly addon: aws.eks.Addon;
    readonly storageClass: k8s.storage.v1.StorageClass;
    readonly storageClassName: pulumi.Output<string>;

    constructor(name: string, args: BlockStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:BlockStorage", name, {}, opts);
        this.addon = addonWithRole(
            {
                clusterName: args.clusterName,
                addonName: "aws-ebs-csi-driver",
                addonVersion: args.addonVersion,
                serviceAccountRole: {
                    description: `EBS CSI controller of ${args.clusterName}`,
                    oidcProviderArn: args.oidcProviderArn,
                    oidcIssuer: args.oidcIssuer,
                    namespace: EBS_CSI_SERVICE_ACCOUNT.namespace,
                    serviceAccount: EBS_CSI_SERVICE_ACCOUNT.name,
                    managedPolicyArns: [managedPolicyArn(args.partition, "service-role/AmazonEBSCSIDriverPolicy")],
                    inlinePolicies: { "ebs-volume-key": ebsKeyPolicy(args.kmsKeyArn, args.region) },
                },
            },
            { parent: this, addonName: `${name}-ebs-csi`, roleName: `${name}-ebs-csi` },
        ).addon;
        this.storageClass = new k8s.storage.v1.StorageClass(
            `${name}-gp3`,
            {
                metadata: { name: CONFIG_STORAGE_CLASS },
                provisioner: "ebs.csi.aws.com",
                parameters: { type: "gp3", encrypted: "true", kmsKeyId: args.kmsKeyArn, "csi.storage.k8s.io/fstype": "ext4" },
                reclaimPolicy: args.protectData ? "Retain" : "Delete",
                // Bind in the zone the pod is scheduled to: an EBS volume cannot follow a pod across zones.
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
            },
            { parent: this, dependsOn: [this.addon] },
        );
        this.storageClassName = this.storageClass.metadata.name;
        this.registerOutputs({ storageClassName: this.storageClassName });
    }
}
