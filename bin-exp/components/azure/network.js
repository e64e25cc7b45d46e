"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.AzureNetwork = exports.SUBNET_NAMES = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const network = __importStar(require("@pulumi/azure-native/network"));
const resources = __importStar(require("@pulumi/azure-native/resources"));
/** Subnet names inside the VNet. */
exports.SUBNET_NAMES = {
    nodes: "nodes",
    database: "database",
    privateEndpoints: "private-endpoints",
    apiServer: "apiserver",
};
/** The delegation API Server VNet Integration needs (MicrosoftDocs azure-aks-docs `api-server-vnet-integration.md`). */
const API_SERVER_DELEGATION = "Microsoft.ContainerService/managedClusters";
/** The delegation Flexible Server needs for private (VNet-integrated) access. */
const FLEXIBLE_SERVER_DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";
/**
 * The resource group and the virtual network of one stack: a node subnet, a subnet delegated to
 * PostgreSQL Flexible Server, and a subnet for private endpoints, so that the database and the
 * storage accounts are reachable only from inside the VNet.
 */
class AzureNetwork extends pulumi.ComponentResource {
    resourceGroup;
    resourceGroupName;
    vnet;
    nodeSubnet;
    databaseSubnet;
    privateEndpointSubnet;
    apiServerSubnet;
    constructor(name, args, opts) {
        super("xroad:azure:Network", name, {}, opts);
        this.resourceGroup = new resources.ResourceGroup(name, { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags }, 
        // azure-native deletes a resource group with everything in it (pulumi-azure-native#2522): with
        // protectData the group stays, so the retained archive, shares, database and address stay too (azure.md A7).
        { parent: this, ...args.protection.options });
        this.resourceGroupName = this.resourceGroup.name;
        // Subnets are separate resources and the VNet omits `subnets`, so a VNet update never removes them.
        this.vnet = new network.VirtualNetwork(`${name}-vnet`, {
            resourceGroupName: this.resourceGroupName,
            location: args.location,
            addressSpace: { addressPrefixes: [args.vnetCidr] },
            tags: args.tags,
        }, { parent: this });
        const common = { resourceGroupName: this.resourceGroupName, virtualNetworkName: this.vnet.name };
        this.nodeSubnet = new network.Subnet(`${name}-nodes`, {
            ...common,
            subnetName: exports.SUBNET_NAMES.nodes,
            addressPrefix: args.nodeSubnetCidr,
            // Nodes reach the internet through the cluster's load balancer, never through implicit default outbound access.
            defaultOutboundAccess: false,
        }, { parent: this });
        // ARM rejects concurrent writes to subnets of one VNet, so each subnet waits for the previous one.
        this.databaseSubnet = new network.Subnet(`${name}-database`, {
            ...common,
            subnetName: exports.SUBNET_NAMES.database,
            addressPrefix: args.databaseSubnetCidr,
            defaultOutboundAccess: false,
            delegations: [{ name: "flexible-server", serviceName: FLEXIBLE_SERVER_DELEGATION }],
        }, { parent: this, dependsOn: [this.nodeSubnet] });
        this.privateEndpointSubnet = new network.Subnet(`${name}-endpoints`, {
            ...common,
            subnetName: exports.SUBNET_NAMES.privateEndpoints,
            addressPrefix: args.privateEndpointSubnetCidr,
            defaultOutboundAccess: false,
            // NSGs and route tables apply to private endpoints too.
            privateEndpointNetworkPolicies: "Enabled",
        }, { parent: this, dependsOn: [this.databaseSubnet] });
        this.apiServerSubnet = new network.Subnet(`${name}-apiserver`, {
            ...common,
            subnetName: exports.SUBNET_NAMES.apiServer,
            addressPrefix: args.apiServerSubnetCidr,
            defaultOutboundAccess: false,
            delegations: [{ name: "aks-apiserver", serviceName: API_SERVER_DELEGATION }],
        }, { parent: this, dependsOn: [this.privateEndpointSubnet] });
        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            vnetId: this.vnet.id,
            nodeSubnetId: this.nodeSubnet.id,
            databaseSubnetId: this.databaseSubnet.id,
            privateEndpointSubnetId: this.privateEndpointSubnet.id,
            apiServerSubnetId: this.apiServerSubnet.id,
        });
    }
}
exports.AzureNetwork = AzureNetwork;
