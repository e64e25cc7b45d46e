import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { DataProtection } from "./data-protection";

export interface EgressAddressArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** Zones of a zone-redundant public IP (production); empty for a regional one. */
    zones: string[];
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * The address the Security Servers' outbound traffic leaves from (review azure B7). AKS's own managed outbound
 * IP changes when the cluster is re-created, and other Security Servers, TSA and OCSP services that allowlist a
 * peer's address would then refuse it. A static Standard public IP of the stack's own, protected like the
 * registered address, is the load balancer's only outbound IP instead (AKS: "Use your own public IPs for
 * outbound"); the control plane gets Network Contributor on it (ControlPlaneIdentity) before the cluster exists.
 */
export class EgressAddress extends pulumi.ComponentResource {
    readonly publicIp: network.PublicIPAddress;
    readonly address: pulumi.Output<string>;

    constructor(name: string, args: EgressAddressArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:EgressAddress", name, {}, opts);
        this.publicIp = new network.PublicIPAddress(
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
            { parent: this, ...args.protection.options },
        );
        args.protection.lock(`${name}-ip`, this.publicIp.id, this);
        this.address = this.publicIp.ipAddress.apply((a) => {
            if (!a) throw new Error("the static outbound public IP has no address");
            return a;
        });
        this.registerOutputs({ address: this.address });
    }
}
