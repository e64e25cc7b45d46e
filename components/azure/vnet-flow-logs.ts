import * as pulumi from "@pulumi/pulumi";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as storage from "@pulumi/azure-native/storage";
import { DataProtection } from "./data-protection";
import { hardenedStorageAccount } from "./hardened-storage-account";
import { grant, propagationWait } from "./role-definitions";

/**
 * How often traffic analytics processes the flow logs into the workspace: 10 minutes, the shorter of the two
 * intervals Azure offers (10 or 60; vnet-flow-logs-portal.md), so a detection query sees the traffic soon.
 */
const TRAFFIC_ANALYTICS_INTERVAL_MINUTES = 10;

export interface VnetFlowLogsArgs {
    /** The stack's resource group: the storage account and the writer identity live in it. */
    resourceGroupName: pulumi.Input<string>;
    /** The VNet's region; the storage account and the watcher must be in the same one (vnet-flow-logs-overview.md). */
    location: string;
    /** The VNet whose traffic is logged: the flow log's target. */
    vnetId: pulumi.Input<string>;
    /** The region's Network Watcher: the flow log is its child resource, in the watcher's resource group. */
    networkWatcher: { create: boolean; resourceGroupName: string; name: string };
    /** Storage account name (3-24 lowercase letters and digits, unique across Azure). */
    accountName: pulumi.Input<string>;
    /** Zone-redundant storage (Standard_ZRS) when the cluster spans zones. */
    zoneRedundant: boolean;
    /** Days the flow records are kept: a lifecycle rule deletes older blobs. */
    retentionDays: number;
    /** The stack's Log Analytics workspace, where traffic analytics writes. */
    workspace: { id: pulumi.Input<string>; customerId: pulumi.Input<string> };
    subscriptionId: pulumi.Input<string>;
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * VNet flow logs (guide §8: node network activity that does not match the workload can be a security event;
 * review azure B5), the Azure counterpart of the AWS VPC flow logs: every IP flow through the VNet, allowed
 * and denied, into a storage account of its own, and traffic analytics into the stack's workspace.
 *
 * VNet flow logs, not NSG flow logs: no new NSG flow log can be created since 30 June 2025, and NSG flow logs
 * retire on 30 September 2027 (MicrosoftDocs azure-docs `articles/network-watcher/secure-network-watcher.md`).
 *
 * The flow log writes with a user-assigned identity that may write blobs in this account only: a managed identity
 * "eliminates the need for storage account keys or SAS tokens" (secure-network-watcher.md; Storage Blob Data
 * Contributor, vnet-flow-logs-managed-identity.md), so the account accepts no shared key.
 * Flow logs cannot use a private endpoint: the account's public endpoint stays on, behind a firewall that
 * admits only Azure's trusted services, Network Watcher among them (the network-watcher FAQ, "storage account
 * behind a firewall").
 */
export class VnetFlowLogs extends pulumi.ComponentResource {
    readonly account: storage.StorageAccount;
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly flowLog: network.FlowLog;

    constructor(name: string, args: VnetFlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:VnetFlowLogs", name, {}, opts);
        this.account = hardenedStorageAccount(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                accountName: args.accountName,
                kind: "StorageV2",
                // Flow logs need a Standard account (vnet-flow-logs-overview.md: "Premium storage accounts aren't supported").
                skuName: args.zoneRedundant ? "Standard_ZRS" : "Standard_LRS",
                accessTier: "Hot",
                service: "blob",
                sharedKeyAccess: false,
                network: "trusted-services",
                // The flow records are the evidence of an incident: kept on destroy like the archives.
                protection: args.protection,
                tags: args.tags,
            },
            this,
        );

        this.identity = new managedidentity.UserAssignedIdentity(
            name,
            { resourceGroupName: args.resourceGroupName, location: args.location, tags: args.tags },
            { parent: this },
        );
        // Account scope: Network Watcher creates its own container (insights-logs-flowlogflowevent) in the account.
        const writer = grant(
            `${name}-blob-writer`,
            {
                principalId: this.identity.principalId,
                principalType: "ServicePrincipal",
                role: "storageBlobDataContributor",
                scope: this.account.id,
                subscriptionId: args.subscriptionId,
                description: "VNet flow logs: write flow records into the flow log account only",
            },
            { parent: this },
        );
        const writerReady = propagationWait(`${name}-blob-writer`, [writer], { parent: this });

        // Retention by lifecycle management: "For virtual network flow logs, use Azure Storage lifecycle management"
        // (secure-network-watcher.md, Backup and recovery). The account holds nothing else, so the rule covers every blob.
        new storage.ManagementPolicy(
            `${name}-retention`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                managementPolicyName: "default",
                policy: {
                    rules: [
                        {
                            name: "flow-log-retention",
                            type: "Lifecycle",
                            enabled: true,
                            definition: {
                                filters: { blobTypes: ["blockBlob"] },
                                actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: args.retentionDays } } },
                            },
                        },
                    ],
                },
            },
            { parent: this },
        );

        // Deleting a watcher deletes every flow log of its region (network-watcher-create.md), other stacks' too:
        // one this stack created stays in Azure on destroy.
        const watcher = args.networkWatcher.create
            ? new network.NetworkWatcher(
                  name,
                  {
                      resourceGroupName: args.networkWatcher.resourceGroupName,
                      networkWatcherName: args.networkWatcher.name,
                      location: args.location,
                      tags: args.tags,
                  },
                  { parent: this, retainOnDelete: true },
              )
            : undefined;

        this.flowLog = new network.FlowLog(
            name,
            {
                // A child of the watcher, so in the watcher's resource group (NetworkWatcherRG unless the stack says otherwise).
                resourceGroupName: args.networkWatcher.resourceGroupName,
                networkWatcherName: watcher ? watcher.name : args.networkWatcher.name,
                location: args.location,
                targetResourceId: args.vnetId,
                storageId: this.account.id,
                enabled: true,
                identity: { type: "UserAssigned", userAssignedIdentities: [this.identity.id] },
                format: { type: "JSON", version: 2 },
                flowAnalyticsConfiguration: {
                    networkWatcherFlowAnalyticsConfiguration: {
                        enabled: true,
                        workspaceId: args.workspace.customerId,
                        workspaceRegion: args.location,
                        workspaceResourceId: args.workspace.id,
                        trafficAnalyticsInterval: TRAFFIC_ANALYTICS_INTERVAL_MINUTES,
                    },
                },
                tags: args.tags,
            },
            { parent: this, dependsOn: [writerReady] },
        );

        this.registerOutputs({ accountName: this.account.name, flowLogId: this.flowLog.id });
    }
}
