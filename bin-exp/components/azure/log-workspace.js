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
exports.LogWorkspace = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const operationalinsights = __importStar(require("@pulumi/azure-native/operationalinsights"));
/**
 * The Log Analytics workspace that receives the cluster's control-plane logs and Container Insights
 * data (guide §8). Local (shared-key) ingestion is disabled: the monitoring agent authenticates with
 * Entra ID (`useAADAuth`), so no workspace key exists that could leak.
 */
class LogWorkspace extends pulumi.ComponentResource {
    workspace;
    constructor(name, args, opts) {
        super("xroad:azure:LogWorkspace", name, {}, opts);
        this.workspace = new operationalinsights.Workspace(name, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            sku: { name: "PerGB2018" },
            retentionInDays: args.retentionDays,
            features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
            tags: args.tags,
        }, { parent: this });
        this.registerOutputs({ workspaceId: this.workspace.id, retentionDays: args.retentionDays });
    }
}
exports.LogWorkspace = LogWorkspace;
