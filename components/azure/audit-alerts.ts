import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { AUDIT_DETECTIONS, AZURE_SEVERITY, alertDescription } from "../../policy/xroad/detections";
import { AksAuditTable, kqlAuditQuery } from "../../policy/xroad/detection-queries";
import { AKS_AUDIT_CATEGORIES } from "../../config/azure";
import { DETECTION_TAG } from "../../policy/alerts";

/** The resource-specific table each AKS audit category lands in (logAnalyticsDestinationType Dedicated). */
export const AUDIT_TABLE: Readonly<Record<(typeof AKS_AUDIT_CATEGORIES)[number], AksAuditTable>> = {
    "kube-audit": "AKSAudit",
    "kube-audit-admin": "AKSAuditAdmin",
};

/** ISO 8601 duration of whole minutes, as Azure Monitor takes windows and frequencies. */
export function isoMinutes(minutes: number): string {
    return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

export interface AuditAlertsArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** The Log Analytics workspace the control-plane diagnostics write to. */
    workspaceId: pulumi.Input<string>;
    /** The audit category the diagnostic setting sends, which decides the table. */
    auditCategory: (typeof AKS_AUDIT_CATEGORIES)[number];
    namespaces: string[];
    thresholds: Record<string, number>;
    evaluationMinutes: number;
    actionGroupId: pulumi.Input<string>;
    /** Prefix of the rule names, unique per stack. */
    namePrefix: string;
    tags: Record<string, string>;
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
        for (const d of AUDIT_DETECTIONS) {
            if (!d.audit || (d.audit.reads === "only" && table !== "AKSAudit")) continue;
            this.rules.push(
                new monitor.ScheduledQueryRule(
                    `${name}-${d.id}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        location: args.location,
                        ruleName: `${args.namePrefix}-${d.id}`,
                        displayName: d.title,
                        description: alertDescription(d),
                        kind: "LogAlert",
                        severity: AZURE_SEVERITY[d.severity],
                        enabled: true,
                        scopes: [args.workspaceId],
                        evaluationFrequency: window,
                        windowSize: window,
                        criteria: {
                            allOf: [
                                {
                                    query: kqlAuditQuery(d.audit, args.namespaces, table),
                                    timeAggregation: "Count",
                                    operator: "GreaterThanOrEqual",
                                    threshold: args.thresholds[d.threshold.key],
                                    failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                                },
                            ],
                        },
                        // An audit event does not "resolve": each firing is its own alert.
                        autoMitigate: false,
                        actions: { actionGroups: [args.actionGroupId], customProperties: { detection: d.id, runbook: d.runbook } },
                        tags: { ...args.tags, [DETECTION_TAG.azure]: d.id },
                    },
                    { parent: this },
                ),
            );
        }
        this.registerOutputs({ rules: this.rules.map((r) => r.name), table });
    }
}
