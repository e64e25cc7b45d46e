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
exports.Defender = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
const security = __importStar(require("@pulumi/azure-native/security"));
const detections_1 = require("../../policy/xroad/detections");
/**
 * guide §8, issue 16 point 3 on Azure: Microsoft Defender for Containers. `create` turns on the subscription's
 * Containers plan with the Defender sensor (the cluster's security profile points the sensor at the stack's
 * workspace, cluster.ts); the plan is subscription-wide, so destroying the stack leaves it on for whoever else
 * relies on it (retainOnDelete). `existing` declares that the organisation runs it and changes nothing there.
 * Either way Defender's alerts, which it writes to the subscription's activity log under the Security
 * category, reach the stack's action group.
 */
class Defender extends pulumi.ComponentResource {
    pricing;
    findingsAlert;
    constructor(name, args, opts) {
        super("xroad:azure:Defender", name, {}, opts);
        const subscriptionScope = pulumi.interpolate `/subscriptions/${args.subscriptionId}`;
        if (args.mode === "create") {
            this.pricing = new security.Pricing(name, {
                pricingName: "Containers",
                pricingTier: "Standard",
                scopeId: subscriptionScope,
                extensions: [{ name: "ContainerSensor", isEnabled: "True" }],
            }, { parent: this, retainOnDelete: true });
        }
        const finding = (0, detections_1.detection)("threat-finding");
        this.findingsAlert = new monitor.ActivityLogAlert(`${name}-findings`, {
            resourceGroupName: args.resourceGroupName,
            activityLogAlertName: `${args.namePrefix}-${finding.id}`,
            location: "Global",
            enabled: true,
            description: `${finding.title}: Defender for Cloud security alerts of the subscription. Runbook: ${finding.runbook}`,
            scopes: [subscriptionScope],
            condition: { allOf: [{ field: "category", equals: "Security" }] },
            actions: { actionGroups: [{ actionGroupId: args.actionGroupId }] },
            tags: args.tags,
        }, { parent: this, dependsOn: this.pricing ? [this.pricing] : [] });
        this.registerOutputs({ mode: args.mode, findingsAlert: this.findingsAlert.name });
    }
}
exports.Defender = Defender;
