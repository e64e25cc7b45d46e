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
exports.GuardDuty = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const detections_1 = require("../../policy/xroad/detections");
const policy_document_1 = require("./policy-document");
const managed_addon_1 = require("./managed-addon");
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
class GuardDuty extends pulumi.ComponentResource {
    detector;
    findingsRule;
    constructor(name, args, opts) {
        super("xroad:aws:GuardDuty", name, {}, opts);
        if (args.mode === "create") {
            this.detector = new aws.guardduty.Detector(name, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }, { parent: this, retainOnDelete: true });
            new aws.guardduty.DetectorFeature(`${name}-eks-audit-logs`, { detectorId: this.detector.id, name: "EKS_AUDIT_LOGS", status: "ENABLED" }, { parent: this, retainOnDelete: true });
            const runtime = new aws.guardduty.DetectorFeature(`${name}-runtime-monitoring`, {
                detectorId: this.detector.id,
                name: "RUNTIME_MONITORING",
                status: "ENABLED",
                additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" }],
            }, { parent: this, retainOnDelete: true });
            const endpointGroup = new aws.ec2.SecurityGroup(`${name}-endpoint`, {
                vpcId: args.vpcId,
                description: "GuardDuty runtime agent to the guardduty-data endpoint (HTTPS from the VPC)",
                ingress: [
                    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.vpcCidr], description: "agent to GuardDuty" },
                ],
                tags: { Name: `${args.clusterName}-guardduty-endpoint` },
            }, { parent: this });
            const endpoint = new aws.ec2.VpcEndpoint(`${name}-data`, {
                vpcId: args.vpcId,
                serviceName: `com.amazonaws.${args.region}.guardduty-data`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds: args.privateSubnetIds,
                securityGroupIds: [endpointGroup.id],
                // Only this account's principals may send runtime events through it (GuardDuty's documented endpoint policy).
                policy: (0, policy_document_1.policyDocument)([
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
            }, { parent: this });
            new managed_addon_1.ManagedAddon(`${name}-agent`, { clusterName: args.clusterName, addonName: "aws-guardduty-agent", addonVersion: args.agentVersion }, { parent: this, dependsOn: [runtime, endpoint, args.nodeGroup] });
        }
        const finding = (0, detections_1.detection)("threat-finding");
        this.findingsRule = new aws.cloudwatch.EventRule(`${name}-findings`, {
            name: `${args.clusterName}-guardduty-findings`,
            description: `${finding.title}: GuardDuty findings of severity ${args.minimumSeverity} or more. Runbook: ${finding.runbook}`.slice(0, 512),
            eventPattern: JSON.stringify({
                source: ["aws.guardduty"],
                "detail-type": ["GuardDuty Finding"],
                detail: { severity: [{ numeric: [">=", args.minimumSeverity] }] },
            }),
        }, { parent: this });
        new aws.cloudwatch.EventTarget(`${name}-findings`, { rule: this.findingsRule.name, arn: args.topicArn }, { parent: this });
        this.registerOutputs({ mode: args.mode, findingsRule: this.findingsRule.name });
    }
}
exports.GuardDuty = GuardDuty;
