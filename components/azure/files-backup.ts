import * as pulumi from "@pulumi/pulumi";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { AzureSettings } from "../../config/azure";
import { DataProtection } from "./data-protection";

/** The backup fabric of every Azure workload (Microsoft.RecoveryServices vaults/backupFabrics). */
const AZURE_FABRIC = "Azure";

/**
 * ARM's names of a registered storage account and of a protected share, as Azure's own quickstart forms them
 * (Azure/azure-quickstart-templates quickstarts/microsoft.recoveryservices/recovery-services-backup-file-share-hourly:
 * `storagecontainer;Storage;<rg>;<account>` and `AzureFileShare;<share>`; backup-azure-file-share-rest-api.md).
 */
function storageContainerName(resourceGroupName: pulumi.Input<string>, accountName: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`StorageContainer;Storage;${resourceGroupName};${accountName}`;
}
function fileShareItemName(shareName: string): string {
    return `AzureFileShare;${shareName}`;
}

/** Days a deleted backup item is kept by the vault's soft delete (14 is the service's minimum and default). */
const VAULT_SOFT_DELETE_DAYS = 14;

export interface FilesBackupArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    vaultName: string;
    /** The storage account of the shares, and its name. */
    storageAccountId: pulumi.Input<string>;
    storageAccountName: pulumi.Input<string>;
    /** Share names by instance; each becomes a protected item. */
    shareNames: Record<string, pulumi.Input<string>>;
    /** Resources the protected items wait for (the shares). */
    shares: pulumi.Resource[];
    settings: AzureSettings["filesBackup"];
    /** Zone-redundant vault storage when the stack spans zones, as the share account is. */
    zoneRedundant: boolean;
    /** Production: soft delete that cannot be switched off (AlwaysON) and an immutable vault. */
    production: boolean;
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * Azure Backup of the Sidecar's file shares (`/var/lib/xroad`: configuration backups and message-log archives
 * before they are shipped, guide §10; review azure B10): a Recovery Services vault, one daily policy, the
 * storage account registered with the vault and every share protected.
 *
 * The snapshot tier: recovery points are share snapshots that Azure Backup takes and leases in the account itself
 * (azure-file-share-backup-overview.md). It supports storage accounts whose firewall lets trusted Microsoft services
 * in (azure-file-share-support-matrix.md, snapshot tier: "Firewall enabled ... Firewall rules that allow Microsoft
 * Azure Services to access storage account are supported"), which is why the share account's public endpoint answers
 * the trusted services only (SharedFiles, `network: "trusted-services"`). The vault-standard tier (data copied into
 * the vault) is not used yet: the matrix's versions disagree on whether it supports restricted network access.
 *
 * The vault sets no `publicNetworkAccess`: its private endpoints serve agent-based workloads, and the matrix
 * says "a private endpoint on the vault doesn't apply to Azure Files backup scenarios".
 */
export class FilesBackup extends pulumi.ComponentResource {
    readonly vault: recoveryservices.Vault;
    readonly vaultName: string;
    readonly policy: recoveryservices.ProtectionPolicy;
    readonly items: Record<string, recoveryservices.ProtectedItem> = {};

    constructor(name: string, args: FilesBackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:FilesBackup", name, {}, opts);
        this.vaultName = args.vaultName;
        const keep = { parent: this, ...args.protection.options };
        // Children name the vault by its known name (not an output), so a preview shows their full ARM names.
        this.vault = new recoveryservices.Vault(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                vaultName: args.vaultName,
                sku: { name: "RS0", tier: "Standard" },
                properties: {
                    // backup-support-matrix.md: the vault storage type can be modified "before backups are stored", not after.
                    redundancySettings: { standardTierStorageRedundancy: args.zoneRedundant ? "ZoneRedundant" : "LocallyRedundant" },
                    securitySettings: {
                        // AlwaysON cannot be turned off again, so nobody, the deployer included, can purge backups at once.
                        softDeleteSettings: {
                            softDeleteState: args.production ? "AlwaysON" : "Enabled",
                            softDeleteRetentionPeriodInDays: VAULT_SOFT_DELETE_DAYS,
                            enhancedSecurityState: "Enabled",
                        },
                        // Immutable: recovery points cannot be deleted before they expire, nor the retention shortened.
                        // Unlocked, not Locked: locking is one-way, a deliberate step after a tested restore
                        // (README "Azure Files: the account key and share backups").
                        immutabilitySettings: { state: args.production ? "Unlocked" : "Disabled" },
                    },
                    monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" } },
                },
                tags: args.tags,
            },
            keep,
        );
        args.protection.lock(`${name}-vault`, this.vault.id, this);

        const runTime = `2020-01-01T${args.settings.time}:00Z`;
        this.policy = new recoveryservices.ProtectionPolicy(
            `${name}-daily`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: args.vaultName,
                policyName: "xroad-files-daily",
                properties: {
                    backupManagementType: "AzureStorage",
                    workLoadType: "AzureFileShare",
                    timeZone: "UTC",
                    schedulePolicy: {
                        schedulePolicyType: "SimpleSchedulePolicy",
                        scheduleRunFrequency: "Daily",
                        scheduleRunTimes: [runTime],
                    },
                    retentionPolicy: {
                        retentionPolicyType: "LongTermRetentionPolicy",
                        dailySchedule: {
                            retentionTimes: [runTime],
                            retentionDuration: { count: args.settings.retentionDays, durationType: "Days" },
                        },
                    },
                },
            },
            { ...keep, dependsOn: [this.vault] },
        );

        const containerName = storageContainerName(args.resourceGroupName, args.storageAccountName);
        const container = new recoveryservices.ProtectionContainer(
            `${name}-account`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: args.vaultName,
                fabricName: AZURE_FABRIC,
                containerName,
                properties: {
                    containerType: "StorageContainer",
                    backupManagementType: "AzureStorage",
                    sourceResourceId: args.storageAccountId,
                    // Azure Backup's own delete lock on the account; with protectData off a destroy must be able to delete it.
                    acquireStorageAccountLock: args.protection.protectData ? "Acquire" : "NotAcquire",
                },
            },
            { ...keep, dependsOn: [this.policy] },
        );

        for (const [instance, shareName] of Object.entries(args.shareNames)) {
            this.items[instance] = new recoveryservices.ProtectedItem(
                `${name}-${instance}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    vaultName: args.vaultName,
                    fabricName: AZURE_FABRIC,
                    containerName,
                    protectedItemName: pulumi.output(shareName).apply(fileShareItemName),
                    properties: {
                        protectedItemType: "AzureFileShareProtectedItem",
                        sourceResourceId: args.storageAccountId,
                        policyId: this.policy.id,
                    },
                },
                // Deleting a protected item stops the backup and deletes its recovery points: kept like the data itself.
                { ...keep, dependsOn: [container, ...args.shares] },
            );
        }

        this.registerOutputs({ vaultName: args.vaultName, policyId: this.policy.id });
    }
}
