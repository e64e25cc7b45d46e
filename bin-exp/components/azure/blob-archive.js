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
exports.BlobArchive = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const storage = __importStar(require("@pulumi/azure-native/storage"));
const private_endpoint_1 = require("./private-endpoint");
/** The container of one instance's archives. */
function archiveContainerName(instanceName) {
    return `archive-${instanceName}`;
}
/**
 * The message-log archive store (guide §10: backups and archives "encrypted both in transit and
 * rest"): a storage account that accepts only HTTPS with TLS 1.2+, only Entra ID (no shared keys,
 * no SAS), only through its private endpoint, with double encryption at rest; versioning and soft
 * delete so a compromised archiver cannot destroy history; lifecycle rules to Cool and expiry; and
 * optionally write-once (WORM) containers.
 */
class BlobArchive extends pulumi.ComponentResource {
    account;
    containers = {};
    constructor(name, args, opts) {
        super("xroad:azure:BlobArchive", name, {}, opts);
        const lc = args.lifecycle;
        this.account = new storage.StorageAccount(name, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            accountName: args.accountName,
            kind: "StorageV2",
            sku: { name: args.zoneRedundant ? "Standard_GZRS" : "Standard_LRS" },
            accessTier: "Hot",
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            // Entra ID only: the archiver's workload identity is the one way in, and it is scoped to one container.
            allowSharedKeyAccess: false,
            defaultToOAuthAuthentication: true,
            allowCrossTenantReplication: false,
            publicNetworkAccess: "Disabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
            encryption: {
                keySource: "Microsoft.Storage",
                requireInfrastructureEncryption: true,
                services: { blob: { enabled: true, keyType: "Account" } },
            },
            tags: args.tags,
        }, { parent: this, ...args.protection.options });
        args.protection.lock(`${name}-account`, this.account.id, this);
        const blobService = new storage.BlobServiceProperties(`${name}-blob`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            blobServicesName: "default",
            isVersioningEnabled: true,
            deleteRetentionPolicy: { enabled: true, days: lc.softDeleteDays },
            containerDeleteRetentionPolicy: { enabled: true, days: lc.softDeleteDays },
        }, { parent: this });
        new storage.ManagementPolicy(`${name}-lifecycle`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            managementPolicyName: "default",
            policy: {
                rules: [
                    {
                        name: "message-log-archives",
                        type: "Lifecycle",
                        enabled: true,
                        definition: {
                            filters: { blobTypes: ["blockBlob"] },
                            actions: {
                                baseBlob: {
                                    tierToCool: { daysAfterModificationGreaterThan: lc.coolAfterDays },
                                    delete: { daysAfterModificationGreaterThan: lc.deleteAfterDays },
                                },
                                // Overwritten or deleted archives stay recoverable as versions for the soft-delete period.
                                version: { delete: { daysAfterCreationGreaterThan: lc.softDeleteDays } },
                            },
                        },
                    },
                ],
            },
        }, { parent: this, dependsOn: [blobService] });
        for (const instanceName of args.instanceNames) {
            const worm = lc.immutabilityDays > 0;
            const container = new storage.BlobContainer(`${name}-${instanceName}`, {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                containerName: archiveContainerName(instanceName),
                publicAccess: "None",
                // Version-level WORM: the account keeps versions, so the container-level policy below
                // becomes the default retention of every blob version.
                immutableStorageWithVersioning: worm ? { enabled: true } : undefined,
            }, { parent: this, dependsOn: [blobService], ...args.protection.options });
            this.containers[instanceName] = container;
            if (worm) {
                new storage.BlobContainerImmutabilityPolicy(`${name}-${instanceName}-worm`, {
                    resourceGroupName: args.resourceGroupName,
                    accountName: this.account.name,
                    containerName: container.name,
                    immutabilityPolicyName: "default",
                    immutabilityPeriodSinceCreationInDays: lc.immutabilityDays,
                    allowProtectedAppendWrites: false,
                }, { parent: this, ...args.protection.options });
            }
        }
        new private_endpoint_1.PrivateStorageEndpoint(`${name}-blob`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            storageAccountId: this.account.id,
            kind: "blob",
            subnetId: args.privateEndpointSubnetId,
            vnetId: args.vnetId,
            tags: args.tags,
        }, { parent: this });
        this.registerOutputs({
            accountName: this.account.name,
            containers: Object.fromEntries(Object.entries(this.containers).map(([k, c]) => [k, c.name])),
        });
    }
}
exports.BlobArchive = BlobArchive;
