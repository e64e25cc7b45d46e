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
exports.ClusterDiagnostics = void 0;
exports.controlPlaneLogCategories = controlPlaneLogCategories;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
/**
 * The control-plane log categories guide §8 asks for, in their AKS names: the API server log
 * (`api`), the audit log (`audit`) and `guard`, the Entra ID authentication webhook that is the AKS
 * counterpart of the EKS `authenticator`. The controller manager and the cluster autoscaler too, as
 * aks-baseline and AKS-Construction collect them (review azure B5): node scale-ups and evictions are explained there.
 */
function controlPlaneLogCategories(auditCategory) {
    return ["kube-apiserver", auditCategory, "guard", "kube-controller-manager", "cluster-autoscaler"];
}
/** Sends the AKS control-plane logs to the Log Analytics workspace (guide §8). */
class ClusterDiagnostics extends pulumi.ComponentResource {
    setting;
    constructor(name, args, opts) {
        super("xroad:azure:ClusterDiagnostics", name, {}, opts);
        const categories = controlPlaneLogCategories(args.auditCategory);
        this.setting = new monitor.DiagnosticSetting(name, {
            name: "control-plane-logs",
            resourceUri: args.clusterId,
            workspaceId: args.workspaceId,
            // Resource-specific tables (AKSAudit, AKSControlPlane) instead of the shared AzureDiagnostics table.
            logAnalyticsDestinationType: "Dedicated",
            logs: categories.map((category) => ({ category, enabled: true })),
        }, { parent: this });
        this.registerOutputs({ categories });
    }
}
exports.ClusterDiagnostics = ClusterDiagnostics;
