import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SidecarInstanceConfig } from "../../config/instance";
import { AlertEvaluation } from "../../config/alerts";
import { DETECTIONS, Detection, alertDescription } from "../../policy/xroad/detections";
import { objectNames } from "./names";

/** One Prometheus alerting rule (Prometheus "Alerting rules" file format, also the PrometheusRule CRD's spec). */
export interface PrometheusAlertRule {
    alert: string;
    expr: string;
    for?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
}

export interface PrometheusRuleGroup {
    name: string;
    rules: PrometheusAlertRule[];
}

/** The file the offline plan writes for `target: existing` without the Prometheus Operator. */
export const PROMETHEUS_RULES_FILE = "prometheus-rules.yaml";

const regexOf = (values: string[]): string => values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\\\$&")).join("|");

/** `Sidecar-exec` style alert names Prometheus accepts (a label value, but conventionally CamelCase). */
const alertName = (detection: Detection): string =>
    `XRoadSidecar${detection.id
        .split("-")
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join("")}`;

/** Writes (create, update, patch, delete) as the API server's request metrics name them. */
const WRITE_VERBS = "POST|PUT|PATCH|DELETE|DELETECOLLECTION|APPLY";

/**
 * The catalogue's detections as portable Prometheus alerting rules (guide §8 on a cluster you run). The audit
 * detections use the API server's own request metrics (`apiserver_request_total`), which carry no namespace or
 * user: they are cluster-wide approximations, and a Secret read cannot be told from the kubelet's (the README
 * says so; route the audit log to your SIEM for the precise form). Health uses kube-state-metrics and the
 * kubelet's volume statistics; node anomalies a z-score of node-exporter's CPU and memory over the last day.
 */
export function prometheusRuleGroups(
    instances: SidecarInstanceConfig[],
    thresholds: Record<string, number>,
    evaluationMinutes: number,
): PrometheusRuleGroup[] {
    const namespaces = regexOf(instances.map((i) => i.namespace));
    const window = `${evaluationMinutes}m`;
    const rule = (detection: Detection, expr: string, forDuration?: string, extra: Record<string, string> = {}): PrometheusAlertRule => ({
        alert: alertName(detection),
        expr,
        ...(forDuration ? { for: forDuration } : {}),
        labels: { severity: detection.severity, detection: detection.id, ...extra },
        annotations: { summary: detection.title, description: alertDescription(detection), runbook: detection.runbook },
    });
    const byId = (id: string): Detection => DETECTIONS.find((detection) => detection.id === id)!;
    const threshold = (id: string): number => thresholds[byId(id).threshold.key];
    const requests = (selector: string) => `sum(increase(apiserver_request_total{${selector}}[${window}]))`;

    const audit: PrometheusAlertRule[] = [
        rule(
            byId("sidecar-exec"),
            `${requests('resource="pods",subresource=~"exec|attach|portforward"')} >= ${threshold("sidecar-exec")}`,
            undefined,
            {
                scope: "cluster",
            },
        ),
        rule(
            byId("rbac-change"),
            `${requests(`group="rbac.authorization.k8s.io",verb=~"${WRITE_VERBS}"`)} >= ${threshold("rbac-change")}`,
            undefined,
            { scope: "cluster" },
        ),
        rule(
            byId("network-policy-change"),
            `${requests(`resource="networkpolicies",verb=~"${WRITE_VERBS}"`)} >= ${threshold("network-policy-change")}`,
            undefined,
            { scope: "cluster" },
        ),
        rule(
            byId("namespace-security-change"),
            `${requests('resource="namespaces",subresource="",verb=~"PUT|PATCH|DELETE|APPLY"')} >= ${threshold("namespace-security-change")}`,
            undefined,
            { scope: "cluster" },
        ),
        rule(byId("denied-requests"), `${requests('code=~"401|403"')} >= ${threshold("denied-requests")}`, undefined, { scope: "cluster" }),
    ];

    const health: PrometheusAlertRule[] = [];
    for (const instance of instances) {
        const names = objectNames(instance);
        const namespace = instance.namespace;
        if (instance.topology === "primary-secondaries")
            health.push(
                rule(
                    byId("secondaries-below-minimum"),
                    `kube_deployment_status_replicas_available{namespace="${namespace}",deployment="${names.secondaries}"} < ${instance.autoscaling.minReplicas}`,
                    `${threshold("secondaries-below-minimum")}m`,
                ),
            );
        const statefulSet = instance.topology === "single" ? names.standalone : names.primary;
        health.push(
            rule(
                byId("primary-not-ready"),
                `kube_statefulset_status_replicas_ready{namespace="${namespace}",statefulset="${statefulSet}"} < 1`,
                `${threshold("primary-not-ready")}m`,
            ),
        );
        health.push(
            rule(
                byId("volume-usage"),
                `100 * kubelet_volume_stats_used_bytes{namespace="${namespace}",persistentvolumeclaim=~"${regexOf([names.configClaim, names.archiveClaim, names.databaseClaim])}"} / kubelet_volume_stats_capacity_bytes{namespace="${namespace}",persistentvolumeclaim=~"${regexOf([names.configClaim, names.archiveClaim, names.databaseClaim])}"} >= ${threshold("volume-usage")}`,
                "10m",
            ),
        );
        if (instance.archiving.enabled)
            health.push(
                rule(byId("archiver-failed"), `kube_job_status_failed{namespace="${namespace}",job_name=~"${names.archiver}-.*"} > 0`),
            );
    }
    health.push(
        rule(
            byId("container-restarts"),
            `increase(kube_pod_container_status_restarts_total{namespace=~"${namespaces}"}[15m]) >= ${threshold("container-restarts")}`,
        ),
    );

    const cpu = '(1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))';
    const memory = "(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)";
    const zScore = (series: string, band: number) =>
        `(${series} - avg_over_time(${series}[1d:5m])) / stddev_over_time(${series}[1d:5m]) > ${band}`;
    const anomaly: PrometheusAlertRule[] = [
        rule(byId("node-cpu-anomaly"), zScore(cpu, threshold("node-cpu-anomaly")), "15m"),
        rule(byId("node-memory-anomaly"), zScore(memory, threshold("node-memory-anomaly")), "15m"),
    ];
    return [
        { name: "xroad-sidecar-audit", rules: audit },
        { name: "xroad-sidecar-health", rules: health },
        { name: "xroad-sidecar-anomaly", rules: anomaly },
    ];
}

export interface PrometheusRulesArgs extends AlertEvaluation {
    instances: SidecarInstanceConfig[];
}

/**
 * `target: existing` with the Prometheus Operator (`alerts.prometheusRule: true`): the detections as one
 * PrometheusRule in the first Sidecar namespace, labelled so a Prometheus whose ruleSelector matches
 * `app.kubernetes.io/part-of: xroad-sidecar` loads it.
 */
export class PrometheusRules extends pulumi.ComponentResource {
    readonly rule: k8s.apiextensions.CustomResource;

    constructor(name: string, args: PrometheusRulesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:PrometheusRules", name, {}, opts);
        this.rule = new k8s.apiextensions.CustomResource(
            name,
            {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "PrometheusRule",
                metadata: {
                    name: "xroad-sidecar-alerts",
                    namespace: args.instances[0].namespace,
                    labels: { "app.kubernetes.io/part-of": "xroad-sidecar", "app.kubernetes.io/component": "alerts" },
                },
                spec: { groups: prometheusRuleGroups(args.instances, args.thresholds, args.evaluationMinutes) },
            },
            // The rule lands in a Sidecar namespace: it waits for what the component waits for (the instances).
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.registerOutputs({ name: "xroad-sidecar-alerts" });
    }
}
