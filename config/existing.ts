import { Checker } from "./checker";
import { PRIVATE_CIDRS } from "./cluster-network";

/** Settings of `target: existing`, read from `xroad-sidecar:existing`. */
export interface ExistingClusterSettings {
    /** Path to a kubeconfig file; unset means the ambient one (KUBECONFIG or ~/.kube/config). */
    kubeconfigPath?: string;
    /** Context to use inside the kubeconfig; unset means its current context. */
    context?: string;
    storageClasses: {
        /** ReadWriteOnce class for `/etc/xroad` and the local database. Unset: the cluster default. */
        config?: string;
        /** ReadWriteMany class for the shared `/var/lib/xroad`. Unset: archives stay on a ReadWriteOnce volume. */
        shared?: string;
    };
    /**
     * The cluster's pod, Service and node ranges, which the Sidecar's Internet egress excludes (review B1).
     * Unset: every private range (RFC 1918 and RFC 6598), which holds them on almost every cluster.
     */
    clusterCidrs: string[];
}

const CLASS_NAME = { pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, allowed: "a StorageClass name (DNS-1123 subdomain)" };

export function readExistingSettings(check: Checker, raw: unknown): ExistingClusterSettings {
    const p = "existing";
    const s = check.section(p, raw);
    check.knownKeys(p, s, ["kubeconfigPath", "context", "storageClasses", "clusterCidrs"]);
    const sc = check.section(`${p}.storageClasses`, s.storageClasses);
    check.knownKeys(`${p}.storageClasses`, sc, ["config", "shared"]);
    return {
        kubeconfigPath: check.optionalString(`${p}.kubeconfigPath`, s.kubeconfigPath),
        context: check.optionalString(`${p}.context`, s.context),
        storageClasses: {
            config: check.optionalString(`${p}.storageClasses.config`, sc.config, CLASS_NAME),
            shared: check.optionalString(`${p}.storageClasses.shared`, sc.shared, CLASS_NAME),
        },
        clusterCidrs: check.cidrList(`${p}.clusterCidrs`, s.clusterCidrs, [...PRIVATE_CIDRS]),
    };
}
