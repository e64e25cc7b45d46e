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
exports.HealthAlarms = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const detections_1 = require("../../policy/xroad/detections");
const alerts_1 = require("../../policy/alerts");
const names_1 = require("../kubernetes/names");
const audit_alarms_1 = require("./audit-alarms");
const monitoring_1 = require("./monitoring");
/** Container Insights' CloudWatch namespace (amazon-cloudwatch-observability add-on). */
const CONTAINER_INSIGHTS_NAMESPACE = "ContainerInsights";
/** The container of the archiver CronJob (components/kubernetes/archiver.ts) and the prefix of its error lines. */
const ARCHIVER_CONTAINER = "archiver";
const ARCHIVER_ERROR_PREFIX = "archiver: error";
/**
 * guide §8, issue 16 point 2 on EKS: health and anomaly alarms over Container Insights (enhanced observability
 * metrics, `ContainerInsights` namespace, dimensions ClusterName, Namespace and PodName, where PodName is the
 * workload's name). Secondaries and the primary count as down when their metric is missing (treatMissingData
 * breaching: a pod that reports nothing is not serving). Node CPU and memory use CloudWatch anomaly detection
 * instead of fixed lines, so a change that does not follow the cluster's own pattern stands out.
 */
class HealthAlarms extends pulumi.ComponentResource {
    alarms = [];
    constructor(name, args, opts) {
        super("xroad:aws:HealthAlarms", name, {}, opts);
        const alarm = (id, d, inputs, dependsOn = []) => this.alarms.push(new aws.cloudwatch.MetricAlarm(`${name}-${id}`, {
            name: `${args.clusterName}-${id}`,
            alarmDescription: (0, detections_1.alertDescription)(d),
            alarmActions: [args.topicArn],
            okActions: [args.topicArn],
            tags: { [alerts_1.DETECTION_TAG.aws]: d.id, "xroad-sidecar/severity": d.severity },
            ...inputs,
            comparisonOperator: inputs.comparisonOperator ?? "GreaterThanOrEqualToThreshold",
            evaluationPeriods: inputs.evaluationPeriods ?? 1,
        }, { parent: this, dependsOn }));
        const pod = (namespace, workload) => ({ ClusterName: args.clusterName, Namespace: namespace, PodName: workload });
        const secondaries = (0, detections_1.detection)("secondaries-below-minimum");
        const primary = (0, detections_1.detection)("primary-not-ready");
        const restarts = (0, detections_1.detection)("container-restarts");
        for (const instance of args.instances) {
            const names = (0, names_1.objectNames)(instance);
            const ns = instance.namespace;
            const primaryWorkload = instance.topology === "single" ? names.standalone : names.primary;
            if (instance.topology === "primary-secondaries") {
                const minutes = args.thresholds[secondaries.threshold.key];
                alarm(`${instance.name}-${secondaries.id}`, secondaries, {
                    namespace: CONTAINER_INSIGHTS_NAMESPACE,
                    metricName: "pod_status_ready",
                    dimensions: pod(ns, names.secondaries),
                    // One datapoint per ready pod and minute: the minute's sum is the number of ready secondaries.
                    statistic: "Sum",
                    period: 60,
                    evaluationPeriods: minutes,
                    datapointsToAlarm: minutes,
                    comparisonOperator: "LessThanThreshold",
                    threshold: instance.autoscaling.minReplicas,
                    treatMissingData: "breaching",
                });
            }
            const notReadyMinutes = args.thresholds[primary.threshold.key];
            alarm(`${instance.name}-${primary.id}`, primary, {
                namespace: CONTAINER_INSIGHTS_NAMESPACE,
                metricName: "pod_status_ready",
                dimensions: pod(ns, primaryWorkload),
                statistic: "Maximum",
                period: 60,
                evaluationPeriods: notReadyMinutes,
                datapointsToAlarm: notReadyMinutes,
                comparisonOperator: "LessThanThreshold",
                threshold: 1,
                treatMissingData: "breaching",
            });
            const workloads = instance.topology === "primary-secondaries" ? [names.primary, names.secondaries] : [names.standalone];
            for (const workload of workloads) {
                // The metric is each pod's restart count so far: its rise over 15 minutes is the number of restarts.
                alarm(`${workload}-${restarts.id}`, restarts, {
                    metricQueries: [
                        {
                            id: "restarts",
                            returnData: false,
                            metric: {
                                namespace: CONTAINER_INSIGHTS_NAMESPACE,
                                metricName: "pod_number_of_container_restarts",
                                dimensions: pod(ns, workload),
                                stat: "Maximum",
                                period: 900,
                            },
                        },
                        {
                            id: "rise",
                            expression: "DIFF(restarts)",
                            label: `restarts of ${ns}/${workload} in 15 minutes`,
                            returnData: true,
                        },
                    ],
                    threshold: args.thresholds[restarts.threshold.key],
                    treatMissingData: "notBreaching",
                });
            }
        }
        // The archiver's error lines, from the Container Insights application log group (Fluent Bit's JSON records).
        const archiver = (0, detections_1.detection)("archiver-failed");
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        if (archiving.length > 0) {
            const namespaces = archiving.map((i) => `$.kubernetes.namespace_name = "${i.namespace}"`).join(" || ");
            const metricNamespace = (0, audit_alarms_1.alertMetricNamespace)(args.clusterName);
            const filter = new aws.cloudwatch.LogMetricFilter(`${name}-${archiver.id}`, {
                name: `${args.clusterName}-${archiver.id}`,
                logGroupName: (0, monitoring_1.containerInsightsLogGroupName)(args.clusterName, "application"),
                pattern: `{ (${namespaces}) && $.kubernetes.container_name = "${ARCHIVER_CONTAINER}" && $.log = "${ARCHIVER_ERROR_PREFIX}*" }`,
                metricTransformation: { namespace: metricNamespace, name: archiver.id, value: "1", unit: "Count" },
            }, { parent: this, dependsOn: args.logGroups });
            alarm(archiver.id, archiver, {
                namespace: metricNamespace,
                metricName: archiver.id,
                statistic: "Sum",
                period: args.evaluationMinutes * 60,
                threshold: args.thresholds[archiver.threshold.key],
                treatMissingData: "notBreaching",
                okActions: [],
            }, [filter]);
        }
        for (const [id, metricName] of [
            ["node-cpu-anomaly", "node_cpu_utilization"],
            ["node-memory-anomaly", "node_memory_utilization"],
        ]) {
            const d = (0, detections_1.detection)(id);
            alarm(id, d, {
                metricQueries: [
                    {
                        id: "usage",
                        returnData: true,
                        metric: {
                            namespace: CONTAINER_INSIGHTS_NAMESPACE,
                            metricName,
                            dimensions: { ClusterName: args.clusterName },
                            stat: "Average",
                            period: 300,
                        },
                    },
                    {
                        id: "band",
                        expression: `ANOMALY_DETECTION_BAND(usage, ${args.thresholds[d.threshold.key]})`,
                        label: "expected",
                        returnData: true,
                    },
                ],
                thresholdMetricId: "band",
                // Only rises matter: idle nodes are no security signal.
                comparisonOperator: "GreaterThanUpperThreshold",
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
                treatMissingData: "missing",
            });
        }
        this.registerOutputs({ alarms: this.alarms.map((a) => a.name) });
    }
}
exports.HealthAlarms = HealthAlarms;
