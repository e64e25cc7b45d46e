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
exports.NotificationTopic = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const policy_document_1 = require("./policy-document");
/** The SNS topic name of a cluster's alerts. */
function alertTopicName(clusterName) {
    return `${clusterName}-alerts`;
}
/**
 * The stack's one notification target (guide §8, issue 16): an SNS topic encrypted with the project's alerts
 * key, which CloudWatch alarms and EventBridge rules (GuardDuty findings) of this account may publish to, with
 * the email and HTTPS receivers from config. Email receivers must confirm the subscription AWS mails them.
 */
class NotificationTopic extends pulumi.ComponentResource {
    topic;
    topicArn;
    constructor(name, args, opts) {
        super("xroad:aws:NotificationTopic", name, {}, opts);
        this.topic = new aws.sns.Topic(name, {
            name: alertTopicName(args.clusterName),
            displayName: `X-Road Sidecar alerts (${args.clusterName})`,
            kmsMasterKeyId: args.kmsKeyArn,
        }, { parent: this });
        this.topicArn = this.topic.arn;
        new aws.sns.TopicPolicy(name, {
            arn: this.topic.arn,
            policy: (0, policy_document_1.policyDocument)([
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
        }, { parent: this });
        args.emails.forEach((email, i) => new aws.sns.TopicSubscription(`${name}-email-${i}`, { topic: this.topic.arn, protocol: "email", endpoint: email }, { parent: this }));
        args.webhooks.forEach((url, i) => new aws.sns.TopicSubscription(`${name}-webhook-${i}`, { topic: this.topic.arn, protocol: "https", endpoint: pulumi.secret(url), endpointAutoConfirms: false }, { parent: this }));
        this.registerOutputs({ topicArn: this.topic.arn, receivers: args.emails.length + args.webhooks.length });
    }
}
exports.NotificationTopic = NotificationTopic;
