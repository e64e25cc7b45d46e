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
 * guide §8, issue 16 on Azure: the example stacks' audit detections are scheduled query rules over the AKS
 * audit table their diagnostic setting fills, notifying one action group; the KQL, run by an independent
 * evaluator over AKSAudit rows made from real audit events, returns exactly the events each detection is for.
 * Defender for Containers follows the threat-detection mode.
 */
const assert = __importStar(require("node:assert/strict"));
const path = __importStar(require("path"));
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const detections_1 = require("../../policy/xroad/detections");
const detection_queries_1 = require("../../policy/xroad/detection-queries");
const audit_alerts_1 = require("../../components/azure/audit-alerts");
const cluster_diagnostics_1 = require("../../components/azure/cluster-diagnostics");
const audit_events_1 = require("../alerts/audit-events");
const kql_1 = require("../alerts/kql");
const fixtures_1 = require("./fixtures");
const types_1 = require("../../plan/mocks/types");
const projectDir = path.resolve(__dirname, "../..");
/** The rows each table would hold: AKSAuditAdmin (kube-audit-admin) leaves out get and list requests. */
function tables(ns) {
    const rows = (0, audit_events_1.auditSamples)(ns).map((s) => ({ ...(0, kql_1.aksAuditRow)(s.event), what: s.what }));
    return { AKSAudit: rows, AKSAuditAdmin: rows.filter((r) => r.Verb !== "get" && r.Verb !== "list") };
}
/** The log-query criteria of a scheduled query rule. */
function queryCriteria(rule) {
    return rule.props.criteria.allOf;
}
/** The metric criteria of a metric alert (single or multiple resource, dynamic or static thresholds). */
function metricCriteria(alert) {
    const criteria = alert.props.criteria;
    assert.ok("allOf" in criteria, "metric alert criteria have allOf");
    return criteria.allOf;
}
describe("KQL of the audit detections", () => {
    const namespaces = ["xroad-sidecar", "xroad-ss2"];
    for (const table of ["AKSAudit", "AKSAuditAdmin"]) {
        it(`returns exactly the events each detection is for (${table})`, () => {
            const data = tables("xroad-sidecar");
            const held = new Set(data[table].map((r) => r.what));
            for (const d of detections_1.AUDIT_DETECTIONS) {
                const { rows } = (0, kql_1.runKql)((0, detection_queries_1.kqlAuditQuery)(d.audit, namespaces, table), data);
                const expected = (0, audit_events_1.auditSamples)("xroad-sidecar")
                    .filter((s) => s.triggers.includes(d.id) && held.has(s.what))
                    .map((s) => s.what);
                assert.deepEqual(rows.map((r) => r.what).sort(), expected.sort(), d.id);
            }
        });
    }
    it("is not vacuous: without its namespaces the exec query returns nothing", () => {
        const exec = detections_1.AUDIT_DETECTIONS.find((d) => d.id === "sidecar-exec");
        assert.equal((0, kql_1.runKql)((0, detection_queries_1.kqlAuditQuery)(exec.audit, ["elsewhere"], "AKSAudit"), tables("xroad-sidecar")).rows.length, 0);
        assert.ok((0, kql_1.runKql)((0, detection_queries_1.kqlAuditQuery)(exec.audit, ["xroad-sidecar"], "AKSAudit"), tables("xroad-sidecar")).rows.length > 0);
    });
});
for (const stack of ["azure-dev", "azure-prod"]) {
    describe(`alerts of Pulumi.${stack}.yaml`, function () {
        this.timeout(120000);
        let plan;
        before(async () => {
            plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
        });
        it("has one action group with the configured receivers", () => {
            const group = (0, plan_helpers_1.one)(plan.resources, "azure-native:monitor:ActionGroup");
            assert.deepEqual(group.props.emailReceivers.map((r) => r.emailAddress), plan.config.alerts.receivers.emails);
            assert.ok(group.props.emailReceivers.length > 0);
        });
        it("runs each audit detection as a scheduled query rule over the table its diagnostic setting fills", () => {
            if (plan.config.target !== "azure")
                assert.fail("an Azure stack");
            const category = plan.config.azure.auditCategory;
            const setting = (0, plan_helpers_1.one)(plan.resources, "azure-native:monitor:DiagnosticSetting", /control-plane-logs/);
            assert.ok(setting.props.logs.some((l) => l.category === category));
            assert.deepEqual((0, cluster_diagnostics_1.controlPlaneLogCategories)(category).includes(category), true);
            const group = (0, plan_helpers_1.one)(plan.resources, "azure-native:monitor:ActionGroup");
            const workspace = (0, plan_helpers_1.one)(plan.resources, "azure-native:operationalinsights:Workspace");
            const rules = (0, plan_helpers_1.ofType)(plan.resources, "azure-native:monitor:ScheduledQueryRule").filter((r) => /-audit-alerts-/.test(r.name));
            const namespaces = plan.config.instances.map((i) => i.namespace);
            const table = audit_alerts_1.AUDIT_TABLE[category];
            const expected = detections_1.AUDIT_DETECTIONS.filter((d) => table === "AKSAudit" || d.audit?.reads !== "only");
            assert.deepEqual(rules.map((r) => r.name.replace(/.*-audit-alerts-/, "")).sort(), expected.map((d) => d.id).sort());
            for (const d of expected) {
                const rule = rules.find((r) => r.name.endsWith(`-${d.id}`));
                assert.equal(rule.props.criteria.allOf[0].query, (0, detection_queries_1.kqlAuditQuery)(d.audit, namespaces, table));
                assert.equal(rule.props.criteria.allOf[0].threshold, plan.config.alerts.thresholds[d.threshold.key]);
                assert.equal(rule.props.severity, detections_1.AZURE_SEVERITY[d.severity]);
                assert.deepEqual(rule.propertyDependencies.scopes, [workspace.urn]);
                assert.ok(rule.propertyDependencies.actions.includes(group.urn));
                assert.match(rule.props.description, /Runbook: /);
            }
            if (plan.config.environment === "production")
                assert.equal(table, "AKSAudit", "production reads every request");
        });
        it("alerts on the Sidecar's health from Container Insights, and on node anomalies with dynamic thresholds", () => {
            const group = (0, plan_helpers_1.one)(plan.resources, "azure-native:monitor:ActionGroup");
            const cluster = (0, plan_helpers_1.one)(plan.resources, "azure-native:containerservice:ManagedCluster");
            const rules = (0, plan_helpers_1.ofType)(plan.resources, "azure-native:monitor:ScheduledQueryRule").filter((r) => /-health-alerts-/.test(r.name));
            for (const r of rules)
                assert.ok(r.propertyDependencies.actions.includes(group.urn), r.name);
            for (const instance of plan.config.instances) {
                const primary = rules.find((r) => r.name.endsWith(`-${instance.name}-primary-not-ready`));
                const pod = instance.topology === "single" ? `${instance.name}-0` : `${instance.name}-primary-0`;
                assert.match(primary.props.criteria.allOf[0].query, new RegExp(`Namespace == "${instance.namespace}" and Name == "${pod}"`));
                assert.equal(primary.props.criteria.allOf[0].threshold, plan.config.alerts.thresholds.primaryNotReadyMinutes);
                const secondaries = rules.filter((r) => r.name.endsWith(`-${instance.name}-secondaries-below-minimum`));
                assert.equal(secondaries.length, instance.topology === "primary-secondaries" ? 1 : 0);
                if (secondaries.length)
                    assert.match(secondaries[0].props.criteria.allOf[0].query, new RegExp(`Running < ${instance.autoscaling.minReplicas}$`));
            }
            const volume = rules.find((r) => r.name.endsWith("-volume-usage"));
            assert.match(volume.props.criteria.allOf[0].query, new RegExp(`Percent >= ${plan.config.alerts.thresholds.volumeUsagePercent}$`));
            const archiver = rules.find((r) => r.name.endsWith("-archiver-failed"));
            assert.match(queryCriteria(archiver)[0].query, /ContainerName == "archiver" and tostring\(LogMessage\) startswith "archiver: error"/);
            const anomalies = (0, plan_helpers_1.ofType)(plan.resources, "azure-native:monitor:MetricAlert");
            assert.deepEqual(anomalies.map((a) => metricCriteria(a)[0].metricName).sort(), [
                "node_cpu_usage_percentage",
                "node_memory_working_set_percentage",
            ]);
            for (const a of anomalies) {
                assert.equal(metricCriteria(a)[0].criterionType, "DynamicThresholdCriterion");
                assert.deepEqual(a.propertyDependencies.scopes, [cluster.urn]);
            }
        });
        it("wires Defender for Containers as the threat-detection mode says", () => {
            if (plan.config.target !== "azure")
                assert.fail("an Azure stack");
            const cluster = (0, plan_helpers_1.one)(plan.resources, "azure-native:containerservice:ManagedCluster");
            const pricing = (0, plan_helpers_1.ofType)(plan.resources, "azure-native:security:Pricing");
            const findings = (0, plan_helpers_1.ofType)(plan.resources, "azure-native:monitor:ActivityLogAlert");
            if (plan.config.alerts.threatDetection === "create") {
                assert.equal(pricing.length, 1);
                assert.deepEqual([pricing[0].props.pricingName, pricing[0].props.pricingTier], ["Containers", "Standard"]);
                assert.ok(pricing[0].retainOnDelete, "a subscription-wide plan outlives the stack");
                assert.equal(cluster.props.securityProfile.defender.securityMonitoring.enabled, true);
                assert.ok(cluster.propertyDependencies.securityProfile.includes((0, plan_helpers_1.one)(plan.resources, "azure-native:operationalinsights:Workspace").urn));
                assert.deepEqual(findings[0].props.condition, { allOf: [{ field: "category", equals: "Security" }] });
            }
            else {
                assert.equal(pricing.length, 0);
                assert.equal(cluster.props.securityProfile.defender, undefined);
                assert.equal(findings.length, plan.config.alerts.threatDetection === "existing" ? 1 : 0);
            }
        });
    });
}
describe("Azure alert settings", () => {
    it("refuses kube-audit-admin in production and warns in development: the Secret-read and exec alerts need reads", () => {
        assert.ok((0, fixtures_1.errorsOf)({ ...(0, fixtures_1.prodAzure)(), auditCategory: "kube-audit-admin" }).some((e) => /auditCategory.*sidecar-secret-read/.test(e)));
        const dev = (0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), auditCategory: "kube-audit-admin", userNodePool: { maxCount: 6 } }, { environment: "development" });
        assert.ok(dev.warnings.some((w) => /kube-audit-admin: no alert fires on a read of a Sidecar Secret/.test(w)));
        assert.equal((0, fixtures_1.loadAzure)((0, fixtures_1.prodAzure)()).azure.auditCategory, "kube-audit");
    });
    it("refuses a production stack without receivers, and an http webhook without echoing it", () => {
        assert.ok((0, fixtures_1.errorsOf)((0, fixtures_1.prodAzure)(), { alerts: {} }).some((e) => /alerts\.receivers.*at least one receiver in a production stack/.test(e)));
        const errors = (0, fixtures_1.errorsOf)((0, fixtures_1.prodAzure)(), { alerts: { receivers: { webhooks: ["http://hooks.xroad-operator.test/T0/secret-token"] } } });
        assert.ok(errors.some((e) => /alerts\.receivers\.webhooks\[0\].*https:\/\/ URL/.test(e)), errors.join("\n"));
        assert.ok(!errors.join("\n").includes("secret-token"), "the webhook URL is never echoed");
    });
});
describe("threatDetection existing on Azure", function () {
    this.timeout(120000);
    it("leaves the Defender plan and the cluster's profile to the organisation, and routes the Security alerts", async () => {
        const config = (0, fixtures_1.loadAzure)((0, fixtures_1.prodAzure)(), {
            alerts: { receivers: { emails: ["soc@xroad-operator.test"] }, threatDetection: "existing" },
        });
        const { resources } = await (0, fixtures_1.recordPlatform)(config);
        assert.equal((0, plan_helpers_1.ofType)(resources, "azure-native:security:Pricing").length, 0);
        assert.equal((0, plan_helpers_1.one)(resources, "azure-native:containerservice:ManagedCluster").props.securityProfile.defender, undefined);
        const alert = (0, plan_helpers_1.one)(resources, "azure-native:monitor:ActivityLogAlert");
        assert.deepEqual(alert.props.condition, { allOf: [{ field: "category", equals: "Security" }] });
        assert.deepEqual(alert.props.scopes, [`/subscriptions/${types_1.MOCK_SUBSCRIPTION_ID}`]);
    });
});
