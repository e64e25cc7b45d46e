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
exports.FlowLogs = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const policy_document_1 = require("./policy-document");
function flowLogGroupName(clusterName) {
    return `/aws/vpc/${clusterName}/flow-logs`;
}
/**
 * VPC flow logs of accepted and rejected traffic (guide §8: node network activity that does not match
 * the workload can be a security event), into a log group with retention and our key. The delivery role
 * may write only that group, and only on behalf of this account.
 */
class FlowLogs extends pulumi.ComponentResource {
    logGroup;
    constructor(name, args, opts) {
        super("xroad:aws:FlowLogs", name, {}, opts);
        this.logGroup = new aws.cloudwatch.LogGroup(name, {
            name: flowLogGroupName(args.clusterName),
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.logsKeyArn,
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData });
        const role = new aws.iam.Role(name, {
            description: `VPC flow log delivery of ${args.clusterName}`,
            assumeRolePolicy: (0, policy_document_1.policyDocument)([
                {
                    Effect: "Allow",
                    Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
                },
            ]),
        }, { parent: this });
        const delivery = new aws.iam.RolePolicy(`${name}-delivery`, {
            role: role.name,
            name: "flow-log-delivery",
            policy: (0, policy_document_1.policyDocument)([
                {
                    Sid: "WriteFlowLogGroup",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [this.logGroup.arn, pulumi.interpolate `${this.logGroup.arn}:*`],
                },
            ]),
        }, { parent: this });
        new aws.ec2.FlowLog(name, {
            vpcId: args.vpcId,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: this.logGroup.arn,
            iamRoleArn: role.arn,
            maxAggregationInterval: 60,
        }, { parent: this, dependsOn: [delivery] });
        this.registerOutputs({ logGroupName: this.logGroup.name });
    }
}
exports.FlowLogs = FlowLogs;
