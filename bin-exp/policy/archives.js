"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.archivePolicies = exports.archiveVolumePersistent = exports.azureFilesTransport = exports.azureArchiveStorageEncrypted = exports.kmsKeyRotation = exports.efsEncryptionInTransit = exports.efsEncryptionAtRest = exports.s3ArchiveNoPublicAccess = exports.s3ArchiveTlsOnly = exports.s3ArchiveEncryptionAtRest = void 0;
const archiver_1 = require("./xroad/archiver");
const images_1 = require("./xroad/images");
const labels_1 = require("./xroad/labels");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
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
/** Bucket keys other resources use to point at a bucket: its name (`bucket`) or the logical name. */
const BUCKET_KEYS = ["bucket", "id"];
function parsePolicy(policy) {
    if (typeof policy === "string") {
        try {
            return (0, workloads_1.asObj)(JSON.parse(policy));
        }
        catch {
            return undefined;
        }
    }
    return (0, workloads_1.asObj)(policy);
}
/** A Deny statement for every principal on `aws:SecureTransport = false`: requests without TLS are refused. */
function deniesInsecureTransport(policy) {
    const doc = parsePolicy(policy);
    const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
    return statements.some((s) => {
        if (s?.Effect !== "Deny")
            return false;
        const principal = s.Principal;
        const everyone = principal === "*" ||
            (0, workloads_1.asObj)(principal)?.AWS === "*" ||
            (Array.isArray((0, workloads_1.asObj)(principal)?.AWS) && ((0, workloads_1.asObj)(principal)?.AWS).includes("*"));
        const secure = (0, workloads_1.asObj)((0, workloads_1.asObj)(s.Condition)?.Bool)?.["aws:SecureTransport"];
        return everyone && (secure === "false" || secure === false || (Array.isArray(secure) && secure.map(String).includes("false")));
    });
}
/** The bucket's name for messages; its logical name while the physical one is unknown during preview. */
function bucketLabel(b) {
    try {
        return (0, workloads_1.asString)((0, stack_helpers_1.props)(b).bucket) ?? b.name;
    }
    catch {
        return b.name;
    }
}
exports.s3ArchiveEncryptionAtRest = {
    name: "s3-archive-encryption-at-rest",
    description: "S3 buckets that receive message-log archives and backups are encrypted at rest with KMS, declared explicitly (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with sseAlgorithm aws:kms and a customer managed key with rotation (guide §10).",
    ...(0, common_1.guide)("10", "aws", "archives"),
    configSchema: { properties: { allowedAlgorithms: { type: "array", items: { type: "string" }, default: ["aws:kms", "aws:kms:dsse"] } } },
    validateStack: (args, report) => {
        const { allowedAlgorithms } = (0, common_1.configOf)(exports.s3ArchiveEncryptionAtRest, args);
        const buckets = (0, stack_helpers_1.ofTypes)(args.resources, ...S3_BUCKETS);
        const sses = (0, stack_helpers_1.ofTypes)(args.resources, ...S3_SSE);
        for (const bucket of buckets) {
            const algorithms = [];
            const inline = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(bucket).serverSideEncryptionConfiguration)?.rule)?.applyServerSideEncryptionByDefault);
            if ((0, workloads_1.asString)(inline?.sseAlgorithm))
                algorithms.push(String(inline?.sseAlgorithm));
            for (const sse of (0, stack_helpers_1.linked)(sses, "bucket", bucket, buckets, BUCKET_KEYS)) {
                for (const rule of (0, workloads_1.asArray)((0, stack_helpers_1.props)(sse).rules)) {
                    const alg = (0, workloads_1.asString)((0, workloads_1.asObj)(rule.applyServerSideEncryptionByDefault)?.sseAlgorithm);
                    if (alg)
                        algorithms.push(alg);
                }
            }
            if (algorithms.length === 0)
                report(`bucket ${bucketLabel(bucket)} declares no server-side encryption; use ${allowedAlgorithms.join(" or ")}`, bucket.urn);
            else if (!algorithms.some((a) => allowedAlgorithms.includes(a)))
                report(`bucket ${bucketLabel(bucket)} is encrypted with ${algorithms.join(", ")}; use ${allowedAlgorithms.join(" or ")}`, bucket.urn);
        }
    },
};
exports.s3ArchiveTlsOnly = {
    name: "s3-archive-tls-only",
    description: "S3 archive buckets refuse requests without TLS: a bucket policy denies aws:SecureTransport=false (guide §10, encryption in transit).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Attach a BucketPolicy with {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [bucket, bucket/*], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.',
    ...(0, common_1.guide)("10", "aws", "archives"),
    validateStack: (args, report) => {
        const buckets = (0, stack_helpers_1.ofTypes)(args.resources, ...S3_BUCKETS);
        const policies = (0, stack_helpers_1.ofTypes)(args.resources, S3_BUCKET_POLICY);
        for (const bucket of buckets) {
            const docs = [(0, stack_helpers_1.props)(bucket).policy, ...(0, stack_helpers_1.linked)(policies, "bucket", bucket, buckets, BUCKET_KEYS).map((p) => (0, stack_helpers_1.props)(p).policy)];
            if (!docs.some(deniesInsecureTransport))
                report(`bucket ${bucketLabel(bucket)} accepts requests without TLS: no policy denies aws:SecureTransport=false`, bucket.urn);
        }
    },
};
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
exports.s3ArchiveNoPublicAccess = {
    name: "s3-archive-no-public-access",
    description: "S3 archive buckets block every form of public access (all four public access block flags) and carry no public ACL (guide §10: archives may contain sensitive information).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true, and drop public ACLs.",
    ...(0, common_1.guide)("10", "aws", "archives"),
    validateStack: (args, report) => {
        const buckets = (0, stack_helpers_1.ofTypes)(args.resources, ...S3_BUCKETS);
        const blocks = (0, stack_helpers_1.ofTypes)(args.resources, S3_PUBLIC_ACCESS_BLOCK);
        const acls = (0, stack_helpers_1.ofTypes)(args.resources, ...S3_ACLS);
        for (const bucket of buckets) {
            const mine = (0, stack_helpers_1.linked)(blocks, "bucket", bucket, buckets, BUCKET_KEYS);
            if (!mine.some((b) => PUBLIC_ACCESS_FLAGS.every((f) => (0, stack_helpers_1.props)(b)[f] === true))) {
                report(`bucket ${bucketLabel(bucket)} has no public access block with all of ${PUBLIC_ACCESS_FLAGS.join(", ")} true`, bucket.urn);
            }
            const aclValues = [(0, stack_helpers_1.props)(bucket).acl, ...(0, stack_helpers_1.linked)(acls, "bucket", bucket, buckets, BUCKET_KEYS).map((a) => (0, stack_helpers_1.props)(a).acl)];
            for (const acl of aclValues)
                if (typeof acl === "string" && PUBLIC_ACLS.includes(acl))
                    report(`bucket ${bucketLabel(bucket)} has the public ACL ${acl}`, bucket.urn);
        }
    },
};
exports.efsEncryptionAtRest = {
    name: "efs-encryption-at-rest",
    description: "EFS file systems holding archives and backups are encrypted at rest (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set encrypted: true and kmsKeyId to a customer managed key with rotation. Encryption cannot be added to an existing file system: create a new one and copy the data.",
    ...(0, common_1.guide)("10", "aws", "archives"),
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: false } } },
    validateResource: (args, report) => {
        if (args.type !== EFS_FILE_SYSTEM)
            return;
        if (args.props.encrypted !== true)
            report("the file system is not encrypted at rest (encrypted is not true)");
        else if ((0, common_1.configOf)(exports.efsEncryptionAtRest, args).requireCustomerManagedKey &&
            !(0, workloads_1.asString)(args.props.kmsKeyId))
            report("the file system uses the AWS managed key; set kmsKeyId to a customer managed key");
    },
};
exports.efsEncryptionInTransit = {
    name: "efs-encryption-in-transit",
    description: "EFS is reached over TLS only: a file system policy denies aws:SecureTransport=false, and no EFS CSI volume turns encryptInTransit off (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'Attach an aws.efs.FileSystemPolicy denying "aws:SecureTransport": "false" to every principal; keep the EFS CSI driver default encryptInTransit: "true".',
    ...(0, common_1.guide)("10", "aws", "archives"),
    validateStack: (args, report) => {
        const fileSystems = (0, stack_helpers_1.ofTypes)(args.resources, EFS_FILE_SYSTEM);
        const policies = (0, stack_helpers_1.ofTypes)(args.resources, EFS_FILE_SYSTEM_POLICY);
        for (const fs of fileSystems) {
            const mine = (0, stack_helpers_1.linked)(policies, "fileSystemId", fs, fileSystems, ["id"]);
            if (!mine.some((p) => deniesInsecureTransport((0, stack_helpers_1.props)(p).policy)))
                report(`EFS file system ${fs.name} accepts mounts without TLS: no file system policy denies aws:SecureTransport=false`, fs.urn);
        }
        for (const pv of (0, stack_helpers_1.ofTypes)(args.resources, types_1.PERSISTENT_VOLUME)) {
            const csi = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(pv).spec)?.csi);
            const flag = (0, workloads_1.asObj)(csi?.volumeAttributes)?.encryptInTransit;
            if ((0, workloads_1.asString)(csi?.driver) === "efs.csi.aws.com" && (flag === "false" || flag === false))
                report(`PersistentVolume ${(0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(pv).metadata)?.name) ?? pv.name} mounts EFS with encryptInTransit false`, pv.urn);
        }
    },
};
exports.kmsKeyRotation = {
    name: "kms-key-rotation",
    description: "Symmetric KMS keys protecting archives, file systems and secrets rotate automatically (guide §10, encryption at rest).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enableKeyRotation: true (optionally rotationPeriodInDays) on the key.",
    ...(0, common_1.guide)("10", "aws", "kms"),
    validateResource: (args, report) => {
        if (args.type !== KMS_KEY)
            return;
        const spec = (0, workloads_1.asString)(args.props.customerMasterKeySpec) ?? (0, workloads_1.asString)(args.props.keySpec) ?? "SYMMETRIC_DEFAULT";
        const usage = (0, workloads_1.asString)(args.props.keyUsage) ?? "ENCRYPT_DECRYPT";
        if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT")
            args.notApplicable(`automatic rotation applies to symmetric encryption keys only (${spec}, ${usage})`);
        if (args.props.enableKeyRotation !== true)
            report("automatic key rotation is not enabled (enableKeyRotation is not true)");
    },
};
const TLS_ORDER = ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"];
exports.azureArchiveStorageEncrypted = {
    name: "azure-archive-storage-encrypted",
    description: "Storage accounts for Azure Files and Blob archives accept HTTPS only with TLS 1.2 or newer and allow no public blob access; containers are private (guide §10).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enableHttpsTrafficOnly: true, minimumTlsVersion: TLS1_2, allowBlobPublicAccess: false (and optionally encryption.requireInfrastructureEncryption and a Key Vault key); set blob containers' publicAccess to None.",
    ...(0, common_1.guide)("10", "azure", "archives"),
    configSchema: {
        properties: {
            minimumTlsVersion: { type: "string", enum: ["TLS1_2", "TLS1_3"], default: "TLS1_2" },
            requireInfrastructureEncryption: { type: "boolean", default: false },
            requireCustomerManagedKey: { type: "boolean", default: false },
        },
    },
    validateResource: (args, report) => {
        const config = (0, common_1.configOf)(exports.azureArchiveStorageEncrypted, args);
        const p = args.props;
        if (args.type === STORAGE_ACCOUNT) {
            if (p.enableHttpsTrafficOnly === false)
                report("enableHttpsTrafficOnly is false: archives could travel unencrypted");
            const tls = (0, workloads_1.asString)(p.minimumTlsVersion);
            if (!tls || TLS_ORDER.indexOf(tls) < TLS_ORDER.indexOf(config.minimumTlsVersion))
                report(`minimumTlsVersion is ${tls ?? "unset"}; require ${config.minimumTlsVersion}`);
            if (p.allowBlobPublicAccess !== false)
                report("allowBlobPublicAccess is not false");
            const encryption = (0, workloads_1.asObj)(p.encryption);
            if (config.requireInfrastructureEncryption && encryption?.requireInfrastructureEncryption !== true)
                report("infrastructure (double) encryption is not required");
            if (config.requireCustomerManagedKey && (0, workloads_1.asString)(encryption?.keySource) !== "Microsoft.Keyvault")
                report("encryption does not use a customer managed key (keySource Microsoft.Keyvault)");
        }
        else if (args.type === CLASSIC_STORAGE_ACCOUNT) {
            if (p.httpsTrafficOnlyEnabled === false)
                report("httpsTrafficOnlyEnabled is false");
            const tls = (0, workloads_1.asString)(p.minTlsVersion);
            if (tls && TLS_ORDER.indexOf(tls) < TLS_ORDER.indexOf(config.minimumTlsVersion))
                report(`minTlsVersion is ${tls}; require ${config.minimumTlsVersion}`);
            if (p.allowNestedItemsToBePublic !== false)
                report("allowNestedItemsToBePublic is not false");
        }
        else if (args.type === BLOB_CONTAINER) {
            const access = (0, workloads_1.asString)(p.publicAccess);
            if (access && access !== "None")
                report(`blob container allows public access (${access})`);
        }
    },
};
exports.azureFilesTransport = {
    name: "azure-files-transport",
    description: "Azure Files shares for archives use SMB 3 with encryption in transit; NFS shares are not encrypted in transit by default and need review (guide §10).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Use SMB shares on a storage account with enableHttpsTrafficOnly (SMB 3 encryption), or NFS only with the encryption-in-transit (TLS) mount helper.",
    ...(0, common_1.guide)("10", "azure", "archives"),
    validateResource: (args, report) => {
        if (args.type === FILE_SHARE) {
            if ((0, workloads_1.asString)(args.props.enabledProtocols) === "NFS")
                report("the file share uses NFS, which is not encrypted in transit by default");
        }
        else if (args.type === types_1.STORAGE_CLASS) {
            const params = (0, workloads_1.asObj)(args.props.parameters) ?? {};
            if ((0, workloads_1.asString)(args.props.provisioner) === "file.csi.azure.com" && (0, workloads_1.textOf)(params.protocol).toLowerCase() === "nfs")
                report("the Azure Files StorageClass mounts over NFS, which is not encrypted in transit by default");
        }
    },
};
function normalizePath(p) {
    return p.length > 1 ? p.replace(/\/+$/, "") : p;
}
exports.archiveVolumePersistent = {
    name: "xroad-archive-volume-persistent",
    description: "Security Servers that write backups and message-log archives (primary or single pod) keep /var/lib/xroad on a persistent volume, the EFS / Azure Files volume the archives are shipped from; without it they are lost on restart, as in the official load_balancer_setup.yaml (guide §10).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Mount a PersistentVolumeClaim (ReadWriteMany on EFS or Azure Files where archives are shipped to S3/Blob) at /var/lib/xroad on the primary or single Security Server; secondaries do not archive.",
    ...(0, common_1.guide)("10", "archives", "xroad"),
    validateResource: (args, report) => {
        const tpl = (0, workloads_1.podTemplate)(args.type, args.props);
        if (!tpl)
            return;
        if ((0, workloads_1.podLabels)(args.type, args.props)[labels_1.ROLE_LABEL] === labels_1.ROLE_SECONDARY)
            return;
        const claimTemplates = new Set((0, types_1.k8sKind)(args.type) === "StatefulSet"
            ? (0, workloads_1.asArray)((0, workloads_1.asObj)(args.props.spec)?.volumeClaimTemplates).map((t) => (0, workloads_1.asString)((0, workloads_1.asObj)(t.metadata)?.name) ?? "")
            : []);
        const volumes = new Map((0, workloads_1.asArray)(tpl.spec.volumes).map((v) => [(0, workloads_1.asString)(v.name) ?? "", v]));
        // The Security Server itself; init containers run one-off setup from the same image.
        for (const c of (0, workloads_1.allContainers)(tpl.spec).filter((x) => x.kind === "container")) {
            const image = (0, workloads_1.asString)(c.container.image) ?? "";
            // Secondary images (`…-secondary[-variant]`) have archiving switched off (xroad-facts §5.3).
            if (!image.startsWith(`${images_1.SIDECAR_REPOSITORY}:`) || /-secondary(-|$)/.test(image))
                continue;
            const mount = (0, workloads_1.asArray)(c.container.volumeMounts).find((m) => normalizePath((0, workloads_1.asString)(m.mountPath) ?? "") === archiver_1.ARCHIVE_MOUNT_PATH);
            const volumeName = (0, workloads_1.asString)(mount?.name) ?? "";
            const volume = volumes.get(volumeName);
            const persistent = claimTemplates.has(volumeName) || volume?.persistentVolumeClaim !== undefined || volume?.ephemeral !== undefined;
            if (!mount)
                report(`${c.kind} "${c.name}" keeps ${archiver_1.ARCHIVE_MOUNT_PATH} (backups, message-log archives) in the container filesystem: it is lost on restart`);
            else if (!persistent)
                report(`${c.kind} "${c.name}" mounts ${archiver_1.ARCHIVE_MOUNT_PATH} from volume "${volumeName}", which is not a persistent volume claim`);
        }
    },
};
exports.archivePolicies = [
    exports.archiveVolumePersistent,
    exports.s3ArchiveEncryptionAtRest,
    exports.s3ArchiveTlsOnly,
    exports.s3ArchiveNoPublicAccess,
    exports.efsEncryptionAtRest,
    exports.efsEncryptionInTransit,
    exports.kmsKeyRotation,
    exports.azureArchiveStorageEncrypted,
    exports.azureFilesTransport,
];
