import { SidecarInstanceConfig } from "../../config/instance";

/**
 * The Kubernetes names of every object of one instance. Each object gets an explicit, stable
 * `metadata.name` (no Pulumi auto-suffix): the offline plan writes manifests from inputs, other
 * objects refer to these names (selectors, claimName, secretName, XROAD_PRIMARY_DNS), and operators
 * type them in `kubectl`. Every instance lives in its own namespace, so the names need no prefix.
 */
export interface SidecarObjectNames {
    /** Secret with the sensitive environment (guide §3.2). */
    variablesSecret: string;
    /** Secret with the generated SSH key pair (guide §3.1). */
    sshSecret: string;
    primary: string;
    /** Headless Service of the primary; its DNS name is the secondaries' XROAD_PRIMARY_DNS. */
    primaryService: string;
    secondaries: string;
    standalone: string;
    /** LoadBalancer Service for 5500/5577. */
    publicService: string;
    /** ClusterIP Service for the consumer information systems. */
    consumerService: string;
    /** Internal LoadBalancer Service for consumers outside the cluster (network.consumerCidrs). */
    consumerLoadBalancer: string;
    /** PVC of `/etc/xroad`. */
    configClaim: string;
    /** PVC of `/var/lib/xroad` (backups, message-log archives). */
    archiveClaim: string;
    /** PVC of the local PostgreSQL data. */
    databaseClaim: string;
    autoscaler: string;
    disruptionBudget: string;
    archiver: string;
}

/** The kind of object each name is given to, whose name rule it must follow (kubernetes-model/name-rules.ts). */
export const OBJECT_NAME_KINDS: Readonly<Record<keyof SidecarObjectNames, string>> = {
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

export function objectNames(instance: Pick<SidecarInstanceConfig, "name">): SidecarObjectNames {
    const instanceName = instance.name;
    return {
        variablesSecret: `${instanceName}-variables`,
        sshSecret: `${instanceName}-ssh-keys`,
        primary: `${instanceName}-primary`,
        primaryService: `${instanceName}-primary`,
        secondaries: `${instanceName}-secondary`,
        standalone: instanceName,
        publicService: `${instanceName}-public`,
        consumerService: `${instanceName}-consumer`,
        consumerLoadBalancer: `${instanceName}-consumer-internal`,
        configClaim: `${instanceName}-config`,
        archiveClaim: `${instanceName}-archive`,
        databaseClaim: `${instanceName}-database`,
        autoscaler: `${instanceName}-secondary`,
        disruptionBudget: `${instanceName}-secondary`,
        archiver: `${instanceName}-archiver`,
    };
}

/** The cluster DNS name of a Service, as XROAD_PRIMARY_DNS wants it (NIIS reference data 3.11). */
export function serviceDnsName(service: string, namespace: string): string {
    return `${service}.${namespace}.svc.cluster.local`;
}
