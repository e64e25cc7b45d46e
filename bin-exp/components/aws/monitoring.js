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
exports.Monitoring = void 0;
exports.containerInsightsLogGroupName = containerInsightsLogGroupName;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const irsa_role_1 = require("./irsa-role");
const policy_document_1 = require("./policy-document");
const CLOUDWATCH_AGENT_SERVICE_ACCOUNT = { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" };
/** The log groups Container Insights writes to; the add-on cannot set their retention itself (aws/amazon-cloudwatch-agent-operator#243). */
const CONTAINER_INSIGHTS_LOG_GROUPS = ["application", "dataplane", "host", "performance"];
function containerInsightsLogGroupName(clusterName, group) {
    return `/aws/containerinsights/${clusterName}/${group}`;
}
/**
 * Container Insights (guide §8: container, node and cluster metrics and logs) through the
 * `amazon-cloudwatch-observability` add-on with its own IRSA role. Its log groups are created first,
 * with retention and our key, so the agent finds them instead of creating never-expiring ones.
 */
class Monitoring extends pulumi.ComponentResource {
    addon;
    logGroups;
    constructor(name, args, opts) {
        super("xroad:aws:Monitoring", name, {}, opts);
        this.logGroups = CONTAINER_INSIGHTS_LOG_GROUPS.map((group) => new aws.cloudwatch.LogGroup(`${name}-${group}`, {
            name: containerInsightsLogGroupName(args.clusterName, group),
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.logsKeyArn,
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData }));
        const role = new irsa_role_1.IrsaRole(`${name}-cloudwatch-agent`, {
            description: `CloudWatch agent (Container Insights) of ${args.clusterName}`,
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuer: args.oidcIssuer,
            namespace: CLOUDWATCH_AGENT_SERVICE_ACCOUNT.namespace,
            serviceAccount: CLOUDWATCH_AGENT_SERVICE_ACCOUNT.name,
            managedPolicyArns: [(0, policy_document_1.managedPolicyArn)(args.partition, "CloudWatchAgentServerPolicy")],
        }, { parent: this });
        this.addon = new aws.eks.Addon(`${name}-container-insights`, {
            clusterName: args.clusterName,
            addonName: "amazon-cloudwatch-observability",
            addonVersion: args.addonVersion,
            serviceAccountRoleArn: role.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
        }, { parent: this, dependsOn: this.logGroups });
        this.registerOutputs({ logGroups: this.logGroups.map((g) => g.name) });
    }
}
exports.Monitoring = Monitoring;
