import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";

export interface ActionGroupArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Shown in the messages receivers get, at most 12 characters (Azure Monitor's groupShortName). */
    shortName: string;
    emails: string[];
    /** HTTPS endpoints, Pulumi secrets (their URLs carry tokens). */
    webhooks: pulumi.Input<string>[];
    tags: Record<string, string>;
}

/** Azure Monitor's limit on an action group's short name. */
const ACTION_GROUP_SHORT_NAME_MAX = 12;

/**
 * The stack's one notification target on Azure (guide §8, issue 16): an action group with the email and
 * webhook receivers from config, in the common alert schema so every alert reads the same. Action groups are
 * global resources.
 */
export class AlertActionGroup extends pulumi.ComponentResource {
    readonly group: monitor.ActionGroup;

    constructor(name: string, args: ActionGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:AlertActionGroup", name, {}, opts);
        this.group = new monitor.ActionGroup(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: "Global",
                enabled: true,
                groupShortName: args.shortName.slice(0, ACTION_GROUP_SHORT_NAME_MAX),
                emailReceivers: args.emails.map((emailAddress, i) => ({ name: `email-${i}`, emailAddress, useCommonAlertSchema: true })),
                webhookReceivers: args.webhooks.map((url, i) => ({
                    name: `webhook-${i}`,
                    serviceUri: pulumi.secret(url),
                    useCommonAlertSchema: true,
                })),
                tags: args.tags,
            },
            { parent: this },
        );
        this.registerOutputs({ actionGroupId: this.group.id, receivers: args.emails.length + args.webhooks.length });
    }
}
