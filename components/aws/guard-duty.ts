import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ThreatDetectionMode } from "../../config/alerts";
import { detection } from "../../policy/xroad/detections";
import { policyDocument } from "./policy-document";
import { ManagedAddon } from "./managed-addon";

export interface GuardDutyArgs {
    /** `create` or `existing`; `off` creates nothing (the platform does not construct this component). */
    mode: Exclude<ThreatDetectionMode, "off">;
    clusterName: string;
    region: string;
    accountId: pulumi.Input<string>;
    vpcId: pulumi.Input<string>;
    vpcCidr: string;
    privateSubnetIds: pulumi.Input<string>[];
    /** The GuardDuty security agent's pinned version (release block, `aws-guardduty-agent`). */
    agentVersion?: string;
    /** Findings of at least this GuardDuty severity (1-8.9) are sent on. */
    minimumSeverity: number;
    topicArn: pulumi.Input<string>;
    /** The agent is a DaemonSet: its add-on waits for the nodes. */
    nodeGroup: pulumi.Resource;
}

/**
 * guide §8, issue 16 point 3 on AWS: GuardDuty. `create` enables the region's detector with EKS audit-log
 * protection and Runtime Monitoring, and installs the security agent as an EKS add-on pinned in the release
 * block. The agent is managed here, not by GuardDuty (EKS_ADDON_MANAGEMENT disabled), so a promotion moves it
 * with every other add-on; manual management needs the `guardduty-data` VPC endpoint the agent reports through
 * (GuardDuty user guide, "Managing the security agent manually for Amazon EKS"). `existing` declares that the
 * organisation runs GuardDuty (often from a delegated administrator account): nothing is changed there. In
 * both modes an EventBridge rule sends the findings to the stack's topic. The detector is account- and
 * region-wide: it is kept when the stack is destroyed (retainOnDelete), since others may rely on it.
 */
export class GuardDuty extends pulumi.ComponentResource {
    readonly detector?: aws.guardduty.Detector;
    readonly findingsRule: aws.cloudwatch.EventRule;

    constructor(name: string, args: GuardDutyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:GuardDuty", name, {}, opts);
        if (args.mode === "create") {
            this.detector = new aws.guardduty.Detector(
                name,
                { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" },
                { parent: this, retainOnDelete: true },
            );
            new aws.guardduty.DetectorFeature(
                `${name}-eks-audit-logs`,
                { detectorId: this.detector.id, name: "EKS_AUDIT_LOGS", status: "ENABLED" },
                { parent: this, retainOnDelete: true },
            );
            const runtime = new aws.guardduty.DetectorFeature(
                `${name}-runtime-monitoring`,
                {
                    detectorId: this.detector.id,
                    name: "RUNTIME_MONITORING",
                    status: "ENABLED",
                    additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" }],
                },
                { parent: this, retainOnDelete: true },
            );
            const endpointGroup = new aws.ec2.SecurityGroup(
                `${name}-endpoint`,
                {
                    vpcId: args.vpcId,
                    description: "GuardDuty runtime agent to the guardduty-data endpoint (HTTPS from the VPC)",
                    ingress: [
                        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.vpcCidr], description: "agent to GuardDuty" },
                    ],
                    tags: { Name: `${args.clusterName}-guardduty-endpoint` },
                },
                { parent: this },
            );
            const endpoint = new aws.ec2.VpcEndpoint(
                `${name}-data`,
                {
                    vpcId: args.vpcId,
                    serviceName: `com.amazonaws.${args.region}.guardduty-data`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: args.privateSubnetIds,
                    securityGroupIds: [endpointGroup.id],
                    // Only this account's principals may send runtime events through it (GuardDuty's documented endpoint policy).
                    policy: policyDocument([
                        { Sid: "ThisAccountOnly", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" },
                        {
                            Sid: "DenyOtherAccounts",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "*",
                            Resource: "*",
                            Condition: { StringNotEquals: { "aws:PrincipalAccount": args.accountId } },
                        },
                    ]),
                    tags: { Name: `${args.clusterName}-guardduty-data` },
                },
                { parent: this },
            );
            new ManagedAddon(
                `${name}-agent`,
                { clusterName: args.clusterName, addonName: "aws-guardduty-agent", addonVersion: args.agentVersion },
                { parent: this, dependsOn: [runtime, endpoint, args.nodeGroup] },
            );
        }
        const finding = detection("threat-finding");
        this.findingsRule = new aws.cloudwatch.EventRule(
            `${name}-findings`,
            {
                name: `${args.clusterName}-guardduty-findings`,
                description:
                    `${finding.title}: GuardDuty findings of severity ${args.minimumSeverity} or more. Runbook: ${finding.runbook}`.slice(
                        0,
                        512,
                    ),
                eventPattern: JSON.stringify({
                    source: ["aws.guardduty"],
                    "detail-type": ["GuardDuty Finding"],
                    detail: { severity: [{ numeric: [">=", args.minimumSeverity] }] },
                }),
            },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(`${name}-findings`, { rule: this.findingsRule.name, arn: args.topicArn }, { parent: this });
        this.registerOutputs({ mode: args.mode, findingsRule: this.findingsRule.name });
    }
}
