import * as assert from "node:assert/strict";
import {
    archiveVolumePersistent,
    azureArchiveStorageEncrypted,
    azureFilesBackup,
    azureFilesKeySecret,
    azureFilesTransport,
    efsEncryptionAtRest,
    efsEncryptionInTransit,
    kmsKeyRotation,
    s3ArchiveEncryptionAtRest,
    s3ArchiveNoPublicAccess,
    s3ArchiveTlsOnly,
} from "./archives";
import { FakeResource, UNKNOWN, deployment, k8s, messages, run, toEngine } from "./testing/harness";

const bucket: FakeResource = { type: "aws:s3/bucket:Bucket", name: "archive", props: { bucket: "xroad-archive" } };
const tlsOnlyPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "TlsOnly",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: ["arn:aws:s3:::xroad-archive", "arn:aws:s3:::xroad-archive/*"],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ],
});

describe("s3-archive-encryption-at-rest (guide §10)", () => {
    const sse = (sseAlgorithm: string, bucketRef = "xroad-archive") => ({
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        props: { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: "k" } }] },
    });
    it("passes KMS encryption declared by a separate resource (matched by name or property dependency)", async () => {
        assert.deepEqual(await messages(s3ArchiveEncryptionAtRest, [bucket, sse("aws:kms")]), []);
        const other = { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: "logs" } };
        const linked = { ...sse("aws:kms", "id-at-plan-time"), propDeps: { bucket: [toEngine(bucket).urn] } };
        assert.deepEqual(await messages(s3ArchiveEncryptionAtRest, [bucket, other, linked, sse("aws:kms:dsse", "logs")]), []);
    });
    it("links by property dependency when bucket names are unknown during preview", async () => {
        const logs = { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: UNKNOWN.string } };
        const pending = (target: FakeResource) => ({ ...sse("aws:kms", UNKNOWN.string), propDeps: { bucket: [toEngine(target).urn] } });
        const r = await run(s3ArchiveEncryptionAtRest, [bucket, logs, pending(bucket)]);
        assert.deepEqual(
            r.violations.map((v) => [v.urn, v.message]),
            [[toEngine(logs).urn, "bucket logs declares no server-side encryption; use aws:kms or aws:kms:dsse"]],
        );
        const both = await run(s3ArchiveEncryptionAtRest, [
            { ...bucket, props: {} },
            { ...logs, props: {} },
            pending(bucket),
            pending(logs),
        ]);
        assert.deepEqual(both.violations, []);
    });
    it("flags buckets without declared encryption or with SSE-S3 unless allowed by config", async () => {
        assert.deepEqual(await messages(s3ArchiveEncryptionAtRest, [bucket]), [
            "bucket xroad-archive declares no server-side encryption; use aws:kms or aws:kms:dsse",
        ]);
        assert.deepEqual(await messages(s3ArchiveEncryptionAtRest, [bucket, sse("AES256")]), [
            "bucket xroad-archive is encrypted with AES256; use aws:kms or aws:kms:dsse",
        ]);
        assert.deepEqual(
            await messages(s3ArchiveEncryptionAtRest, [bucket, sse("AES256")], { config: { allowedAlgorithms: ["AES256", "aws:kms"] } }),
            [],
        );
    });
});

describe("s3-archive-tls-only (guide §10)", () => {
    it("passes a Deny on aws:SecureTransport=false and flags its absence", async () => {
        assert.deepEqual(
            await messages(s3ArchiveTlsOnly, [
                bucket,
                { type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "xroad-archive", policy: tlsOnlyPolicy } },
            ]),
            [],
        );
        const allow = JSON.stringify({
            Statement: [
                { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        });
        assert.deepEqual(
            await messages(s3ArchiveTlsOnly, [
                bucket,
                { type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "xroad-archive", policy: allow } },
            ]),
            ["bucket xroad-archive accepts requests without TLS: no policy denies aws:SecureTransport=false"],
        );
    });
});

describe("s3-archive-no-public-access (guide §10)", () => {
    const block = (flags: Record<string, boolean>) => ({
        type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        props: { bucket: "xroad-archive", ...flags },
    });
    const all = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    it("passes all four flags; flags a partial block and public ACLs", async () => {
        assert.deepEqual(await messages(s3ArchiveNoPublicAccess, [bucket, block(all)]), []);
        assert.equal((await messages(s3ArchiveNoPublicAccess, [bucket, block({ ...all, restrictPublicBuckets: false })])).length, 1);
        const { violations } = await run(s3ArchiveNoPublicAccess, [
            bucket,
            block(all),
            { type: "aws:s3/bucketAclV2:BucketAclV2", props: { bucket: "xroad-archive", acl: "public-read" } },
        ]);
        assert.deepEqual(
            violations.map((v) => [v.message, v.urn]),
            [["bucket xroad-archive has the public ACL public-read", toEngine(bucket).urn]],
        );
    });
});

describe("efs-encryption-at-rest and efs-encryption-in-transit (guide §10)", () => {
    const fs = { type: "aws:efs/fileSystem:FileSystem", name: "archive-fs", props: { encrypted: true, kmsKeyId: "arn:k" } };
    it("passes an encrypted file system with a TLS-only policy", async () => {
        assert.deepEqual(await messages(efsEncryptionAtRest, fs), []);
        const policy = JSON.stringify({
            Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
        });
        assert.deepEqual(
            await messages(efsEncryptionInTransit, [
                fs,
                { type: "aws:efs/fileSystemPolicy:FileSystemPolicy", props: { fileSystemId: "fs-1", policy } },
            ]),
            [],
        );
    });
    it("flags an unencrypted file system, a missing CMK when required, no TLS policy and a PV with encryptInTransit false", async () => {
        assert.deepEqual(await messages(efsEncryptionAtRest, { ...fs, props: {} }), [
            "the file system is not encrypted at rest (encrypted is not true)",
        ]);
        assert.equal(
            (await messages(efsEncryptionAtRest, { ...fs, props: { encrypted: true } }, { config: { requireCustomerManagedKey: true } }))
                .length,
            1,
        );
        const pv = {
            type: "kubernetes:core/v1:PersistentVolume",
            props: {
                metadata: { name: "pv" },
                spec: { csi: { driver: "efs.csi.aws.com", volumeHandle: "fs-1", volumeAttributes: { encryptInTransit: "false" } } },
            },
        };
        assert.deepEqual(await messages(efsEncryptionInTransit, [fs, pv]), [
            "EFS file system archive-fs accepts mounts without TLS: no file system policy denies aws:SecureTransport=false",
            "PersistentVolume pv mounts EFS with encryptInTransit false",
        ]);
    });
});

describe("kms-key-rotation (guide §10)", () => {
    it("passes rotating symmetric keys, flags others, and is not applicable to asymmetric keys", async () => {
        assert.deepEqual(await messages(kmsKeyRotation, { type: "aws:kms/key:Key", props: { enableKeyRotation: true } }), []);
        assert.deepEqual(await messages(kmsKeyRotation, { type: "aws:kms/key:Key", props: {} }), [
            "automatic key rotation is not enabled (enableKeyRotation is not true)",
        ]);
        const r = await run(kmsKeyRotation, {
            type: "aws:kms/key:Key",
            props: { customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY" },
        });
        assert.deepEqual(r.violations, []);
        assert.match(r.notApplicable[0].reason, /symmetric encryption keys only/);
    });
});

describe("azure-archive-storage-encrypted and azure-files-transport (guide §10)", () => {
    const account = (props: Record<string, unknown>) => ({ type: "azure-native:storage:StorageAccount", props });
    it("passes HTTPS-only TLS 1.2 accounts without public blob access, and private containers", async () => {
        assert.deepEqual(
            await messages(azureArchiveStorageEncrypted, [
                account({ enableHttpsTrafficOnly: true, minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false }),
                { type: "azure-native:storage:BlobContainer", props: { publicAccess: "None" } },
            ]),
            [],
        );
    });
    it("flags HTTP, old TLS, public access, and config-required CMK / infrastructure encryption", async () => {
        assert.deepEqual(
            await messages(azureArchiveStorageEncrypted, account({ enableHttpsTrafficOnly: false, minimumTlsVersion: "TLS1_0" })),
            [
                "enableHttpsTrafficOnly is false: archives could travel unencrypted",
                "minimumTlsVersion is TLS1_0; require TLS1_2",
                "allowBlobPublicAccess is not false",
            ],
        );
        assert.equal(
            (
                await messages(azureArchiveStorageEncrypted, account({ minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false }), {
                    config: { requireInfrastructureEncryption: true, requireCustomerManagedKey: true },
                })
            ).length,
            2,
        );
        assert.deepEqual(
            await messages(azureArchiveStorageEncrypted, {
                type: "azure-native:storage:BlobContainer",
                props: { publicAccess: "Container" },
            }),
            ["blob container allows public access (Container)"],
        );
    });
    it("flags NFS shares and NFS Azure Files storage classes (advisory)", async () => {
        assert.deepEqual(
            await messages(azureFilesTransport, { type: "azure-native:storage:FileShare", props: { enabledProtocols: "SMB" } }),
            [],
        );
        const r = await run(azureFilesTransport, [
            { type: "azure-native:storage:FileShare", props: { enabledProtocols: "NFS" } },
            {
                type: "kubernetes:storage.k8s.io/v1:StorageClass",
                props: { provisioner: "file.csi.azure.com", parameters: { protocol: "nfs" } },
            },
        ]);
        assert.deepEqual(
            r.violations.map((v) => v.level),
            ["advisory", "advisory"],
        );
    });
});

describe("xroad-archive-volume-persistent (guide §10)", () => {
    const image = "niis/xroad-security-server-sidecar:7.8.0-primary";
    const pod = (volumeMounts: unknown[], volumes: unknown[], labels = { role: "primary" }, img = image) =>
        k8s(
            deployment(
                "primary",
                "x",
                { initContainers: [{ name: "setup", image: img }], containers: [{ name: "ss", image: img, volumeMounts }], volumes },
                labels,
            ),
        );
    it("passes /var/lib/xroad on a PVC, a StatefulSet claim template or an ephemeral volume", async () => {
        assert.deepEqual(
            await messages(
                archiveVolumePersistent,
                pod(
                    [{ name: "archive", mountPath: "/var/lib/xroad/" }],
                    [{ name: "archive", persistentVolumeClaim: { claimName: "archive" } }],
                ),
            ),
            [],
        );
        const sts = k8s({
            apiVersion: "apps/v1",
            kind: "StatefulSet",
            metadata: { name: "p", namespace: "x" },
            spec: {
                volumeClaimTemplates: [{ metadata: { name: "archive" } }],
                template: {
                    spec: { containers: [{ name: "ss", image, volumeMounts: [{ name: "archive", mountPath: "/var/lib/xroad" }] }] },
                },
            },
        });
        assert.deepEqual(await messages(archiveVolumePersistent, sts), []);
    });
    it("flags a missing mount and an emptyDir; ignores secondaries, init containers and other images", async () => {
        assert.deepEqual(await messages(archiveVolumePersistent, pod([], [])), [
            'container "ss" keeps /var/lib/xroad (backups, message-log archives) in the container filesystem: it is lost on restart',
        ]);
        assert.deepEqual(
            await messages(archiveVolumePersistent, pod([{ name: "tmp", mountPath: "/var/lib/xroad" }], [{ name: "tmp", emptyDir: {} }])),
            ['container "ss" mounts /var/lib/xroad from volume "tmp", which is not a persistent volume claim'],
        );
        assert.deepEqual(await messages(archiveVolumePersistent, pod([], [], { role: "secondary" })), []);
        assert.deepEqual(
            await messages(
                archiveVolumePersistent,
                pod([], [], { role: "x" }, "niis/xroad-security-server-sidecar:7.8.0-slim-secondary-fi"),
            ),
            [],
        );
        assert.deepEqual(await messages(archiveVolumePersistent, pod([], [], { role: "x" }, "nginx:1")), []);
    });
});

describe("azure-files-backup (guide §10, review azure B10)", () => {
    const share: FakeResource = {
        type: "azure-native:storage:FileShare",
        name: "files-a",
        props: { shareName: "xroad-a", enabledProtocols: "SMB" },
    };
    const vault = (softDeleteState?: string): FakeResource => ({
        type: "azure-native:recoveryservices:Vault",
        name: "vault",
        props: { vaultName: "rsv-xroad", properties: { securitySettings: { softDeleteSettings: { softDeleteState } } } },
    });
    const policy = (days: number, durationType = "Days"): FakeResource => ({
        type: "azure-native:recoveryservices:ProtectionPolicy",
        name: "daily",
        props: {
            policyName: "xroad-files-daily",
            properties: {
                backupManagementType: "AzureStorage",
                workLoadType: "AzureFileShare",
                retentionPolicy: {
                    retentionPolicyType: "LongTermRetentionPolicy",
                    dailySchedule: { retentionDuration: { count: days, durationType } },
                },
            },
        },
    });
    const item = (protectedItemName: string, properties: Record<string, unknown> = { policyId: UNKNOWN }): FakeResource => ({
        type: "azure-native:recoveryservices:ProtectedItem",
        name: `item-${protectedItemName}`,
        props: { protectedItemName, properties: { protectedItemType: "AzureFileShareProtectedItem", ...properties } },
    });

    it("passes a protected share under a daily policy in a soft-deleting vault (names matched case-insensitively)", async () => {
        assert.deepEqual(await messages(azureFilesBackup, [share, vault("AlwaysON"), policy(30), item("AzureFileShare;xroad-a")]), []);
        assert.deepEqual(
            await messages(azureFilesBackup, [share, vault("Enabled"), policy(1, "Weeks"), item("azurefileshare;XROAD-A")]),
            [],
        );
    });
    it("does not apply to stacks without file shares", async () => {
        assert.deepEqual(await messages(azureFilesBackup, [vault("Disabled")]), []);
    });
    it("flags an unprotected share, a stopped item, a short retention and a vault without soft delete", async () => {
        assert.deepEqual(await messages(azureFilesBackup, [share, vault("AlwaysON"), policy(30), item("AzureFileShare;other")]), [
            "file share xroad-a has no Azure Backup protected item (AzureFileShare;xroad-a)",
        ]);
        assert.deepEqual(
            await messages(azureFilesBackup, [share, vault("AlwaysON"), policy(30), item("AzureFileShare;xroad-a", { policyId: "" })]),
            ["file share xroad-a: its protected item has no backup policy (protection stopped)"],
        );
        assert.deepEqual(await messages(azureFilesBackup, [share, vault("Disabled"), policy(3), item("AzureFileShare;xroad-a")]), [
            "backup policy xroad-files-daily keeps daily recovery points for 3 days; keep them at least 7 days",
            "Recovery Services vault rsv-xroad does not set soft delete on (softDeleteState Disabled): deleted backups are gone at once",
        ]);
        assert.deepEqual(await messages(azureFilesBackup, [share, vault("Enabled"), item("AzureFileShare;xroad-a")]), [
            "file share xroad-a: no Azure Files backup policy in the stack",
        ]);
        assert.deepEqual(
            await messages(azureFilesBackup, [share, vault("Enabled"), policy(14), item("AzureFileShare;xroad-a")], {
                config: { minimumRetentionDays: 30 },
            }),
            ["backup policy xroad-files-daily keeps daily recovery points for 14 days; keep them at least 30 days"],
        );
    });
});

describe("azure-files-key-secret (review azure B10)", () => {
    const storageClass = (parameters: Record<string, string>, provisioner = "file.csi.azure.com"): FakeResource => ({
        type: "kubernetes:storage.k8s.io/v1:StorageClass",
        props: { provisioner, parameters },
    });
    it("passes the key Secret in kube-system, identity mounts, NFS and other provisioners", async () => {
        const passing: Record<string, string>[] = [
            { protocol: "smb", secretNamespace: "kube-system", secretName: "xroad-files-account-key" },
            { SecretNamespace: "kube-system" },
            { mountWithManagedIdentity: "true" },
            { storeAccountKey: "false" },
            { protocol: "nfs" },
        ];
        for (const parameters of passing)
            assert.deepEqual(await messages(azureFilesKeySecret, storageClass(parameters)), [], JSON.stringify(parameters));
        assert.deepEqual(await messages(azureFilesKeySecret, storageClass({}, "disk.csi.azure.com")), []);
    });
    it("flags the default (each claim's namespace) and any other namespace", async () => {
        assert.deepEqual(await messages(azureFilesKeySecret, storageClass({ protocol: "smb" })), [
            "the Azure Files StorageClass stores the account key in each claim's namespace; set secretNamespace: kube-system",
        ]);
        assert.deepEqual(await messages(azureFilesKeySecret, storageClass({ secretNamespace: "xroad-sidecar" })), [
            "the Azure Files StorageClass stores the account key in namespace xroad-sidecar; set secretNamespace: kube-system",
        ]);
    });
});
