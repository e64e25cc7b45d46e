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
exports.AuditAlerts = exports.AUDIT_TABLE = void 0;
exports.isoMinutes = isoMinutes;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
const detections_1 = require("../../policy/xroad/detections");
const detection_queries_1 = require("../../policy/xroad/detection-queries");
const alerts_1 = require("../../policy/alerts");
/** The resource-specific table each AKS audit category lands in (logAnalyticsDestinationType Dedicated). */
exports.AUDIT_TABLE = {
    "kube-audit": "AKSAudit",
    "kube-audit-admin": "AKSAuditAdmin",
};
/** ISO 8601 duration of whole minutes, as Azure Monitor takes windows and frequencies. */
function isoMinutes(minutes) {
    return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}
/**
 * guide §8, issue 16 point 1 on AKS: the audit detections of the catalogue as Log Analytics scheduled query
 * rules over the audit table, each notifying the action group. With `kube-audit-admin` the table holds no
 * get or list requests: the Secret-read detection is left out rather than created blind, and the exec
 * detection sees only SPDY sessions, not WebSocket ones (config/index.ts refuses kube-audit-admin in
 * production and warns in development).
 */
class AuditAlerts extends pulumi.ComponentResource {
    rules = [];
    constructor(name, args, opts) {
        super("xroad:azure:AuditAlerts", name, {}, opts);
        const table = exports.AUDIT_TABLE[args.auditCategory];
        const window = isoMinutes(args.evaluationMinutes);
        for (const d of detections_1.AUDIT_DETECTIONS) {
            if (!d.audit || (d.audit.reads === "only" && table !== "AKSAudit"))
                continue;
            this.rules.push(new monitor.ScheduledQueryRule(`${name}-${d.id}`, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                ruleName: `${args.namePrefix}-${d.id}`,
                displayName: d.title,
                description: (0, detections_1.alertDescription)(d),
                kind: "LogAlert",
                severity: detections_1.AZURE_SEVERITY[d.severity],
                enabled: true,
                scopes: [args.workspaceId],
                evaluationFrequency: window,
                windowSize: window,
                criteria: {
                    allOf: [
                        {
                            query: (0, detection_queries_1.kqlAuditQuery)(d.audit, args.namespaces, table),
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
                tags: { ...args.tags, [alerts_1.DETECTION_TAG.azure]: d.id },
            }, { parent: this }));
        }
        this.registerOutputs({ rules: this.rules.map((r) => r.name), table });
    }
}
exports.AuditAlerts = AuditAlerts;
