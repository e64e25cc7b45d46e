"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDACTED = void 0;
exports.redactSecrets = redactSecrets;
exports.unwrapSecrets = unwrapSecrets;
const secret_1 = require("./mocks/secret");
exports.REDACTED = "[secret]";
/** A deep copy with every secret value replaced by `[secret]`: the form plans and manifests are written in. */
function redactSecrets(value) {
    if ((0, secret_1.isSecretValue)(value))
        return exports.REDACTED;
    if (Array.isArray(value))
        return value.map(redactSecrets);
    if (typeof value === "object" && value !== null) {
        // Resource references (e.g. a parent passed as input) carry their URN; keep only that.
        const rec = value;
        if (typeof rec.urn === "string" && typeof rec.getProvider === "function")
            return rec.urn;
        return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, redactSecrets(v)]));
    }
    return value;
}
/** A deep copy with secrets unwrapped to their values, as the policy runtime hands props to policies. */
function unwrapSecrets(value) {
    if ((0, secret_1.isSecretValue)(value))
        return unwrapSecrets(value.value);
    if (Array.isArray(value))
        return value.map(unwrapSecrets);
    if (typeof value === "object" && value !== null)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
    return value;
}
