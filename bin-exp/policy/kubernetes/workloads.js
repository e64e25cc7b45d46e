"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isWorkload = isWorkload;
exports.asObj = asObj;
exports.asArray = asArray;
exports.asString = asString;
exports.textOf = textOf;
exports.podTemplate = podTemplate;
exports.allContainers = allContainers;
exports.podLabels = podLabels;
/**
 * Pod templates of every workload kind. The pod spec is at `spec` (Pod), `spec.template.spec`
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job) or
 * `spec.jobTemplate.spec.template.spec` (CronJob).
 */
const types_1 = require("./types");
const WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];
/** A PodTemplate object: a pod template of its own, not a workload (it starts no pod). */
const POD_TEMPLATE = "kubernetes:core/v1:PodTemplate";
function isWorkload(type) {
    const kind = (0, types_1.k8sKind)(type);
    return kind !== undefined && WORKLOAD_KINDS.includes(kind) && !type.endsWith("Patch");
}
function asObj(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function asArray(value) {
    return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === "object") : [];
}
function asString(value) {
    return typeof value === "string" ? value : undefined;
}
/**
 * A manifest value as text, for a message or a string comparison: a string as it is, a number or boolean printed,
 * nothing as "", and an object or list as JSON (never "[object Object]").
 */
function textOf(value) {
    if (value === undefined || value === null)
        return "";
    if (typeof value === "string")
        return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
        return String(value);
    return JSON.stringify(value);
}
/**
 * The pod template of a workload, or of a core/v1 PodTemplate object (`template`), or undefined when the resource
 * has none (yet). A PodTemplate runs no pod, but Pod Security Admission judges it (warn and audit) like a workload's
 * template (k8s.io/pod-security-admission DefaultPodSpecExtractor: podtemplates), so the pod-level rules read it too.
 */
function podTemplate(type, props) {
    const kind = (0, types_1.k8sKind)(type);
    if (type === POD_TEMPLATE) {
        const template = asObj(props.template);
        const spec = asObj(template?.spec);
        return spec ? { metadata: asObj(template?.metadata) ?? {}, spec } : undefined;
    }
    if (!isWorkload(type))
        return undefined;
    if (kind === "Pod") {
        const spec = asObj(props.spec);
        return spec ? { metadata: asObj(props.metadata) ?? {}, spec } : undefined;
    }
    const template = kind === "CronJob" ? asObj(asObj(asObj(asObj(props.spec)?.jobTemplate)?.spec)?.template) : asObj(asObj(props.spec)?.template);
    const spec = asObj(template?.spec);
    return spec ? { metadata: asObj(template?.metadata) ?? {}, spec } : undefined;
}
/** initContainers, containers and ephemeralContainers, in the admission controller's order (`visitContainers`). */
function allContainers(spec) {
    const out = [];
    const add = (list, kind) => {
        for (const c of asArray(list))
            out.push({ container: c, kind, name: asString(c.name) ?? "" });
    };
    add(spec.initContainers, "initContainer");
    add(spec.containers, "container");
    add(spec.ephemeralContainers, "ephemeralContainer");
    return out;
}
/** Labels of the pods a workload creates. */
function podLabels(type, props) {
    const tpl = podTemplate(type, props);
    const labels = asObj(tpl?.metadata.labels) ?? {};
    return Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === "string"));
}
