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
exports.EncryptionKeys = exports.KEY_ADMINISTRATION_ACTIONS = exports.KEY_SERVICES = exports.KEY_PURPOSES = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const policy_document_1 = require("./policy-document");
/** What each customer-managed key protects. One key per purpose, so each grant and audit trail stays narrow. */
exports.KEY_PURPOSES = ["secrets", "logs", "ebs", "efs", "archive", "database", "alerts"];
const DESCRIPTIONS = {
    secrets: "EKS envelope encryption of Kubernetes Secrets",
    logs: "CloudWatch Logs: EKS control-plane and Container Insights log groups",
    ebs: "EBS volumes of the Sidecar's configuration and local database",
    efs: "EFS file system for /var/lib/xroad (backups, message-log archives)",
    archive: "S3 message-log archive bucket",
    database: "RDS PostgreSQL storage, snapshots and backups",
    alerts: "SNS topic of the stack's alerts (CloudWatch alarms, GuardDuty findings)",
};
/**
 * The AWS service each data key is used through (`kms:ViaService`), as in the AWS managed keys' own policies
 * (aws/ebs, aws/elasticfilesystem, aws/s3, aws/rds): a principal of the account may use the key only through
 * that service, never with a direct kms:Decrypt (review aws B9). The secrets key is used directly by the EKS
 * control-plane role, the logs key only by CloudWatch Logs.
 */
exports.KEY_SERVICES = {
    ebs: "ec2",
    efs: "elasticfilesystem",
    archive: "s3",
    database: "rds",
    alerts: "sns",
};
/**
 * What a key administrator may do: manage, rotate, tag and schedule deletion, but not encrypt, decrypt or
 * create grants (the key-administrators statement of the KMS default console policy, without kms:Create*,
 * which would include CreateGrant). A policy change that grants use is a visible PutKeyPolicy in CloudTrail.
 */
exports.KEY_ADMINISTRATION_ACTIONS = [
    "kms:CreateAlias",
    "kms:UpdateAlias",
    "kms:DeleteAlias",
    "kms:Describe*",
    "kms:Get*",
    "kms:List*",
    "kms:PutKeyPolicy",
    "kms:EnableKey",
    "kms:DisableKey",
    "kms:EnableKeyRotation",
    "kms:DisableKeyRotation",
    "kms:RotateKeyOnDemand",
    "kms:UpdateKeyDescription",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RevokeGrant",
    "kms:RetireGrant",
];
/** What a principal that may use a key does with it (the AWS managed keys' "allow access through <service>"). */
const KEY_USE_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:CreateGrant",
    "kms:DescribeKey",
];
/**
 * The key policy of one key (review aws B9): the deployer administers it without using it; the account's root
 * user keeps administration as a break-glass (an IAM principal of the account does not: no `kms:*` for the
 * account). Use is granted per purpose: through the key's AWS service for the data keys, directly to IAM for
 * the secrets key (the EKS control-plane role), to CloudWatch Logs for this account's log groups for the logs
 * key, and to EC2 Auto Scaling's service-linked role for the EBS key (review aws A6).
 */
function keyPolicyStatements(purpose, p) {
    const account = pulumi.interpolate `arn:${p.partition}:iam::${p.accountId}:root`;
    const statements = [
        {
            Sid: "AdministratorsAdminister",
            Effect: "Allow",
            Principal: { AWS: p.administratorArns },
            Action: [...exports.KEY_ADMINISTRATION_ACTIONS],
            Resource: "*",
        },
        {
            // The root user only (aws:PrincipalType Account), not every IAM principal the account delegates to.
            Sid: "RootUserBreakGlass",
            Effect: "Allow",
            Principal: { AWS: account },
            Action: [...exports.KEY_ADMINISTRATION_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalType": "Account" } },
        },
    ];
    const service = exports.KEY_SERVICES[purpose];
    if (service) {
        statements.push({
            Sid: "UseThroughService",
            Effect: "Allow",
            Principal: { AWS: account },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": `${service}.${p.region}.amazonaws.com`, "kms:CallerAccount": p.accountId } },
        });
    }
    if (purpose === "secrets") {
        // EKS calls KMS with the control-plane role (its inline policy names this key), and with the creator's
        // credentials for the grant it makes at CreateCluster: IAM decides who, this key serves nothing else.
        statements.push({
            Sid: "UseThroughIam",
            Effect: "Allow",
            Principal: { AWS: account },
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:CreateGrant", "kms:DescribeKey"],
            Resource: "*",
        });
    }
    if (purpose === "ebs") {
        // EC2 Auto Scaling user guide, "Required AWS KMS key policy for use with encrypted volumes".
        statements.push({
            Sid: "AutoScalingLaunchesEncryptedNodes",
            Effect: "Allow",
            Principal: { AWS: p.autoScalingRoleArn },
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
        }, {
            Sid: "AutoScalingGrantsForAttachedVolumes",
            Effect: "Allow",
            Principal: { AWS: p.autoScalingRoleArn },
            Action: "kms:CreateGrant",
            Resource: "*",
            Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
        });
    }
    if (purpose === "logs") {
        statements.push({
            Sid: "CloudWatchLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${p.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate `arn:${p.partition}:logs:${p.region}:${p.accountId}:log-group:*`,
                },
            },
        });
    }
    if (purpose === "alerts") {
        // An encrypted SNS topic only receives what its publishers can encrypt: CloudWatch alarms and EventBridge
        // (which carries the GuardDuty findings) need the data key, for this account only (SNS developer guide,
        // "Enable compatibility between event sources from AWS services and encrypted topics").
        statements.push({
            Sid: "AlarmsAndEventRulesOfThisAccountPublish",
            Effect: "Allow",
            Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": p.accountId } },
        });
    }
    return statements;
}
/**
 * Customer-managed KMS keys with yearly rotation, one per purpose. Kept on destroy when data is
 * protected, with the longest deletion window otherwise.
 */
class EncryptionKeys extends pulumi.ComponentResource {
    keys;
    arns;
    constructor(name, args, opts) {
        super("xroad:aws:EncryptionKeys", name, {}, opts);
        const keys = {};
        const arns = {};
        for (const purpose of exports.KEY_PURPOSES) {
            const key = new aws.kms.Key(`${name}-${purpose}`, {
                description: `${args.aliasPrefix}: ${DESCRIPTIONS[purpose]}`,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                enableKeyRotation: true,
                rotationPeriodInDays: 365,
                deletionWindowInDays: 30,
                policy: (0, policy_document_1.policyDocument)(keyPolicyStatements(purpose, args)),
            }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData, dependsOn: args.principalsReady });
            new aws.kms.Alias(`${name}-${purpose}`, { name: `alias/${args.aliasPrefix}/${purpose}`, targetKeyId: key.keyId }, { parent: this });
            keys[purpose] = key;
            arns[purpose] = key.arn;
        }
        this.keys = keys;
        this.arns = arns;
        this.registerOutputs({ arns });
    }
}
exports.EncryptionKeys = EncryptionKeys;
