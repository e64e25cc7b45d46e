/**
 * IPv4 addresses and CIDR blocks: the one reader and the one arithmetic for the settings (config/), the
 * components and the policy pack (issue 17). The reader is strict: dotted decimal octets 0-255 without leading
 * zeros, and a decimal prefix 0-32 without leading zeros or any other notation, so `010.0.0.0/8` (octal to some
 * parsers, decimal to Kubernetes), `10.0.0.0/08` or `10.0.0.0/1e1` (10 to JavaScript's Number) mean nothing here.
 * A block whose address has host bits set reads as the network its prefix names, as NetworkPolicy `ipBlock` and the
 * clouds read it; only {@link isCanonicalCidr} also refuses host bits, for values a person writes.
 */

/** A CIDR block as the range of addresses it names, each address an unsigned 32-bit integer. */
export interface Ipv4Block {
    first: number;
    last: number;
    prefix: number;
    /** The address as written had bits set below the prefix (10.20.0.5/16 names 10.20.0.0/16). */
    hostBits: boolean;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;
const PREFIX = /^(0|[1-9]\d?)$/;

/** The address as an unsigned 32-bit integer, or undefined when it is not strict dotted decimal. */
export function parseIpv4(address: string): number | undefined {
    const octets = address.split(".");
    if (octets.length !== 4 || !octets.every((octet) => OCTET.test(octet) && Number(octet) <= 255)) return undefined;
    return octets.reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Dotted decimal of an unsigned 32-bit integer. */
export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** The block a CIDR names, or undefined when it is not a strict `address/prefix`. */
export function parseCidr(cidr: string): Ipv4Block | undefined {
    const slash = cidr.indexOf("/");
    if (slash < 0) return undefined;
    const address = parseIpv4(cidr.slice(0, slash));
    const prefixText = cidr.slice(slash + 1);
    if (address === undefined || !PREFIX.test(prefixText) || Number(prefixText) > 32) return undefined;
    const prefix = Number(prefixText);
    const size = 2 ** (32 - prefix);
    const first = address - (address % size);
    return { first, last: first + size - 1, prefix, hostBits: first !== address };
}

/** A CIDR, or a single address as its /32. */
function blockOf(cidrOrAddress: string): Ipv4Block | undefined {
    return cidrOrAddress.includes("/") ? parseCidr(cidrOrAddress) : parseCidr(`${cidrOrAddress}/32`);
}

/** True for a canonical IPv4 CIDR such as 10.0.0.0/16: strict notation and no host bits, so it means what it says. */
export function isCanonicalCidr(value: string): boolean {
    const block = parseCidr(value);
    return block !== undefined && !block.hostBits;
}

/**
 * The canonical form of a CIDR a person wrote loosely (leading zeros, host bits), for the error message that
 * refuses it: 10.20.0.5/16 → 10.20.0.0/16, 010.1.0.0/16 → 10.1.0.0/16. Undefined when it is no CIDR at all.
 */
export function canonicalFormOf(value: string): string | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m) return undefined;
    const loose = `${m
        .slice(1, 5)
        .map((octet) => String(Number(octet)))
        .join(".")}/${Number(m[5])}`;
    const block = parseCidr(loose);
    return block === undefined ? undefined : `${formatIpv4(block.first)}/${block.prefix}`;
}

/** Whether `inner` (a CIDR or a single address) lies entirely inside `outer`; equal counts. */
export function cidrContains(outer: string, inner: string): boolean {
    const o = parseCidr(outer);
    const i = blockOf(inner);
    return o !== undefined && i !== undefined && o.first <= i.first && i.last <= o.last;
}

/** Whether two CIDRs share any address. */
export function cidrsOverlap(a: string, b: string): boolean {
    const x = parseCidr(a);
    const y = parseCidr(b);
    return x !== undefined && y !== undefined && x.first <= y.last && y.first <= x.last;
}

/** The n-th address of a block (0 is the network address), at most its last, for sample endpoints. */
export function addressIn(cidr: string, n: number): string {
    const block = parseCidr(cidr);
    if (!block) throw new Error(`not an IPv4 CIDR: ${cidr}`);
    return formatIpv4(Math.min(block.first + n, block.last));
}

/** The `index`-th block of prefix `prefix` inside `cidr`, counting from its first address (subnet carving). */
export function subnetOf(cidr: string, prefix: number, index: number): string {
    const block = parseCidr(cidr);
    if (!block || prefix < block.prefix || prefix > 32) throw new Error(`no /${prefix} subnets in ${cidr}`);
    const first = block.first + index * 2 ** (32 - prefix);
    if (first > block.last) throw new Error(`${cidr} has no /${prefix} subnet number ${index}`);
    return `${formatIpv4(first)}/${prefix}`;
}
