"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretValue = secretValue;
exports.isSecretValue = isSecretValue;
exports.fakeSecret = fakeSecret;
const rpc_1 = require("@pulumi/pulumi/runtime/rpc");
/** A value wrapped the way the engine marks a secret output, so the program sees a secret, as in a real run. */
function secretValue(value) {
    return { [rpc_1.specialSigKey]: rpc_1.specialSecretSig, value };
}
function isSecretValue(value) {
    return typeof value === "object" && value !== null && value[rpc_1.specialSigKey] === rpc_1.specialSecretSig;
}
/** Deterministic pseudo-random text, so plans are reproducible and generated secrets can be found in tests. */
function fakeSecret(seed, length) {
    let h = 2166136261;
    let out = "";
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    for (let i = 0; out.length < length; i++) {
        h ^= (seed.charCodeAt(i % seed.length) + i) & 0xff;
        h = Math.imul(h, 16777619) >>> 0;
        out += alphabet[h % alphabet.length];
    }
    return out;
}
