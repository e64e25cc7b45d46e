/**
 * guide §8, detection: the collected logs and metrics alert a human. A cluster's audit log is watched for each
 * audit detection of the catalogue (policy/xroad/detections.ts), alerts reach a notification target with at
 * least one receiver, and the cloud's threat detection is enabled or declared as run by the organisation.
 * Mandatory in production, advisory in development (policy/config/dev.json).
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { AKS_CLASSIC_CLUSTER, AKS_CLUSTER, EKS_CLUSTER, EKS_COMPONENT_CLUSTER } from "./access";
import { guide } from "./common";
import { asArray, asObj, asString } from "../kubernetes-model/workloads";
import { ofTypes, props } from "./stack-helpers";
import { AUDIT_DETECTIONS } from "./xroad/detections";

const SNS_TOPIC = "aws:sns/topic:Topic";
const SNS_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOG_METRIC_FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
const GUARDDUTY_DETECTOR = "aws:guardduty/detector:Detector";
const GUARDDUTY_FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
const ACTION_GROUP = "azure-native:monitor:ActionGroup";
const SCHEDULED_QUERY_RULE = "azure-native:monitor:ScheduledQueryRule";
const ACTIVITY_LOG_ALERT = "azure-native:monitor:ActivityLogAlert";
const SECURITY_PRICING = "azure-native:security:Pricing";

/** The tag naming the detection an alarm or rule implements (AWS tag keys allow '/', Azure's do not). */
export const DETECTION_TAG = { aws: "xroad-sidecar/detection", azure: "xroad-sidecar-detection" } as const;

const tagOf = (r: PolicyResource, key: string): string | undefined => asString(asObj(props(r).tags)?.[key]);

/** Detections of the catalogue that no alarm or rule of the stack implements, per cloud. */
function missingAuditDetections(resources: PolicyResource[], cloud: "aws" | "azure"): string[] {
    if (cloud === "aws") {
        const filters = ofTypes(resources, LOG_METRIC_FILTER).filter((f) =>
            /^\/aws\/eks\/[^/]+\/cluster$/.test(asString(props(f).logGroupName) ?? ""),
        );
        const implemented = ofTypes(resources, METRIC_ALARM).filter((alarm) => {
            const p = props(alarm);
            if (!Array.isArray(p.alarmActions) || p.alarmActions.length === 0) return false;
            return filters.some((f) => {
                const t = asObj(props(f).metricTransformation) ?? {};
                return t.name === p.metricName && t.namespace === p.namespace;
            });
        });
        return AUDIT_DETECTIONS.filter((d) => !implemented.some((a) => tagOf(a, DETECTION_TAG.aws) === d.id)).map((d) => d.id);
    }
    // A detection that counts get or list requests is blind over AKSAuditAdmin (kube-audit-admin leaves them out).
    const watches = (rule: PolicyResource, d: (typeof AUDIT_DETECTIONS)[number]): boolean => {
        const p = props(rule);
        const groups = asObj(p.actions)?.actionGroups;
        const queries = asArray(asObj(p.criteria)?.allOf).map((c) => asString(c.query) ?? "");
        const table = d.audit?.reads === "only" ? /^AKSAudit\b/ : /^AKSAudit(Admin)?\b/;
        return (
            tagOf(rule, DETECTION_TAG.azure) === d.id &&
            p.enabled !== false &&
            Array.isArray(groups) &&
            groups.length > 0 &&
            queries.some((q) => table.test(q))
        );
    };
    const rules = ofTypes(resources, SCHEDULED_QUERY_RULE);
    return AUDIT_DETECTIONS.filter((d) => !rules.some((r) => watches(r, d))).map((d) => d.id);
}

function clouds(resources: PolicyResource[]): { aws?: PolicyResource; azure?: PolicyResource } {
    return {
        aws: ofTypes(resources, EKS_COMPONENT_CLUSTER, EKS_CLUSTER)[0],
        azure: ofTypes(resources, AKS_CLUSTER, AKS_CLASSIC_CLUSTER)[0],
    };
}

export const auditEventAlerts: StackValidationPolicy = {
    name: "audit-event-alerts",
    description:
        "The cluster's audit log alerts a human on exec into the Sidecar, reads of its Secrets, RBAC, NetworkPolicy and namespace changes, and bursts of denied requests (guide §8, issue 16).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "EKS: a CloudWatch Logs metric filter on /aws/eks/<cluster>/cluster and an alarm with an action per detection (components/aws/audit-alarms.ts). AKS: a scheduled query rule over AKSAudit with an action group per detection (components/azure/audit-alerts.ts; kube-audit for the Secret-read one).",
    ...guide("8", "aws", "azure", "monitoring", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        for (const [cloud, cluster] of [
            ["aws", aws],
            ["azure", azure],
        ] as const) {
            if (!cluster) continue;
            const missing = missingAuditDetections(args.resources, cloud);
            if (missing.length)
                report(
                    `${cloud === "aws" ? "EKS" : "AKS"} cluster ${cluster.name}: no alert with an action watches the audit log for ${missing.join(", ")}`,
                    cluster.urn,
                );
        }
    },
};

export const alertNotificationTarget: StackValidationPolicy = {
    name: "alert-notification-target",
    description:
        "Alerts reach a notification target with at least one receiver: an encrypted SNS topic, or an Azure action group (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set xroad-sidecar:alerts.receivers (emails or https webhooks); the stack subscribes them to its KMS-encrypted SNS topic or its action group.",
    ...guide("8", "aws", "azure", "monitoring", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        if (aws) {
            const topics = ofTypes(args.resources, SNS_TOPIC);
            const subscriptions = ofTypes(args.resources, SNS_SUBSCRIPTION);
            if (topics.length === 0) report(`EKS cluster ${aws.name}: no SNS topic receives its alerts`, aws.urn);
            for (const topic of topics) {
                if (!props(topic).kmsMasterKeyId) report(`SNS topic ${topic.name} is not encrypted with a KMS key`, topic.urn);
                const mine = subscriptions.filter(
                    (s) => (s.propertyDependencies.topic ?? []).some((d) => d.urn === topic.urn) || props(s).topic === props(topic).arn,
                );
                if (mine.length === 0) report(`SNS topic ${topic.name} has no subscription: nobody receives the alerts`, topic.urn);
            }
        }
        if (azure) {
            const groups = ofTypes(args.resources, ACTION_GROUP).filter((g) => props(g).enabled !== false);
            const withReceivers = groups.filter(
                (g) => asArray(props(g).emailReceivers).length + asArray(props(g).webhookReceivers).length > 0,
            );
            if (withReceivers.length === 0)
                report(`AKS cluster ${azure.name}: no enabled action group with an email or webhook receiver gets its alerts`, azure.urn);
        }
    },
};

function eventPatternSources(rule: PolicyResource): string[] {
    try {
        const pattern = JSON.parse(asString(props(rule).eventPattern) ?? "{}") as { source?: unknown };
        return Array.isArray(pattern.source) ? pattern.source.map(String) : [];
    } catch {
        return [];
    }
}

export const threatDetection: StackValidationPolicy = {
    name: "threat-detection",
    description:
        "The cloud's threat detection covers the cluster, created by the stack or declared as the organisation's, and its findings reach the alerts: GuardDuty with EKS audit-log protection on AWS, Defender for Containers on Azure (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set xroad-sidecar:alerts.threatDetection to create (the stack enables GuardDuty or Defender for Containers) or existing (your organisation runs it; the stack routes its findings).",
    ...guide("8", "aws", "azure", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        if (aws) {
            const detectors = ofTypes(args.resources, GUARDDUTY_DETECTOR).filter((d) => props(d).enable !== false);
            const features = ofTypes(args.resources, GUARDDUTY_FEATURE);
            const auditLogs = features.some((f) => props(f).name === "EKS_AUDIT_LOGS" && props(f).status === "ENABLED");
            const routed = ofTypes(args.resources, EVENT_RULE).some((r) => eventPatternSources(r).includes("aws.guardduty"));
            if (detectors.length > 0 && !auditLogs)
                report(`GuardDuty detector of EKS cluster ${aws.name} does not enable EKS_AUDIT_LOGS protection`, aws.urn);
            if (!routed)
                report(
                    `EKS cluster ${aws.name}: no GuardDuty (created, or declared existing through a findings rule) sends findings to the alerts`,
                    aws.urn,
                );
        }
        if (azure) {
            const defender = asObj(asObj(props(azure).securityProfile)?.defender);
            const enabledOnCluster = asObj(defender?.securityMonitoring)?.enabled === true;
            const plan = ofTypes(args.resources, SECURITY_PRICING).some(
                (p) => props(p).pricingName === "Containers" && props(p).pricingTier === "Standard",
            );
            const routed = ofTypes(args.resources, ACTIVITY_LOG_ALERT).some((a) =>
                asArray(asObj(props(a).condition)?.allOf).some((c) => c.field === "category" && c.equals === "Security"),
            );
            if (!routed)
                report(
                    `AKS cluster ${azure.name}: no Defender for Containers findings (created, or declared existing through a Security activity-log alert) reach the alerts`,
                    azure.urn,
                );
            else if (plan && !enabledOnCluster)
                report(
                    `AKS cluster ${azure.name}: the Defender for Containers plan is on, but the cluster's securityProfile.defender is not`,
                    azure.urn,
                );
        }
    },
};

export const alertPolicies = [auditEventAlerts, alertNotificationTarget, threatDetection];
