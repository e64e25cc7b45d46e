import * as assert from "node:assert/strict";
import { PlannedResource } from "../../plan/run";
import { seededUuid } from "../../plan/mocks/seeded";
import { MOCK_SUBSCRIPTION_ID } from "../../plan/mocks/types";
import { plannedChanges } from "../../plan/mocks/rules/replacements";
import { one, ofType } from "../plan-helpers";
import { errorsOf, loadAzure, prodAzure, recordPlatform } from "./fixtures";

const SUB = `/subscriptions/${MOCK_SUBSCRIPTION_ID}`;
const RG = `${SUB}/resourceGroups/rg-xroad-test`;
const name = "xroad-sidecar-aztest";
/** Storage Blob Data Contributor (built-in-roles/storage.md). */
const BLOB_DATA_CONTRIBUTOR = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`;

const flowAccount = (resources: PlannedResource[]) => one(resources, "azure-native:storage:StorageAccount", /-flow-logs$/);

describe("VNet flow logs (review azure B5, guide §8)", function () {
    let resources: PlannedResource[];

    before(async () => {
        ({ resources } = await recordPlatform(loadAzure(prodAzure())));
    });

    it("logs the stack's VNet on the watcher Azure enabled (NetworkWatcherRG/NetworkWatcher_<location>), with traffic analytics", () => {
        const log = one(resources, "azure-native:network:FlowLog");
        const vnet = one(resources, "azure-native:network:VirtualNetwork");
        const workspace = one(resources, "azure-native:operationalinsights:Workspace");
        assert.deepEqual([log.props.resourceGroupName, log.props.networkWatcherName], ["NetworkWatcherRG", "NetworkWatcher_westeurope"]);
        assert.equal(log.props.targetResourceId, `${RG}/providers/Microsoft.Network/virtualNetworks/${vnet.name}`);
        assert.equal(log.props.location, "westeurope");
        assert.equal(log.props.enabled, true);
        assert.deepEqual(log.props.format, { type: "JSON", version: 2 });
        assert.deepEqual(log.props.flowAnalyticsConfiguration, {
            networkWatcherFlowAnalyticsConfiguration: {
                enabled: true,
                workspaceId: seededUuid(`workspace-${name}-logs`),
                workspaceRegion: "westeurope",
                workspaceResourceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/${workspace.name}`,
                trafficAnalyticsInterval: 10,
            },
        });
        assert.equal(ofType(resources, "azure-native:network:NetworkWatcher").length, 0, "the existing watcher is used, not created");
    });

    it("writes into a hardened account of its own with a user-assigned identity, so the account takes no shared key", () => {
        const log = one(resources, "azure-native:network:FlowLog");
        const account = flowAccount(resources);
        const accountId = `${RG}/providers/Microsoft.Storage/storageAccounts/${account.props.accountName}`;
        assert.equal(log.props.storageId, accountId);
        const identity = one(resources, "azure-native:managedidentity:UserAssignedIdentity", /-flow-logs$/);
        assert.deepEqual(log.props.identity, {
            type: "UserAssigned",
            userAssignedIdentities: [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${identity.name}`],
        });
        const grant = one(resources, "azure-native:authorization:RoleAssignment", /-flow-logs-blob-writer$/).props;
        assert.deepEqual(
            [grant.principalId, grant.principalType, grant.roleDefinitionId, grant.scope],
            [seededUuid(`principal-${identity.name}`), "ServicePrincipal", BLOB_DATA_CONTRIBUTOR, accountId],
        );
        // The flow log waits for the grant to propagate.
        const wait = one(resources, "time:index/sleep:Sleep", /-flow-logs-blob-writer-rbac-propagation$/);
        assert.ok(one(resources, "azure-native:network:FlowLog").dependencies.includes(wait.urn));

        const a = account.props;
        assert.deepEqual([a.kind, a.sku.name, a.accessTier], ["StorageV2", "Standard_ZRS", "Hot"], "flow logs need a Standard account");
        assert.deepEqual([a.allowSharedKeyAccess, a.defaultToOAuthAuthentication], [false, true]);
        assert.deepEqual([a.enableHttpsTrafficOnly, a.minimumTlsVersion, a.allowBlobPublicAccess], [true, "TLS1_2", false]);
        assert.equal(a.encryption.requireInfrastructureEncryption, true);
        // Flow logs reach the account through its firewall as a trusted Azure service, not through a private endpoint.
        assert.equal(a.publicNetworkAccess, "Enabled");
        assert.deepEqual(a.networkRuleSet, { defaultAction: "Deny", bypass: "AzureServices" });
    });

    it("keeps the records 90 days in production by a lifecycle rule, and keeps the account on destroy", () => {
        const [rule] = one(resources, "azure-native:storage:ManagementPolicy", /-flow-logs-retention$/).props.policy.rules;
        assert.deepEqual(rule.definition.actions.baseBlob, { delete: { daysAfterModificationGreaterThan: 90 } });
        const account = flowAccount(resources);
        assert.deepEqual([account.protect, account.retainOnDelete], [true, true]);
        const lock = one(resources, "azure-native:authorization:ManagementLockByScope", /-flow-logs-account-lock$/);
        assert.equal(lock.props.scope, `${RG}/providers/Microsoft.Storage/storageAccounts/${account.props.accountName}`);
    });

    it("keeps 7 days on locally redundant storage in development, and the retention is a setting", async () => {
        const { resources: dev } = await recordPlatform(
            // The production fixture's instances need room for 6 nodes (the capacity check).
            loadAzure({ ...prodAzure(), userNodePool: { maxCount: 6 } }, { environment: "development" }),
        );
        const [rule] = one(dev, "azure-native:storage:ManagementPolicy", /-flow-logs-retention$/).props.policy.rules;
        assert.deepEqual(rule.definition.actions.baseBlob, { delete: { daysAfterModificationGreaterThan: 7 } });
        assert.equal(flowAccount(dev).props.sku.name, "Standard_LRS");
        const { resources: longer } = await recordPlatform(loadAzure({ ...prodAzure(), flowLogs: { retentionDays: 365 } }));
        const [kept] = one(longer, "azure-native:storage:ManagementPolicy", /-flow-logs-retention$/).props.policy.rules;
        assert.deepEqual(kept.definition.actions.baseBlob, { delete: { daysAfterModificationGreaterThan: 365 } });
        assert.deepEqual(
            plannedChanges(resources, longer).map((c) => [c.type, c.property, c.replaceOnly]),
            [["azure-native:storage:ManagementPolicy", "policy", false]],
            "a new retention updates the rule in place",
        );
    });

    it("uses another existing watcher, or creates one in the stack's group (kept on destroy), and moving it replaces the flow log", async () => {
        const { resources: named } = await recordPlatform(
            loadAzure({ ...prodAzure(), networkWatcher: { resourceGroupName: "rg-network", name: "watcher-westeurope" } }),
        );
        const moved = one(named, "azure-native:network:FlowLog").props;
        assert.deepEqual([moved.resourceGroupName, moved.networkWatcherName], ["rg-network", "watcher-westeurope"]);
        assert.deepEqual(
            plannedChanges(resources, named).map((c) => [c.type, c.property, c.replaceOnly]),
            [
                ["azure-native:network:FlowLog", "networkWatcherName", true],
                ["azure-native:network:FlowLog", "resourceGroupName", true],
            ],
        );

        const { resources: created } = await recordPlatform(loadAzure({ ...prodAzure(), networkWatcher: { create: true } }));
        const watcher = one(created, "azure-native:network:NetworkWatcher");
        assert.deepEqual(
            [watcher.props.resourceGroupName, watcher.props.networkWatcherName, watcher.props.location],
            ["rg-xroad-test", "NetworkWatcher_westeurope", "westeurope"],
        );
        assert.deepEqual([watcher.protect, watcher.retainOnDelete], [false, true], "deleting it would delete every flow log of the region");
        const log = one(created, "azure-native:network:FlowLog");
        assert.equal(log.props.resourceGroupName, "rg-xroad-test");
        assert.ok(log.propertyDependencies.networkWatcherName?.includes(watcher.urn));
    });

    it("refuses a retention outside 1-365 days and a watcher name Azure would refuse, naming the key", () => {
        assert.ok(errorsOf({ ...prodAzure(), flowLogs: { retentionDays: 0 } }).some((e) => e.includes("azure.flowLogs.retentionDays")));
        assert.ok(errorsOf({ ...prodAzure(), networkWatcher: { name: "-watcher" } }).some((e) => e.includes("azure.networkWatcher.name")));
        const watcher = loadAzure({ ...prodAzure(), location: "swedencentral" }).azure.networkWatcher;
        assert.deepEqual(watcher, { create: false, resourceGroupName: "NetworkWatcherRG", name: "NetworkWatcher_swedencentral" });
    });

    it("can be turned off (a policy then reports the unlogged VNet)", async () => {
        const { resources: off } = await recordPlatform(loadAzure({ ...prodAzure(), flowLogs: { enabled: false } }));
        assert.equal(ofType(off, "azure-native:network:FlowLog").length, 0);
        assert.equal(
            ofType(off, "azure-native:storage:StorageAccount").filter((a) => a.name.endsWith("-flow-logs")).length,
            0,
            "and no account for them",
        );
    });
});
