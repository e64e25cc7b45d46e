import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";

/** Storage sub-resources that get a private endpoint, and the private DNS zone each resolves through. */
export const STORAGE_PRIVATE_LINK_ZONES = {
    blob: "privatelink.blob.core.windows.net",
    file: "privatelink.file.core.windows.net",
} as const;
export type StorageEndpointKind = keyof typeof STORAGE_PRIVATE_LINK_ZONES;

export interface PrivateStorageEndpointArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** The storage account the endpoint connects to. */
    storageAccountId: pulumi.Input<string>;
    kind: StorageEndpointKind;
    subnetId: pulumi.Input<string>;
    vnetId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * A private endpoint for one storage service with its private DNS zone linked to the VNet, so that
 * `<account>.<kind>.core.windows.net` resolves to an address inside the VNet and the account can
 * refuse all public network access (guide §10: archives encrypted in transit, not exposed).
 */
export class PrivateStorageEndpoint extends pulumi.ComponentResource {
    readonly endpoint: network.PrivateEndpoint;
    readonly zone: privatedns.PrivateZone;

    constructor(name: string, args: PrivateStorageEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:PrivateStorageEndpoint", name, {}, opts);
        const zoneName = STORAGE_PRIVATE_LINK_ZONES[args.kind];
        this.zone = new privatedns.PrivateZone(
            `${name}-zone`,
            {
                resourceGroupName: args.resourceGroupName,
                privateZoneName: zoneName,
                location: "global",
                tags: args.tags,
            },
            { parent: this },
        );
        const link = new privatedns.VirtualNetworkLink(
            `${name}-link`,
            {
                resourceGroupName: args.resourceGroupName,
                privateZoneName: this.zone.name,
                location: "global",
                virtualNetwork: { id: args.vnetId },
                registrationEnabled: false,
                tags: args.tags,
            },
            { parent: this },
        );
        this.endpoint = new network.PrivateEndpoint(
            `${name}-pe`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnet: { id: args.subnetId },
                privateLinkServiceConnections: [{ name: args.kind, privateLinkServiceId: args.storageAccountId, groupIds: [args.kind] }],
                tags: args.tags,
            },
            { parent: this },
        );
        new network.PrivateDnsZoneGroup(
            `${name}-dns`,
            {
                resourceGroupName: args.resourceGroupName,
                privateEndpointName: this.endpoint.name,
                privateDnsZoneGroupName: "default",
                privateDnsZoneConfigs: [{ name: args.kind, privateDnsZoneId: this.zone.id }],
            },
            { parent: this, dependsOn: [link] },
        );
        this.registerOutputs({ endpointId: this.endpoint.id, zoneId: this.zone.id });
    }
}
