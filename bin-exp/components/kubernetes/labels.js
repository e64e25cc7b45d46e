"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.selectorLabels = selectorLabels;
exports.roleLabels = roleLabels;
exports.instanceLabels = instanceLabels;
const labels_1 = require("../../policy/xroad/labels");
/**
 * The labels that identify one role of one instance. Selectors of workloads, Services,
 * NetworkPolicies, PDBs and spread constraints use exactly these, and pod templates carry them,
 * so a selector can never drift from the pods it means (the official examples get this wrong:
 * xroad-facts §7 items 1 and 2). Immutable once deployed: nothing version-specific belongs here.
 */
function selectorLabels(instance, role) {
    return {
        [labels_1.APP_NAME_LABEL]: labels_1.APP_NAME,
        [labels_1.APP_INSTANCE_LABEL]: instance.name,
        [labels_1.ROLE_LABEL]: role,
    };
}
/** Selector labels plus the descriptive ones; for pod templates and object metadata. */
function roleLabels(instance, role, version) {
    return {
        ...selectorLabels(instance, role),
        [labels_1.APP_COMPONENT_LABEL]: role,
        [labels_1.APP_VERSION_LABEL]: version,
        [labels_1.MANAGED_BY_LABEL]: labels_1.MANAGED_BY,
    };
}
/** Labels for objects that belong to the instance as a whole (namespace, Secrets, policies). */
function instanceLabels(instance, version) {
    return {
        [labels_1.APP_NAME_LABEL]: labels_1.APP_NAME,
        [labels_1.APP_INSTANCE_LABEL]: instance.name,
        [labels_1.APP_VERSION_LABEL]: version,
        [labels_1.MANAGED_BY_LABEL]: labels_1.MANAGED_BY,
    };
}
