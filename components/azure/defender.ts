import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import * as security from "@pulumi/azure-native/security";
import { ThreatDetectionMode } from "../../config/alerts";
import { detection } from "../../policy/xroad/detections";

export interface DefenderArgs {
    /** `create` or `existing`; `off` creates nothing (the platform does not construct this component). */
    mode: Exclude<ThreatDetectionMode, "off">;
    subscriptionId: pulumi.Input<string>;
    resourceGroupName: pulumi.Input<string>;
    actionGroupId: pulumi.Input<string>;
    namePrefix: string;
    tags: Record<string, string>;
}

/**
 * guide §8, issue 16 point 3 on Azure: Microsoft Defender for Containers. `create` turns on the subscription's
 * Containers plan with the Defender sensor (the cluster's security profile points the sensor at the stack's
 * workspace, cluster.ts); the plan is subscription-wide, so destroying the stack leaves it on for whoever else
 * relies on it (retainOnDelete). `existing` declares that the organisation runs it and changes nothing there.
 * Either way Defender's alerts, which it writes to the subscription's activity log under the Security
 * category, reach the stack's action group.
 */
export class Defender extends pulumi.ComponentResource {
    readonly pricing?: security.Pricing;
    readonly findingsAlert: monitor.ActivityLogAlert;

    constructor(name: string, args: DefenderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Defender", name, {}, opts);
        const subscriptionScope = pulumi.interpolate`/subscriptions/${args.subscriptionId}`;
        if (args.mode === "create") {
            this.pricing = new security.Pricing(
                name,
                {
                    pricingName: "Containers",
                    pricingTier: "Standard",
                    scopeId: subscriptionScope,
                    extensions: [{ name: "ContainerSensor", isEnabled: "True" }],
                },
                { parent: this, retainOnDelete: true },
            );
        }
        const finding = detection("threat-finding");
        this.findingsAlert = new monitor.ActivityLogAlert(
            `${name}-findings`,
            {
                resourceGroupName: args.resourceGroupName,
                activityLogAlertName: `${args.namePrefix}-${finding.id}`,
                location: "Global",
                enabled: true,
                description: `${finding.title}: Defender for Cloud security alerts of the subscription. Runbook: ${finding.runbook}`,
                scopes: [subscriptionScope],
                condition: { allOf: [{ field: "category", equals: "Security" }] },
                actions: { actionGroups: [{ actionGroupId: args.actionGroupId }] },
                tags: args.tags,
            },
            { parent: this, dependsOn: this.pricing ? [this.pricing] : [] },
        );
        this.registerOutputs({ mode: args.mode, findingsAlert: this.findingsAlert.name });
    }
}
