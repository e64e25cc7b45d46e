import { XROAD_UID } from "./ssh";

/**
 * The message-log archiver (guide §10): a CronJob in each Sidecar namespace that copies the primary's
 * archives and backups from `/var/lib/xroad` to the platform's archive store over TLS. Its ServiceAccount
 * is the only identity the cloud trusts to write archives (IRSA on EKS, workload identity on AKS).
 */
export const ARCHIVER_SERVICE_ACCOUNT = "xroad-archiver";
export const ARCHIVE_MOUNT_PATH = "/var/lib/xroad";
/**
 * The archiver runs as the xroad user (uid and gid 999), non-root: it reads what the Sidecar wrote (umask
 * 0027) and removes uploaded files, which needs write access to directories only their owner has.
 */
export const ARCHIVER_UID = XROAD_UID;

/** One group of resources an admission rule names, as in a ValidatingAdmissionPolicy's `resourceRules`. */
export interface AdmissionResources {
    apiGroup: string;
    /** `resource` or `resource/subresource`. */
    resources: readonly string[];
    operations: readonly ("CREATE" | "UPDATE")[];
}

/**
 * Every request by which a caller acts as a ServiceAccount of a namespace (review azure.md B2): the objects whose
 * pod spec names it (Pod, PodTemplate, ReplicationController, the apps and batch workloads), the ephemeral
 * containers added to a running pod (`kubectl debug`), and the TokenRequest API (`kubectl create token`). The
 * archiver's ValidatingAdmissionPolicy (components/kubernetes/archiver-admission.ts) matches exactly these, and the
 * policy `xroad-archiver-identity-admission` checks that a policy guarding the archiver covers them all.
 */
export const ARCHIVER_IDENTITY_REQUESTS: readonly AdmissionResources[] = [
    {
        apiGroup: "",
        resources: ["pods", "pods/ephemeralcontainers", "podtemplates", "replicationcontrollers"],
        operations: ["CREATE", "UPDATE"],
    },
    { apiGroup: "apps", resources: ["deployments", "replicasets", "statefulsets", "daemonsets"], operations: ["CREATE", "UPDATE"] },
    { apiGroup: "batch", resources: ["jobs", "cronjobs"], operations: ["CREATE", "UPDATE"] },
    { apiGroup: "", resources: ["serviceaccounts/token"], operations: ["CREATE"] },
];
