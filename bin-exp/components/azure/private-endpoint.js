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
exports.PrivateStorageEndpoint = exports.STORAGE_PRIVATE_LINK_ZONES = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const network = __importStar(require("@pulumi/azure-native/network"));
const privatedns = __importStar(require("@pulumi/azure-native/privatedns"));
/** Storage sub-resources that get a private endpoint, and the private DNS zone each resolves through. */
exports.STORAGE_PRIVATE_LINK_ZONES = {
    blob: "privatelink.blob.core.windows.net",
    file: "privatelink.file.core.windows.net",
};
/**
 * A private endpoint for one storage service with its private DNS zone linked to the VNet, so that
 * `<account>.<kind>.core.windows.net` resolves to an address inside the VNet and the account can
 * refuse all public network access (guide §10: archives encrypted in transit, not exposed).
 */
class PrivateStorageEndpoint extends pulumi.ComponentResource {
    endpoint;
    zone;
    constructor(name, args, opts) {
        super("xroad:azure:PrivateStorageEndpoint", name, {}, opts);
        const zoneName = exports.STORAGE_PRIVATE_LINK_ZONES[args.kind];
        this.zone = new privatedns.PrivateZone(`${name}-zone`, {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: zoneName,
            location: "global",
            tags: args.tags,
        }, { parent: this });
        const link = new privatedns.VirtualNetworkLink(`${name}-link`, {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: this.zone.name,
            location: "global",
            virtualNetwork: { id: args.vnetId },
            registrationEnabled: false,
            tags: args.tags,
        }, { parent: this });
        this.endpoint = new network.PrivateEndpoint(`${name}-pe`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            subnet: { id: args.subnetId },
            privateLinkServiceConnections: [{ name: args.kind, privateLinkServiceId: args.storageAccountId, groupIds: [args.kind] }],
            tags: args.tags,
        }, { parent: this });
        new network.PrivateDnsZoneGroup(`${name}-dns`, {
            resourceGroupName: args.resourceGroupName,
            privateEndpointName: this.endpoint.name,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: [{ name: args.kind, privateDnsZoneId: this.zone.id }],
        }, { parent: this, dependsOn: [link] });
        this.registerOutputs({ endpointId: this.endpoint.id, zoneId: this.zone.id });
    }
}
exports.PrivateStorageEndpoint = PrivateStorageEndpoint;
