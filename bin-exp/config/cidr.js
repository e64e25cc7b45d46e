"use strict";
/** IPv4 CIDR arithmetic for config validation. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.cidrRange = cidrRange;
exports.cidrContains = cidrContains;
exports.cidrsOverlap = cidrsOverlap;
function ipv4ToNumber(ip) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
    if (!m)
        return undefined;
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255))
        return undefined;
    return octets.reduce((n, o) => n * 256 + o, 0);
}
/** The first and last address of an IPv4 CIDR, or undefined when malformed. */
function cidrRange(cidr) {
    const [ip, bits] = cidr.split("/");
    const base = ipv4ToNumber(ip ?? "");
    const prefix = Number(bits);
    if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
        return undefined;
    const size = 2 ** (32 - prefix);
    const first = Math.floor(base / size) * size;
    return { first, last: first + size - 1 };
}
/** Whether `inner` (a CIDR or a single address) lies entirely inside `outer`. */
function cidrContains(outer, inner) {
    const o = cidrRange(outer);
    const i = inner.includes("/") ? cidrRange(inner) : ((n) => (n === undefined ? undefined : { first: n, last: n }))(ipv4ToNumber(inner));
    return o !== undefined && i !== undefined && i.first >= o.first && i.last <= o.last;
}
function cidrsOverlap(a, b) {
    const x = cidrRange(a);
    const y = cidrRange(b);
    return x !== undefined && y !== undefined && x.first <= y.last && y.first <= x.last;
}
