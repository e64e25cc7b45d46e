/**
 * guide §10 context: the primary (or the single-pod Security Server) is the one pod that owns `/etc/xroad`
 * (configuration, keys) on a ReadWriteOnce volume and writes the backups and message-log archives of
 * `/var/lib/xroad`. It must never run twice: two primaries both write archives and backups, the secondaries
 * sync from whichever answers, and the second pod of a RollingUpdate cannot attach the RWO volume
 * (Multi-Attach error; xroad-facts §7 item 17, the official load_balancer_setup.yaml).
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ROLE_LABEL, ROLE_PRIMARY, ROLE_STANDALONE } from "./xroad/labels";
import { configOf, guide } from "./common";
import { isHpa, k8sKind } from "../kubernetes-model/types";
import { Obj, asObj, asString, podLabels } from "../kubernetes-model/workloads";
import { namespaceOf, props, workloads } from "./stack-helpers";

export interface SingleInstanceConfig {
    /** Pods matching every label of any one entry are the primary or the single pod. */
    singleInstanceLabels: Record<string, string>[];
}

const singleInstanceSchema = {
    properties: {
        singleInstanceLabels: {
            type: "array" as const,
            items: { type: "object" as const, additionalProperties: { type: "string" as const } },
            default: [{ [ROLE_LABEL]: ROLE_PRIMARY }, { [ROLE_LABEL]: ROLE_STANDALONE }],
        },
    },
};

/** The matching entry (for messages, `role=primary`), or undefined when the pods are no single-instance role. */
function matchedRole(type: string, p: Obj, config: SingleInstanceConfig): string | undefined {
    const labels = podLabels(type, p);
    const match = config.singleInstanceLabels.find(
        (wanted) => Object.keys(wanted).length > 0 && Object.entries(wanted).every(([k, v]) => labels[k] === v),
    );
    return (
        match &&
        Object.entries(match)
            .map(([k, v]) => `${k}=${v}`)
            .join(",")
    );
}

function label(type: string, p: Obj, fallback: string, ns: string): string {
    return `${k8sKind(type) ?? type} ${ns}/${asString(asObj(p.metadata)?.name) ?? fallback}`;
}

/** `spec.replicas` as the API server defaults it (1 when unset); undefined when it is no number. */
function replicas(p: Obj): number | undefined {
    const value = asObj(p.spec)?.replicas;
    if (value === undefined || value === null) return 1;
    return typeof value === "number" ? value : undefined;
}

export const primarySingleInstance: StackValidationPolicy = {
    name: "xroad-primary-single-instance",
    description:
        "The primary and the single-pod Security Server, which own /etc/xroad on a ReadWriteOnce volume and write the backups and message-log archives, never run twice: a StatefulSet of at most one replica, or a Deployment of at most one replica with strategy Recreate (the default RollingUpdate starts the new pod before the old one stops, as in the official load_balancer_setup.yaml), never a DaemonSet, Job or CronJob, and no HorizontalPodAutoscaler above one replica (guide §10; NIIS Kubernetes user guide §4.5.6, xroad-facts §7 item 17).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Run the primary (role=primary) or single pod (role=standalone) as a StatefulSet with replicas: 1, which also never starts a replacement while the old pod may still run on a lost node; a Deployment needs replicas: 1 and strategy: {type: Recreate} (RollingUpdate, even with maxSurge 0, does not wait for the old pod to stop). Do not scale it with an HPA and do not run it as a DaemonSet, Job or CronJob; scale the secondaries instead.",
    ...guide("10", "xroad", "workloads"),
    configSchema: singleInstanceSchema,
    validateStack: (args, report) => {
        const config = configOf<SingleInstanceConfig>(primarySingleInstance, args);
        const hpas = args.resources.filter((r) => isHpa(r.type));
        for (const w of workloads(args.resources)) {
            const p = props(w);
            const role = matchedRole(w.type, p, config);
            if (!role) continue;
            const ns = namespaceOf(w);
            const what = `${label(w.type, p, w.name, ns)} runs the ${role} Security Server`;
            const kind = k8sKind(w.type);
            switch (kind) {
                case "Pod":
                    // One pod by definition; xroad-primary-managed-by-controller advises a controller.
                    break;
                case "StatefulSet":
                case "Deployment":
                case "ReplicaSet":
                case "ReplicationController": {
                    const count = replicas(p);
                    if (count !== undefined && count > 1)
                        report(`${what} with ${count} replicas; it must run as one pod (replicas: 1)`, w.urn);
                    // ReplicaSets and ReplicationControllers have no update strategy: they never replace pods on a template change.
                    if (kind === "Deployment") {
                        const strategy = asString(asObj(asObj(p.spec)?.strategy)?.type);
                        if (strategy !== "Recreate") {
                            report(
                                `${what} with update strategy ${strategy ?? "RollingUpdate (the default)"}: a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet`,
                                w.urn,
                            );
                        }
                    }
                    break;
                }
                case "DaemonSet":
                    report(`${what} on every node; it must run as one pod: use a StatefulSet with replicas: 1`, w.urn);
                    break;
                default:
                    report(
                        `${what} as a ${kind}, whose runs can overlap or finish; it must run as one long-lived pod: use a StatefulSet with replicas: 1`,
                        w.urn,
                    );
            }
            for (const hpa of hpas.filter((h) => scales(h, w, ns))) {
                const max = asObj(props(hpa).spec)?.maxReplicas;
                if (typeof max === "number" && max > 1) {
                    report(
                        `HorizontalPodAutoscaler ${namespaceOf(hpa)}/${asString(asObj(props(hpa).metadata)?.name) ?? hpa.name} scales ${label(w.type, p, w.name, ns)}, which runs the ${role} Security Server, up to ${max} replicas; it must run as one pod`,
                        hpa.urn,
                    );
                }
            }
        }
    },
};

/** The HPA targets the workload: same namespace and kind/name in scaleTargetRef, or a dependency of its spec on it. */
function scales(hpa: PolicyResource, w: PolicyResource, ns: string): boolean {
    const ref = asObj(asObj(props(hpa).spec)?.scaleTargetRef) ?? {};
    if (asString(ref.kind) !== k8sKind(w.type)) return false;
    if (namespaceOf(hpa) === ns && asString(ref.name) === asString(asObj(props(w).metadata)?.name)) return true;
    return (hpa.propertyDependencies.spec ?? []).some((d) => d.urn === w.urn);
}

export const primaryManagedByController: ResourceValidationPolicy = {
    name: "xroad-primary-managed-by-controller",
    description:
        "The primary and the single-pod Security Server are managed by a StatefulSet (or a Recreate Deployment), not a bare Pod, which nothing recreates when its node fails, leaving the secondaries without configuration sync and the backups and message-log archives unwritten (guide §10; NIIS Kubernetes user guide §4.5.6 and the 2023 load_balancer_setup.yaml use a bare Pod, xroad-facts §7 item 10).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Wrap the pod spec in a StatefulSet with replicas: 1 (selector and template labels role=primary or role=standalone) and its volumes as before.",
    ...guide("10", "xroad", "workloads"),
    configSchema: singleInstanceSchema,
    validateResource: (args, report) => {
        if (k8sKind(args.type) !== "Pod") return;
        const p = args.props as Obj;
        const role = matchedRole(args.type, p, configOf<SingleInstanceConfig>(primaryManagedByController, args));
        if (role)
            report(
                `bare Pod runs the ${role} Security Server: it is not recreated when its node fails; use a StatefulSet with replicas: 1`,
            );
    },
};

export const primaryPolicies = [primarySingleInstance, primaryManagedByController];
