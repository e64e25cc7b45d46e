"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.primaryPolicies = exports.primaryManagedByController = exports.primarySingleInstance = void 0;
const labels_1 = require("./xroad/labels");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
const singleInstanceSchema = {
    properties: {
        singleInstanceLabels: {
            type: "array",
            items: { type: "object", additionalProperties: { type: "string" } },
            default: [{ [labels_1.ROLE_LABEL]: labels_1.ROLE_PRIMARY }, { [labels_1.ROLE_LABEL]: labels_1.ROLE_STANDALONE }],
        },
    },
};
/** The matching entry (for messages, `role=primary`), or undefined when the pods are no single-instance role. */
function matchedRole(type, p, config) {
    const labels = (0, workloads_1.podLabels)(type, p);
    const match = config.singleInstanceLabels.find((wanted) => Object.keys(wanted).length > 0 && Object.entries(wanted).every(([k, v]) => labels[k] === v));
    return (match &&
        Object.entries(match)
            .map(([k, v]) => `${k}=${v}`)
            .join(","));
}
function label(type, p, fallback, ns) {
    return `${(0, types_1.k8sKind)(type) ?? type} ${ns}/${(0, workloads_1.asString)((0, workloads_1.asObj)(p.metadata)?.name) ?? fallback}`;
}
/** `spec.replicas` as the API server defaults it (1 when unset); undefined when it is no number. */
function replicas(p) {
    const value = (0, workloads_1.asObj)(p.spec)?.replicas;
    if (value === undefined || value === null)
        return 1;
    return typeof value === "number" ? value : undefined;
}
exports.primarySingleInstance = {
    name: "xroad-primary-single-instance",
    description: "The primary and the single-pod Security Server, which own /etc/xroad on a ReadWriteOnce volume and write the backups and message-log archives, never run twice: a StatefulSet of at most one replica, or a Deployment of at most one replica with strategy Recreate (the default RollingUpdate starts the new pod before the old one stops, as in the official load_balancer_setup.yaml), never a DaemonSet, Job or CronJob, and no HorizontalPodAutoscaler above one replica (guide §10; NIIS Kubernetes user guide §4.5.6, xroad-facts §7 item 17).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Run the primary (role=primary) or single pod (role=standalone) as a StatefulSet with replicas: 1, which also never starts a replacement while the old pod may still run on a lost node; a Deployment needs replicas: 1 and strategy: {type: Recreate} (RollingUpdate, even with maxSurge 0, does not wait for the old pod to stop). Do not scale it with an HPA and do not run it as a DaemonSet, Job or CronJob; scale the secondaries instead.",
    ...(0, common_1.guide)("10", "xroad", "workloads"),
    configSchema: singleInstanceSchema,
    validateStack: (args, report) => {
        const config = (0, common_1.configOf)(exports.primarySingleInstance, args);
        const hpas = args.resources.filter((r) => (0, types_1.isHpa)(r.type));
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const p = (0, stack_helpers_1.props)(w);
            const role = matchedRole(w.type, p, config);
            if (!role)
                continue;
            const ns = (0, stack_helpers_1.namespaceOf)(w);
            const what = `${label(w.type, p, w.name, ns)} runs the ${role} Security Server`;
            const kind = (0, types_1.k8sKind)(w.type);
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
                        const strategy = (0, workloads_1.asString)((0, workloads_1.asObj)((0, workloads_1.asObj)(p.spec)?.strategy)?.type);
                        if (strategy !== "Recreate") {
                            report(`${what} with update strategy ${strategy ?? "RollingUpdate (the default)"}: a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet`, w.urn);
                        }
                    }
                    break;
                }
                case "DaemonSet":
                    report(`${what} on every node; it must run as one pod: use a StatefulSet with replicas: 1`, w.urn);
                    break;
                default:
                    report(`${what} as a ${kind}, whose runs can overlap or finish; it must run as one long-lived pod: use a StatefulSet with replicas: 1`, w.urn);
            }
            for (const hpa of hpas.filter((h) => scales(h, w, ns))) {
                const max = (0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).spec)?.maxReplicas;
                if (typeof max === "number" && max > 1) {
                    report(`HorizontalPodAutoscaler ${(0, stack_helpers_1.namespaceOf)(hpa)}/${(0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).metadata)?.name) ?? hpa.name} scales ${label(w.type, p, w.name, ns)}, which runs the ${role} Security Server, up to ${max} replicas; it must run as one pod`, hpa.urn);
                }
            }
        }
    },
};
/** The HPA targets the workload: same namespace and kind/name in scaleTargetRef, or a dependency of its spec on it. */
function scales(hpa, w, ns) {
    const ref = (0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(hpa).spec)?.scaleTargetRef) ?? {};
    if ((0, workloads_1.asString)(ref.kind) !== (0, types_1.k8sKind)(w.type))
        return false;
    if ((0, stack_helpers_1.namespaceOf)(hpa) === ns && (0, workloads_1.asString)(ref.name) === (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(w).metadata)?.name))
        return true;
    return (hpa.propertyDependencies.spec ?? []).some((d) => d.urn === w.urn);
}
exports.primaryManagedByController = {
    name: "xroad-primary-managed-by-controller",
    description: "The primary and the single-pod Security Server are managed by a StatefulSet (or a Recreate Deployment), not a bare Pod, which nothing recreates when its node fails, leaving the secondaries without configuration sync and the backups and message-log archives unwritten (guide §10; NIIS Kubernetes user guide §4.5.6 and the 2023 load_balancer_setup.yaml use a bare Pod, xroad-facts §7 item 10).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Wrap the pod spec in a StatefulSet with replicas: 1 (selector and template labels role=primary or role=standalone) and its volumes as before.",
    ...(0, common_1.guide)("10", "xroad", "workloads"),
    configSchema: singleInstanceSchema,
    validateResource: (args, report) => {
        if ((0, types_1.k8sKind)(args.type) !== "Pod")
            return;
        const p = args.props;
        const role = matchedRole(args.type, p, (0, common_1.configOf)(exports.primaryManagedByController, args));
        if (role)
            report(`bare Pod runs the ${role} Security Server: it is not recreated when its node fails; use a StatefulSet with replicas: 1`);
    },
};
exports.primaryPolicies = [exports.primarySingleInstance, exports.primaryManagedByController];
