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
exports.ArchiverRole = void 0;
exports.instanceArchivePrefix = instanceArchivePrefix;
const pulumi = __importStar(require("@pulumi/pulumi"));
const irsa_role_1 = require("./irsa-role");
const policy_document_1 = require("./policy-document");
const archiver_1 = require("../../policy/xroad/archiver");
/** The key prefix of one instance's archives: `<archive prefix>/<instance name>`. */
function instanceArchivePrefix(archivePrefix, instanceName) {
    return `${archivePrefix}/${instanceName}`;
}
/**
 * What the archiver may do: write (and finish multipart uploads of) objects under its prefix, list only
 * that prefix so `aws s3 sync` can skip what is there, and use the archive key only through S3. No
 * read, no delete: a compromised Sidecar cannot erase or read back the archive.
 */
function archiverPolicy(bucketArn, prefix, kmsKeyArn, region) {
    return (0, policy_document_1.policyDocument)([
        {
            Sid: "WriteUnderOwnPrefix",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            Resource: pulumi.interpolate `${bucketArn}/${prefix}/*`,
        },
        {
            Sid: "ListOwnPrefix",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:ListBucketMultipartUploads"],
            Resource: bucketArn,
            Condition: { StringLike: { "s3:prefix": [`${prefix}/`, `${prefix}/*`] } },
        },
        {
            Sid: "ArchiveKeyThroughS3",
            Effect: "Allow",
            // Decrypt is needed to complete a multipart upload encrypted with SSE-KMS.
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
    ]);
}
/** The IRSA role of one instance's archiver ServiceAccount (guide §10). */
class ArchiverRole extends pulumi.ComponentResource {
    arn;
    prefix;
    constructor(name, args, opts) {
        super("xroad:aws:ArchiverRole", name, {}, opts);
        this.prefix = args.prefix;
        const role = new irsa_role_1.IrsaRole(name, {
            description: `Message-log archiver of ${args.instanceName} in ${args.clusterName}`,
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuer: args.oidcIssuer,
            namespace: args.namespace,
            serviceAccount: archiver_1.ARCHIVER_SERVICE_ACCOUNT,
            inlinePolicies: { "archive-write": archiverPolicy(args.bucketArn, args.prefix, args.kmsKeyArn, args.region) },
        }, { parent: this });
        this.arn = role.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
exports.ArchiverRole = ArchiverRole;
