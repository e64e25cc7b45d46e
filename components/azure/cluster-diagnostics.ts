import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { AKS_AUDIT_CATEGORIES } from "../../config/azure";

export interface ClusterDiagnosticsArgs {
    /** Resource ID of the managed cluster. */
    clusterId: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
    /** `kube-audit-admin` (writes only, far cheaper) or `kube-audit` (every request). */
    auditCategory: (typeof AKS_AUDIT_CATEGORIES)[number];
}

/**
 * The control-plane log categories guide §8 asks for, in their AKS names: the API server log
 * (`api`), the audit log (`audit`) and `guard`, the Entra ID authentication webhook that is the AKS
 * counterpart of the EKS `authenticator`. The controller manager and the cluster autoscaler too, as
 * aks-baseline and AKS-Construction collect them (review azure B5): node scale-ups and evictions are explained there.
 */
export function controlPlaneLogCategories(auditCategory: ClusterDiagnosticsArgs["auditCategory"]): string[] {
    return ["kube-apiserver", auditCategory, "guard", "kube-controller-manager", "cluster-autoscaler"];
}

/** Sends the AKS control-plane logs to the Log Analytics workspace (guide §8). */
export class ClusterDiagnostics extends pulumi.ComponentResource {
    readonly setting: monitor.DiagnosticSetting;

    constructor(name: string, args: ClusterDiagnosticsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ClusterDiagnostics", name, {}, opts);
        const categories = controlPlaneLogCategories(args.auditCategory);
        this.setting = new monitor.DiagnosticSetting(
            name,
            {
                name: "control-plane-logs",
                resourceUri: args.clusterId,
                workspaceId: args.workspaceId,
                // Resource-specific tables (AKSAudit, AKSControlPlane) instead of the shared AzureDiagnostics table.
                logAnalyticsDestinationType: "Dedicated",
                logs: categories.map((category) => ({ category, enabled: true })),
            },
            { parent: this },
        );
        this.registerOutputs({ categories });
    }
}
