import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { SidecarInstanceConfig } from "../../config/instance";
import { AZURE_SEVERITY, Detection, alertDescription, detection } from "../../policy/xroad/detections";
import { DETECTION_TAG } from "../../policy/alerts";
import { objectNames } from "../kubernetes/names";
import { AlertRuleArgs, isoMinutes, logAlertRule } from "./alert-rules";

/** Log search alert windows Azure Monitor accepts, in minutes (plan/mocks/rules/azure.ts LOG_ALERT_WINDOWS). */
const WINDOW_MINUTES = [5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440];

/** The shortest accepted window that holds `minutes`. */
function windowFor(minutes: number): number {
    return WINDOW_MINUTES.find((w) => w >= minutes) ?? 1440;
}

/** Dynamic-threshold sensitivity for a band of so many standard deviations: narrower band, more sensitive. */
function sensitivityFor(bandWidth: number): "High" | "Medium" | "Low" {
    return bandWidth <= 1 ? "High" : bandWidth === 2 ? "Medium" : "Low";
}

const list = (values: string[]): string => values.map((v) => `"${v}"`).join(", ");

export interface HealthAlertsArgs extends AlertRuleArgs {
    /** The AKS cluster whose node metrics the dynamic-threshold alerts watch. */
    clusterId: pulumi.Input<string>;
    instances: SidecarInstanceConfig[];
}

/**
 * guide §8, issue 16 point 2 on AKS: health alerts as scheduled query rules over the Container Insights tables
 * the cluster's data collection rule fills (KubePodInventory, ContainerLogV2, InsightsMetrics, one sample a
 * minute), and node CPU and memory as metric alerts with dynamic thresholds, which learn each metric's own
 * pattern instead of a fixed line.
 */
export class HealthAlerts extends pulumi.ComponentResource {
    readonly rules: monitor.ScheduledQueryRule[] = [];
    readonly metricAlerts: monitor.MetricAlert[] = [];

    constructor(name: string, args: HealthAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:HealthAlerts", name, {}, opts);
        const rule = (id: string, alert: Detection, query: string, windowMinutes: number, threshold: number) =>
            this.rules.push(
                logAlertRule(
                    `${name}-${id}`,
                    args,
                    {
                        id,
                        detection: alert,
                        query,
                        evaluationFrequency: "PT5M",
                        windowSize: isoMinutes(windowMinutes),
                        threshold,
                        // A health condition resolves: the alert closes when the query stops returning rows.
                        autoMitigate: true,
                    },
                    this,
                ),
            );

        const secondaries = detection("secondaries-below-minimum");
        const primary = detection("primary-not-ready");
        for (const instance of args.instances) {
            const names = objectNames(instance);
            const namespace = instance.namespace;
            if (instance.topology === "primary-secondaries") {
                const minutes = args.thresholds[secondaries.threshold.key];
                // One row per minute with fewer running secondaries than the minimum; the rule fires when every minute was.
                rule(
                    `${instance.name}-${secondaries.id}`,
                    secondaries,
                    [
                        "KubePodInventory",
                        `| where Namespace == "${namespace}" and ControllerKind == "ReplicaSet" and ControllerName startswith "${names.secondaries}-"`,
                        `| summarize Running = dcountif(Name, PodStatus == "Running") by bin(TimeGenerated, 1m)`,
                        `| where Running < ${instance.autoscaling.minReplicas}`,
                    ].join("\n"),
                    windowFor(minutes),
                    minutes,
                );
            }
            const podName = instance.topology === "single" ? `${names.standalone}-0` : `${names.primary}-0`;
            const minutes = args.thresholds[primary.threshold.key];
            rule(
                `${instance.name}-${primary.id}`,
                primary,
                [
                    "KubePodInventory",
                    `| where Namespace == "${namespace}" and Name == "${podName}"`,
                    `| summarize NotRunning = countif(PodStatus != "Running") by bin(TimeGenerated, 1m)`,
                    "| where NotRunning > 0",
                ].join("\n"),
                windowFor(minutes),
                minutes,
            );
        }
        const namespaces = list(args.instances.map((i) => i.namespace));
        const restarts = detection("container-restarts");
        rule(
            restarts.id,
            restarts,
            [
                "KubePodInventory",
                `| where Namespace in (${namespaces})`,
                "| summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Namespace, Name, ContainerName",
                `| where Restarts >= ${args.thresholds[restarts.threshold.key]}`,
            ].join("\n"),
            15,
            1,
        );
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        if (archiving.length > 0) {
            const archiver = detection("archiver-failed");
            rule(
                archiver.id,
                archiver,
                [
                    "ContainerLogV2",
                    `| where PodNamespace in (${list(archiving.map((i) => i.namespace))}) and ContainerName == "archiver" and tostring(LogMessage) startswith "archiver: error"`,
                    "| project TimeGenerated, PodNamespace, PodName, LogMessage",
                ].join("\n"),
                windowFor(args.evaluationMinutes),
                args.thresholds[archiver.threshold.key],
            );
        }
        const volume = detection("volume-usage");
        rule(
            volume.id,
            volume,
            [
                "InsightsMetrics",
                '| where Namespace == "container.azm.ms/pv" and Name == "pvUsedBytes"',
                "| extend PvTags = todynamic(Tags)",
                `| where tostring(PvTags.pvcNamespace) in (${namespaces})`,
                "| summarize Used = max(Val), Capacity = max(todouble(PvTags.pvCapacityBytes)) by Claim = tostring(PvTags.pvcName), ClaimNamespace = tostring(PvTags.pvcNamespace)",
                "| extend Percent = 100.0 * Used / Capacity",
                `| where Percent >= ${args.thresholds[volume.threshold.key]}`,
            ].join("\n"),
            15,
            1,
        );

        for (const [id, metricName] of [
            ["node-cpu-anomaly", "node_cpu_usage_percentage"],
            ["node-memory-anomaly", "node_memory_working_set_percentage"],
        ] as const) {
            const anomaly = detection(id);
            this.metricAlerts.push(
                new monitor.MetricAlert(
                    `${name}-${id}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        ruleName: `${args.namePrefix}-${id}`,
                        location: "global",
                        description: alertDescription(anomaly),
                        severity: AZURE_SEVERITY[anomaly.severity],
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
                                    alertSensitivity: sensitivityFor(args.thresholds[anomaly.threshold.key]),
                                    failingPeriods: { numberOfEvaluationPeriods: 4, minFailingPeriodsToAlert: 3 },
                                },
                            ],
                        },
                        autoMitigate: true,
                        actions: [{ actionGroupId: args.actionGroupId }],
                        tags: { ...args.tags, [DETECTION_TAG.azure]: anomaly.id },
                    },
                    { parent: this },
                ),
            );
        }
        this.registerOutputs({ rules: this.rules.map((r) => r.name), metricAlerts: this.metricAlerts.map((m) => m.name) });
    }
}
