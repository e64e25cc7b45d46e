import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { ProtectedPublicIpArgs, protectedPublicIp } from "./protected-public-ip";

export type EgressAddressArgs = ProtectedPublicIpArgs;

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
        ({ publicIp: this.publicIp, address: this.address } = protectedPublicIp(name, args, this, "static outbound public IP"));
        this.registerOutputs({ address: this.address });
    }
}
