import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { DataProtection } from "./data-protection";
import { protectedPublicIp } from "./protected-public-ip";
import { grant, propagationWait } from "./role-definitions";

/** Annotations of the AKS cloud provider for a LoadBalancer Service. */
export const AZURE_LB_ANNOTATIONS = {
    pipName: "service.beta.kubernetes.io/azure-pip-name",
    resourceGroup: "service.beta.kubernetes.io/azure-load-balancer-resource-group",
    internal: "service.beta.kubernetes.io/azure-load-balancer-internal",
    internalSubnet: "service.beta.kubernetes.io/azure-load-balancer-internal-subnet",
    ipv4: "service.beta.kubernetes.io/azure-load-balancer-ipv4",
} as const;

export interface StableAddressArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** An internal load balancer on a fixed private address instead of a public IP. */
    internal: boolean;
    /** The fixed address of the internal load balancer (validated to lie in the node subnet). */
    privateIp?: string;
    /** Name of the node subnet, where an internal load balancer takes its address. */
    nodeSubnetName: string;
    /** Zones of a zone-redundant public IP (production); empty for a regional one. */
    zones: string[];
    protection: DataProtection;
    /** The AKS control plane binds the public IP to its load balancer: it gets Network Contributor on this IP only. */
    controlPlanePrincipalId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * The address of the Security Server that the X-Road global configuration holds (one per server),
 * so it must outlive any re-created Service (NIIS user guide §4.5.7). Public: a static Standard
 * public IP owned by this stack, which the Service binds to by name; the cluster's control-plane
 * identity has Network Contributor on this IP to do so (azure.md B6), and the Service's annotations
 * are known only once that grant has propagated. Internal: a fixed private IP in the node subnet, which
 * the control plane may join through its grant on the node subnet.
 */
export class StableAddress extends pulumi.ComponentResource {
    /** The address to register for the Security Server. */
    readonly address: pulumi.Output<string>;
    readonly annotations: pulumi.Output<Record<string, string>>;
    readonly publicIp?: network.PublicIPAddress;

    constructor(name: string, args: StableAddressArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:StableAddress", name, {}, opts);
        const privateIp = args.privateIp;
        if (args.internal) {
            if (!privateIp)
                throw new Error("an internal load balancer needs a fixed private IP (xroad-sidecar:azure.loadBalancer.privateIp)");
            this.address = pulumi.output(privateIp);
            this.annotations = pulumi.output<Record<string, string>>({
                [AZURE_LB_ANNOTATIONS.internal]: "true",
                [AZURE_LB_ANNOTATIONS.internalSubnet]: args.nodeSubnetName,
                [AZURE_LB_ANNOTATIONS.ipv4]: privateIp,
            });
        } else {
            // Losing this address means re-registering the Security Server, so it is protected like data.
            const { publicIp: ip, address } = protectedPublicIp(name, args, this, "static public IP");
            this.publicIp = ip;
            this.address = address;
            const bind = grant(
                `${name}-network-contributor`,
                {
                    principalId: args.controlPlanePrincipalId,
                    principalType: "ServicePrincipal",
                    role: "networkContributor",
                    scope: ip.id,
                    subscriptionId: args.subscriptionId,
                    description: "AKS control plane: bind the Security Server's static public IP to the load balancer",
                },
                { parent: this },
            );
            const ready = propagationWait(`${name}-network-contributor`, [bind], { parent: this });
            this.annotations = pulumi
                .all([ip.name, args.resourceGroupName, ready.id])
                .apply(([pipName, group]): Record<string, string> => ({
                    [AZURE_LB_ANNOTATIONS.pipName]: pipName,
                    [AZURE_LB_ANNOTATIONS.resourceGroup]: group,
                }));
        }
        this.registerOutputs({ address: this.address });
    }
}
