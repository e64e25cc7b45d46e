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
 * guide §8 on `target: existing`: the catalogue's detections as Prometheus alerting rules, written next to the
 * offline plan as a rules file, or created as a PrometheusRule when the stack says the Operator is there.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const yaml_1 = require("yaml");
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const write_1 = require("../../plan/write");
const prometheus_rules_1 = require("../../components/kubernetes/prometheus-rules");
const detections_1 = require("../../policy/xroad/detections");
const plan_helpers_1 = require("../plan-helpers");
const projectDir = path.resolve(__dirname, "../..");
describe("Prometheus alerting rules (target existing)", function () {
    this.timeout(120000);
    it("the plan of the existing example writes every detection Prometheus can see as a rules file", async () => {
        const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "existing"));
        assert.equal(plan.config.alerts.prometheusRule, false);
        assert.equal(plan.resources.filter((r) => r.type === "kubernetes:monitoring.coreos.com/v1:PrometheusRule").length, 0);
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
        const written = (0, write_1.writePlan)(plan, out);
        assert.equal(written.prometheusRulesFile, path.join(out, prometheus_rules_1.PROMETHEUS_RULES_FILE));
        const { groups } = (0, yaml_1.parse)(fs.readFileSync(written.prometheusRulesFile, "utf8"));
        const rules = groups.flatMap((g) => g.rules);
        const covered = new Set(rules.map((r) => r.labels.detection));
        // No archiver on an existing cluster (no archive store), so no archiver rule either.
        const archiving = plan.config.instances.some((i) => i.archiving.enabled);
        for (const d of detections_1.DETECTIONS)
            assert.equal(covered.has(d.id), d.notAvailable?.prometheus === undefined && (archiving || d.id !== "archiver-failed"), d.id);
        for (const r of rules) {
            assert.match(r.alert, /^XRoadSidecar[A-Z][A-Za-z]+$/);
            assert.ok(["critical", "high", "medium", "low"].includes(r.labels.severity));
            assert.match(r.annotations.description, /Runbook: /);
            assert.equal(r.expr.split("(").length, r.expr.split(")").length, `balanced parentheses: ${r.expr}`);
        }
        const ns = plan.config.instances[0].namespace;
        assert.ok(rules.some((r) => r.expr === `kube_statefulset_status_replicas_ready{namespace="${ns}",statefulset="sidecar-primary"} < 1`));
        assert.ok(rules.some((r) => r.expr ===
            `kube_deployment_status_replicas_available{namespace="${ns}",deployment="sidecar-secondary"} < ${plan.config.instances[0].autoscaling.minReplicas}` &&
            r.for === "10m"));
        assert.ok(rules.some((r) => r.expr.startsWith('sum(increase(apiserver_request_total{code=~"401|403"}[5m])) >= 20')));
    });
    it("creates a PrometheusRule instead when the Prometheus Operator is declared", async () => {
        const file = (0, stack_file_1.readStackFile)(projectDir, "existing");
        const alerts = { prometheusRule: true, thresholds: { deniedRequests: 50 } };
        const plan = await (0, run_1.planStack)({ ...file, config: { ...file.config, "xroad-sidecar:alerts": JSON.stringify(alerts) } });
        const rule = (0, plan_helpers_1.one)(plan.resources, "kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        assert.equal(rule.props.metadata.namespace, plan.config.instances[0].namespace);
        assert.deepEqual(rule.props.spec.groups, (0, prometheus_rules_1.prometheusRuleGroups)(plan.config.instances, plan.config.alerts.thresholds, 5));
        assert.ok(JSON.stringify(rule.props.spec).includes('code=~\\"401|403\\"}[5m])) >= 50'));
        const namespace = (0, plan_helpers_1.one)(plan.resources, "kubernetes:core/v1:Namespace");
        assert.ok(rule.dependencies.includes(namespace.urn), "the rule waits for its namespace");
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
        assert.equal((0, write_1.writePlan)(plan, out).prometheusRulesFile, undefined);
    });
    it("refuses prometheusRule on a cloud target, and receivers on target existing", async () => {
        const { loadStackConfig } = await Promise.resolve().then(() => __importStar(require("../../config")));
        const file = (0, stack_file_1.readStackFile)(projectDir, "existing");
        assert.throws(() => loadStackConfig({ ...file.config, "xroad-sidecar:alerts": JSON.stringify({ receivers: { emails: ["soc@xroad-operator.test"] } }) }, file), /alerts\.receivers.*Alertmanager/);
    });
});
