import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import * as enums from "@pulumi/azure-native/types/enums";
import { DataProtection } from "./data-protection";

const ACCOUNT_KEY = { enabled: true, keyType: "Account" } as const;

/** What differs between the stack's storage accounts; everything else is the shared hardening below. */
export interface HardenedStorageAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    accountName: pulumi.Input<string>;
    kind: enums.storage.Kind;
    /** e.g. `Standard_GZRS`, `Premium_ZRS`. */
    skuName: string;
    accessTier?: enums.storage.AccessTier;
    /** The one data service the account is for; its data is encrypted with the account key at rest. */
    service: "blob" | "file";
    /**
     * Whether requests signed with the account keys (and SAS made from them) are accepted. Off, the account
     * accepts only Entra ID, and the portal defaults to it too; on only where a client can use nothing else.
     */
    sharedKeyAccess: boolean;
    /**
     * How the account is reached. `private-endpoint`: public network access disabled, only through a private
     * endpoint. `trusted-services`: the public endpoint answers only Azure's trusted services (the firewall
     * denies everything else); for writers that cannot use a private endpoint, such as Network Watcher
     * flow logs. A disabled public endpoint also shuts out the trusted services (storage-network-security.md).
     */
    network: "private-endpoint" | "trusted-services";
    /** Every account holds stack data: protected, retained and locked (`<name>-account`) under `protectData`. */
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * A storage account with the hardening every account of this stack shares (guide §10: "encrypted both
 * in transit and rest"): HTTPS only with TLS 1.2+, no anonymous blob access, no cross-tenant object
 * replication, a firewall that denies by default, and a second, independent layer of AES-256 at rest
 * (infrastructure encryption, which can only be chosen at creation). Protected, retained and locked like the
 * stack's other data (`args.protection`).
 */
export function hardenedStorageAccount(
    name: string,
    args: HardenedStorageAccountArgs,
    parent: pulumi.ComponentResource,
): storage.StorageAccount {
    const entraIdOnly = !args.sharedKeyAccess;
    const account = new storage.StorageAccount(
        name,
        {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            accountName: args.accountName,
            kind: args.kind,
            sku: { name: args.skuName },
            accessTier: args.accessTier,
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: args.sharedKeyAccess,
            defaultToOAuthAuthentication: entraIdOnly ? true : undefined,
            allowCrossTenantReplication: false,
            publicNetworkAccess: args.network === "private-endpoint" ? "Disabled" : "Enabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
            encryption: {
                keySource: "Microsoft.Storage",
                requireInfrastructureEncryption: true,
                services: args.service === "blob" ? { blob: ACCOUNT_KEY } : { file: ACCOUNT_KEY },
            },
            tags: args.tags,
        },
        { parent, ...args.protection.options },
    );
    args.protection.lock(`${name}-account`, account.id, parent);
    return account;
}
