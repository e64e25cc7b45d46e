/**
 * The one CIDR module (issue 17): config/cidr.ts, config/checker.ts and this file each read CIDRs before and
 * disagreed. These are the cases where they did, now read the same by the settings, the components and the pack.
 */
import * as assert from "node:assert/strict";
import {
    addressIn,
    canonicalFormOf,
    cidrContains,
    cidrsOverlap,
    formatIpv4,
    isCanonicalCidr,
    parseCidr,
    parseIpv4,
    subnetOf,
} from "./cidr";
import { addressEndpoint, evaluateFlow, podEndpoint } from "./network-flows";
import { Obj } from "./workloads";

/**
 * What the three readers made of these before: config/cidr.ts read `1e1` and `+8` as a prefix through Number()
 * (/10, /8), and all three read octets with leading zeros as decimal; only config/checker.ts refused them.
 */
const NOT_CIDRS = [
    "10.0.0.0/1e1", // Number("1e1") = 10
    "10.0.0.0/+8",
    "10.0.0.0/ 8",
    "10.0.0.0/8.0",
    "10.0.0.0/0x8",
    "10.0.0.0/08", // leading zero in the prefix
    "010.0.0.0/8", // octal to some parsers, decimal to others
    "10.00.0.0/16",
    "10.0.0.0/33",
    "256.0.0.0/8",
    "10.0.0/8",
    "10.0.0.0.0/8",
    " 10.0.0.0/8",
    "10.0.0.0/8 ",
    "10.0.0.0/",
    "/8",
    "",
];

describe("CIDR module: one strict reader for the settings, the components and the policy pack", () => {
    it("reads strict dotted decimal addresses only", () => {
        assert.equal(parseIpv4("10.20.0.5"), 10 * 2 ** 24 + 20 * 2 ** 16 + 5);
        assert.equal(parseIpv4("255.255.255.255"), 2 ** 32 - 1);
        assert.equal(parseIpv4("0.0.0.0"), 0);
        for (const bad of ["010.0.0.1", "10.0.0.01", "1e1.0.0.1", "10.0.0", "10.0.0.256", "-1.0.0.0", "10.0.0.1 ", "0x0a.0.0.1"])
            assert.equal(parseIpv4(bad), undefined, bad);
        assert.equal(formatIpv4(parseIpv4("172.16.5.7") ?? -1), "172.16.5.7");
    });

    it("refuses every notation the old readers disagreed on, in every function", () => {
        for (const bad of NOT_CIDRS) {
            assert.equal(parseCidr(bad), undefined, bad);
            assert.equal(isCanonicalCidr(bad), false, bad);
            assert.equal(cidrContains(bad, "10.0.0.1"), false, bad);
            assert.equal(cidrContains("0.0.0.0/0", bad), false, bad);
            assert.equal(cidrsOverlap(bad, "0.0.0.0/0"), false, bad);
            assert.throws(() => addressIn(bad, 1), /not an IPv4 CIDR/, bad);
        }
        // An address alone is no CIDR, though containment takes one as its /32.
        assert.equal(parseCidr("10.0.0.0"), undefined);
        assert.equal(isCanonicalCidr("10.0.0.0"), false);
        assert.equal(cidrContains("10.0.0.0/8", "10.0.0.1"), true);
    });

    it("reads a block with host bits as the network it names, and calls only the canonical form canonical", () => {
        assert.deepEqual(parseCidr("10.20.0.5/16"), {
            first: parseIpv4("10.20.0.0"),
            last: parseIpv4("10.20.255.255"),
            prefix: 16,
            hostBits: true,
        });
        assert.equal(isCanonicalCidr("10.20.0.5/16"), false);
        assert.equal(isCanonicalCidr("10.20.0.0/16"), true);
        assert.equal(isCanonicalCidr("0.0.0.0/0"), true);
        assert.equal(isCanonicalCidr("10.20.0.5/32"), true);
        assert.equal(cidrContains("10.20.0.0/16", "10.20.7.0/24"), true);
        assert.equal(cidrContains("10.20.0.9/16", "10.20.7.0/24"), true, "host bits are ignored, as Kubernetes and the clouds do");
    });

    it("names the canonical form of a loosely written CIDR for the error message, and nothing for a non-CIDR", () => {
        assert.equal(canonicalFormOf("10.20.0.5/16"), "10.20.0.0/16");
        assert.equal(canonicalFormOf("010.001.0.0/16"), "10.1.0.0/16");
        assert.equal(canonicalFormOf("10.0.0.0/08"), "10.0.0.0/8");
        for (const bad of ["10.0.0.0/1e1", "10.0.0.0/33", "256.0.0.0/8", "10.0.0.0"]) assert.equal(canonicalFormOf(bad), undefined, bad);
    });

    it("contains, overlaps, addresses and carves subnets", () => {
        assert.equal(cidrContains("10.30.0.0/20", "10.30.15.255"), true);
        assert.equal(cidrContains("10.30.0.0/20", "10.30.16.0"), false);
        assert.equal(cidrContains("10.30.0.0/16", "10.30.0.0/16"), true);
        assert.equal(cidrContains("10.30.0.0/24", "10.30.0.0/16"), false);
        assert.equal(cidrsOverlap("10.30.0.0/16", "10.30.200.0/24"), true);
        assert.equal(cidrsOverlap("10.30.0.0/16", "10.31.0.0/16"), false);
        assert.equal(addressIn("10.0.0.0/30", 10), "10.0.0.3");
        assert.equal(addressIn("10.0.0.0/24", 10), "10.0.0.10");
        assert.equal(subnetOf("10.20.0.0/16", 19, 2), "10.20.64.0/19");
        assert.equal(subnetOf("10.20.0.0/16", 22, 56), "10.20.224.0/22");
        assert.throws(() => subnetOf("10.20.0.0/16", 15, 0), /no \/15 subnets/);
        assert.throws(() => subnetOf("10.20.0.0/16", 17, 2), /no \/17 subnet number 2/);
    });

    describe("in the pack's NetworkPolicy reading", () => {
        const egress = (ipBlock: Obj): Obj => ({
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { name: "out", namespace: "shop" },
            spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock }] }] },
        });
        const web = podEndpoint("shop", { app: "web" }, { ip: "10.0.0.5" });
        const imds = addressEndpoint("imds", "169.254.169.254");
        const reaches = (ipBlock: Obj) => evaluateFlow([egress(ipBlock)], { from: web, to: imds, port: 80 }).allowed;

        it("reads a block with host bits as its network, as Kubernetes does", () => {
            assert.equal(reaches({ cidr: "169.254.0.9/16" }), true);
            assert.equal(reaches({ cidr: "0.0.0.0/0", except: ["169.254.1.1/16"] }), false);
        });

        it("takes a block it cannot read strictly as admitting every address, and such an except as excepting none", () => {
            // Kubernetes reads 010.0.0.0/8 as 10.0.0.0/8, some parsers as 8.0.0.0/8: the pack assumes the wider reading.
            assert.equal(reaches({ cidr: "010.0.0.0/8" }), true);
            assert.equal(reaches({ cidr: "10.0.0.0/1e1" }), true);
            assert.equal(reaches({ cidr: "0.0.0.0/0", except: ["169.254.0.0/016"] }), true);
            assert.equal(reaches({ cidr: "10.0.0.0/8" }), false, "a readable block that does not hold the address");
        });
    });
});
