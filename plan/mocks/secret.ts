import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { seededText } from "./seeded";

/** A value wrapped the way the engine marks a secret output, so the program sees a secret, as in a real run. */
export function secretValue<T>(value: T): { [key: string]: unknown } {
    return { [specialSigKey]: specialSecretSig, value };
}

export function isSecretValue(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[specialSigKey] === specialSecretSig;
}

/** Deterministic pseudo-random text, so plans are reproducible and generated secrets can be found in tests. */
export function fakeSecret(seed: string, length: number): string {
    return seededText(seed, length, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
}
