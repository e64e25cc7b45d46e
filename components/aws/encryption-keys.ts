import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PolicyStatement, policyDocument } from "./policy-document";

/** What each customer-managed key protects. One key per purpose, so each grant and audit trail stays narrow. */
export const KEY_PURPOSES = ["secrets", "logs", "ebs", "efs", "archive", "database", "alerts"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

const DESCRIPTIONS: Record<KeyPurpose, string> = {
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
export const KEY_SERVICES: Readonly<Partial<Record<KeyPurpose, string>>> = {
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
export const KEY_ADMINISTRATION_ACTIONS = [
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
] as const;

/** What a principal that may use a key does with it (the AWS managed keys' "allow access through <service>"). */
const KEY_USE_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:CreateGrant",
    "kms:DescribeKey",
] as const;

/** Who the key policies name. */
export interface KeyPrincipals {
    region: string;
    accountId: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    /** The identity that runs `pulumi up` (aws.deployerArn) and any further key administrators (aws.keyAdministratorArns). */
    administratorArns: pulumi.Input<string>[];
    /**
     * AWSServiceRoleForAutoScaling, which must exist when the policy is written (KMS refuses unknown principals):
     * the EBS key lets it launch nodes whose root volumes the key encrypts (review aws A6).
     */
    autoScalingRoleArn: pulumi.Input<string>;
}

export interface EncryptionKeysArgs extends KeyPrincipals {
    /**
     * Prefix of the key aliases: `alias/<aliasPrefix>/<purpose>`. Unique per stack, so a re-created stack never collides with
     * keys pending deletion.
     */
    aliasPrefix: string;
    /** Keys survive `pulumi destroy` (and protect against it) when true: without them the data they encrypt is lost. */
    protectData: boolean;
    /** Resources the key policies wait for: the Auto Scaling service-linked role when the stack creates it. */
    principalsReady?: pulumi.Resource[];
}

/**
 * The key policy of one key (review aws B9): the deployer administers it without using it; the account's root
 * user keeps administration as a break-glass (an IAM principal of the account does not: no `kms:*` for the
 * account). Use is granted per purpose: through the key's AWS service for the data keys, directly to IAM for
 * the secrets key (the EKS control-plane role), to CloudWatch Logs for this account's log groups for the logs
 * key, and to EC2 Auto Scaling's service-linked role for the EBS key (review aws A6).
 */
function keyPolicyStatements(purpose: KeyPurpose, principals: KeyPrincipals): pulumi.Input<PolicyStatement>[] {
    const account = pulumi.interpolate`arn:${principals.partition}:iam::${principals.accountId}:root`;
    const statements: pulumi.Input<PolicyStatement>[] = [
        {
            Sid: "AdministratorsAdminister",
            Effect: "Allow",
            Principal: { AWS: principals.administratorArns },
            Action: [...KEY_ADMINISTRATION_ACTIONS],
            Resource: "*",
        },
        {
            // The root user only (aws:PrincipalType Account), not every IAM principal the account delegates to.
            Sid: "RootUserBreakGlass",
            Effect: "Allow",
            Principal: { AWS: account },
            Action: [...KEY_ADMINISTRATION_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalType": "Account" } },
        },
    ];
    const service = KEY_SERVICES[purpose];
    if (service) {
        statements.push({
            Sid: "UseThroughService",
            Effect: "Allow",
            Principal: { AWS: account },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
            Condition: {
                StringEquals: {
                    "kms:ViaService": `${service}.${principals.region}.amazonaws.com`,
                    "kms:CallerAccount": principals.accountId,
                },
            },
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
        statements.push(
            {
                Sid: "AutoScalingLaunchesEncryptedNodes",
                Effect: "Allow",
                Principal: { AWS: principals.autoScalingRoleArn },
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
            },
            {
                Sid: "AutoScalingGrantsForAttachedVolumes",
                Effect: "Allow",
                Principal: { AWS: principals.autoScalingRoleArn },
                Action: "kms:CreateGrant",
                Resource: "*",
                Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
            },
        );
    }
    if (purpose === "logs") {
        statements.push({
            Sid: "CloudWatchLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${principals.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${principals.partition}:logs:${principals.region}:${principals.accountId}:log-group:*`,
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
            Condition: { StringEquals: { "aws:SourceAccount": principals.accountId } },
        });
    }
    return statements;
}

/**
 * Customer-managed KMS keys with yearly rotation, one per purpose. Kept on destroy when data is
 * protected, with the longest deletion window otherwise.
 */
export class EncryptionKeys extends pulumi.ComponentResource {
    readonly keys: Record<KeyPurpose, aws.kms.Key>;
    readonly arns: Record<KeyPurpose, pulumi.Output<string>>;

    constructor(name: string, args: EncryptionKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:EncryptionKeys", name, {}, opts);
        const keys = {} as Record<KeyPurpose, aws.kms.Key>;
        const arns = {} as Record<KeyPurpose, pulumi.Output<string>>;
        for (const purpose of KEY_PURPOSES) {
            const key = new aws.kms.Key(
                `${name}-${purpose}`,
                {
                    description: `${args.aliasPrefix}: ${DESCRIPTIONS[purpose]}`,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: 30,
                    policy: policyDocument(keyPolicyStatements(purpose, args)),
                },
                { parent: this, protect: args.protectData, retainOnDelete: args.protectData, dependsOn: args.principalsReady },
            );
            new aws.kms.Alias(
                `${name}-${purpose}`,
                { name: `alias/${args.aliasPrefix}/${purpose}`, targetKeyId: key.keyId },
                { parent: this },
            );
            keys[purpose] = key;
            arns[purpose] = key.arn;
        }
        this.keys = keys;
        this.arns = arns;
        this.registerOutputs({ arns });
    }
}
