import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { LogGroupKeeping, encryptedLogGroup } from "./log-group";
import { policyDocument } from "./policy-document";

function flowLogGroupName(clusterName: string): string {
    return `/aws/vpc/${clusterName}/flow-logs`;
}

export interface FlowLogsArgs extends LogGroupKeeping {
    clusterName: string;
    vpcId: pulumi.Input<string>;
    accountId: pulumi.Input<string>;
}

/**
 * VPC flow logs of accepted and rejected traffic (guide §8: node network activity that does not match
 * the workload can be a security event), into a log group with retention and our key. The delivery role
 * may write only that group, and only on behalf of this account.
 */
export class FlowLogs extends pulumi.ComponentResource {
    readonly logGroup: aws.cloudwatch.LogGroup;

    constructor(name: string, args: FlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:FlowLogs", name, {}, opts);
        this.logGroup = encryptedLogGroup(
            name,
            {
                logGroupName: flowLogGroupName(args.clusterName),
                retentionInDays: args.retentionInDays,
                kmsKeyArn: args.kmsKeyArn,
                protectData: args.protectData,
            },
            this,
        );
        const role = new aws.iam.Role(
            name,
            {
                description: `VPC flow log delivery of ${args.clusterName}`,
                assumeRolePolicy: policyDocument([
                    {
                        Effect: "Allow",
                        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
                    },
                ]),
            },
            { parent: this },
        );
        const delivery = new aws.iam.RolePolicy(
            `${name}-delivery`,
            {
                role: role.name,
                name: "flow-log-delivery",
                policy: policyDocument([
                    {
                        Sid: "WriteFlowLogGroup",
                        Effect: "Allow",
                        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                        Resource: [this.logGroup.arn, pulumi.interpolate`${this.logGroup.arn}:*`],
                    },
                ]),
            },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            name,
            {
                vpcId: args.vpcId,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: this.logGroup.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
            },
            { parent: this, dependsOn: [delivery] },
        );
        this.registerOutputs({ logGroupName: this.logGroup.name });
    }
}
