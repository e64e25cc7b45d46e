/**
 * guide §11: Horizontal Pod Autoscaler best practices. Pods request what the HPA scales on, scale-down has
 * a cooldown (stabilization window), custom metrics are preferred over external ones, and HPA and VPA never
 * drive the same pods.
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configOf, guide } from "./common";
import { VPA, isHpa, k8sKind } from "../kubernetes-model/types";
import { Obj, allContainers, asArray, asObj, asString, podTemplate } from "../kubernetes-model/workloads";
import { namespaceOf, props, workloads } from "./stack-helpers";

function hpaVersion(type: string): string {
    return /autoscaling\/(v[^:]+):/.exec(type)?.[1] ?? "";
}

function refName(r: PolicyResource): string {
    return asString(asObj(props(r).metadata)?.name) ?? r.name;
}

/** The workloads an HPA scales: by kind/name in its namespace, else by the dependency of its spec. */
function scaleTargets(hpa: PolicyResource, all: PolicyResource[]): PolicyResource[] {
    const ref = asObj(asObj(props(hpa).spec)?.scaleTargetRef) ?? {};
    const kind = asString(ref.kind);
    const name = asString(ref.name);
    const ns = namespaceOf(hpa);
    const byName = all.filter(
        (w) => k8sKind(w.type) === kind && namespaceOf(w) === ns && asString(asObj(props(w).metadata)?.name) === name,
    );
    if (byName.length > 0) return byName;
    const deps = new Set((hpa.propertyDependencies.spec ?? []).map((d) => d.urn));
    return all.filter((w) => deps.has(w.urn) && k8sKind(w.type) === kind);
}

interface ScaledResource {
    resource: string;
    container?: string;
}

/** What the HPA computes utilization from: Resource / ContainerResource metrics; CPU when none (v2 default 80%, v1 always). */
function scaledResources(hpa: PolicyResource): ScaledResource[] {
    const spec = asObj(props(hpa).spec) ?? {};
    if (hpaVersion(hpa.type) === "v1") return [{ resource: "cpu" }];
    const metrics = asArray(spec.metrics);
    if (metrics.length === 0) return [{ resource: "cpu" }];
    const out: ScaledResource[] = [];
    for (const m of metrics) {
        if (m.type === "Resource") out.push({ resource: asString(asObj(m.resource)?.name) ?? "cpu" });
        if (m.type === "ContainerResource")
            out.push({
                resource: asString(asObj(m.containerResource)?.name) ?? "cpu",
                container: asString(asObj(m.containerResource)?.container),
            });
    }
    return out;
}

/** Containers whose usage counts towards pod utilization: app containers and restartable (sidecar) init containers. */
function countedContainers(spec: Obj) {
    return allContainers(spec).filter(
        (c) => c.kind === "container" || (c.kind === "initContainer" && c.container.restartPolicy === "Always"),
    );
}

export const hpaTargetHasRequests: StackValidationPolicy = {
    name: "k8s-hpa-target-has-requests",
    description:
        "Every container of a workload scaled by a HorizontalPodAutoscaler requests the resource the HPA scales on, so utilization is computed from real requests (guide §11).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set resources.requests for the scaled resource (cpu when the HPA has no metrics) on every container of the target (guide §7, §11).",
    ...guide("11", "autoscaling"),
    validateStack: (args, report) => {
        const all = workloads(args.resources);
        for (const hpa of args.resources.filter((r) => isHpa(r.type))) {
            for (const target of scaleTargets(hpa, all)) {
                const tpl = podTemplate(target.type, props(target));
                if (!tpl) continue;
                for (const scaled of scaledResources(hpa)) {
                    for (const c of countedContainers(tpl.spec)) {
                        if (scaled.container && c.name !== scaled.container) continue;
                        const request = asObj(asObj(c.container.resources)?.requests)?.[scaled.resource];
                        if (request === undefined || request === null || request === "") {
                            report(
                                `HPA ${refName(hpa)} scales ${k8sKind(target.type)} ${refName(target)} on ${scaled.resource}, but ${c.kind} "${c.name}" requests no ${scaled.resource}`,
                                hpa.urn,
                            );
                        }
                    }
                }
            }
        }
    },
};

export const hpaScaleDownStabilization: ResourceValidationPolicy = {
    name: "k8s-hpa-scale-down-stabilization",
    description:
        "HPAs set an explicit scale-down stabilization window (the per-HPA cooldown) of at least five minutes, because the Sidecar starts and warms up slowly and thrashing drops traffic (guide §11).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Use autoscaling/v2 and set spec.behavior.scaleDown.stabilizationWindowSeconds to at least the configured minimum (default 300), or selectPolicy Disabled.",
    ...guide("11", "autoscaling"),
    configSchema: { properties: { minimumSeconds: { type: "integer", minimum: 0, maximum: 3600, default: 300 } } },
    validateResource: (args, report) => {
        if (!isHpa(args.type)) return;
        const { minimumSeconds } = configOf<{ minimumSeconds: number }>(hpaScaleDownStabilization, args);
        const version = hpaVersion(args.type);
        if (version === "v1" || version === "v2beta1") {
            report(`autoscaling/${version} cannot set a scale-down stabilization window; use autoscaling/v2 with behavior.scaleDown`);
            return;
        }
        const scaleDown = asObj(asObj(asObj(args.props.spec)?.behavior)?.scaleDown);
        if (asString(scaleDown?.selectPolicy) === "Disabled") return;
        const window = scaleDown?.stabilizationWindowSeconds;
        if (typeof window !== "number") report(`behavior.scaleDown.stabilizationWindowSeconds is not set; set at least ${minimumSeconds}`);
        else if (window < minimumSeconds) report(`behavior.scaleDown.stabilizationWindowSeconds is ${window}, below ${minimumSeconds}`);
    },
};

export const hpaPreferCustomMetrics: ResourceValidationPolicy = {
    name: "k8s-hpa-prefer-custom-metrics",
    description:
        "HPAs scale on resource or custom (Pods/Object) metrics rather than External metrics, whose API is much harder to secure (guide §11).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Expose the signal as a custom metric of the Sidecar's pods (Pods or Object metric) instead of an External metric.",
    ...guide("11", "autoscaling"),
    validateResource: (args, report) => {
        if (!isHpa(args.type)) return;
        asArray(asObj(args.props.spec)?.metrics).forEach((m, i) => {
            if (m.type === "External")
                report(
                    `metrics[${i}] is an External metric (${asString(asObj(asObj(m.external)?.metric)?.name) ?? "?"}); prefer a custom metric`,
                );
        });
    },
};

export const hpaVpaNoOverlap: StackValidationPolicy = {
    name: "k8s-hpa-vpa-no-overlap",
    description: "No workload is driven by both a HorizontalPodAutoscaler and a VerticalPodAutoscaler, which conflict (guide §11).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove the VPA, or run it with updatePolicy.updateMode Off (recommendations only) when `allowVpaOffMode` is true.",
    ...guide("11", "autoscaling"),
    configSchema: { properties: { allowVpaOffMode: { type: "boolean", default: true } } },
    validateStack: (args, report) => {
        const { allowVpaOffMode } = configOf<{ allowVpaOffMode: boolean }>(hpaVpaNoOverlap, args);
        const hpas = args.resources.filter((r) => isHpa(r.type));
        for (const vpa of args.resources.filter((r) => r.type === VPA)) {
            const spec = asObj(props(vpa).spec) ?? {};
            if (allowVpaOffMode && asString(asObj(spec.updatePolicy)?.updateMode) === "Off") continue;
            const ref = asObj(spec.targetRef) ?? {};
            for (const hpa of hpas) {
                const target = asObj(asObj(props(hpa).spec)?.scaleTargetRef) ?? {};
                if (
                    namespaceOf(hpa) === namespaceOf(vpa) &&
                    target.kind === ref.kind &&
                    target.name === ref.name &&
                    target.name !== undefined
                ) {
                    report(
                        `VPA ${refName(vpa)} and HPA ${refName(hpa)} both scale ${String(ref.kind)} ${namespaceOf(vpa)}/${String(ref.name)}`,
                        vpa.urn,
                    );
                }
            }
        }
    },
};

export const autoscalingPolicies = [hpaTargetHasRequests, hpaScaleDownStabilization, hpaPreferCustomMetrics, hpaVpaNoOverlap];
