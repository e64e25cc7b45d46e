import * as pulumi from "@pulumi/pulumi";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";

export interface LogWorkspaceArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** How long control-plane logs and Container Insights data are kept (guide §8: auditors ask for it). */
    retentionDays: number;
    tags: Record<string, string>;
}

/**
 * The Log Analytics workspace that receives the cluster's control-plane logs and Container Insights
 * data (guide §8). Local (shared-key) ingestion is disabled: the monitoring agent authenticates with
 * Entra ID (`useAADAuth`), so no workspace key exists that could leak.
 */
export class LogWorkspace extends pulumi.ComponentResource {
    readonly workspace: operationalinsights.Workspace;

    constructor(name: string, args: LogWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:LogWorkspace", name, {}, opts);
        this.workspace = new operationalinsights.Workspace(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: "PerGB2018" },
                retentionInDays: args.retentionDays,
                features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
                tags: args.tags,
            },
            { parent: this },
        );
        this.registerOutputs({ workspaceId: this.workspace.id, retentionDays: args.retentionDays });
    }
}
