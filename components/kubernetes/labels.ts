import { SidecarInstanceConfig } from "../../config/instance";
import {
    APP_COMPONENT_LABEL,
    APP_INSTANCE_LABEL,
    APP_NAME,
    APP_NAME_LABEL,
    APP_VERSION_LABEL,
    MANAGED_BY,
    MANAGED_BY_LABEL,
    ROLE_ARCHIVER,
    ROLE_LABEL,
    ROLE_PRIMARY,
    ROLE_SECONDARY,
    ROLE_STANDALONE,
} from "../../policy/xroad/labels";

/** The pods a Sidecar instance runs: the Security Server roles and the archiver job. */
export type PodRole = typeof ROLE_PRIMARY | typeof ROLE_SECONDARY | typeof ROLE_STANDALONE | typeof ROLE_ARCHIVER;

/**
 * The labels that identify one role of one instance. Selectors of workloads, Services,
 * NetworkPolicies, PDBs and spread constraints use exactly these, and pod templates carry them,
 * so a selector can never drift from the pods it means (the official examples get this wrong:
 * xroad-facts §7 items 1 and 2). Immutable once deployed: nothing version-specific belongs here.
 */
export function selectorLabels(instance: SidecarInstanceConfig, role: PodRole): Record<string, string> {
    return {
        [APP_NAME_LABEL]: APP_NAME,
        [APP_INSTANCE_LABEL]: instance.name,
        [ROLE_LABEL]: role,
    };
}

/** Selector labels plus the descriptive ones; for pod templates and object metadata. */
export function roleLabels(instance: SidecarInstanceConfig, role: PodRole, version: string): Record<string, string> {
    return {
        ...selectorLabels(instance, role),
        [APP_COMPONENT_LABEL]: role,
        [APP_VERSION_LABEL]: version,
        [MANAGED_BY_LABEL]: MANAGED_BY,
    };
}

/** Labels for objects that belong to the instance as a whole (namespace, Secrets, policies). */
export function instanceLabels(instance: SidecarInstanceConfig, version: string): Record<string, string> {
    return {
        [APP_NAME_LABEL]: APP_NAME,
        [APP_INSTANCE_LABEL]: instance.name,
        [APP_VERSION_LABEL]: version,
        [MANAGED_BY_LABEL]: MANAGED_BY,
    };
}
