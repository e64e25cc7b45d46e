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
exports.ArchiveBucket = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const policy_document_1 = require("./policy-document");
const MIN_TLS_VERSION = 1.2;
/** Uploads that never completed are removed after this many days; they hold data nobody can list. */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;
/** The S3 condition keys of the encryption headers a PutObject or CreateMultipartUpload may carry. */
const SSE_HEADER = "s3:x-amz-server-side-encryption";
const SSE_KMS_KEY_HEADER = "s3:x-amz-server-side-encryption-aws-kms-key-id";
/**
 * The bucket policy: refuse any request without TLS or with TLS below 1.2, and any upload that asks for
 * another encryption than SSE-KMS or another KMS key than the archive key.
 *
 * The encryption statements deny only an explicit, non-matching header (`Null … false` AND
 * `StringNotEquals`). UploadPart and CompleteMultipartUpload are authorised as `s3:PutObject` but never
 * carry the SSE headers (only CreateMultipartUpload does), so an `…IfExists` operator, which is true when the
 * key is absent, denied every multipart upload: every file over the CLI's 8 MiB threshold, such as the
 * 32 MiB message-log archives (review aws.md A2; IAM user guide, "…IfExists condition operators").
 * A request without the headers is encrypted by the bucket default, SSE-KMS under the same key.
 */
function archiveBucketPolicy(bucketArn, kmsKeyArn) {
    const everything = [bucketArn, pulumi.interpolate `${bucketArn}/*`];
    return (0, policy_document_1.policyDocument)([
        {
            Sid: "DenyWithoutTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyTlsBelow12",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { NumericLessThan: { "s3:TlsVersion": String(MIN_TLS_VERSION) } },
        },
        {
            Sid: "DenyOtherEncryption",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: pulumi.interpolate `${bucketArn}/*`,
            Condition: { Null: { [SSE_HEADER]: "false" }, StringNotEquals: { [SSE_HEADER]: "aws:kms" } },
        },
        {
            Sid: "DenyOtherKmsKeys",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: pulumi.interpolate `${bucketArn}/*`,
            Condition: { Null: { [SSE_KMS_KEY_HEADER]: "false" }, StringNotEquals: { [SSE_KMS_KEY_HEADER]: kmsKeyArn } },
        },
    ]);
}
/**
 * The message-log archive (guide §10): SSE-KMS with our key and a bucket key, versioning, every public
 * access block, bucket-owner-enforced ownership (no ACLs), a TLS-only policy, lifecycle from config and
 * optional Object Lock for write-once retention.
 */
class ArchiveBucket extends pulumi.ComponentResource {
    bucket;
    bucketName;
    bucketArn;
    constructor(name, args, opts) {
        super("xroad:aws:ArchiveBucket", name, {}, opts);
        const { archive } = args;
        this.bucket = new aws.s3.Bucket(name, {
            bucketPrefix: `${args.clusterName
                .toLowerCase()
                .replace(/[^a-z0-9-]/g, "-")
                .slice(0, 30)}-archive-`,
            // No objectLockEnabled here: it forces a new bucket, so turning Object Lock on later would replace the
            // bucket with every archive in it (review aws B8). BucketObjectLockConfiguration below enables it on
            // new and existing buckets alike.
            forceDestroy: !args.protectData,
            tags: { Purpose: "xroad-message-log-archive" },
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData });
        const bucket = this.bucket.id;
        // What guards the data stays with it: a destroy that keeps the bucket keeps its public access block,
        // TLS-only policy, encryption, versioning, lifecycle and lock too (review aws B7).
        const guard = { parent: this, retainOnDelete: args.protectData };
        const publicAccess = new aws.s3.BucketPublicAccessBlock(name, {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, guard);
        new aws.s3.BucketOwnershipControls(name, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, guard);
        new aws.s3.BucketServerSideEncryptionConfiguration(name, {
            bucket,
            rules: [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                    bucketKeyEnabled: true,
                },
            ],
        }, guard);
        const versioning = new aws.s3.BucketVersioning(name, { bucket, versioningConfiguration: { status: "Enabled" } }, guard);
        new aws.s3.BucketPolicy(name, { bucket, policy: archiveBucketPolicy(this.bucket.arn, args.kmsKeyArn) }, { ...guard, dependsOn: [publicAccess] });
        new aws.s3.BucketLifecycleConfiguration(name, {
            bucket,
            rules: [
                {
                    id: "message-log-retention",
                    status: "Enabled",
                    filter: { prefix: `${archive.prefix}/` },
                    transitions: [{ days: archive.transitionToGlacierDays, storageClass: "GLACIER" }],
                    expiration: { days: archive.expirationDays },
                    noncurrentVersionExpiration: { noncurrentDays: archive.noncurrentVersionExpirationDays },
                },
                {
                    id: "abort-incomplete-uploads",
                    status: "Enabled",
                    filter: {},
                    abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
                },
            ],
        }, { ...guard, dependsOn: [versioning] });
        if (archive.objectLock.enabled) {
            new aws.s3.BucketObjectLockConfiguration(name, {
                bucket,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: archive.objectLock.mode, days: archive.objectLock.days } },
            }, { ...guard, dependsOn: [versioning] });
        }
        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}
exports.ArchiveBucket = ArchiveBucket;
