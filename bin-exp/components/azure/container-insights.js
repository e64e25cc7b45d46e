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
exports.ContainerInsights = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
/** The stream the Container Insights agent sends: inventory, performance, events and ContainerLogV2. */
const CONTAINER_INSIGHTS_STREAM = "Microsoft-ContainerInsights-Group-Default";
/**
 * The data collection rule behind the cluster's monitoring add-on (guide §8). With Entra ID
 * authentication (`useAADAuth`) the agent collects only what a rule associated with the cluster
 * tells it to; the Azure CLI creates this rule implicitly, an ARM deployment has to declare it.
 */
class ContainerInsights extends pulumi.ComponentResource {
    rule;
    constructor(name, args, opts) {
        super("xroad:azure:ContainerInsights", name, {}, opts);
        const destination = "workspace";
        this.rule = new monitor.DataCollectionRule(name, {
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
        }, { parent: this });
        new monitor.DataCollectionRuleAssociation(name, {
            associationName: "ContainerInsightsExtension",
            resourceUri: args.clusterId,
            dataCollectionRuleId: this.rule.id,
            description: "Routes the monitoring add-on's data to the stack's Log Analytics workspace",
        }, { parent: this });
        this.registerOutputs({ ruleId: this.rule.id });
    }
}
exports.ContainerInsights = ContainerInsights;
