"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.autoscalingPolicies = exports.hpaVpaNoOverlap = exports.hpaPreferCustomMetrics = exports.hpaScaleDownStabilization = exports.hpaTargetHasRequests = void 0;
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
function hpaVersion(type) {
    return /autoscaling\/(v[^:]+):/.exec(type)?.[1] ?? "";
}
function refName(r) {
    return (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(r).metadata)?.name) ?? r.name;
}
/** The workloads an HPA scales: by kind/name in its namespace, else by the dependency of its spec. */
function scaleTargets(hpa, all) {
    const ref = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).spec)?.scaleTargetRef) ?? {};
    const kind = (0, workloads_1.asString)(ref.kind);
    const name = (0, workloads_1.asString)(ref.name);
    const ns = (0, stack_helpers_1.namespaceOf)(hpa);
    const byName = all.filter((w) => (0, types_1.k8sKind)(w.type) === kind && (0, stack_helpers_1.namespaceOf)(w) === ns && (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(w).metadata)?.name) === name);
    if (byName.length > 0)
        return byName;
    const deps = new Set((hpa.propertyDependencies.spec ?? []).map((d) => d.urn));
    return all.filter((w) => deps.has(w.urn) && (0, types_1.k8sKind)(w.type) === kind);
}
/** What the HPA computes utilization from: Resource / ContainerResource metrics; CPU when none (v2 default 80%, v1 always). */
function scaledResources(hpa) {
    const spec = (0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).spec) ?? {};
    if (hpaVersion(hpa.type) === "v1")
        return [{ resource: "cpu" }];
    const metrics = (0, workloads_1.asArray)(spec.metrics);
    if (metrics.length === 0)
        return [{ resource: "cpu" }];
    const out = [];
    for (const m of metrics) {
        if (m.type === "Resource")
            out.push({ resource: (0, workloads_1.asString)((0, workloads_1.asObj)(m.resource)?.name) ?? "cpu" });
        if (m.type === "ContainerResource")
            out.push({
                resource: (0, workloads_1.asString)((0, workloads_1.asObj)(m.containerResource)?.name) ?? "cpu",
                container: (0, workloads_1.asString)((0, workloads_1.asObj)(m.containerResource)?.container),
            });
    }
    return out;
}
/** Containers whose usage counts towards pod utilization: app containers and restartable (sidecar) init containers. */
function countedContainers(spec) {
    return (0, workloads_1.allContainers)(spec).filter((c) => c.kind === "container" || (c.kind === "initContainer" && c.container.restartPolicy === "Always"));
}
exports.hpaTargetHasRequests = {
    name: "k8s-hpa-target-has-requests",
    description: "Every container of a workload scaled by a HorizontalPodAutoscaler requests the resource the HPA scales on, so utilization is computed from real requests (guide §11).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set resources.requests for the scaled resource (cpu when the HPA has no metrics) on every container of the target (guide §7, §11).",
    ...(0, common_1.guide)("11", "autoscaling"),
    validateStack: (args, report) => {
        const all = (0, stack_helpers_1.workloads)(args.resources);
        for (const hpa of args.resources.filter((r) => (0, types_1.isHpa)(r.type))) {
            for (const target of scaleTargets(hpa, all)) {
                const tpl = (0, workloads_1.podTemplate)(target.type, (0, stack_helpers_1.props)(target));
                if (!tpl)
                    continue;
                for (const scaled of scaledResources(hpa)) {
                    for (const c of countedContainers(tpl.spec)) {
                        if (scaled.container && c.name !== scaled.container)
                            continue;
                        const request = (0, workloads_1.asObj)((0, workloads_1.asObj)(c.container.resources)?.requests)?.[scaled.resource];
                        if (request === undefined || request === null || request === "") {
                            report(`HPA ${refName(hpa)} scales ${(0, types_1.k8sKind)(target.type)} ${refName(target)} on ${scaled.resource}, but ${c.kind} "${c.name}" requests no ${scaled.resource}`, hpa.urn);
                        }
                    }
                }
            }
        }
    },
};
exports.hpaScaleDownStabilization = {
    name: "k8s-hpa-scale-down-stabilization",
    description: "HPAs set an explicit scale-down stabilization window (the per-HPA cooldown) of at least five minutes, because the Sidecar starts and warms up slowly and thrashing drops traffic (guide §11).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Use autoscaling/v2 and set spec.behavior.scaleDown.stabilizationWindowSeconds to at least the configured minimum (default 300), or selectPolicy Disabled.",
    ...(0, common_1.guide)("11", "autoscaling"),
    configSchema: { properties: { minimumSeconds: { type: "integer", minimum: 0, maximum: 3600, default: 300 } } },
    validateResource: (args, report) => {
        if (!(0, types_1.isHpa)(args.type))
            return;
        const { minimumSeconds } = (0, common_1.configOf)(exports.hpaScaleDownStabilization, args);
        const version = hpaVersion(args.type);
        if (version === "v1" || version === "v2beta1") {
            report(`autoscaling/${version} cannot set a scale-down stabilization window; use autoscaling/v2 with behavior.scaleDown`);
            return;
        }
        const scaleDown = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, workloads_1.asObj)(args.props.spec)?.behavior)?.scaleDown);
        if ((0, workloads_1.asString)(scaleDown?.selectPolicy) === "Disabled")
            return;
        const window = scaleDown?.stabilizationWindowSeconds;
        if (typeof window !== "number")
            report(`behavior.scaleDown.stabilizationWindowSeconds is not set; set at least ${minimumSeconds}`);
        else if (window < minimumSeconds)
            report(`behavior.scaleDown.stabilizationWindowSeconds is ${window}, below ${minimumSeconds}`);
    },
};
exports.hpaPreferCustomMetrics = {
    name: "k8s-hpa-prefer-custom-metrics",
    description: "HPAs scale on resource or custom (Pods/Object) metrics rather than External metrics, whose API is much harder to secure (guide §11).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Expose the signal as a custom metric of the Sidecar's pods (Pods or Object metric) instead of an External metric.",
    ...(0, common_1.guide)("11", "autoscaling"),
    validateResource: (args, report) => {
        if (!(0, types_1.isHpa)(args.type))
            return;
        (0, workloads_1.asArray)((0, workloads_1.asObj)(args.props.spec)?.metrics).forEach((m, i) => {
            if (m.type === "External")
                report(`metrics[${i}] is an External metric (${(0, workloads_1.asString)((0, workloads_1.asObj)((0, workloads_1.asObj)(m.external)?.metric)?.name) ?? "?"}); prefer a custom metric`);
        });
    },
};
exports.hpaVpaNoOverlap = {
    name: "k8s-hpa-vpa-no-overlap",
    description: "No workload is driven by both a HorizontalPodAutoscaler and a VerticalPodAutoscaler, which conflict (guide §11).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove the VPA, or run it with updatePolicy.updateMode Off (recommendations only) when `allowVpaOffMode` is true.",
    ...(0, common_1.guide)("11", "autoscaling"),
    configSchema: { properties: { allowVpaOffMode: { type: "boolean", default: true } } },
    validateStack: (args, report) => {
        const { allowVpaOffMode } = (0, common_1.configOf)(exports.hpaVpaNoOverlap, args);
        const hpas = args.resources.filter((r) => (0, types_1.isHpa)(r.type));
        for (const vpa of args.resources.filter((r) => r.type === types_1.VPA)) {
            const spec = (0, workloads_1.asObj)((0, stack_helpers_1.props)(vpa).spec) ?? {};
            if (allowVpaOffMode && (0, workloads_1.asString)((0, workloads_1.asObj)(spec.updatePolicy)?.updateMode) === "Off")
                continue;
            const ref = (0, workloads_1.asObj)(spec.targetRef) ?? {};
            for (const hpa of hpas) {
                const target = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).spec)?.scaleTargetRef) ?? {};
                if ((0, stack_helpers_1.namespaceOf)(hpa) === (0, stack_helpers_1.namespaceOf)(vpa) &&
                    target.kind === ref.kind &&
                    target.name === ref.name &&
                    target.name !== undefined) {
                    report(`VPA ${refName(vpa)} and HPA ${refName(hpa)} both scale ${String(ref.kind)} ${(0, stack_helpers_1.namespaceOf)(vpa)}/${String(ref.name)}`, vpa.urn);
                }
            }
        }
    },
};
exports.autoscalingPolicies = [exports.hpaTargetHasRequests, exports.hpaScaleDownStabilization, exports.hpaPreferCustomMetrics, exports.hpaVpaNoOverlap];
