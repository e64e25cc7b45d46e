import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { DataProtection } from "./data-protection";

/** What a protected static public IP needs; both StableAddress and EgressAddress pass their own args. */
export interface ProtectedPublicIpArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** Zones of a zone-redundant public IP (production); empty for a regional one. */
    zones: string[];
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * A static Standard IPv4 public IP, protected and locked like data: losing it means re-registering the Security
 * Server (its inbound address) or re-allowlisting it at peers, TSA and OCSP (its outbound address). Named `name` and
 * locked as `<name>-ip` under `parent`, so the resources keep the URNs they had when each component built its own.
 */
export function protectedPublicIp(
    name: string,
    args: ProtectedPublicIpArgs,
    parent: pulumi.ComponentResource,
    what: string,
): { publicIp: network.PublicIPAddress; address: pulumi.Output<string> } {
    const publicIp = new network.PublicIPAddress(
        name,
        {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
            zones: args.zones.length > 0 ? args.zones : undefined,
            tags: args.tags,
        },
        { parent, ...args.protection.options },
    );
    args.protection.lock(`${name}-ip`, publicIp.id, parent);
    const address = publicIp.ipAddress.apply((ip) => {
        if (!ip) throw new Error(`the ${what} has no address`);
        return ip;
    });
    return { publicIp, address };
}
