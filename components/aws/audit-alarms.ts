import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { AUDIT_DETECTIONS, alertDescription } from "../../policy/xroad/detections";
import { cloudWatchFilterPattern } from "../../policy/xroad/detection-queries";
import { DETECTION_TAG } from "../../policy/alerts";
import { AlertEvaluation } from "../../config/alerts";

/** The CloudWatch namespace of a cluster's alert metrics (metric filters publish there). */
export function alertMetricNamespace(clusterName: string): string {
    return `XRoadSidecar/${clusterName}`;
}

/** Thresholds by the catalogue's keys, and the evaluation window (config/alerts.ts). */
export interface AuditAlarmsArgs extends AlertEvaluation {
    clusterName: string;
    /** The control-plane log group (`/aws/eks/<cluster>/cluster`), which carries the audit log. */
    logGroupName: pulumi.Input<string>;
    /** The Sidecar namespaces the detections watch. */
    namespaces: string[];
    topicArn: pulumi.Input<string>;
}

/**
 * guide §8, issue 16 point 1: the audit detections of the catalogue (policy/xroad/detections.ts) as a
 * CloudWatch Logs metric filter on the EKS audit log and an alarm each, which notifies the stack's topic.
 * A window without matching events is not a breach (treatMissingData notBreaching): the filter publishes
 * only when an event matches.
 */
export class AuditAlarms extends pulumi.ComponentResource {
    readonly alarms: aws.cloudwatch.MetricAlarm[] = [];

    constructor(name: string, args: AuditAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:AuditAlarms", name, {}, opts);
        const namespace = alertMetricNamespace(args.clusterName);
        for (const detection of AUDIT_DETECTIONS) {
            if (!detection.audit) continue;
            const filter = new aws.cloudwatch.LogMetricFilter(
                `${name}-${detection.id}`,
                {
                    name: `${args.clusterName}-${detection.id}`,
                    logGroupName: args.logGroupName,
                    pattern: cloudWatchFilterPattern(detection.audit, args.namespaces),
                    metricTransformation: { namespace, name: detection.id, value: "1", unit: "Count" },
                },
                { parent: this },
            );
            this.alarms.push(
                new aws.cloudwatch.MetricAlarm(
                    `${name}-${detection.id}`,
                    {
                        name: `${args.clusterName}-${detection.id}`,
                        alarmDescription: alertDescription(detection),
                        namespace,
                        metricName: detection.id,
                        statistic: "Sum",
                        period: args.evaluationMinutes * 60,
                        evaluationPeriods: 1,
                        comparisonOperator: "GreaterThanOrEqualToThreshold",
                        threshold: args.thresholds[detection.threshold.key],
                        treatMissingData: "notBreaching",
                        alarmActions: [args.topicArn],
                        tags: { [DETECTION_TAG.aws]: detection.id, "xroad-sidecar/severity": detection.severity },
                    },
                    { parent: this, dependsOn: [filter] },
                ),
            );
        }
        this.registerOutputs({ alarms: this.alarms.map((a) => a.name) });
    }
}
