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
const assert = __importStar(require("node:assert/strict"));
const archives_1 = require("./archives");
const harness_1 = require("./testing/harness");
const bucket = { type: "aws:s3/bucket:Bucket", name: "archive", props: { bucket: "xroad-archive" } };
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
    const sse = (sseAlgorithm, bucketRef = "xroad-archive") => ({
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        props: { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: "k" } }] },
    });
    it("passes KMS encryption declared by a separate resource (matched by name or property dependency)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveEncryptionAtRest, [bucket, sse("aws:kms")]), []);
        const other = { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: "logs" } };
        const linked = { ...sse("aws:kms", "id-at-plan-time"), propDeps: { bucket: [(0, harness_1.toEngine)(bucket).urn] } };
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveEncryptionAtRest, [bucket, other, linked, sse("aws:kms:dsse", "logs")]), []);
    });
    it("links by property dependency when bucket names are unknown during preview", async () => {
        const logs = { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: harness_1.UNKNOWN.string } };
        const pending = (target) => ({ ...sse("aws:kms", harness_1.UNKNOWN.string), propDeps: { bucket: [(0, harness_1.toEngine)(target).urn] } });
        const r = await (0, harness_1.run)(archives_1.s3ArchiveEncryptionAtRest, [bucket, logs, pending(bucket)]);
        assert.deepEqual(r.violations.map((v) => [v.urn, v.message]), [[(0, harness_1.toEngine)(logs).urn, "bucket logs declares no server-side encryption; use aws:kms or aws:kms:dsse"]]);
        const both = await (0, harness_1.run)(archives_1.s3ArchiveEncryptionAtRest, [
            { ...bucket, props: {} },
            { ...logs, props: {} },
            pending(bucket),
            pending(logs),
        ]);
        assert.deepEqual(both.violations, []);
    });
    it("flags buckets without declared encryption or with SSE-S3 unless allowed by config", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveEncryptionAtRest, [bucket]), [
            "bucket xroad-archive declares no server-side encryption; use aws:kms or aws:kms:dsse",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveEncryptionAtRest, [bucket, sse("AES256")]), [
            "bucket xroad-archive is encrypted with AES256; use aws:kms or aws:kms:dsse",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveEncryptionAtRest, [bucket, sse("AES256")], { config: { allowedAlgorithms: ["AES256", "aws:kms"] } }), []);
    });
});
describe("s3-archive-tls-only (guide §10)", () => {
    it("passes a Deny on aws:SecureTransport=false and flags its absence", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveTlsOnly, [
            bucket,
            { type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "xroad-archive", policy: tlsOnlyPolicy } },
        ]), []);
        const allow = JSON.stringify({
            Statement: [
                { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        });
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveTlsOnly, [
            bucket,
            { type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "xroad-archive", policy: allow } },
        ]), ["bucket xroad-archive accepts requests without TLS: no policy denies aws:SecureTransport=false"]);
    });
});
describe("s3-archive-no-public-access (guide §10)", () => {
    const block = (flags) => ({
        type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        props: { bucket: "xroad-archive", ...flags },
    });
    const all = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    it("passes all four flags; flags a partial block and public ACLs", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.s3ArchiveNoPublicAccess, [bucket, block(all)]), []);
        assert.equal((await (0, harness_1.messages)(archives_1.s3ArchiveNoPublicAccess, [bucket, block({ ...all, restrictPublicBuckets: false })])).length, 1);
        const { violations } = await (0, harness_1.run)(archives_1.s3ArchiveNoPublicAccess, [
            bucket,
            block(all),
            { type: "aws:s3/bucketAclV2:BucketAclV2", props: { bucket: "xroad-archive", acl: "public-read" } },
        ]);
        assert.deepEqual(violations.map((v) => [v.message, v.urn]), [["bucket xroad-archive has the public ACL public-read", (0, harness_1.toEngine)(bucket).urn]]);
    });
});
describe("efs-encryption-at-rest and efs-encryption-in-transit (guide §10)", () => {
    const fs = { type: "aws:efs/fileSystem:FileSystem", name: "archive-fs", props: { encrypted: true, kmsKeyId: "arn:k" } };
    it("passes an encrypted file system with a TLS-only policy", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.efsEncryptionAtRest, fs), []);
        const policy = JSON.stringify({
            Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }],
        });
        assert.deepEqual(await (0, harness_1.messages)(archives_1.efsEncryptionInTransit, [
            fs,
            { type: "aws:efs/fileSystemPolicy:FileSystemPolicy", props: { fileSystemId: "fs-1", policy } },
        ]), []);
    });
    it("flags an unencrypted file system, a missing CMK when required, no TLS policy and a PV with encryptInTransit false", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.efsEncryptionAtRest, { ...fs, props: {} }), [
            "the file system is not encrypted at rest (encrypted is not true)",
        ]);
        assert.equal((await (0, harness_1.messages)(archives_1.efsEncryptionAtRest, { ...fs, props: { encrypted: true } }, { config: { requireCustomerManagedKey: true } }))
            .length, 1);
        const pv = {
            type: "kubernetes:core/v1:PersistentVolume",
            props: {
                metadata: { name: "pv" },
                spec: { csi: { driver: "efs.csi.aws.com", volumeHandle: "fs-1", volumeAttributes: { encryptInTransit: "false" } } },
            },
        };
        assert.deepEqual(await (0, harness_1.messages)(archives_1.efsEncryptionInTransit, [fs, pv]), [
            "EFS file system archive-fs accepts mounts without TLS: no file system policy denies aws:SecureTransport=false",
            "PersistentVolume pv mounts EFS with encryptInTransit false",
        ]);
    });
});
describe("kms-key-rotation (guide §10)", () => {
    it("passes rotating symmetric keys, flags others, and is not applicable to asymmetric keys", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.kmsKeyRotation, { type: "aws:kms/key:Key", props: { enableKeyRotation: true } }), []);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.kmsKeyRotation, { type: "aws:kms/key:Key", props: {} }), [
            "automatic key rotation is not enabled (enableKeyRotation is not true)",
        ]);
        const r = await (0, harness_1.run)(archives_1.kmsKeyRotation, {
            type: "aws:kms/key:Key",
            props: { customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY" },
        });
        assert.deepEqual(r.violations, []);
        assert.match(r.notApplicable[0].reason, /symmetric encryption keys only/);
    });
});
describe("azure-archive-storage-encrypted and azure-files-transport (guide §10)", () => {
    const account = (props) => ({ type: "azure-native:storage:StorageAccount", props });
    it("passes HTTPS-only TLS 1.2 accounts without public blob access, and private containers", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.azureArchiveStorageEncrypted, [
            account({ enableHttpsTrafficOnly: true, minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false }),
            { type: "azure-native:storage:BlobContainer", props: { publicAccess: "None" } },
        ]), []);
    });
    it("flags HTTP, old TLS, public access, and config-required CMK / infrastructure encryption", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.azureArchiveStorageEncrypted, account({ enableHttpsTrafficOnly: false, minimumTlsVersion: "TLS1_0" })), [
            "enableHttpsTrafficOnly is false: archives could travel unencrypted",
            "minimumTlsVersion is TLS1_0; require TLS1_2",
            "allowBlobPublicAccess is not false",
        ]);
        assert.equal((await (0, harness_1.messages)(archives_1.azureArchiveStorageEncrypted, account({ minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false }), {
            config: { requireInfrastructureEncryption: true, requireCustomerManagedKey: true },
        })).length, 2);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.azureArchiveStorageEncrypted, {
            type: "azure-native:storage:BlobContainer",
            props: { publicAccess: "Container" },
        }), ["blob container allows public access (Container)"]);
    });
    it("flags NFS shares and NFS Azure Files storage classes (advisory)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.azureFilesTransport, { type: "azure-native:storage:FileShare", props: { enabledProtocols: "SMB" } }), []);
        const r = await (0, harness_1.run)(archives_1.azureFilesTransport, [
            { type: "azure-native:storage:FileShare", props: { enabledProtocols: "NFS" } },
            {
                type: "kubernetes:storage.k8s.io/v1:StorageClass",
                props: { provisioner: "file.csi.azure.com", parameters: { protocol: "nfs" } },
            },
        ]);
        assert.deepEqual(r.violations.map((v) => v.level), ["advisory", "advisory"]);
    });
});
describe("xroad-archive-volume-persistent (guide §10)", () => {
    const image = "niis/xroad-security-server-sidecar:7.8.0-primary";
    const pod = (volumeMounts, volumes, labels = { role: "primary" }, img = image) => (0, harness_1.k8s)((0, harness_1.deployment)("primary", "x", { initContainers: [{ name: "setup", image: img }], containers: [{ name: "ss", image: img, volumeMounts }], volumes }, labels));
    it("passes /var/lib/xroad on a PVC, a StatefulSet claim template or an ephemeral volume", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([{ name: "archive", mountPath: "/var/lib/xroad/" }], [{ name: "archive", persistentVolumeClaim: { claimName: "archive" } }])), []);
        const sts = (0, harness_1.k8s)({
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
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, sts), []);
    });
    it("flags a missing mount and an emptyDir; ignores secondaries, init containers and other images", async () => {
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([], [])), [
            'container "ss" keeps /var/lib/xroad (backups, message-log archives) in the container filesystem: it is lost on restart',
        ]);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([{ name: "tmp", mountPath: "/var/lib/xroad" }], [{ name: "tmp", emptyDir: {} }])), ['container "ss" mounts /var/lib/xroad from volume "tmp", which is not a persistent volume claim']);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([], [], { role: "secondary" })), []);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([], [], { role: "x" }, "niis/xroad-security-server-sidecar:7.8.0-slim-secondary-fi")), []);
        assert.deepEqual(await (0, harness_1.messages)(archives_1.archiveVolumePersistent, pod([], [], { role: "x" }, "nginx:1")), []);
    });
});
