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
/**
 * guide §8, issue 16: the AWS example stacks alert. Each audit detection of the catalogue is a metric filter
 * on the EKS audit log group with an alarm that notifies the encrypted SNS topic, and the filter patterns,
 * evaluated by an independent CloudWatch pattern evaluator, match exactly the audit events they should.
 */
const assert = __importStar(require("node:assert/strict"));
const path = __importStar(require("path"));
const aws = __importStar(require("@pulumi/aws"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const detections_1 = require("../../policy/xroad/detections");
const detection_queries_1 = require("../../policy/xroad/detection-queries");
const control_plane_logs_1 = require("../../components/aws/control-plane-logs");
const notification_topic_1 = require("../../components/aws/notification-topic");
const secret_1 = require("../../plan/mocks/secret");
const audit_events_1 = require("../alerts/audit-events");
const cloudwatch_filter_1 = require("../alerts/cloudwatch-filter");
const aws_fixtures_1 = require("./aws-fixtures");
const projectDir = path.resolve(__dirname, "../..");
/** Whether an Output is marked secret (the flag every Output carries, resolved). */
async function isSecretOutput(value) {
    return pulumi.Output.isInstance(value) && (await value.isSecret);
}
describe("CloudWatch filter patterns of the audit detections", () => {
    const namespaces = ["xroad-ss1", "xroad-ss2"];
    for (const ns of namespaces) {
        it(`match exactly the audit events each detection is for (namespace ${ns})`, () => {
            for (const sample of (0, audit_events_1.auditSamples)(ns)) {
                const fired = detections_1.AUDIT_DETECTIONS.filter((d) => (0, cloudwatch_filter_1.filterMatches)((0, detection_queries_1.cloudWatchFilterPattern)(d.audit, namespaces), sample.event)).map((d) => d.id);
                assert.deepEqual(fired.sort(), [...sample.triggers].sort(), sample.what);
            }
        });
    }
    it("the evaluator is not vacuous: a pattern for other namespaces matches none of the Sidecar's events", () => {
        for (const sample of (0, audit_events_1.auditSamples)("xroad-ss1").filter(
        // cluster-admin bindings are watched cluster-wide, in any namespace.
        (s) => s.triggers.some((t) => t !== "denied-requests") && s.event.objectRef?.resource !== "clusterrolebindings")) {
            const exec = detections_1.AUDIT_DETECTIONS.find((d) => d.id === sample.triggers[0]);
            assert.equal((0, cloudwatch_filter_1.filterMatches)((0, detection_queries_1.cloudWatchFilterPattern)(exec.audit, ["elsewhere"]), sample.event), false, sample.what);
        }
    });
});
for (const stack of ["dev", "prod"]) {
    describe(`alerts of Pulumi.${stack}.yaml`, function () {
        this.timeout(120000);
        let plan;
        before(async () => {
            plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
        });
        it("has one SNS topic, encrypted with the alerts key, that alarms and EventBridge of this account may publish to", () => {
            if (plan.config.target !== "aws")
                assert.fail("an AWS stack");
            const topic = (0, plan_helpers_1.one)(plan.resources, "aws:sns/topic:Topic");
            assert.equal(topic.props.name, `${plan.config.aws.clusterName}-alerts`);
            const alertsKey = (0, plan_helpers_1.one)(plan.resources, "aws:kms/key:Key", /-keys-alerts$/);
            assert.deepEqual(topic.propertyDependencies.kmsMasterKeyId, [alertsKey.urn]);
            const keyPolicy = (0, aws_fixtures_1.statements)(alertsKey.props.policy).find((s) => s.Sid === "AlarmsAndEventRulesOfThisAccountPublish");
            assert.deepEqual(keyPolicy?.Principal, { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] });
            assert.deepEqual(keyPolicy?.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
            const topicPolicy = (0, aws_fixtures_1.statements)((0, plan_helpers_1.one)(plan.resources, "aws:sns/topicPolicy:TopicPolicy").props.policy);
            assert.ok(topicPolicy.some((s) => s.Effect === "Allow" && s.Action === "sns:Publish" && s.Condition?.StringEquals?.["aws:SourceAccount"]));
            const emails = (0, plan_helpers_1.ofType)(plan.resources, "aws:sns/topicSubscription:TopicSubscription").filter((s) => s.props.protocol === "email");
            assert.deepEqual(emails.map((s) => s.props.endpoint), plan.config.alerts.receivers.emails);
            assert.ok(emails.length > 0, "the example stacks name a receiver");
        });
        it("watches the audit log for every audit detection of the catalogue, alarming to the topic at the configured threshold", () => {
            if (plan.config.target !== "aws")
                assert.fail("an AWS stack");
            const clusterName = plan.config.aws.clusterName;
            const topic = (0, plan_helpers_1.one)(plan.resources, "aws:sns/topic:Topic");
            const namespaces = plan.config.instances.map((i) => i.namespace);
            const filters = (0, plan_helpers_1.ofType)(plan.resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter");
            for (const d of detections_1.AUDIT_DETECTIONS) {
                const filter = filters.find((f) => f.props.name === `${clusterName}-${d.id}`);
                assert.ok(filter, `a metric filter for ${d.id}`);
                assert.equal(filter.props.logGroupName, (0, control_plane_logs_1.controlPlaneLogGroupName)(clusterName));
                assert.equal(filter.props.pattern, (0, detection_queries_1.cloudWatchFilterPattern)(d.audit, namespaces));
                const alarm = (0, plan_helpers_1.one)(plan.resources, "aws:cloudwatch/metricAlarm:MetricAlarm", new RegExp(`-audit-alarms-${d.id}$`));
                assert.equal(alarm.props.metricName, filter.props.metricTransformation.name);
                assert.equal(alarm.props.namespace, filter.props.metricTransformation.namespace);
                assert.equal(alarm.props.threshold, plan.config.alerts.thresholds[d.threshold.key]);
                assert.equal(alarm.props.period, plan.config.alerts.evaluationMinutes * 60);
                assert.equal(alarm.props.treatMissingData, "notBreaching");
                assert.deepEqual(alarm.propertyDependencies.alarmActions, [topic.urn]);
                assert.match(alarm.props.alarmDescription, /Runbook: /);
            }
            // The sample events of this stack's own namespace trigger through the planned patterns.
            const exec = filters.find((f) => f.name.endsWith("-sidecar-exec"));
            assert.ok((0, audit_events_1.auditSamples)(namespaces[0])
                .filter((s) => s.triggers.includes("sidecar-exec"))
                .every((s) => (0, cloudwatch_filter_1.filterMatches)(exec.props.pattern, s.event)));
        });
        it("alarms on the Sidecar's health from Container Insights, and on node CPU and memory anomalies", () => {
            if (plan.config.target !== "aws")
                assert.fail("an AWS stack");
            const topic = (0, plan_helpers_1.one)(plan.resources, "aws:sns/topic:Topic");
            const alarms = (0, plan_helpers_1.ofType)(plan.resources, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => /-health-alarms-/.test(a.name));
            for (const a of alarms)
                assert.deepEqual(a.propertyDependencies.alarmActions, [topic.urn], a.name);
            for (const instance of plan.config.instances) {
                const primaryName = instance.topology === "single" ? instance.name : `${instance.name}-primary`;
                const primary = alarms.find((a) => a.name.endsWith(`-${instance.name}-primary-not-ready`));
                assert.deepEqual(primary.props.dimensions, {
                    ClusterName: plan.config.aws.clusterName,
                    Namespace: instance.namespace,
                    PodName: primaryName,
                });
                assert.equal(primary.props.evaluationPeriods, plan.config.alerts.thresholds.primaryNotReadyMinutes);
                assert.equal(primary.props.treatMissingData, "breaching", "a primary that reports nothing is down");
                const secondaries = alarms.filter((a) => a.name.endsWith(`-${instance.name}-secondaries-below-minimum`));
                if (instance.topology === "primary-secondaries") {
                    assert.equal(secondaries.length, 1);
                    assert.equal(secondaries[0].props.threshold, instance.autoscaling.minReplicas);
                    assert.equal(secondaries[0].props.comparisonOperator, "LessThanThreshold");
                    assert.equal(secondaries[0].props.dimensions.PodName, `${instance.name}-secondary`);
                }
                else
                    assert.equal(secondaries.length, 0);
                const restarts = alarms.filter((a) => a.name.endsWith("-container-restarts"));
                assert.ok(restarts.some((r) => r.props.metricQueries[0].metric.dimensions.PodName === primaryName));
                assert.ok(restarts.every((r) => r.props.metricQueries[1].expression === "DIFF(restarts)"));
            }
            for (const [id, metric] of [
                ["node-cpu-anomaly", "node_cpu_utilization"],
                ["node-memory-anomaly", "node_memory_utilization"],
            ]) {
                const anomaly = alarms.find((a) => a.name.endsWith(`-health-alarms-${id}`));
                assert.equal(anomaly.props.metricQueries[0].metric.metricName, metric);
                assert.equal(anomaly.props.metricQueries[1].expression, `ANOMALY_DETECTION_BAND(usage, ${plan.config.alerts.thresholds.anomalyBandWidth})`);
                assert.equal(anomaly.props.thresholdMetricId, "band");
                assert.equal(anomaly.props.comparisonOperator, "GreaterThanUpperThreshold");
            }
        });
        it("counts the archiver's error lines in the Container Insights application log", () => {
            if (plan.config.target !== "aws")
                assert.fail("an AWS stack");
            const filter = (0, plan_helpers_1.one)(plan.resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter", /-archiver-failed$/);
            assert.equal(filter.props.logGroupName, `/aws/containerinsights/${plan.config.aws.clusterName}/application`);
            const ns = plan.config.instances[0].namespace;
            // A Fluent Bit record as Container Insights writes it (kubernetes metadata, the line in `log`).
            const record = (namespace, container, log) => ({
                time: "2026-12-02T14:00:03.123Z",
                stream: "stdout",
                log,
                kubernetes: {
                    pod_name: "sidecar-archiver-29412345-abcde",
                    namespace_name: namespace,
                    container_name: container,
                    host: "ip-10-20-1-15",
                },
            });
            assert.ok((0, cloudwatch_filter_1.filterMatches)(filter.props.pattern, record(ns, "archiver", "archiver: error backup/ss1.gpg: upload to s3://b/k failed\n")));
            assert.ok(!(0, cloudwatch_filter_1.filterMatches)(filter.props.pattern, record(ns, "archiver", "archiver: summary: uploaded=3 bytes=1024 failed=0\n")));
            assert.ok(!(0, cloudwatch_filter_1.filterMatches)(filter.props.pattern, record("team-a", "archiver", "archiver: error x\n")));
            assert.ok(!(0, cloudwatch_filter_1.filterMatches)(filter.props.pattern, record(ns, "xroad", "archiver: error x\n")));
        });
        it("wires GuardDuty as the threat-detection mode says, and node health on every stack", () => {
            if (plan.config.target !== "aws")
                assert.fail("an AWS stack");
            const nodes = (0, plan_helpers_1.one)(plan.resources, "aws:eks/nodeGroup:NodeGroup");
            assert.deepEqual(nodes.props.nodeRepairConfig, { enabled: true, maxParallelNodesRepairedCount: 1 });
            const monitoringAgent = (0, plan_helpers_1.one)(plan.resources, "aws:eks/addon:Addon", /-node-monitoring$/);
            assert.equal(monitoringAgent.props.addonVersion, plan.config.release.eksAddonVersions["eks-node-monitoring-agent"]);
            const detectors = (0, plan_helpers_1.ofType)(plan.resources, "aws:guardduty/detector:Detector");
            const rules = (0, plan_helpers_1.ofType)(plan.resources, "aws:cloudwatch/eventRule:EventRule");
            if (plan.config.alerts.threatDetection !== "create") {
                assert.equal(detectors.length, 0);
                assert.equal(rules.length, plan.config.alerts.threatDetection === "existing" ? 1 : 0);
                return;
            }
            assert.equal(detectors.length, 1);
            assert.ok(detectors[0].retainOnDelete, "an account-wide detector outlives the stack");
            const features = (0, plan_helpers_1.ofType)(plan.resources, "aws:guardduty/detectorFeature:DetectorFeature");
            assert.deepEqual(features.map((f) => [f.props.name, f.props.status]).sort(), [
                ["EKS_AUDIT_LOGS", "ENABLED"],
                ["RUNTIME_MONITORING", "ENABLED"],
            ]);
            const runtime = features.find((f) => f.props.name === "RUNTIME_MONITORING");
            assert.deepEqual(runtime.props.additionalConfigurations, [{ name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" }]);
            const endpoint = (0, plan_helpers_1.one)(plan.resources, "aws:ec2/vpcEndpoint:VpcEndpoint", /guardduty-data$/);
            assert.equal(endpoint.props.serviceName, `com.amazonaws.${plan.config.aws.region}.guardduty-data`);
            assert.equal(endpoint.props.privateDnsEnabled, true);
            const agent = (0, plan_helpers_1.one)(plan.resources, "aws:eks/addon:Addon", /guardduty-agent$/);
            assert.equal(agent.props.addonVersion, plan.config.release.eksAddonVersions["aws-guardduty-agent"]);
            assert.ok(agent.dependencies.includes(endpoint.urn), "the agent reports through the endpoint");
            const rule = (0, plan_helpers_1.one)(plan.resources, "aws:cloudwatch/eventRule:EventRule");
            assert.deepEqual(JSON.parse(rule.props.eventPattern), {
                source: ["aws.guardduty"],
                "detail-type": ["GuardDuty Finding"],
                detail: { severity: [{ numeric: [">=", plan.config.alerts.thresholds.threatMinimumSeverity] }] },
            });
            const target = (0, plan_helpers_1.one)(plan.resources, "aws:cloudwatch/eventTarget:EventTarget");
            assert.deepEqual(target.propertyDependencies.arn, [(0, plan_helpers_1.one)(plan.resources, "aws:sns/topic:Topic").urn]);
        });
    });
}
describe("notification topic", () => {
    it("keeps webhook URLs secret and subscribes them over https", async () => {
        const { resources } = await (0, run_1.recordResources)(() => new notification_topic_1.NotificationTopic("alerts", {
            clusterName: "xroad-test",
            kmsKeyArn: "arn:aws:kms:eu-north-1:210987654321:key/k",
            accountId: "210987654321",
            partition: "aws",
            emails: ["soc@xroad-operator.test"],
            webhooks: ["https://hooks.xroad-operator.test/services/T000/B000/token"],
        }));
        const hooks = resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.protocol === "https");
        assert.equal(hooks.length, 1);
        assert.ok((0, secret_1.isSecretValue)(hooks[0].inputs.endpoint), "the webhook URL is a Pulumi secret");
    });
    it("the catalogue names every detection once with three steps and a runbook", () => {
        assert.equal(new Set(detections_1.DETECTIONS.map((d) => d.id)).size, detections_1.DETECTIONS.length);
        for (const d of detections_1.DETECTIONS) {
            assert.equal(d.steps.length, 3, d.id);
            assert.ok(d.runbook.length > 20, d.id);
        }
    });
});
describe("CloudWatch alarm mock rules", () => {
    it("refuses an alarm that evaluates more than one day", async () => {
        await assert.rejects((0, run_1.recordResources)(() => new aws.cloudwatch.MetricAlarm("long", {
            namespace: "ContainerInsights",
            metricName: "pod_status_ready",
            statistic: "Maximum",
            period: 60,
            evaluationPeriods: 1441,
            comparisonOperator: "LessThanThreshold",
            threshold: 1,
        })), /EvaluationPeriods times Period must not exceed 86,400 seconds/);
    });
    it("refuses a metric filter pattern longer than 1024 characters", async () => {
        await assert.rejects((0, run_1.recordResources)(() => new aws.cloudwatch.LogMetricFilter("long", {
            logGroupName: "/aws/eks/x/cluster",
            pattern: `{ ${Array.from({ length: 60 }, (_, i) => `$.objectRef.namespace = "namespace-${i}"`).join(" || ")} }`,
            metricTransformation: { namespace: "X", name: "x", value: "1" },
        })), /filterPattern 0-1024/);
    });
});
describe("threatDetection existing on AWS", function () {
    this.timeout(120000);
    it("changes nothing in GuardDuty and only routes its findings to the topic", async () => {
        const config = (0, aws_fixtures_1.awsConfig)({ nodeGroup: { maxSize: 6 } }, { environment: "development", alerts: { receivers: { emails: ["soc@xroad-operator.test"] }, threatDetection: "existing" } });
        const { resources } = await (0, aws_fixtures_1.planPlatform)(config);
        assert.equal((0, plan_helpers_1.ofType)(resources, "aws:guardduty/detector:Detector").length, 0);
        assert.equal((0, plan_helpers_1.ofType)(resources, "aws:guardduty/detectorFeature:DetectorFeature").length, 0);
        assert.equal((0, plan_helpers_1.ofType)(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => /guardduty/.test(e.name)).length, 0);
        assert.equal((0, plan_helpers_1.ofType)(resources, "aws:eks/addon:Addon").filter((a) => a.props.addonName === "aws-guardduty-agent").length, 0);
        const rule = (0, plan_helpers_1.one)(resources, "aws:cloudwatch/eventRule:EventRule");
        assert.deepEqual(JSON.parse(rule.props.eventPattern).source, ["aws.guardduty"]);
    });
    it("warns about a webhook URL stored in plain text, without printing it, and keeps it secret", async () => {
        const config = (0, aws_fixtures_1.awsConfig)({}, { alerts: { receivers: { webhooks: ["https://hooks.xroad-operator.test/T0/secret-token"] } } });
        const warning = config.warnings.find((w) => w.includes("alerts.receivers.webhooks[0]"));
        assert.ok(warning, config.warnings.join("\n"));
        assert.ok(!warning.includes("secret-token"));
        assert.equal(await isSecretOutput(config.alerts.receivers.webhooks[0]), true);
    });
});
