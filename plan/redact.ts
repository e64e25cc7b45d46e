import { isSecretValue } from "./mocks/secret";

export const REDACTED = "[secret]";

/** A deep copy with every secret value replaced by `[secret]`: the form plans and manifests are written in. */
export function redactSecrets(value: unknown): unknown {
    if (isSecretValue(value)) return REDACTED;
    if (Array.isArray(value)) return value.map(redactSecrets);
    if (typeof value === "object" && value !== null) {
        // Resource references (e.g. a parent passed as input) carry their URN; keep only that.
        const rec = value as Record<string, unknown>;
        if (typeof rec.urn === "string" && typeof (rec as { getProvider?: unknown }).getProvider === "function") return rec.urn;
        return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, redactSecrets(v)]));
    }
    return value;
}

/** A deep copy with secrets unwrapped to their values, as the policy runtime hands props to policies. */
export function unwrapSecrets(value: unknown): unknown {
    if (isSecretValue(value)) return unwrapSecrets(value.value);
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (typeof value === "object" && value !== null)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
    return value;
}
