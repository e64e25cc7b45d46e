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

export interface EncryptionKeysArgs {
    /** Prefix of the key aliases: `alias/<aliasPrefix>/<purpose>`. Unique per stack, so a re-created stack never collides with keys pending deletion. */
    aliasPrefix: string;
    region: string;
    accountId: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    /** Keys survive `pulumi destroy` (and protect against it) when true: without them the data they encrypt is lost. */
    protectData: boolean;
}

/**
 * The key policy of one key. The account statement delegates use to IAM policies (the roles that need a
 * key are granted it there, per key); the logs key also lets CloudWatch Logs use it, but only for log
 * groups of this account and region.
 */
export function keyPolicyStatements(
    purpose: KeyPurpose,
    region: string,
    accountId: pulumi.Input<string>,
    partition: pulumi.Input<string>,
): pulumi.Input<PolicyStatement>[] {
    const statements: pulumi.Input<PolicyStatement>[] = [
        {
            Sid: "AccountAdministersThroughIam",
            Effect: "Allow",
            Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        },
    ];
    if (purpose === "logs") {
        statements.push({
            Sid: "CloudWatchLogsOfThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnLike: {
                    "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:*`,
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
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
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
                    policy: policyDocument(keyPolicyStatements(purpose, args.region, args.accountId, args.partition)),
                },
                { parent: this, protect: args.protectData, retainOnDelete: args.protectData },
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
