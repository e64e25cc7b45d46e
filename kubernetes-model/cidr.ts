/**
 * IPv4 addresses and CIDR blocks, as NetworkPolicy `ipBlock` reads them: a block is the network its prefix
 * names (host bits ignored), and blocks are either nested or disjoint.
 */

/** The address as an unsigned 32-bit integer, or undefined when it is not a dotted IPv4 address. */
function ipv4ToInt(address: string): number | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

function intToIpv4(n: number): string {
    return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
}

/** First and last address of an IPv4 CIDR, or undefined when malformed. */
function cidrRange(cidr: string): { first: number; last: number } | undefined {
    const [address, prefixText] = cidr.split("/");
    const base = ipv4ToInt(address ?? "");
    if (base === undefined || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
    const prefix = Number(prefixText);
    if (prefix > 32) return undefined;
    const size = 2 ** (32 - prefix);
    const first = base - (base % size);
    return { first, last: first + size - 1 };
}

/** Whether `inner` lies inside `outer` (equal counts). */
export function cidrContains(outer: string, inner: string): boolean {
    const o = cidrRange(outer);
    const i = cidrRange(inner);
    return o !== undefined && i !== undefined && o.first <= i.first && i.last <= o.last;
}

/** Whether the address lies in the CIDR. */
export function cidrHas(cidr: string, address: string): boolean {
    const r = cidrRange(cidr);
    const a = ipv4ToInt(address);
    return r !== undefined && a !== undefined && r.first <= a && a <= r.last;
}

/** The n-th address of a block (0 is the network address), for sample endpoints. */
export function addressIn(cidr: string, n: number): string {
    const r = cidrRange(cidr);
    if (!r) throw new Error(`not an IPv4 CIDR: ${cidr}`);
    return intToIpv4(Math.min(r.first + n, r.last));
}
