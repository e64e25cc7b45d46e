/**
 * Deterministic stand-ins for what a cloud generates (ids, UUIDs, generated secrets), derived from a seed with SHA-256
 * (node:crypto), so a plan is the same on every run and machine. Not for real secrets: the seed is public.
 */
import { createHash } from "node:crypto";

/** SHA-256's digest size, in bytes. */
const DIGEST_BYTES = 32;

/** `length` bytes from the seed: SHA-256 of `seed`, `seed#1`, `seed#2`, ... concatenated, cut to length. */
function seededBytes(seed: string, length: number): Buffer {
    const blocks: Buffer[] = [];
    for (let block = 0; blocks.length * DIGEST_BYTES < length; block++) {
        blocks.push(
            createHash("sha256")
                .update(block === 0 ? seed : `${seed}#${block}`)
                .digest(),
        );
    }
    return Buffer.concat(blocks).subarray(0, length);
}

/** `length` lowercase hex digits. */
export function seededHex(seed: string, length: number): string {
    return seededBytes(seed, Math.ceil(length / 2))
        .toString("hex")
        .slice(0, length);
}

/** A version-4-shaped UUID (`xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx`), as Azure and KMS hand out. */
export function seededUuid(seed: string): string {
    const hex = seededHex(seed, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `length` characters of `alphabet`, one byte each (modulo the alphabet's size). */
export function seededText(seed: string, length: number, alphabet: string): string {
    return [...seededBytes(seed, length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}
