import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { AUDIT_DETECTIONS } from "../../policy/xroad/detections";
import { AksAuditTable, kqlAuditQuery } from "../../policy/xroad/detection-queries";
import { AKS_AUDIT_CATEGORIES } from "../../config/azure";
import { AlertRuleArgs, isoMinutes, logAlertRule } from "./alert-rules";

/** The resource-specific table each AKS audit category lands in (logAnalyticsDestinationType Dedicated). */
export const AUDIT_TABLE: Readonly<Record<(typeof AKS_AUDIT_CATEGORIES)[number], AksAuditTable>> = {
    "kube-audit": "AKSAudit",
    "kube-audit-admin": "AKSAuditAdmin",
};

export interface AuditAlertsArgs extends AlertRuleArgs {
    /** The audit category the diagnostic setting sends, which decides the table. */
    auditCategory: (typeof AKS_AUDIT_CATEGORIES)[number];
    /** The Sidecar namespaces the detections watch. */
    namespaces: string[];
}

/**
 * guide §8, issue 16 point 1 on AKS: the audit detections of the catalogue as Log Analytics scheduled query
 * rules over the audit table, each notifying the action group. With `kube-audit-admin` the table holds no
 * get or list requests: the Secret-read detection is left out rather than created blind, and the exec
 * detection sees only SPDY sessions, not WebSocket ones (config/index.ts refuses kube-audit-admin in
 * production and warns in development).
 */
export class AuditAlerts extends pulumi.ComponentResource {
    readonly rules: monitor.ScheduledQueryRule[] = [];

    constructor(name: string, args: AuditAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:AuditAlerts", name, {}, opts);
        const table = AUDIT_TABLE[args.auditCategory];
        const window = isoMinutes(args.evaluationMinutes);
        for (const detection of AUDIT_DETECTIONS) {
            if (!detection.audit || (detection.audit.reads === "only" && table !== "AKSAudit")) continue;
            this.rules.push(
                logAlertRule(
                    `${name}-${detection.id}`,
                    args,
                    {
                        id: detection.id,
                        detection,
                        query: kqlAuditQuery(detection.audit, args.namespaces, table),
                        evaluationFrequency: window,
                        windowSize: window,
                        threshold: args.thresholds[detection.threshold.key],
                        // An audit event does not "resolve": each firing is its own alert.
                        autoMitigate: false,
                    },
                    this,
                ),
            );
        }
        this.registerOutputs({ rules: this.rules.map((r) => r.name), table });
    }
}
