/**
 * guide §10: message-log archives and backups live on EFS / Azure Files and are copied to S3 / Blob Storage
 * "with encryption both in transit and rest". Also: the KMS keys behind them rotate, and nothing is public.
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ARCHIVE_MOUNT_PATH } from "./xroad/archiver";
import { AZURE_FILES_KEY_NAMESPACE, AZURE_FILES_SECRET_NAMESPACE_PARAMETER } from "./xroad/azure-files";
import { SIDECAR_REPOSITORY } from "./xroad/images";
import { ROLE_LABEL, ROLE_SECONDARY } from "./xroad/labels";
import { configOf, guide } from "./common";
import { PERSISTENT_VOLUME, STORAGE_CLASS, k8sKind } from "../kubernetes-model/types";
import { Obj, allContainers, asArray, asObj, asString, podLabels, podTemplate, textOf } from "../kubernetes-model/workloads";
import { linked, ofTypes, props } from "./stack-helpers";

const S3_BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const S3_SSE = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
const S3_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const S3_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const S3_ACLS = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
const EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
const EFS_FILE_SYSTEM_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
const KMS_KEY = "aws:kms/key:Key";
const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
const BLOB_CONTAINER = "azure-native:storage:BlobContainer";
const FILE_SHARE = "azure-native:storage:FileShare";
const CLASSIC_STORAGE_ACCOUNT = "azure:storage/account:Account";
const RECOVERY_VAULT = "azure-native:recoveryservices:Vault";
const BACKUP_POLICY = "azure-native:recoveryservices:ProtectionPolicy";
const PROTECTED_ITEM = "azure-native:recoveryservices:ProtectedItem";

/** Bucket keys other resources use to point at a bucket: its name (`bucket`) or the logical name. */
const BUCKET_KEYS = ["bucket", "id"];

function parsePolicy(policy: unknown): Obj | undefined {
    if (typeof policy === "string") {
        try {
            return asObj(JSON.parse(policy));
        } catch {
            return undefined;
        }
    }
    return asObj(policy);
}

/** A Deny statement for every principal on `aws:SecureTransport = false`: requests without TLS are refused. */
function deniesInsecureTransport(policy: unknown): boolean {
    const doc = parsePolicy(policy);
    const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
    return statements.some((s: Obj) => {
        if (s?.Effect !== "Deny") return false;
        const principal = s.Principal;
        const everyone =
            principal === "*" ||
            asObj(principal)?.AWS === "*" ||
            (Array.isArray(asObj(principal)?.AWS) && (asObj(principal)?.AWS as unknown[]).includes("*"));
        const secure = asObj(asObj(s.Condition)?.Bool)?.["aws:SecureTransport"];
        return everyone && (secure === "false" || secure === false || (Array.isArray(secure) && secure.map(String).includes("false")));
    });
}

/** The bucket's name for messages; its logical name while the physical one is unknown during preview. */
function bucketLabel(b: PolicyResource): string {
    try {
        return asString(props(b).bucket) ?? b.name;
    } catch {
        return b.name;
    }
}

export interface S3EncryptionConfig {
    allowedAlgorithms: string[];
}

export const s3ArchiveEncryptionAtRest: StackValidationPolicy = {
    name: "s3-archive-encryption-at-rest",
    description:
        "S3 buckets that receive message-log archives and backups are encrypted at rest with KMS, declared explicitly (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with sseAlgorithm aws:kms and a customer managed key with rotation (guide §10).",
    ...guide("10", "aws", "archives"),
    configSchema: { properties: { allowedAlgorithms: { type: "array", items: { type: "string" }, default: ["aws:kms", "aws:kms:dsse"] } } },
    validateStack: (args, report) => {
        const { allowedAlgorithms } = configOf<S3EncryptionConfig>(s3ArchiveEncryptionAtRest, args);
        const buckets = ofTypes(args.resources, ...S3_BUCKETS);
        const sses = ofTypes(args.resources, ...S3_SSE);
        for (const bucket of buckets) {
            const algorithms: string[] = [];
            const inline = asObj(asObj(asObj(props(bucket).serverSideEncryptionConfiguration)?.rule)?.applyServerSideEncryptionByDefault);
            if (asString(inline?.sseAlgorithm)) algorithms.push(String(inline?.sseAlgorithm));
            for (const sse of linked(sses, "bucket", bucket, buckets, BUCKET_KEYS)) {
                for (const rule of asArray(props(sse).rules)) {
                    const alg = asString(asObj(rule.applyServerSideEncryptionByDefault)?.sseAlgorithm);
                    if (alg) algorithms.push(alg);
                }
            }
            if (algorithms.length === 0)
                report(
                    `bucket ${bucketLabel(bucket)} declares no server-side encryption; use ${allowedAlgorithms.join(" or ")}`,
                    bucket.urn,
                );
            else if (!algorithms.some((a) => allowedAlgorithms.includes(a)))
                report(
                    `bucket ${bucketLabel(bucket)} is encrypted with ${algorithms.join(", ")}; use ${allowedAlgorithms.join(" or ")}`,
                    bucket.urn,
                );
        }
    },
};

export const s3ArchiveTlsOnly: StackValidationPolicy = {
    name: "s3-archive-tls-only",
    description:
        "S3 archive buckets refuse requests without TLS: a bucket policy denies aws:SecureTransport=false (guide §10, encryption in transit).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Attach a BucketPolicy with {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [bucket, bucket/*], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.',
    ...guide("10", "aws", "archives"),
    validateStack: (args, report) => {
        const buckets = ofTypes(args.resources, ...S3_BUCKETS);
        const policies = ofTypes(args.resources, S3_BUCKET_POLICY);
        for (const bucket of buckets) {
            const docs = [props(bucket).policy, ...linked(policies, "bucket", bucket, buckets, BUCKET_KEYS).map((p) => props(p).policy)];
            if (!docs.some(deniesInsecureTransport))
                report(
                    `bucket ${bucketLabel(bucket)} accepts requests without TLS: no policy denies aws:SecureTransport=false`,
                    bucket.urn,
                );
        }
    },
};

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const s3ArchiveNoPublicAccess: StackValidationPolicy = {
    name: "s3-archive-no-public-access",
    description:
        "S3 archive buckets block every form of public access (all four public access block flags) and carry no public ACL (guide §10: archives may contain sensitive information).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true, and drop public ACLs.",
    ...guide("10", "aws", "archives"),
    validateStack: (args, report) => {
        const buckets = ofTypes(args.resources, ...S3_BUCKETS);
        const blocks = ofTypes(args.resources, S3_PUBLIC_ACCESS_BLOCK);
        const acls = ofTypes(args.resources, ...S3_ACLS);
        for (const bucket of buckets) {
            const mine = linked(blocks, "bucket", bucket, buckets, BUCKET_KEYS);
            if (!mine.some((b) => PUBLIC_ACCESS_FLAGS.every((f) => props(b)[f] === true))) {
                report(
                    `bucket ${bucketLabel(bucket)} has no public access block with all of ${PUBLIC_ACCESS_FLAGS.join(", ")} true`,
                    bucket.urn,
                );
            }
            const aclValues = [props(bucket).acl, ...linked(acls, "bucket", bucket, buckets, BUCKET_KEYS).map((a) => props(a).acl)];
            for (const acl of aclValues)
                if (typeof acl === "string" && PUBLIC_ACLS.includes(acl))
                    report(`bucket ${bucketLabel(bucket)} has the public ACL ${acl}`, bucket.urn);
        }
    },
};

export const efsEncryptionAtRest: ResourceValidationPolicy = {
    name: "efs-encryption-at-rest",
    description: "EFS file systems holding archives and backups are encrypted at rest (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set encrypted: true and kmsKeyId to a customer managed key with rotation. Encryption cannot be added to an existing file system: create a new one and copy the data.",
    ...guide("10", "aws", "archives"),
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: false } } },
    validateResource: (args, report) => {
        if (args.type !== EFS_FILE_SYSTEM) return;
        if (args.props.encrypted !== true) report("the file system is not encrypted at rest (encrypted is not true)");
        else if (
            configOf<{ requireCustomerManagedKey: boolean }>(efsEncryptionAtRest, args).requireCustomerManagedKey &&
            !asString(args.props.kmsKeyId)
        )
            report("the file system uses the AWS managed key; set kmsKeyId to a customer managed key");
    },
};

export const efsEncryptionInTransit: StackValidationPolicy = {
    name: "efs-encryption-in-transit",
    description:
        "EFS is reached over TLS only: a file system policy denies aws:SecureTransport=false, and no EFS CSI volume turns encryptInTransit off (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Attach an aws.efs.FileSystemPolicy denying "aws:SecureTransport": "false" to every principal; keep the EFS CSI driver default encryptInTransit: "true".',
    ...guide("10", "aws", "archives"),
    validateStack: (args, report) => {
        const fileSystems = ofTypes(args.resources, EFS_FILE_SYSTEM);
        const policies = ofTypes(args.resources, EFS_FILE_SYSTEM_POLICY);
        for (const fs of fileSystems) {
            const mine = linked(policies, "fileSystemId", fs, fileSystems, ["id"]);
            if (!mine.some((p) => deniesInsecureTransport(props(p).policy)))
                report(
                    `EFS file system ${fs.name} accepts mounts without TLS: no file system policy denies aws:SecureTransport=false`,
                    fs.urn,
                );
        }
        for (const pv of ofTypes(args.resources, PERSISTENT_VOLUME)) {
            const csi = asObj(asObj(props(pv).spec)?.csi);
            const flag = asObj(csi?.volumeAttributes)?.encryptInTransit;
            if (asString(csi?.driver) === "efs.csi.aws.com" && (flag === "false" || flag === false))
                report(
                    `PersistentVolume ${asString(asObj(props(pv).metadata)?.name) ?? pv.name} mounts EFS with encryptInTransit false`,
                    pv.urn,
                );
        }
    },
};

export const kmsKeyRotation: ResourceValidationPolicy = {
    name: "kms-key-rotation",
    description: "Symmetric KMS keys protecting archives, file systems and secrets rotate automatically (guide §10, encryption at rest).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enableKeyRotation: true (optionally rotationPeriodInDays) on the key.",
    ...guide("10", "aws", "kms"),
    validateResource: (args, report) => {
        if (args.type !== KMS_KEY) return;
        const spec = asString(args.props.customerMasterKeySpec) ?? asString(args.props.keySpec) ?? "SYMMETRIC_DEFAULT";
        const usage = asString(args.props.keyUsage) ?? "ENCRYPT_DECRYPT";
        if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT")
            args.notApplicable(`automatic rotation applies to symmetric encryption keys only (${spec}, ${usage})`);
        if (args.props.enableKeyRotation !== true) report("automatic key rotation is not enabled (enableKeyRotation is not true)");
    },
};

const TLS_ORDER = ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"];

export interface AzureStorageConfig {
    minimumTlsVersion: string;
    requireInfrastructureEncryption: boolean;
    requireCustomerManagedKey: boolean;
}

export const azureArchiveStorageEncrypted: ResourceValidationPolicy = {
    name: "azure-archive-storage-encrypted",
    description:
        "Storage accounts for Azure Files and Blob archives accept HTTPS only with TLS 1.2 or newer and allow no public blob access; containers are private (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set enableHttpsTrafficOnly: true, minimumTlsVersion: TLS1_2, allowBlobPublicAccess: false (and optionally encryption.requireInfrastructureEncryption and a Key Vault key); set blob containers' publicAccess to None.",
    ...guide("10", "azure", "archives"),
    configSchema: {
        properties: {
            minimumTlsVersion: { type: "string", enum: ["TLS1_2", "TLS1_3"], default: "TLS1_2" },
            requireInfrastructureEncryption: { type: "boolean", default: false },
            requireCustomerManagedKey: { type: "boolean", default: false },
        },
    },
    validateResource: (args, report) => {
        const config = configOf<AzureStorageConfig>(azureArchiveStorageEncrypted, args);
        const p = args.props;
        if (args.type === STORAGE_ACCOUNT) {
            if (p.enableHttpsTrafficOnly === false) report("enableHttpsTrafficOnly is false: archives could travel unencrypted");
            const tls = asString(p.minimumTlsVersion);
            if (!tls || TLS_ORDER.indexOf(tls) < TLS_ORDER.indexOf(config.minimumTlsVersion))
                report(`minimumTlsVersion is ${tls ?? "unset"}; require ${config.minimumTlsVersion}`);
            if (p.allowBlobPublicAccess !== false) report("allowBlobPublicAccess is not false");
            const encryption = asObj(p.encryption);
            if (config.requireInfrastructureEncryption && encryption?.requireInfrastructureEncryption !== true)
                report("infrastructure (double) encryption is not required");
            if (config.requireCustomerManagedKey && asString(encryption?.keySource) !== "Microsoft.Keyvault")
                report("encryption does not use a customer managed key (keySource Microsoft.Keyvault)");
        } else if (args.type === CLASSIC_STORAGE_ACCOUNT) {
            if (p.httpsTrafficOnlyEnabled === false) report("httpsTrafficOnlyEnabled is false");
            const tls = asString(p.minTlsVersion);
            if (tls && TLS_ORDER.indexOf(tls) < TLS_ORDER.indexOf(config.minimumTlsVersion))
                report(`minTlsVersion is ${tls}; require ${config.minimumTlsVersion}`);
            if (p.allowNestedItemsToBePublic !== false) report("allowNestedItemsToBePublic is not false");
        } else if (args.type === BLOB_CONTAINER) {
            const access = asString(p.publicAccess);
            if (access && access !== "None") report(`blob container allows public access (${access})`);
        }
    },
};

export const azureFilesTransport: ResourceValidationPolicy = {
    name: "azure-files-transport",
    description:
        "Azure Files shares for archives use SMB 3 with encryption in transit; NFS shares are not encrypted in transit by default and need review (guide §10).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Use SMB shares on a storage account with enableHttpsTrafficOnly (SMB 3 encryption), or NFS only with the encryption-in-transit (TLS) mount helper.",
    ...guide("10", "azure", "archives"),
    validateResource: (args, report) => {
        if (args.type === FILE_SHARE) {
            if (asString(args.props.enabledProtocols) === "NFS")
                report("the file share uses NFS, which is not encrypted in transit by default");
        } else if (args.type === STORAGE_CLASS) {
            const params = asObj(args.props.parameters) ?? {};
            if (asString(args.props.provisioner) === "file.csi.azure.com" && textOf(params.protocol).toLowerCase() === "nfs")
                report("the Azure Files StorageClass mounts over NFS, which is not encrypted in transit by default");
        }
    },
};

interface AzureFilesBackupConfig {
    minimumRetentionDays: number;
}

/** Daily retention of an Azure Files backup policy in days; undefined when it keeps no daily points. */
function dailyRetentionDays(policy: PolicyResource): number | undefined {
    const retention = asObj(asObj(props(policy).properties)?.retentionPolicy);
    const duration = asObj(
        retention?.retentionPolicyType === "SimpleRetentionPolicy" ? retention : asObj(retention?.dailySchedule),
    )?.retentionDuration;
    const count = asObj(duration)?.count;
    const unit = asString(asObj(duration)?.durationType);
    if (typeof count !== "number") return undefined;
    return unit === "Weeks" ? count * 7 : unit === "Months" ? count * 30 : unit === "Years" ? count * 365 : count;
}

/** The share a protected item protects: `AzureFileShare;<share>` (backup-azure-file-share-rest-api.md). */
function protectedShareName(item: PolicyResource): string | undefined {
    const m = /^azurefileshare;(.+)$/i.exec(asString(props(item).protectedItemName) ?? "");
    return m?.[1];
}

export const azureFilesBackup: StackValidationPolicy = {
    name: "azure-files-backup",
    description:
        "Every Azure Files share (the Sidecar's /var/lib/xroad: configuration backups and message-log archives) is protected by Azure Backup: a protected item under a file-share policy that keeps daily recovery points, in a Recovery Services vault with soft delete on (guide §10; review azure B10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Protect each share with a recoveryservices.ProtectedItem (AzureFileShareProtectedItem, protectedItemName AzureFileShare;<share>, policyId of an AzureFileShare ProtectionPolicy) in a vault whose securitySettings.softDeleteSettings.softDeleteState is Enabled or AlwaysON; the Azure platform does this (components/azure/files-backup.ts, xroad-sidecar:azure.filesBackup).",
    ...guide("10", "azure", "archives", "backups"),
    configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 1, default: 7 } } },
    validateStack: (args, report) => {
        const { minimumRetentionDays } = configOf<AzureFilesBackupConfig>(azureFilesBackup, args);
        const shares = ofTypes(args.resources, FILE_SHARE);
        if (shares.length === 0) return;
        const policies = ofTypes(args.resources, BACKUP_POLICY).filter(
            (p) => asString(asObj(props(p).properties)?.backupManagementType) === "AzureStorage",
        );
        for (const policy of policies) {
            const days = dailyRetentionDays(policy);
            if (days === undefined || days < minimumRetentionDays)
                report(
                    `backup policy ${asString(props(policy).policyName) ?? policy.name} keeps daily recovery points ${days === undefined ? "not at all" : `for ${days} days`}; keep them at least ${minimumRetentionDays} days`,
                    policy.urn,
                );
        }
        for (const vault of ofTypes(args.resources, RECOVERY_VAULT)) {
            const softDelete = asString(
                asObj(asObj(asObj(props(vault).properties)?.securitySettings)?.softDeleteSettings)?.softDeleteState,
            );
            if (softDelete !== "Enabled" && softDelete !== "AlwaysON")
                report(
                    `Recovery Services vault ${asString(props(vault).vaultName) ?? vault.name} does not set soft delete on (softDeleteState ${softDelete ?? "unset"}): deleted backups are gone at once`,
                    vault.urn,
                );
        }
        const items = ofTypes(args.resources, PROTECTED_ITEM).filter(
            (i) => asString(asObj(props(i).properties)?.protectedItemType) === "AzureFileShareProtectedItem",
        );
        for (const share of shares) {
            const shareName = asString(props(share).shareName) ?? share.name;
            const item = items.find((i) => protectedShareName(i)?.toLowerCase() === shareName.toLowerCase());
            if (!item) {
                report(`file share ${shareName} has no Azure Backup protected item (AzureFileShare;${shareName})`, share.urn);
                continue;
            }
            const itemProps = asObj(props(item).properties);
            if (itemProps?.policyId === "" || asString(itemProps?.protectionState) === "ProtectionStopped")
                report(`file share ${shareName}: its protected item has no backup policy (protection stopped)`, item.urn);
            else if (policies.length === 0) report(`file share ${shareName}: no Azure Files backup policy in the stack`, item.urn);
        }
    },
};

export const azureFilesKeySecret: ResourceValidationPolicy = {
    name: "azure-files-key-secret",
    description: `Azure Files StorageClasses that mount SMB with the account key keep that key's Secret in ${AZURE_FILES_KEY_NAMESPACE} (${AZURE_FILES_SECRET_NAMESPACE_PARAMETER}), not in the claim's namespace where whoever may read Secrets there could mount every share of the account (guide §10, §4.3; review azure B10).`,
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: `Set parameters.${AZURE_FILES_SECRET_NAMESPACE_PARAMETER}: ${AZURE_FILES_KEY_NAMESPACE} (and a secretName) on the file.csi.azure.com StorageClass, or mount with an identity (mountWithManagedIdentity) so no key is stored.`,
    ...guide("10", "azure", "archives", "secrets"),
    validateResource: (args, report) => {
        if (args.type !== STORAGE_CLASS || asString(args.props.provisioner) !== "file.csi.azure.com") return;
        // The driver reads its parameters case-insensitively (azurefile-csi-driver docs/driver-parameters.md).
        const params = new Map(Object.entries(asObj(args.props.parameters) ?? {}).map(([k, v]) => [k.toLowerCase(), textOf(v)]));
        if ((params.get("protocol") ?? "smb").toLowerCase() === "nfs") return;
        if (params.get("mountwithmanagedidentity") === "true" || params.get("storeaccountkey") === "false") return;
        const namespace = params.get(AZURE_FILES_SECRET_NAMESPACE_PARAMETER.toLowerCase());
        if (namespace !== AZURE_FILES_KEY_NAMESPACE)
            report(
                `the Azure Files StorageClass stores the account key in ${namespace ? `namespace ${namespace}` : "each claim's namespace"}; set ${AZURE_FILES_SECRET_NAMESPACE_PARAMETER}: ${AZURE_FILES_KEY_NAMESPACE}`,
            );
    },
};

function normalizePath(p: string): string {
    return p.length > 1 ? p.replace(/\/+$/, "") : p;
}

export const archiveVolumePersistent: ResourceValidationPolicy = {
    name: "xroad-archive-volume-persistent",
    description:
        "Security Servers that write backups and message-log archives (primary or single pod) keep /var/lib/xroad on a persistent volume, the EFS / Azure Files volume the archives are shipped from; without it they are lost on restart, as in the official load_balancer_setup.yaml (guide §10).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Mount a PersistentVolumeClaim (ReadWriteMany on EFS or Azure Files where archives are shipped to S3/Blob) at /var/lib/xroad on the primary or single Security Server; secondaries do not archive.",
    ...guide("10", "archives", "xroad"),
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        if (podLabels(args.type, args.props)[ROLE_LABEL] === ROLE_SECONDARY) return;
        const claimTemplates = new Set(
            k8sKind(args.type) === "StatefulSet"
                ? asArray(asObj(args.props.spec)?.volumeClaimTemplates).map((t) => asString(asObj(t.metadata)?.name) ?? "")
                : [],
        );
        const volumes = new Map(asArray(tpl.spec.volumes).map((v) => [asString(v.name) ?? "", v]));
        // The Security Server itself; init containers run one-off setup from the same image.
        for (const c of allContainers(tpl.spec).filter((x) => x.kind === "container")) {
            const image = asString(c.container.image) ?? "";
            // Secondary images (`…-secondary[-variant]`) have archiving switched off (xroad-facts §5.3).
            if (!image.startsWith(`${SIDECAR_REPOSITORY}:`) || /-secondary(-|$)/.test(image)) continue;
            const mount = asArray(c.container.volumeMounts).find((m) => normalizePath(asString(m.mountPath) ?? "") === ARCHIVE_MOUNT_PATH);
            const volumeName = asString(mount?.name) ?? "";
            const volume = volumes.get(volumeName);
            const persistent =
                claimTemplates.has(volumeName) || volume?.persistentVolumeClaim !== undefined || volume?.ephemeral !== undefined;
            if (!mount)
                report(
                    `${c.kind} "${c.name}" keeps ${ARCHIVE_MOUNT_PATH} (backups, message-log archives) in the container filesystem: it is lost on restart`,
                );
            else if (!persistent)
                report(
                    `${c.kind} "${c.name}" mounts ${ARCHIVE_MOUNT_PATH} from volume "${volumeName}", which is not a persistent volume claim`,
                );
        }
    },
};

export const archivePolicies = [
    archiveVolumePersistent,
    s3ArchiveEncryptionAtRest,
    s3ArchiveTlsOnly,
    s3ArchiveNoPublicAccess,
    efsEncryptionAtRest,
    efsEncryptionInTransit,
    kmsKeyRotation,
    azureArchiveStorageEncrypted,
    azureFilesTransport,
    azureFilesKeySecret,
    azureFilesBackup,
];
