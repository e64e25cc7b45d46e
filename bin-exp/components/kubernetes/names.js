"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OBJECT_NAME_KINDS = void 0;
exports.objectNames = objectNames;
exports.serviceDnsName = serviceDnsName;
/** The kind of object each name is given to, whose name rule it must follow (policy/kubernetes/name-rules.ts). */
exports.OBJECT_NAME_KINDS = {
    variablesSecret: "Secret",
    sshSecret: "Secret",
    primary: "StatefulSet",
    primaryService: "Service",
    secondaries: "Deployment",
    standalone: "StatefulSet",
    publicService: "Service",
    consumerService: "Service",
    consumerLoadBalancer: "Service",
    configClaim: "PersistentVolumeClaim",
    archiveClaim: "PersistentVolumeClaim",
    databaseClaim: "PersistentVolumeClaim",
    autoscaler: "HorizontalPodAutoscaler",
    disruptionBudget: "PodDisruptionBudget",
    archiver: "CronJob",
};
function objectNames(instance) {
    const n = instance.name;
    return {
        variablesSecret: `${n}-variables`,
        sshSecret: `${n}-ssh-keys`,
        primary: `${n}-primary`,
        primaryService: `${n}-primary`,
        secondaries: `${n}-secondary`,
        standalone: n,
        publicService: `${n}-public`,
        consumerService: `${n}-consumer`,
        consumerLoadBalancer: `${n}-consumer-internal`,
        configClaim: `${n}-config`,
        archiveClaim: `${n}-archive`,
        databaseClaim: `${n}-database`,
        autoscaler: `${n}-secondary`,
        disruptionBudget: `${n}-secondary`,
        archiver: `${n}-archiver`,
    };
}
/** The cluster DNS name of a Service, as XROAD_PRIMARY_DNS wants it (NIIS reference data 3.11). */
function serviceDnsName(service, namespace) {
    return `${service}.${namespace}.svc.cluster.local`;
}
