"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.alertPolicies = exports.threatDetection = exports.alertNotificationTarget = exports.auditEventAlerts = exports.DETECTION_TAG = void 0;
const access_1 = require("./access");
const common_1 = require("./common");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
const detections_1 = require("./xroad/detections");
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
exports.DETECTION_TAG = { aws: "xroad-sidecar/detection", azure: "xroad-sidecar-detection" };
const tagOf = (r, key) => (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(r).tags)?.[key]);
/** Detections of the catalogue that no alarm or rule of the stack implements, per cloud. */
function missingAuditDetections(resources, cloud) {
    if (cloud === "aws") {
        const filters = (0, stack_helpers_1.ofTypes)(resources, LOG_METRIC_FILTER).filter((f) => /^\/aws\/eks\/[^/]+\/cluster$/.test((0, workloads_1.asString)((0, stack_helpers_1.props)(f).logGroupName) ?? ""));
        const implemented = (0, stack_helpers_1.ofTypes)(resources, METRIC_ALARM).filter((alarm) => {
            const p = (0, stack_helpers_1.props)(alarm);
            if (!Array.isArray(p.alarmActions) || p.alarmActions.length === 0)
                return false;
            return filters.some((f) => {
                const t = (0, workloads_1.asObj)((0, stack_helpers_1.props)(f).metricTransformation) ?? {};
                return t.name === p.metricName && t.namespace === p.namespace;
            });
        });
        return detections_1.AUDIT_DETECTIONS.filter((d) => !implemented.some((a) => tagOf(a, exports.DETECTION_TAG.aws) === d.id)).map((d) => d.id);
    }
    // A detection that counts get or list requests is blind over AKSAuditAdmin (kube-audit-admin leaves them out).
    const watches = (rule, d) => {
        const p = (0, stack_helpers_1.props)(rule);
        const groups = (0, workloads_1.asObj)(p.actions)?.actionGroups;
        const queries = (0, workloads_1.asArray)((0, workloads_1.asObj)(p.criteria)?.allOf).map((c) => (0, workloads_1.asString)(c.query) ?? "");
        const table = d.audit?.reads === "only" ? /^AKSAudit\b/ : /^AKSAudit(Admin)?\b/;
        return (tagOf(rule, exports.DETECTION_TAG.azure) === d.id &&
            p.enabled !== false &&
            Array.isArray(groups) &&
            groups.length > 0 &&
            queries.some((q) => table.test(q)));
    };
    const rules = (0, stack_helpers_1.ofTypes)(resources, SCHEDULED_QUERY_RULE);
    return detections_1.AUDIT_DETECTIONS.filter((d) => !rules.some((r) => watches(r, d))).map((d) => d.id);
}
function clouds(resources) {
    return {
        aws: (0, stack_helpers_1.ofTypes)(resources, access_1.EKS_COMPONENT_CLUSTER, access_1.EKS_CLUSTER)[0],
        azure: (0, stack_helpers_1.ofTypes)(resources, access_1.AKS_CLUSTER, access_1.AKS_CLASSIC_CLUSTER)[0],
    };
}
exports.auditEventAlerts = {
    name: "audit-event-alerts",
    description: "The cluster's audit log alerts a human on exec into the Sidecar, reads of its Secrets, RBAC, NetworkPolicy and namespace changes, and bursts of denied requests (guide §8, issue 16).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "EKS: a CloudWatch Logs metric filter on /aws/eks/<cluster>/cluster and an alarm with an action per detection (components/aws/audit-alarms.ts). AKS: a scheduled query rule over AKSAudit with an action group per detection (components/azure/audit-alerts.ts; kube-audit for the Secret-read one).",
    ...(0, common_1.guide)("8", "aws", "azure", "monitoring", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        for (const [cloud, cluster] of [
            ["aws", aws],
            ["azure", azure],
        ]) {
            if (!cluster)
                continue;
            const missing = missingAuditDetections(args.resources, cloud);
            if (missing.length)
                report(`${cloud === "aws" ? "EKS" : "AKS"} cluster ${cluster.name}: no alert with an action watches the audit log for ${missing.join(", ")}`, cluster.urn);
        }
    },
};
exports.alertNotificationTarget = {
    name: "alert-notification-target",
    description: "Alerts reach a notification target with at least one receiver: an encrypted SNS topic, or an Azure action group (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set xroad-sidecar:alerts.receivers (emails or https webhooks); the stack subscribes them to its KMS-encrypted SNS topic or its action group.",
    ...(0, common_1.guide)("8", "aws", "azure", "monitoring", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        if (aws) {
            const topics = (0, stack_helpers_1.ofTypes)(args.resources, SNS_TOPIC);
            const subscriptions = (0, stack_helpers_1.ofTypes)(args.resources, SNS_SUBSCRIPTION);
            if (topics.length === 0)
                report(`EKS cluster ${aws.name}: no SNS topic receives its alerts`, aws.urn);
            for (const topic of topics) {
                if (!(0, stack_helpers_1.props)(topic).kmsMasterKeyId)
                    report(`SNS topic ${topic.name} is not encrypted with a KMS key`, topic.urn);
                const mine = subscriptions.filter((s) => (s.propertyDependencies.topic ?? []).some((d) => d.urn === topic.urn) || (0, stack_helpers_1.props)(s).topic === (0, stack_helpers_1.props)(topic).arn);
                if (mine.length === 0)
                    report(`SNS topic ${topic.name} has no subscription: nobody receives the alerts`, topic.urn);
            }
        }
        if (azure) {
            const groups = (0, stack_helpers_1.ofTypes)(args.resources, ACTION_GROUP).filter((g) => (0, stack_helpers_1.props)(g).enabled !== false);
            const withReceivers = groups.filter((g) => (0, workloads_1.asArray)((0, stack_helpers_1.props)(g).emailReceivers).length + (0, workloads_1.asArray)((0, stack_helpers_1.props)(g).webhookReceivers).length > 0);
            if (withReceivers.length === 0)
                report(`AKS cluster ${azure.name}: no enabled action group with an email or webhook receiver gets its alerts`, azure.urn);
        }
    },
};
function eventPatternSources(rule) {
    try {
        const pattern = JSON.parse((0, workloads_1.asString)((0, stack_helpers_1.props)(rule).eventPattern) ?? "{}");
        return Array.isArray(pattern.source) ? pattern.source.map(String) : [];
    }
    catch {
        return [];
    }
}
exports.threatDetection = {
    name: "threat-detection",
    description: "The cloud's threat detection covers the cluster, created by the stack or declared as the organisation's, and its findings reach the alerts: GuardDuty with EKS audit-log protection on AWS, Defender for Containers on Azure (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set xroad-sidecar:alerts.threatDetection to create (the stack enables GuardDuty or Defender for Containers) or existing (your organisation runs it; the stack routes its findings).",
    ...(0, common_1.guide)("8", "aws", "azure", "detection"),
    validateStack: (args, report) => {
        const { aws, azure } = clouds(args.resources);
        if (aws) {
            const detectors = (0, stack_helpers_1.ofTypes)(args.resources, GUARDDUTY_DETECTOR).filter((d) => (0, stack_helpers_1.props)(d).enable !== false);
            const features = (0, stack_helpers_1.ofTypes)(args.resources, GUARDDUTY_FEATURE);
            const auditLogs = features.some((f) => (0, stack_helpers_1.props)(f).name === "EKS_AUDIT_LOGS" && (0, stack_helpers_1.props)(f).status === "ENABLED");
            const routed = (0, stack_helpers_1.ofTypes)(args.resources, EVENT_RULE).some((r) => eventPatternSources(r).includes("aws.guardduty"));
            if (detectors.length > 0 && !auditLogs)
                report(`GuardDuty detector of EKS cluster ${aws.name} does not enable EKS_AUDIT_LOGS protection`, aws.urn);
            if (!routed)
                report(`EKS cluster ${aws.name}: no GuardDuty (created, or declared existing through a findings rule) sends findings to the alerts`, aws.urn);
        }
        if (azure) {
            const defender = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(azure).securityProfile)?.defender);
            const enabledOnCluster = (0, workloads_1.asObj)(defender?.securityMonitoring)?.enabled === true;
            const plan = (0, stack_helpers_1.ofTypes)(args.resources, SECURITY_PRICING).some((p) => (0, stack_helpers_1.props)(p).pricingName === "Containers" && (0, stack_helpers_1.props)(p).pricingTier === "Standard");
            const routed = (0, stack_helpers_1.ofTypes)(args.resources, ACTIVITY_LOG_ALERT).some((a) => (0, workloads_1.asArray)((0, workloads_1.asObj)((0, stack_helpers_1.props)(a).condition)?.allOf).some((c) => c.field === "category" && c.equals === "Security"));
            if (!routed)
                report(`AKS cluster ${azure.name}: no Defender for Containers findings (created, or declared existing through a Security activity-log alert) reach the alerts`, azure.urn);
            else if (plan && !enabledOnCluster)
                report(`AKS cluster ${azure.name}: the Defender for Containers plan is on, but the cluster's securityProfile.defender is not`, azure.urn);
        }
    },
};
exports.alertPolicies = [exports.auditEventAlerts, exports.alertNotificationTarget, exports.threatDetection];
