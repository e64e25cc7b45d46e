import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { DataProtection } from "./data-protection";
import { AzureSettings } from "../../config/azure";

/**
 * The VNet and its subnets as configured (config/azure.ts): the node subnet (nodes, and internal load balancer
 * addresses), the database subnet delegated to Flexible Server (nothing else may live in it), the private
 * endpoints of the storage accounts, and the subnet delegated to the AKS API server (API Server VNet Integration).
 */
export interface AzureNetworkArgs extends Pick<
    AzureSettings,
    | "location"
    | "resourceGroupName"
    | "vnetCidr"
    | "nodeSubnetCidr"
    | "databaseSubnetCidr"
    | "privateEndpointSubnetCidr"
    | "apiServerSubnetCidr"
> {
    /** With `protectData`, the resource group is protected and retained: the retained data lives in it. */
    protection: DataProtection;
    tags: Record<string, string>;
}

/** Subnet names inside the VNet. */
export const SUBNET_NAMES = {
    nodes: "nodes",
    database: "database",
    privateEndpoints: "private-endpoints",
    apiServer: "apiserver",
} as const;

/** The delegation API Server VNet Integration needs (MicrosoftDocs azure-aks-docs `api-server-vnet-integration.md`). */
const API_SERVER_DELEGATION = "Microsoft.ContainerService/managedClusters";

/**
 * What may reach the private endpoints of the stack's storage accounts (review azure.md B6:
 * `privateEndpointNetworkPolicies: Enabled` does nothing without an NSG): the nodes, for the archive's blob endpoint
 * (443) and the Azure Files shares (SMB, 445). With Azure CNI overlay, pods reach the VNet with their node's address,
 * so the node subnet covers the archiver and the Sidecar's volume mounts. Everything else inside the VNet is refused
 * ahead of Azure's default AllowVnetInBound (priority 65000). (The Key Vault's private link for KMS is AKS's own, not
 * in this subnet.)
 */
const PRIVATE_ENDPOINT_INBOUND = [{ name: "allow-nodes", priority: 100, from: "nodeSubnetCidr", ports: ["443", "445"] }] as const;

/** The lowest-precedence custom priority (NSG priorities run from 100 to 4096). */
const DENY_OTHER_INBOUND_PRIORITY = 4096;

/** The delegation Flexible Server needs for private (VNet-integrated) access. */
const FLEXIBLE_SERVER_DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";

/**
 * The resource group and the virtual network of one stack: a node subnet, a subnet delegated to
 * PostgreSQL Flexible Server, and a subnet for private endpoints, so that the database and the
 * storage accounts are reachable only from inside the VNet.
 */
export class AzureNetwork extends pulumi.ComponentResource {
    readonly resourceGroup: resources.ResourceGroup;
    readonly resourceGroupName: pulumi.Output<string>;
    readonly vnet: network.VirtualNetwork;
    readonly nodeSubnet: network.Subnet;
    readonly databaseSubnet: network.Subnet;
    readonly privateEndpointSubnet: network.Subnet;
    readonly apiServerSubnet: network.Subnet;
    readonly privateEndpointSecurityGroup: network.NetworkSecurityGroup;

    constructor(name: string, args: AzureNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Network", name, {}, opts);
        this.resourceGroup = new resources.ResourceGroup(
            name,
            { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags },
            // azure-native deletes a resource group with everything in it (pulumi-azure-native#2522): with
            // protectData the group stays, so the retained archive, shares, database and address stay too (azure.md A7).
            { parent: this, ...args.protection.options },
        );
        this.resourceGroupName = this.resourceGroup.name;

        // Subnets are separate resources and the VNet omits `subnets`, so a VNet update never removes them.
        this.vnet = new network.VirtualNetwork(
            `${name}-vnet`,
            {
                resourceGroupName: this.resourceGroupName,
                location: args.location,
                addressSpace: { addressPrefixes: [args.vnetCidr] },
                tags: args.tags,
            },
            { parent: this },
        );

        const common = { resourceGroupName: this.resourceGroupName, virtualNetworkName: this.vnet.name };
        this.nodeSubnet = new network.Subnet(
            `${name}-nodes`,
            {
                ...common,
                subnetName: SUBNET_NAMES.nodes,
                addressPrefix: args.nodeSubnetCidr,
                // Nodes reach the internet through the cluster's load balancer, never through implicit default outbound access.
                defaultOutboundAccess: false,
            },
            { parent: this },
        );
        // ARM rejects concurrent writes to subnets of one VNet, so each subnet waits for the previous one.
        this.databaseSubnet = new network.Subnet(
            `${name}-database`,
            {
                ...common,
                subnetName: SUBNET_NAMES.database,
                addressPrefix: args.databaseSubnetCidr,
                defaultOutboundAccess: false,
                delegations: [{ name: "flexible-server", serviceName: FLEXIBLE_SERVER_DELEGATION }],
            },
            { parent: this, dependsOn: [this.nodeSubnet] },
        );
        this.privateEndpointSecurityGroup = new network.NetworkSecurityGroup(
            `${name}-endpoints`,
            {
                resourceGroupName: this.resourceGroupName,
                location: args.location,
                securityRules: [
                    ...PRIVATE_ENDPOINT_INBOUND.map((rule) => ({
                        name: rule.name,
                        priority: rule.priority,
                        direction: "Inbound",
                        access: "Allow",
                        protocol: "Tcp",
                        sourceAddressPrefix: args[rule.from],
                        sourcePortRange: "*",
                        destinationAddressPrefix: args.privateEndpointSubnetCidr,
                        destinationPortRanges: [...rule.ports],
                    })),
                    {
                        name: "deny-other-inbound",
                        priority: DENY_OTHER_INBOUND_PRIORITY,
                        direction: "Inbound",
                        access: "Deny",
                        protocol: "*",
                        sourceAddressPrefix: "*",
                        sourcePortRange: "*",
                        destinationAddressPrefix: "*",
                        destinationPortRange: "*",
                    },
                ],
                tags: args.tags,
            },
            { parent: this },
        );
        this.privateEndpointSubnet = new network.Subnet(
            `${name}-endpoints`,
            {
                ...common,
                subnetName: SUBNET_NAMES.privateEndpoints,
                addressPrefix: args.privateEndpointSubnetCidr,
                defaultOutboundAccess: false,
                // NSGs and route tables apply to private endpoints only with this on.
                privateEndpointNetworkPolicies: "Enabled",
                networkSecurityGroup: { id: this.privateEndpointSecurityGroup.id },
            },
            { parent: this, dependsOn: [this.databaseSubnet] },
        );
        this.apiServerSubnet = new network.Subnet(
            `${name}-apiserver`,
            {
                ...common,
                subnetName: SUBNET_NAMES.apiServer,
                addressPrefix: args.apiServerSubnetCidr,
                defaultOutboundAccess: false,
                delegations: [{ name: "aks-apiserver", serviceName: API_SERVER_DELEGATION }],
            },
            { parent: this, dependsOn: [this.privateEndpointSubnet] },
        );

        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            vnetId: this.vnet.id,
            nodeSubnetId: this.nodeSubnet.id,
            databaseSubnetId: this.databaseSubnet.id,
            privateEndpointSubnetId: this.privateEndpointSubnet.id,
            privateEndpointSecurityGroupId: this.privateEndpointSecurityGroup.id,
            apiServerSubnetId: this.apiServerSubnet.id,
        });
    }
}
