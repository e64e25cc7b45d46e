/**
 * Pod templates of every workload kind. The pod spec is at `spec` (Pod), `spec.template.spec`
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job) or
 * `spec.jobTemplate.spec.template.spec` (CronJob).
 */
import { k8sKind } from "./types";

const WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"] as const;

/** A PodTemplate object: a pod template of its own, not a workload (it starts no pod). */
const POD_TEMPLATE = "kubernetes:core/v1:PodTemplate";

export function isWorkload(type: string): boolean {
    const kind = k8sKind(type);
    return kind !== undefined && (WORKLOAD_KINDS as readonly string[]).includes(kind) && !type.endsWith("Patch");
}

/** Loosely typed object view: policies must tolerate partial and missing props. */
export type Obj = Record<string, unknown>;

export function asObj(value: unknown): Obj | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function asArray(value: unknown): Obj[] {
    return Array.isArray(value) ? (value as unknown[]).filter((v): v is Obj => v !== null && typeof v === "object") : [];
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/**
 * A manifest value as text, for a message or a string comparison: a string as it is, a number or boolean printed,
 * nothing as "", and an object or list as JSON (never "[object Object]").
 */
export function textOf(value: unknown): string {
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
    return JSON.stringify(value);
}

export interface PodTemplate {
    /** Pod metadata (labels, annotations) as the admission controller sees it. */
    metadata: Obj;
    spec: Obj;
}

/**
 * The pod template of a workload, or of a core/v1 PodTemplate object (`template`), or undefined when the resource
 * has none (yet). A PodTemplate runs no pod, but Pod Security Admission judges it (warn and audit) like a workload's
 * template (k8s.io/pod-security-admission DefaultPodSpecExtractor: podtemplates), so the pod-level rules read it too.
 */
export function podTemplate(type: string, props: Obj): PodTemplate | undefined {
    const kind = k8sKind(type);
    if (type === POD_TEMPLATE) {
        const template = asObj(props.template);
        const spec = asObj(template?.spec);
        return spec ? { metadata: asObj(template?.metadata) ?? {}, spec } : undefined;
    }
    if (!isWorkload(type)) return undefined;
    if (kind === "Pod") {
        const spec = asObj(props.spec);
        return spec ? { metadata: asObj(props.metadata) ?? {}, spec } : undefined;
    }
    const template =
        kind === "CronJob" ? asObj(asObj(asObj(asObj(props.spec)?.jobTemplate)?.spec)?.template) : asObj(asObj(props.spec)?.template);
    const spec = asObj(template?.spec);
    return spec ? { metadata: asObj(template?.metadata) ?? {}, spec } : undefined;
}

export interface ContainerRef {
    container: Obj;
    kind: "initContainer" | "container" | "ephemeralContainer";
    name: string;
}

/** initContainers, containers and ephemeralContainers, in the admission controller's order (`visitContainers`). */
export function allContainers(spec: Obj): ContainerRef[] {
    const out: ContainerRef[] = [];
    const add = (list: unknown, kind: ContainerRef["kind"]) => {
        for (const c of asArray(list)) out.push({ container: c, kind, name: asString(c.name) ?? "" });
    };
    add(spec.initContainers, "initContainer");
    add(spec.containers, "container");
    add(spec.ephemeralContainers, "ephemeralContainer");
    return out;
}

/** Labels of the pods a workload creates. */
export function podLabels(type: string, props: Obj): Record<string, string> {
    const tpl = podTemplate(type, props);
    const labels = asObj(tpl?.metadata.labels) ?? {};
    return Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}
