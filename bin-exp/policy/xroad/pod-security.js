"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SIDECAR_NAMESPACE_PSA = exports.PSA_PINNED_VERSION = exports.PSA_LEVELS = exports.PSA_LABEL_PREFIX = void 0;
exports.psaLabels = psaLabels;
/**
 * Pod Security Admission (guide §6). The Sidecar runs as root under supervisord, so its namespace
 * enforces `baseline`; `restricted` is warned and audited so drift towards it stays visible.
 */
exports.PSA_LABEL_PREFIX = "pod-security.kubernetes.io/";
exports.PSA_LEVELS = ["privileged", "baseline", "restricted"];
/**
 * The PSA version our namespace labels pin. `pod-security-baseline` knows every version up to v1.37 and
 * `pod-security-baseline-at-namespace-version` judges pods at this pinned version, as admission will.
 */
exports.PSA_PINNED_VERSION = "v1.33";
exports.SIDECAR_NAMESPACE_PSA = {
    enforce: "baseline",
    warn: "restricted",
    audit: "restricted",
};
/** Namespace labels for a given enforce/warn/audit triple, each pinned to PSA_PINNED_VERSION. */
function psaLabels(levels, version = exports.PSA_PINNED_VERSION) {
    const labels = {};
    for (const mode of ["enforce", "warn", "audit"]) {
        labels[`${exports.PSA_LABEL_PREFIX}${mode}`] = levels[mode];
        labels[`${exports.PSA_LABEL_PREFIX}${mode}-version`] = version;
    }
    return labels;
}
