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
const assert = __importStar(require("node:assert/strict"));
const alerts_1 = require("./alerts");
const harness_1 = require("./testing/harness");
const detections_1 = require("./xroad/detections");
const eks = { type: "eks:index:Cluster", name: "eks", props: { name: "xroad-prod" } };
const aks = { type: "azure-native:containerservice:ManagedCluster", name: "aks", props: { resourceName: "aks-xroad" } };
/** A metric filter on the audit log and an alarm with an action, for each audit detection. */
function awsAuditAlarms(skip = [], overrides = {}) {
    return detections_1.AUDIT_DETECTIONS.filter((d) => !skip.includes(d.id)).flatMap((d) => [
        {
            type: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
            name: `f-${d.id}`,
            props: {
                logGroupName: "/aws/eks/xroad-prod/cluster",
                pattern: '{ $.verb = "get" }',
                metricTransformation: { namespace: "XRoadSidecar/xroad-prod", name: d.id, value: "1" },
            },
        },
        {
            type: "aws:cloudwatch/metricAlarm:MetricAlarm",
            name: `a-${d.id}`,
            props: {
                namespace: "XRoadSidecar/xroad-prod",
                metricName: d.id,
                alarmActions: ["arn:aws:sns:eu-north-1:210987654321:xroad-prod-alerts"],
                tags: { "xroad-sidecar/detection": d.id },
                ...overrides,
            },
        },
    ]);
}
function azureAuditRules(skip = [], query = 'AKSAudit\n| where Verb == "get"') {
    return detections_1.AUDIT_DETECTIONS.filter((d) => !skip.includes(d.id)).map((d) => ({
        type: "azure-native:monitor:ScheduledQueryRule",
        name: `r-${d.id}`,
        props: {
            enabled: true,
            criteria: { allOf: [{ query, timeAggregation: "Count", operator: "GreaterThanOrEqual", threshold: 1 }] },
            actions: { actionGroups: ["/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/actionGroups/ag"] },
            tags: { "xroad-sidecar-detection": d.id },
        },
    }));
}
describe("audit-event-alerts (guide §8)", () => {
    it("passes when every audit detection has a metric filter on the EKS audit log and an alarm with an action", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, [eks, ...awsAuditAlarms()]), []);
    });
    it("flags a missing detection, an alarm without action, or a filter on another log group", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, [eks, ...awsAuditAlarms(["sidecar-exec"])]), [
            "EKS cluster eks: no alert with an action watches the audit log for sidecar-exec",
        ]);
        const silent = await (0, harness_1.messages)(alerts_1.auditEventAlerts, [eks, ...awsAuditAlarms([], { alarmActions: [] })]);
        assert.equal(silent.length, 1);
        assert.match(silent[0], new RegExp(detections_1.AUDIT_DETECTIONS.map((d) => d.id).join(", ")));
        const elsewhere = awsAuditAlarms().map((r) => r.type.endsWith("LogMetricFilter") ? { ...r, props: { ...r.props, logGroupName: "/aws/containerinsights/x/application" } } : r);
        assert.equal((await (0, harness_1.messages)(alerts_1.auditEventAlerts, [eks, ...elsewhere])).length, 1);
    });
    it("on AKS, needs a scheduled query rule over the audit table with an action group per detection", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, [aks, ...azureAuditRules()]), []);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, [aks, ...azureAuditRules(["sidecar-secret-read"])]), [
            "AKS cluster aks: no alert with an action watches the audit log for sidecar-secret-read",
        ]);
        assert.equal((await (0, harness_1.messages)(alerts_1.auditEventAlerts, [aks, ...azureAuditRules([], "KubePodInventory")])).length, 1);
        // Over AKSAuditAdmin (kube-audit-admin) the Secret-read rule would see no reads at all.
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, [aks, ...azureAuditRules([], 'AKSAuditAdmin\n| where Verb == "get"')]), [
            "AKS cluster aks: no alert with an action watches the audit log for sidecar-secret-read",
        ]);
    });
    it("says nothing without a managed cluster (target existing)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.auditEventAlerts, []), []);
    });
});
describe("alert-notification-target (guide §8)", () => {
    const topic = { type: "aws:sns/topic:Topic", name: "alerts", props: { kmsMasterKeyId: "arn:aws:kms:eu-north-1:210987654321:key/k" } };
    const subscription = {
        type: "aws:sns/topicSubscription:TopicSubscription",
        name: "email",
        props: { protocol: "email", endpoint: "soc@xroad-operator.test" },
        propDeps: { topic: [(0, harness_1.urnOf)("aws:sns/topic:Topic", "alerts")] },
    };
    it("passes an encrypted topic with a subscription", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.alertNotificationTarget, [eks, topic, subscription]), []);
    });
    it("flags no topic, an unencrypted one, and one nobody subscribes to", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.alertNotificationTarget, [eks]), ["EKS cluster eks: no SNS topic receives its alerts"]);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.alertNotificationTarget, [eks, { ...topic, props: {} }]), [
            "SNS topic alerts is not encrypted with a KMS key",
            "SNS topic alerts has no subscription: nobody receives the alerts",
        ]);
    });
    it("on AKS, needs an enabled action group with a receiver", async () => {
        const group = (receivers) => ({
            type: "azure-native:monitor:ActionGroup",
            name: "ag",
            props: { enabled: true, emailReceivers: receivers },
        });
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.alertNotificationTarget, [aks, group([{ name: "e", emailAddress: "soc@xroad-operator.test" }])]), []);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.alertNotificationTarget, [aks, group([])]), [
            "AKS cluster aks: no enabled action group with an email or webhook receiver gets its alerts",
        ]);
    });
});
describe("threat-detection (guide §8)", () => {
    const rule = {
        type: "aws:cloudwatch/eventRule:EventRule",
        name: "findings",
        props: { eventPattern: JSON.stringify({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] }) },
    };
    const detector = { type: "aws:guardduty/detector:Detector", name: "gd", props: { enable: true } };
    const feature = (name) => ({ type: "aws:guardduty/detectorFeature:DetectorFeature", name, props: { name, status: "ENABLED" } });
    it("passes GuardDuty created with EKS audit-log protection, or declared existing by its findings rule", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [eks, detector, feature("EKS_AUDIT_LOGS"), rule]), []);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [eks, rule]), []);
    });
    it("flags no GuardDuty, and a detector without EKS protection", async () => {
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [eks]), [
            "EKS cluster eks: no GuardDuty (created, or declared existing through a findings rule) sends findings to the alerts",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [eks, detector, rule]), [
            "GuardDuty detector of EKS cluster eks does not enable EKS_AUDIT_LOGS protection",
        ]);
    });
    it("on AKS, passes Defender created or existing with findings routed, and flags the plan without the cluster profile", async () => {
        const alert = {
            type: "azure-native:monitor:ActivityLogAlert",
            name: "findings",
            props: { condition: { allOf: [{ field: "category", equals: "Security" }] } },
        };
        const pricing = { type: "azure-native:security:Pricing", name: "p", props: { pricingName: "Containers", pricingTier: "Standard" } };
        const withDefender = { ...aks, props: { ...aks.props, securityProfile: { defender: { securityMonitoring: { enabled: true } } } } };
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [withDefender, pricing, alert]), []);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [aks, alert]), []);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [aks, pricing, alert]), [
            "AKS cluster aks: the Defender for Containers plan is on, but the cluster's securityProfile.defender is not",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(alerts_1.threatDetection, [withDefender, pricing]), [
            "AKS cluster aks: no Defender for Containers findings (created, or declared existing through a Security activity-log alert) reach the alerts",
        ]);
    });
});
