import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { LogGroupKeeping, encryptedLogGroup } from "./log-group";
import { ClusterOidc } from "./irsa-role";
import { addonWithRole } from "./managed-addon";
import { managedPolicyArn } from "./policy-document";

const CLOUDWATCH_AGENT_SERVICE_ACCOUNT = { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" } as const;
/** The log groups Container Insights writes to; the add-on cannot set their retention itself (aws/amazon-cloudwatch-agent-operator#243). */
const CONTAINER_INSIGHTS_LOG_GROUPS = ["application", "dataplane", "host", "performance"] as const;

export function containerInsightsLogGroupName(clusterName: string, group: (typeof CONTAINER_INSIGHTS_LOG_GROUPS)[number]): string {
    return `/aws/containerinsights/${clusterName}/${group}`;
}

export interface MonitoringArgs extends ClusterOidc, LogGroupKeeping {
    clusterName: string;
    partition: pulumi.Input<string>;
    addonVersion?: string;
}

/**
 * Container Insights (guide §8: container, node and cluster metrics and logs) through the
 * `amazon-cloudwatch-observability` add-on with its own IRSA role. Its log groups are created first,
 * with retention and our key, so the agent finds them instead of creating never-expiring ones.
 */
export class Monitoring extends pulumi.ComponentResource {
    readonly addon: aws.eks.Addon;
    readonly logGroups: aws.cloudwatch.LogGroup[];

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Monitoring", name, {}, opts);
        this.logGroups = CONTAINER_INSIGHTS_LOG_GROUPS.map((group) =>
            encryptedLogGroup(
                `${name}-${group}`,
                {
                    logGroupName: containerInsightsLogGroupName(args.clusterName, group),
                    retentionInDays: args.retentionInDays,
                    kmsKeyArn: args.kmsKeyArn,
                    protectData: args.protectData,
                },
                this,
            ),
        );
        this.addon = addonWithRole(
            {
                clusterName: args.clusterName,
                addonName: "amazon-cloudwatch-observability",
                addonVersion: args.addonVersion,
                serviceAccountRole: {
                    description: `CloudWatch agent (Container Insights) of ${args.clusterName}`,
                    oidcProviderArn: args.oidcProviderArn,
                    oidcIssuer: args.oidcIssuer,
                    namespace: CLOUDWATCH_AGENT_SERVICE_ACCOUNT.namespace,
                    serviceAccount: CLOUDWATCH_AGENT_SERVICE_ACCOUNT.name,
                    managedPolicyArns: [managedPolicyArn(args.partition, "CloudWatchAgentServerPolicy")],
                },
            },
            { parent: this, addonName: `${name}-container-insights`, roleName: `${name}-cloudwatch-agent`, dependsOn: this.logGroups },
        ).addon;
        this.registerOutputs({ logGroups: this.logGroups.map((g) => g.name) });
    }
}
