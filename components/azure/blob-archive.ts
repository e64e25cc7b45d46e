import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import { AzureSettings } from "../../config/azure";
import { PrivateStorageEndpoint } from "./private-endpoint";
import { DataProtection } from "./data-protection";
import { hardenedStorageAccount } from "./hardened-storage-account";

export interface BlobArchiveArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    accountName: pulumi.Input<string>;
    /** Geo- and zone-redundant (GZRS) when the cluster spans zones; LRS otherwise. */
    zoneRedundant: boolean;
    /** Names of the Sidecar instances that archive; each gets its own private container. */
    instanceNames: string[];
    lifecycle: AzureSettings["archive"];
    privateEndpointSubnetId: pulumi.Input<string>;
    vnetId: pulumi.Input<string>;
    protection: DataProtection;
    tags: Record<string, string>;
}

/** The container of one instance's archives. */
function archiveContainerName(instanceName: string): string {
    return `archive-${instanceName}`;
}

/**
 * The message-log archive store (guide §10: backups and archives "encrypted both in transit and
 * rest"): a storage account that accepts only HTTPS with TLS 1.2+, only Entra ID (no shared keys,
 * no SAS), only through its private endpoint, with double encryption at rest; versioning and soft
 * delete so a compromised archiver cannot destroy history; lifecycle rules to Cool and expiry; and
 * optionally write-once (WORM) containers.
 */
export class BlobArchive extends pulumi.ComponentResource {
    readonly account: storage.StorageAccount;
    readonly containers: Record<string, storage.BlobContainer> = {};

    constructor(name: string, args: BlobArchiveArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:BlobArchive", name, {}, opts);
        const lifecycle = args.lifecycle;
        // Entra ID only: the archiver's workload identity is the one way in, and it is scoped to one container.
        this.account = hardenedStorageAccount(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                accountName: args.accountName,
                kind: "StorageV2",
                skuName: args.zoneRedundant ? "Standard_GZRS" : "Standard_LRS",
                accessTier: "Hot",
                service: "blob",
                sharedKeyAccess: false,
                network: "private-endpoint",
                protection: args.protection,
                tags: args.tags,
            },
            this,
        );

        const blobService = new storage.BlobServiceProperties(
            `${name}-blob`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                blobServicesName: "default",
                isVersioningEnabled: true,
                deleteRetentionPolicy: { enabled: true, days: lifecycle.softDeleteDays },
                containerDeleteRetentionPolicy: { enabled: true, days: lifecycle.softDeleteDays },
            },
            { parent: this },
        );

        new storage.ManagementPolicy(
            `${name}-lifecycle`,
            {
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
                                        tierToCool: { daysAfterModificationGreaterThan: lifecycle.coolAfterDays },
                                        delete: { daysAfterModificationGreaterThan: lifecycle.deleteAfterDays },
                                    },
                                    // Overwritten or deleted archives stay recoverable as versions for the soft-delete period.
                                    version: { delete: { daysAfterCreationGreaterThan: lifecycle.softDeleteDays } },
                                },
                            },
                        },
                    ],
                },
            },
            { parent: this, dependsOn: [blobService] },
        );

        for (const instanceName of args.instanceNames) {
            const worm = lifecycle.immutabilityDays > 0;
            const container = new storage.BlobContainer(
                `${name}-${instanceName}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: this.account.name,
                    containerName: archiveContainerName(instanceName),
                    publicAccess: "None",
                    // Version-level WORM: the account keeps versions, so the container-level policy below
                    // becomes the default retention of every blob version.
                    immutableStorageWithVersioning: worm ? { enabled: true } : undefined,
                },
                { parent: this, dependsOn: [blobService], ...args.protection.options },
            );
            this.containers[instanceName] = container;
            if (worm) {
                new storage.BlobContainerImmutabilityPolicy(
                    `${name}-${instanceName}-worm`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        accountName: this.account.name,
                        containerName: container.name,
                        immutabilityPolicyName: "default",
                        immutabilityPeriodSinceCreationInDays: lifecycle.immutabilityDays,
                        allowProtectedAppendWrites: false,
                    },
                    { parent: this, ...args.protection.options },
                );
            }
        }

        new PrivateStorageEndpoint(
            `${name}-blob`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                storageAccountId: this.account.id,
                kind: "blob",
                subnetId: args.privateEndpointSubnetId,
                vnetId: args.vnetId,
                tags: args.tags,
            },
            { parent: this },
        );

        this.registerOutputs({
            accountName: this.account.name,
            containers: Object.fromEntries(Object.entries(this.containers).map(([k, c]) => [k, c.name])),
        });
    }
}
