/**
 * Values that only ever appear in examples and documentation (issue 12 point 4): the example stacks ship
 * them so they stay plannable offline, but a real cloud cannot use them. The offline plan warns about them;
 * under the real engine a production stack that still holds one is a config error.
 *
 * Generic for every cloud: each target decides which of its keys it passes here.
 */
import { cidrsOverlap } from "../kubernetes-model/cidr";

/** RFC 5737 §3: TEST-NET-1, TEST-NET-2 and TEST-NET-3, "for use in documentation". */
const DOCUMENTATION_CIDRS = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"] as const;

/** The AWS account ID the AWS documentation uses in its examples. */
const EXAMPLE_AWS_ACCOUNT_ID = "123456789012";

/**
 * Why a CIDR or IPv4 address is a placeholder, or undefined: it overlaps an RFC 5737 documentation range.
 * Overlap rather than containment, so 203.0.0.0/16 (which holds TEST-NET-3) is caught too.
 */
export function documentationCidr(cidrOrIp: string): string | undefined {
    const value = cidrOrIp.includes("/") ? cidrOrIp : `${cidrOrIp}/32`;
    const hit = DOCUMENTATION_CIDRS.find((doc) => cidrsOverlap(value, doc));
    return hit ? `an RFC 5737 documentation range (${hit}), which no real network uses` : undefined;
}

/**
 * Why a GUID (an Entra ID object ID, tenant or subscription ID) is a placeholder, or undefined: the nil
 * GUID, or an example GUID made of zeros apart from its last few digits (00000000-0000-4000-8000-0000000000aa).
 */
export function placeholderGuid(guid: string): string | undefined {
    const g = guid.toLowerCase();
    if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(g)) return "the nil GUID";
    const hex = g.replace(/-/g, "");
    // Version/variant nibbles aside, a real GUID is random: 24 or more zeros in 32 digits is an example value.
    const zeros = hex.split("").filter((c) => c === "0").length;
    if (/^[0-9a-f]{32}$/.test(hex) && zeros >= 24) return "an example GUID (almost all zeros), not a real object ID";
    return undefined;
}

/** Why an AWS account ID is a placeholder, or undefined. */
export function placeholderAwsAccount(accountId: string): string | undefined {
    return accountId === EXAMPLE_AWS_ACCOUNT_ID ? "the AWS documentation's example account" : undefined;
}

/** One placeholder found in a stack's config: the key, the value and why it cannot be deployed. */
export interface Placeholder {
    /** Config path without the namespace, such as `azure.authorizedIpRanges[0]`. */
    path: string;
    value: string;
    reason: string;
}
