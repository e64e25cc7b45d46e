/**
 * Pod Security Admission (guide §6). The Sidecar runs as root under supervisord, so its namespace
 * enforces `baseline`; `restricted` is warned and audited so drift towards it stays visible.
 */
export const PSA_LABEL_PREFIX = "pod-security.kubernetes.io/";
export const PSA_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PsaLevel = (typeof PSA_LEVELS)[number];

/**
 * The PSA version our namespace labels pin. `pod-security-baseline` knows every version up to v1.37 and
 * `pod-security-baseline-at-namespace-version` judges pods at this pinned version, as admission will.
 */
export const PSA_PINNED_VERSION = "v1.33";

export const SIDECAR_NAMESPACE_PSA = {
    enforce: "baseline",
    warn: "restricted",
    audit: "restricted",
} as const satisfies Record<string, PsaLevel>;

/** Namespace labels for a given enforce/warn/audit triple, each pinned to PSA_PINNED_VERSION. */
export function psaLabels(
    levels: { enforce: PsaLevel; warn: PsaLevel; audit: PsaLevel },
    version = PSA_PINNED_VERSION,
): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const mode of ["enforce", "warn", "audit"] as const) {
        labels[`${PSA_LABEL_PREFIX}${mode}`] = levels[mode];
        labels[`${PSA_LABEL_PREFIX}${mode}-version`] = version;
    }
    return labels;
}
