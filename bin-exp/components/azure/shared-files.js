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
exports.SharedFiles = exports.XROAD_FILES_MOUNT_OPTIONS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const storage = __importStar(require("@pulumi/azure-native/storage"));
const checker_1 = require("../../config/checker");
const role_definitions_1 = require("./role-definitions");
const private_endpoint_1 = require("./private-endpoint");
const ssh_1 = require("../../policy/xroad/ssh");
/**
 * Mount options for `/var/lib/xroad` (guide §10): files owned by the Sidecar's `xroad` user (999)
 * and group, no access for others, symlinks the Sidecar's backup scripts create, and a socket of
 * its own per mount so one share's reconnect cannot stall another.
 */
exports.XROAD_FILES_MOUNT_OPTIONS = [
    `uid=${ssh_1.XROAD_UID}`,
    `gid=${ssh_1.XROAD_GID}`,
    "dir_mode=0770",
    "file_mode=0660",
    "mfsymlinks",
    "cache=strict",
    "nosharesock",
    "actimeo=30",
];
/** SMB 3.1.1 only, with AES-256-GCM channel encryption: encryption in transit (guide §10). */
const SMB_PROTOCOL_SETTINGS = {
    versions: "SMB3.1.1",
    channelEncryption: "AES-256-GCM",
    // NTLMv2 is how the CSI driver mounts with the account key; Kerberos for identity-based access.
    authenticationMethods: "NTLMv2;Kerberos",
    kerberosTicketEncryption: "AES-256",
};
/** Premium file shares are provisioned in at least 100 GiB. */
const PREMIUM_MIN_SHARE_GIB = 100;
/** A share size in GiB from a Kubernetes quantity, rounded up. */
function shareQuotaGib(quantity, premium) {
    const bytes = (0, checker_1.memoryBytes)(quantity);
    if (bytes === undefined)
        throw new Error(`not a storage quantity: ${quantity}`);
    const gib = Math.max(1, Math.ceil(bytes / 1024 ** 3));
    return premium ? Math.max(PREMIUM_MIN_SHARE_GIB, gib) : gib;
}
/**
 * Azure Files for the Sidecar's `/var/lib/xroad` (backups and message-log archives, guide §10): a
 * hardened storage account reachable only through a private endpoint, SMB 3.1.1 with encryption in
 * transit, and per instance a protected share plus a StorageClass bound to exactly that share.
 *
 * SMB rather than NFS: NFS shares cannot be mounted when the account requires secure transfer
 * (Azure/AKS#5230). Shared-key access stays enabled on this account only because the CSI driver
 * mounts SMB with the account key; the key never leaves the cluster's driver.
 */
class SharedFiles extends pulumi.ComponentResource {
    account;
    /** StorageClass name per instance. */
    storageClassNames = {};
    shares = {};
    constructor(name, args, opts) {
        super("xroad:azure:SharedFiles", name, {}, opts);
        const redundancy = args.zoneRedundant ? "ZRS" : "LRS";
        this.account = new storage.StorageAccount(name, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            accountName: args.accountName,
            kind: args.premium ? "FileStorage" : "StorageV2",
            sku: { name: `${args.premium ? "Premium" : "Standard"}_${redundancy}` },
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowCrossTenantReplication: false,
            allowSharedKeyAccess: true,
            publicNetworkAccess: "Disabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
            encryption: {
                keySource: "Microsoft.Storage",
                // A second, independent layer of AES-256 at rest; it can only be chosen at creation.
                requireInfrastructureEncryption: true,
                services: { file: { enabled: true, keyType: "Account" } },
            },
            tags: args.tags,
        }, { parent: this, ...args.protection.options });
        args.protection.lock(`${name}-account`, this.account.id, this);
        const service = new storage.FileServiceProperties(`${name}-smb`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            fileServicesName: "default",
            protocolSettings: { smb: { ...SMB_PROTOCOL_SETTINGS } },
            shareDeleteRetentionPolicy: { enabled: true, days: args.softDeleteDays },
        }, { parent: this });
        new private_endpoint_1.PrivateStorageEndpoint(`${name}-file`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            storageAccountId: this.account.id,
            kind: "file",
            subnetId: args.privateEndpointSubnetId,
            vnetId: args.vnetId,
            tags: args.tags,
        }, { parent: this });
        const csi = (0, role_definitions_1.grant)(`${name}-csi-controller`, {
            principalId: args.csiControllerPrincipalId,
            principalType: "ServicePrincipal",
            role: "storageAccountContributor",
            scope: this.account.id,
            subscriptionId: args.subscriptionId,
            description: "Azure Files CSI controller: read the account and list its keys to mount the Sidecar's shares",
        }, { parent: this });
        // The workloads depend on this component, so their volumes mount only once the driver may list the keys.
        (0, role_definitions_1.propagationWait)(`${name}-csi-controller`, [csi], { parent: this });
        for (const instance of args.instances) {
            const shareName = `xroad-${instance.name}`;
            const share = new storage.FileShare(`${name}-${instance.name}`, {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                shareName,
                enabledProtocols: "SMB",
                shareQuota: shareQuotaGib(instance.storage.archive, args.premium),
                accessTier: args.premium ? undefined : "TransactionOptimized",
            }, { parent: this, dependsOn: [service], ...args.protection.options });
            this.shares[instance.name] = share;
            const storageClass = new k8s.storage.v1.StorageClass(`${name}-${instance.name}`, {
                metadata: { name: `xroad-files-${instance.name}` },
                provisioner: "file.csi.azure.com",
                parameters: {
                    storageAccount: this.account.name,
                    resourceGroup: args.resourceGroupName,
                    shareName: share.name,
                    protocol: "smb",
                },
                mountOptions: exports.XROAD_FILES_MOUNT_OPTIONS,
                // The share is owned by Pulumi: deleting a claim must never delete the share.
                reclaimPolicy: "Retain",
                allowVolumeExpansion: true,
                volumeBindingMode: "Immediate",
            }, { parent: this, provider: args.k8sProvider });
            this.storageClassNames[instance.name] = storageClass.metadata.name;
        }
        this.registerOutputs({ accountName: this.account.name, storageClassNames: this.storageClassNames });
    }
}
exports.SharedFiles = SharedFiles;
