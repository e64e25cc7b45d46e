import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as storage from "@pulumi/azure-native/storage";
import { memoryBytes } from "../../config/checker";
import { SidecarInstanceConfig } from "../../config/instance";
import { grant, propagationWait } from "./role-definitions";
import { PrivateStorageEndpoint } from "./private-endpoint";
import { DataProtection } from "./data-protection";
import { hardenedStorageAccount } from "./hardened-storage-account";
import { XROAD_GID, XROAD_UID } from "../../policy/xroad/ssh";
import {
    AZURE_FILES_KEY_NAMESPACE,
    AZURE_FILES_SECRET_NAME_PARAMETER,
    AZURE_FILES_SECRET_NAMESPACE_PARAMETER,
} from "../../policy/xroad/azure-files";

/**
 * Mount options for `/var/lib/xroad` (guide §10): files owned by the Sidecar's `xroad` user (999)
 * and group, no access for others, symlinks the Sidecar's backup scripts create, and a socket of
 * its own per mount so one share's reconnect cannot stall another.
 */
export const XROAD_FILES_MOUNT_OPTIONS = [
    `uid=${XROAD_UID}`,
    `gid=${XROAD_GID}`,
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
} as const;

/** The Secret (a DNS subdomain name) the CSI driver keeps this stack's account key in: `<component>-account-key`. */
function accountKeySecretName(componentName: string): string {
    const base = componentName
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+/, "")
        .slice(0, 253 - "-account-key".length)
        .replace(/-+$/, "");
    return `${base}-account-key`;
}

/** Premium file shares are provisioned in at least 100 GiB. */
const PREMIUM_MIN_SHARE_GIB = 100;

export interface SharedFilesArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    accountName: pulumi.Input<string>;
    /** Premium (SSD, FileStorage) in production; Standard otherwise. */
    premium: boolean;
    /** Zone-redundant storage when the cluster spans zones, so the share survives a zone outage. */
    zoneRedundant: boolean;
    /** One share, and one StorageClass bound to it, per Sidecar instance. */
    instances: Pick<SidecarInstanceConfig, "name" | "storage">[];
    /** Days a deleted share can still be restored. */
    softDeleteDays: number;
    privateEndpointSubnetId: pulumi.Input<string>;
    vnetId: pulumi.Input<string>;
    /** Principal of the AKS control plane: the managed Azure Files CSI controller lists the account keys with it. */
    csiControllerPrincipalId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    protection: DataProtection;
    k8sProvider: k8s.Provider;
    tags: Record<string, string>;
}

/** A share size in GiB from a Kubernetes quantity, rounded up. */
function shareQuotaGib(quantity: string, premium: boolean): number {
    const bytes = memoryBytes(quantity);
    if (bytes === undefined) throw new Error(`not a storage quantity: ${quantity}`);
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
 * mounts SMB with the account key; the driver keeps it in a kube-system Secret (review azure B10).
 */
export class SharedFiles extends pulumi.ComponentResource {
    readonly account: storage.StorageAccount;
    /** StorageClass name per instance. */
    readonly storageClassNames: Record<string, pulumi.Output<string>> = {};
    readonly shares: Record<string, storage.FileShare> = {};
    /** Share name per instance, known before the shares exist (the backup's protected items are named after them). */
    readonly shareNames: Record<string, string> = {};

    constructor(name: string, args: SharedFilesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:SharedFiles", name, {}, opts);
        const redundancy = args.zoneRedundant ? "ZRS" : "LRS";
        this.account = hardenedStorageAccount(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                accountName: args.accountName,
                kind: args.premium ? "FileStorage" : "StorageV2",
                skuName: `${args.premium ? "Premium" : "Standard"}_${redundancy}`,
                service: "file",
                // The CSI driver mounts SMB with the account key (see above).
                sharedKeyAccess: true,
                // The nodes mount through the private endpoint below. The public endpoint stays on only for Azure's
                // trusted services, the firewall denying everyone else: Azure Backup's snapshot tier reaches the
                // shares that way (azure-file-share-support-matrix.md: "Firewall rules that allow Microsoft Azure
                // Services"), and a disabled public endpoint shuts the trusted services out too (review azure B10).
                network: "trusted-services",
                protection: args.protection,
                tags: args.tags,
            },
            this,
        );

        const service = new storage.FileServiceProperties(
            `${name}-smb`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                fileServicesName: "default",
                protocolSettings: { smb: { ...SMB_PROTOCOL_SETTINGS } },
                shareDeleteRetentionPolicy: { enabled: true, days: args.softDeleteDays },
            },
            { parent: this },
        );

        new PrivateStorageEndpoint(
            `${name}-file`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                storageAccountId: this.account.id,
                kind: "file",
                subnetId: args.privateEndpointSubnetId,
                vnetId: args.vnetId,
                tags: args.tags,
            },
            { parent: this },
        );

        const csi = grant(
            `${name}-csi-controller`,
            {
                principalId: args.csiControllerPrincipalId,
                principalType: "ServicePrincipal",
                role: "storageAccountContributor",
                scope: this.account.id,
                subscriptionId: args.subscriptionId,
                description: "Azure Files CSI controller: read the account and list its keys to mount the Sidecar's shares",
            },
            { parent: this },
        );
        // The workloads depend on this component, so their volumes mount only once the driver may list the keys.
        propagationWait(`${name}-csi-controller`, [csi], { parent: this });

        for (const instance of args.instances) {
            const shareName = `xroad-${instance.name}`;
            const share = new storage.FileShare(
                `${name}-${instance.name}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: this.account.name,
                    shareName,
                    enabledProtocols: "SMB",
                    shareQuota: shareQuotaGib(instance.storage.archive, args.premium),
                    accessTier: args.premium ? undefined : "TransactionOptimized",
                },
                { parent: this, dependsOn: [service], ...args.protection.options },
            );
            this.shares[instance.name] = share;
            this.shareNames[instance.name] = shareName;
            const storageClass = new k8s.storage.v1.StorageClass(
                `${name}-${instance.name}`,
                {
                    metadata: { name: `xroad-files-${instance.name}` },
                    provisioner: "file.csi.azure.com",
                    parameters: {
                        storageAccount: this.account.name,
                        resourceGroup: args.resourceGroupName,
                        shareName: share.name,
                        protocol: "smb",
                        // review azure B10: SMB mounts need the account key, and the driver stores it in a Secret,
                        // by default in the claim's namespace, where the namespace operators may read Secrets
                        // (policy/xroad/azure-files.ts). kube-system and one name per stack instead: only cluster
                        // admins and the driver read it there. Identity-based SMB mounts (mountWithManagedIdentity,
                        // driver v1.34+) would drop the key, but need the account's SMB OAuth setting, which
                        // azure-native 3.28's StorageAccount cannot set, and give the kubelet identity Storage File
                        // Data SMB MI Admin on every share (README "Azure Files: the account key and share backups").
                        [AZURE_FILES_SECRET_NAMESPACE_PARAMETER]: AZURE_FILES_KEY_NAMESPACE,
                        [AZURE_FILES_SECRET_NAME_PARAMETER]: accountKeySecretName(name),
                    },
                    mountOptions: XROAD_FILES_MOUNT_OPTIONS,
                    // The share is owned by Pulumi: deleting a claim must never delete the share.
                    reclaimPolicy: "Retain",
                    allowVolumeExpansion: true,
                    volumeBindingMode: "Immediate",
                },
                { parent: this, provider: args.k8sProvider },
            );
            this.storageClassNames[instance.name] = storageClass.metadata.name;
        }

        this.registerOutputs({ accountName: this.account.name, storageClassNames: this.storageClassNames });
    }
}
