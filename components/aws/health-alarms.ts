import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { SidecarInstanceConfig } from "../../config/instance";
import { AlertEvaluation } from "../../config/alerts";
import { Detection, alertDescription, detection } from "../../policy/xroad/detections";
import { DETECTION_TAG } from "../../policy/alerts";
import { objectNames } from "../kubernetes/names";
import { alertMetricNamespace } from "./audit-alarms";
import { containerInsightsLogGroupName } from "./monitoring";

/** Container Insights' CloudWatch namespace (amazon-cloudwatch-observability add-on). */
const CONTAINER_INSIGHTS_NAMESPACE = "ContainerInsights";

/** The container of the archiver CronJob (components/kubernetes/archiver.ts) and the prefix of its error lines. */
const ARCHIVER_CONTAINER = "archiver";
const ARCHIVER_ERROR_PREFIX = "archiver: error";

export interface HealthAlarmsArgs extends AlertEvaluation {
    clusterName: string;
    instances: SidecarInstanceConfig[];
    topicArn: pulumi.Input<string>;
    /** The Container Insights log groups exist before the archiver filter is put on one of them. */
    logGroups: pulumi.Resource[];
}

/**
 * guide §8, issue 16 point 2 on EKS: health and anomaly alarms over Container Insights (enhanced observability
 * metrics, `ContainerInsights` namespace, dimensions ClusterName, Namespace and PodName, where PodName is the
 * workload's name). Secondaries and the primary count as down when their metric is missing (treatMissingData
 * breaching: a pod that reports nothing is not serving). Node CPU and memory use CloudWatch anomaly detection
 * instead of fixed lines, so a change that does not follow the cluster's own pattern stands out.
 */
export class HealthAlarms extends pulumi.ComponentResource {
    readonly alarms: aws.cloudwatch.MetricAlarm[] = [];

    constructor(name: string, args: HealthAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:HealthAlarms", name, {}, opts);
        const alarm = (id: string, alert: Detection, inputs: Partial<aws.cloudwatch.MetricAlarmArgs>, dependsOn: pulumi.Resource[] = []) =>
            this.alarms.push(
                new aws.cloudwatch.MetricAlarm(
                    `${name}-${id}`,
                    {
                        name: `${args.clusterName}-${id}`,
                        alarmDescription: alertDescription(alert),
                        alarmActions: [args.topicArn],
                        okActions: [args.topicArn],
                        tags: { [DETECTION_TAG.aws]: alert.id, "xroad-sidecar/severity": alert.severity },
                        ...inputs,
                        comparisonOperator: inputs.comparisonOperator ?? "GreaterThanOrEqualToThreshold",
                        evaluationPeriods: inputs.evaluationPeriods ?? 1,
                    },
                    { parent: this, dependsOn },
                ),
            );
        const pod = (namespace: string, workload: string) => ({ ClusterName: args.clusterName, Namespace: namespace, PodName: workload });

        const secondaries = detection("secondaries-below-minimum");
        const primary = detection("primary-not-ready");
        const restarts = detection("container-restarts");
        for (const instance of args.instances) {
            const names = objectNames(instance);
            const namespace = instance.namespace;
            const primaryWorkload = instance.topology === "single" ? names.standalone : names.primary;
            if (instance.topology === "primary-secondaries") {
                const minutes = args.thresholds[secondaries.threshold.key];
                alarm(`${instance.name}-${secondaries.id}`, secondaries, {
                    namespace: CONTAINER_INSIGHTS_NAMESPACE,
                    metricName: "pod_status_ready",
                    dimensions: pod(namespace, names.secondaries),
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
                dimensions: pod(namespace, primaryWorkload),
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
                                dimensions: pod(namespace, workload),
                                stat: "Maximum",
                                period: 900,
                            },
                        },
                        {
                            id: "rise",
                            expression: "DIFF(restarts)",
                            label: `restarts of ${namespace}/${workload} in 15 minutes`,
                            returnData: true,
                        },
                    ],
                    threshold: args.thresholds[restarts.threshold.key],
                    treatMissingData: "notBreaching",
                });
            }
        }

        // The archiver's error lines, from the Container Insights application log group (Fluent Bit's JSON records).
        const archiver = detection("archiver-failed");
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        if (archiving.length > 0) {
            const namespaces = archiving.map((i) => `$.kubernetes.namespace_name = "${i.namespace}"`).join(" || ");
            const metricNamespace = alertMetricNamespace(args.clusterName);
            const filter = new aws.cloudwatch.LogMetricFilter(
                `${name}-${archiver.id}`,
                {
                    name: `${args.clusterName}-${archiver.id}`,
                    logGroupName: containerInsightsLogGroupName(args.clusterName, "application"),
                    pattern: `{ (${namespaces}) && $.kubernetes.container_name = "${ARCHIVER_CONTAINER}" && $.log = "${ARCHIVER_ERROR_PREFIX}*" }`,
                    metricTransformation: { namespace: metricNamespace, name: archiver.id, value: "1", unit: "Count" },
                },
                { parent: this, dependsOn: args.logGroups },
            );
            alarm(
                archiver.id,
                archiver,
                {
                    namespace: metricNamespace,
                    metricName: archiver.id,
                    statistic: "Sum",
                    period: args.evaluationMinutes * 60,
                    threshold: args.thresholds[archiver.threshold.key],
                    treatMissingData: "notBreaching",
                    okActions: [],
                },
                [filter],
            );
        }

        for (const [id, metricName] of [
            ["node-cpu-anomaly", "node_cpu_utilization"],
            ["node-memory-anomaly", "node_memory_utilization"],
        ] as const) {
            const anomaly = detection(id);
            alarm(id, anomaly, {
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
                        expression: `ANOMALY_DETECTION_BAND(usage, ${args.thresholds[anomaly.threshold.key]})`,
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
