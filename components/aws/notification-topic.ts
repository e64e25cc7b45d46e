import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument } from "./policy-document";

export interface NotificationTopicArgs {
    clusterName: string;
    /** The alerts key: its policy lets CloudWatch alarms and EventBridge use it (encryption-keys.ts). */
    kmsKeyArn: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    emails: string[];
    /** HTTPS endpoints, Pulumi secrets (their URLs carry tokens). */
    webhooks: pulumi.Input<string>[];
}

/** The SNS topic name of a cluster's alerts. */
function alertTopicName(clusterName: string): string {
    return `${clusterName}-alerts`;
}

/**
 * The stack's one notification target (guide §8, issue 16): an SNS topic encrypted with the project's alerts
 * key, which CloudWatch alarms and EventBridge rules (GuardDuty findings) of this account may publish to, with
 * the email and HTTPS receivers from config. Email receivers must confirm the subscription AWS mails them.
 */
export class NotificationTopic extends pulumi.ComponentResource {
    readonly topic: aws.sns.Topic;
    readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: NotificationTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:NotificationTopic", name, {}, opts);
        this.topic = new aws.sns.Topic(
            name,
            {
                name: alertTopicName(args.clusterName),
                displayName: `X-Road Sidecar alerts (${args.clusterName})`,
                kmsMasterKeyId: args.kmsKeyArn,
            },
            { parent: this },
        );
        this.topicArn = this.topic.arn;
        new aws.sns.TopicPolicy(
            name,
            {
                arn: this.topic.arn,
                policy: policyDocument([
                    {
                        Sid: "AlarmsAndRulesOfThisAccountPublish",
                        Effect: "Allow",
                        Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] },
                        Action: "sns:Publish",
                        Resource: this.topic.arn,
                        Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
                    },
                    {
                        Sid: "TlsOnly",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "sns:Publish",
                        Resource: this.topic.arn,
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ]),
            },
            { parent: this },
        );
        args.emails.forEach(
            (email, i) =>
                new aws.sns.TopicSubscription(
                    `${name}-email-${i}`,
                    { topic: this.topic.arn, protocol: "email", endpoint: email },
                    { parent: this },
                ),
        );
        args.webhooks.forEach(
            (url, i) =>
                new aws.sns.TopicSubscription(
                    `${name}-webhook-${i}`,
                    { topic: this.topic.arn, protocol: "https", endpoint: pulumi.secret(url), endpointAutoConfirms: false },
                    { parent: this },
                ),
        );
        this.registerOutputs({ topicArn: this.topic.arn, receivers: args.emails.length + args.webhooks.length });
    }
}
