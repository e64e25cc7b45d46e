/**
 * guide §8 on `target: existing`: the catalogue's detections as Prometheus alerting rules, written next to the
 * offline plan as a rules file, or created as a PrometheusRule when the stack says the Operator is there.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { planStack } from "../../plan/run";
import { readStackFile } from "../../plan/stack-file";
import { writePlan } from "../../plan/write";
import { PROMETHEUS_RULES_FILE, PrometheusRuleGroup, prometheusRuleGroups } from "../../components/kubernetes/prometheus-rules";
import { DETECTIONS } from "../../policy/xroad/detections";
import { one } from "../plan-helpers";

const projectDir = path.resolve(__dirname, "../..");

describe("Prometheus alerting rules (target existing)", function () {
    this.timeout(120000);

    it("the plan of the existing example writes every detection Prometheus can see as a rules file", async () => {
        const plan = await planStack(readStackFile(projectDir, "existing"));
        assert.equal(plan.config.alerts.prometheusRule, false);
        assert.equal(plan.resources.filter((r) => r.type === "kubernetes:monitoring.coreos.com/v1:PrometheusRule").length, 0);
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
        const written = writePlan(plan, out);
        assert.equal(written.prometheusRulesFile, path.join(out, PROMETHEUS_RULES_FILE));
        const { groups } = parse(fs.readFileSync(written.prometheusRulesFile, "utf8")) as { groups: PrometheusRuleGroup[] };
        const rules = groups.flatMap((g) => g.rules);
        const covered = new Set(rules.map((r) => r.labels.detection));
        // No archiver on an existing cluster (no archive store), so no archiver rule either.
        const archiving = plan.config.instances.some((i) => i.archiving.enabled);
        for (const d of DETECTIONS)
            assert.equal(covered.has(d.id), d.notAvailable?.prometheus === undefined && (archiving || d.id !== "archiver-failed"), d.id);
        for (const r of rules) {
            assert.match(r.alert, /^XRoadSidecar[A-Z][A-Za-z]+$/);
            assert.ok(["critical", "high", "medium", "low"].includes(r.labels.severity));
            assert.match(r.annotations.description, /Runbook: /);
            assert.equal(r.expr.split("(").length, r.expr.split(")").length, `balanced parentheses: ${r.expr}`);
        }
        const ns = plan.config.instances[0].namespace;
        assert.ok(
            rules.some((r) => r.expr === `kube_statefulset_status_replicas_ready{namespace="${ns}",statefulset="sidecar-primary"} < 1`),
        );
        assert.ok(
            rules.some(
                (r) =>
                    r.expr ===
                        `kube_deployment_status_replicas_available{namespace="${ns}",deployment="sidecar-secondary"} < ${plan.config.instances[0].autoscaling.minReplicas}` &&
                    r.for === "10m",
            ),
        );
        assert.ok(rules.some((r) => r.expr.startsWith('sum(increase(apiserver_request_total{code=~"401|403"}[5m])) >= 20')));
    });

    it("creates a PrometheusRule instead when the Prometheus Operator is declared", async () => {
        const file = readStackFile(projectDir, "existing");
        const alerts = { prometheusRule: true, thresholds: { deniedRequests: 50 } };
        const plan = await planStack({ ...file, config: { ...file.config, "xroad-sidecar:alerts": JSON.stringify(alerts) } });
        const rule = one(plan.resources, "kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        assert.equal(rule.props.metadata.namespace, plan.config.instances[0].namespace);
        assert.deepEqual(rule.props.spec.groups, prometheusRuleGroups(plan.config.instances, plan.config.alerts.thresholds, 5));
        assert.ok(JSON.stringify(rule.props.spec).includes('code=~\\"401|403\\"}[5m])) >= 50'));
        const namespace = one(plan.resources, "kubernetes:core/v1:Namespace");
        assert.ok(rule.dependencies.includes(namespace.urn), "the rule waits for its namespace");
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
        assert.equal(writePlan(plan, out).prometheusRulesFile, undefined);
    });

    it("refuses prometheusRule on a cloud target, and receivers on target existing", async () => {
        const { loadStackConfig } = await import("../../config");
        const file = readStackFile(projectDir, "existing");
        assert.throws(
            () =>
                loadStackConfig(
                    { ...file.config, "xroad-sidecar:alerts": JSON.stringify({ receivers: { emails: ["soc@xroad-operator.test"] } }) },
                    file,
                ),
            /alerts\.receivers.*Alertmanager/,
        );
    });
});
