import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";

/** The stream the Container Insights agent sends: inventory, performance, events and ContainerLogV2. */
const CONTAINER_INSIGHTS_STREAM = "Microsoft-ContainerInsights-Group-Default";

export interface ContainerInsightsArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    clusterId: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * The data collection rule behind the cluster's monitoring add-on (guide §8). With Entra ID
 * authentication (`useAADAuth`) the agent collects only what a rule associated with the cluster
 * tells it to; the Azure CLI creates this rule implicitly, an ARM deployment has to declare it.
 */
export class ContainerInsights extends pulumi.ComponentResource {
    readonly rule: monitor.DataCollectionRule;

    constructor(name: string, args: ContainerInsightsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ContainerInsights", name, {}, opts);
        const destination = "workspace";
        this.rule = new monitor.DataCollectionRule(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "Linux",
                description: "Container Insights of the X-Road Sidecar cluster",
                dataSources: {
                    extensions: [
                        {
                            name: "ContainerInsightsExtension",
                            extensionName: "ContainerInsights",
                            streams: [CONTAINER_INSIGHTS_STREAM],
                            extensionSettings: {
                                dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true },
                            },
                        },
                    ],
                },
                destinations: { logAnalytics: [{ name: destination, workspaceResourceId: args.workspaceId }] },
                dataFlows: [{ streams: [CONTAINER_INSIGHTS_STREAM], destinations: [destination] }],
                tags: args.tags,
            },
            { parent: this },
        );
        new monitor.DataCollectionRuleAssociation(
            name,
            {
                associationName: "ContainerInsightsExtension",
                resourceUri: args.clusterId,
                dataCollectionRuleId: this.rule.id,
                description: "Routes the monitoring add-on's data to the stack's Log Analytics workspace",
            },
            { parent: this },
        );
        this.registerOutputs({ ruleId: this.rule.id });
    }
}
