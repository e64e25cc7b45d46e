/**
 * Labels shared by the workloads, their Services and NetworkPolicies, and the policies that check them.
 * Guide §5.1 identifies the primary and the secondaries by `role`.
 */
export const ROLE_LABEL = "role";
export const ROLE_PRIMARY = "primary";
export const ROLE_SECONDARY = "secondary";
/** Single-pod topology: one Security Server with no sync. */
export const ROLE_STANDALONE = "standalone";
export const ROLE_ARCHIVER = "archiver";

/** Recommended Kubernetes labels. */
export const APP_NAME_LABEL = "app.kubernetes.io/name";
export const APP_INSTANCE_LABEL = "app.kubernetes.io/instance";
export const APP_COMPONENT_LABEL = "app.kubernetes.io/component";
export const APP_VERSION_LABEL = "app.kubernetes.io/version";
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

export const APP_NAME = "xroad-security-server-sidecar";
export const MANAGED_BY = "pulumi";
