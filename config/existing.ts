import { Checker } from "./checker";

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
}

const CLASS_NAME = { pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, allowed: "a StorageClass name (DNS-1123 subdomain)" };

export function readExistingSettings(check: Checker, raw: unknown): ExistingClusterSettings {
    const p = "existing";
    const s = check.section(p, raw);
    check.knownKeys(p, s, ["kubeconfigPath", "context", "storageClasses"]);
    const sc = check.section(`${p}.storageClasses`, s.storageClasses);
    check.knownKeys(`${p}.storageClasses`, sc, ["config", "shared"]);
    return {
        kubeconfigPath: check.optionalString(`${p}.kubeconfigPath`, s.kubeconfigPath),
        context: check.optionalString(`${p}.context`, s.context),
        storageClasses: {
            config: check.optionalString(`${p}.storageClasses.config`, sc.config, CLASS_NAME),
            shared: check.optionalString(`${p}.storageClasses.shared`, sc.shared, CLASS_NAME),
        },
    };
}
