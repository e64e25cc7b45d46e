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
exports.HealthAlerts = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
const detections_1 = require("../../policy/xroad/detections");
const alerts_1 = require("../../policy/alerts");
const names_1 = require("../kubernetes/names");
const audit_alerts_1 = require("./audit-alerts");
/** Log search alert windows Azure Monitor accepts, in minutes (plan/mocks/rules/azure.ts LOG_ALERT_WINDOWS). */
const WINDOW_MINUTES = [5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440];
/** The shortest accepted window that holds `minutes`. */
function windowFor(minutes) {
    return WINDOW_MINUTES.find((w) => w >= minutes) ?? 1440;
}
/** Dynamic-threshold sensitivity for a band of so many standard deviations: narrower band, more sensitive. */
function sensitivityFor(bandWidth) {
    return bandWidth <= 1 ? "High" : bandWidth === 2 ? "Medium" : "Low";
}
const list = (values) => values.map((v) => `"${v}"`).join(", ");
/**
 * guide §8, issue 16 point 2 on AKS: health alerts as scheduled query rules over the Container Insights tables
 * the cluster's data collection rule fills (KubePodInventory, ContainerLogV2, InsightsMetrics, one sample a
 * minute), and node CPU and memory as metric alerts with dynamic thresholds, which learn each metric's own
 * pattern instead of a fixed line.
 */
class HealthAlerts extends pulumi.ComponentResource {
    rules = [];
    metricAlerts = [];
    constructor(name, args, opts) {
        super("xroad:azure:HealthAlerts", name, {}, opts);
        const rule = (id, d, query, windowMinutes, threshold) => this.rules.push(new monitor.ScheduledQueryRule(`${name}-${id}`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            ruleName: `${args.namePrefix}-${id}`,
            displayName: d.title,
            description: (0, detections_1.alertDescription)(d),
            kind: "LogAlert",
            severity: detections_1.AZURE_SEVERITY[d.severity],
            enabled: true,
            scopes: [args.workspaceId],
            evaluationFrequency: "PT5M",
            windowSize: (0, audit_alerts_1.isoMinutes)(windowMinutes),
            criteria: {
                allOf: [
                    {
                        query,
                        timeAggregation: "Count",
                        operator: "GreaterThanOrEqual",
                        threshold,
                        failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                    },
                ],
            },
            // A health condition resolves: the alert closes when the query stops returning rows.
            autoMitigate: true,
            actions: { actionGroups: [args.actionGroupId], customProperties: { detection: d.id, runbook: d.runbook } },
            tags: { ...args.tags, [alerts_1.DETECTION_TAG.azure]: d.id },
        }, { parent: this }));
        const secondaries = (0, detections_1.detection)("secondaries-below-minimum");
        const primary = (0, detections_1.detection)("primary-not-ready");
        for (const instance of args.instances) {
            const names = (0, names_1.objectNames)(instance);
            const ns = instance.namespace;
            if (instance.topology === "primary-secondaries") {
                const minutes = args.thresholds[secondaries.threshold.key];
                // One row per minute with fewer running secondaries than the minimum; the rule fires when every minute was.
                rule(`${instance.name}-${secondaries.id}`, secondaries, [
                    "KubePodInventory",
                    `| where Namespace == "${ns}" and ControllerKind == "ReplicaSet" and ControllerName startswith "${names.secondaries}-"`,
                    `| summarize Running = dcountif(Name, PodStatus == "Running") by bin(TimeGenerated, 1m)`,
                    `| where Running < ${instance.autoscaling.minReplicas}`,
                ].join("\n"), windowFor(minutes), minutes);
            }
            const podName = instance.topology === "single" ? `${names.standalone}-0` : `${names.primary}-0`;
            const minutes = args.thresholds[primary.threshold.key];
            rule(`${instance.name}-${primary.id}`, primary, [
                "KubePodInventory",
                `| where Namespace == "${ns}" and Name == "${podName}"`,
                `| summarize NotRunning = countif(PodStatus != "Running") by bin(TimeGenerated, 1m)`,
                "| where NotRunning > 0",
            ].join("\n"), windowFor(minutes), minutes);
        }
        const namespaces = list(args.instances.map((i) => i.namespace));
        const restarts = (0, detections_1.detection)("container-restarts");
        rule(restarts.id, restarts, [
            "KubePodInventory",
            `| where Namespace in (${namespaces})`,
            "| summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Namespace, Name, ContainerName",
            `| where Restarts >= ${args.thresholds[restarts.threshold.key]}`,
        ].join("\n"), 15, 1);
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        if (archiving.length > 0) {
            const archiver = (0, detections_1.detection)("archiver-failed");
            rule(archiver.id, archiver, [
                "ContainerLogV2",
                `| where PodNamespace in (${list(archiving.map((i) => i.namespace))}) and ContainerName == "archiver" and tostring(LogMessage) startswith "archiver: error"`,
                "| project TimeGenerated, PodNamespace, PodName, LogMessage",
            ].join("\n"), windowFor(args.evaluationMinutes), args.thresholds[archiver.threshold.key]);
        }
        const volume = (0, detections_1.detection)("volume-usage");
        rule(volume.id, volume, [
            "InsightsMetrics",
            '| where Namespace == "container.azm.ms/pv" and Name == "pvUsedBytes"',
            "| extend PvTags = todynamic(Tags)",
            `| where tostring(PvTags.pvcNamespace) in (${namespaces})`,
            "| summarize Used = max(Val), Capacity = max(todouble(PvTags.pvCapacityBytes)) by Claim = tostring(PvTags.pvcName), ClaimNamespace = tostring(PvTags.pvcNamespace)",
            "| extend Percent = 100.0 * Used / Capacity",
            `| where Percent >= ${args.thresholds[volume.threshold.key]}`,
        ].join("\n"), 15, 1);
        for (const [id, metricName] of [
            ["node-cpu-anomaly", "node_cpu_usage_percentage"],
            ["node-memory-anomaly", "node_memory_working_set_percentage"],
        ]) {
            const d = (0, detections_1.detection)(id);
            this.metricAlerts.push(new monitor.MetricAlert(`${name}-${id}`, {
                resourceGroupName: args.resourceGroupName,
                ruleName: `${args.namePrefix}-${id}`,
                location: "global",
                description: (0, detections_1.alertDescription)(d),
                severity: detections_1.AZURE_SEVERITY[d.severity],
                enabled: true,
                scopes: [args.clusterId],
                evaluationFrequency: "PT5M",
                windowSize: "PT5M",
                criteria: {
                    odataType: "Microsoft.Azure.Monitor.MultipleResourceMultipleMetricCriteria",
                    allOf: [
                        {
                            criterionType: "DynamicThresholdCriterion",
                            name: metricName,
                            metricName,
                            metricNamespace: "Microsoft.ContainerService/managedClusters",
                            // Only rises matter: idle nodes are no security signal.
                            operator: "GreaterThan",
                            timeAggregation: "Average",
                            alertSensitivity: sensitivityFor(args.thresholds[d.threshold.key]),
                            failingPeriods: { numberOfEvaluationPeriods: 4, minFailingPeriodsToAlert: 3 },
                        },
                    ],
                },
                autoMitigate: true,
                actions: [{ actionGroupId: args.actionGroupId }],
                tags: { ...args.tags, [alerts_1.DETECTION_TAG.azure]: d.id },
            }, { parent: this }));
        }
        this.registerOutputs({ rules: this.rules.map((r) => r.name), metricAlerts: this.metricAlerts.map((m) => m.name) });
    }
}
exports.HealthAlerts = HealthAlerts;
