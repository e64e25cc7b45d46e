import * as assert from "node:assert/strict";
import { PlannedResource } from "../../plan/run";
import { seededUuid } from "../../plan/mocks/seeded";
import { MOCK_SUBSCRIPTION_ID } from "../../plan/mocks/types";
import { plannedChanges } from "../../plan/mocks/rules/replacements";
import { one, ofType } from "../plan-helpers";
import { ADMIN_GROUP, DEPLOYER, OPERATOR_GROUP, loadAzure, prodAzure, recordPlatform } from "./fixtures";

const SUB = `/subscriptions/${MOCK_SUBSCRIPTION_ID}`;
const RG = `${SUB}/resourceGroups/rg-xroad-test`;
const role = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const ROLES = {
    cryptoOfficer: role("14b46e9e-c2b7-41b4-b07b-48a6ebf60603"),
    clusterUser: role("4abbcc35-e782-43d8-92c5-2d3f1bd2253f"),
    networkContributor: role("4d97b98b-1d4f-4787-a291-c67834d212e7"),
};
const name = "xroad-sidecar-aztest";
const clusterId = `${RG}/providers/Microsoft.ContainerService/managedClusters/${name}-aks`;

function named(resources: PlannedResource[], type: string, suffix: string) {
    return one(resources, type, new RegExp(`${suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}

/** The Sleep that follows a grant, and the check that it waits for exactly that grant. */
function waitAfter(resources: PlannedResource[], grantSuffix: string) {
    const grant = named(resources, "azure-native:authorization:RoleAssignment", grantSuffix);
    const wait = ofType(resources, "time:index/sleep:Sleep").find((s) => s.dependencies.includes(grant.urn));
    assert.ok(wait, `a Sleep waits for ${grant.name}`);
    return { grant, wait };
}

describe("azure first pulumi up (issue 12)", function () {
    let resources: PlannedResource[];

    before(async () => {
        ({ resources } = await recordPlatform(loadAzure(prodAzure())));
    });

    it("gives the configured deployer Key Vault Crypto Officer on the stack's vault before the etcd key is created (azure.md A1)", () => {
        const vault = one(resources, "azure-native:keyvault:Vault");
        const { grant, wait } = waitAfter(resources, "-secrets-deployer");
        assert.equal(grant.props.scope, `${RG}/providers/Microsoft.KeyVault/vaults/${vault.props.vaultName}`);
        assert.equal(grant.props.roleDefinitionId, ROLES.cryptoOfficer);
        assert.deepEqual([grant.props.principalId, grant.props.principalType], [DEPLOYER, "ServicePrincipal"]);
        assert.equal(wait.props.createDuration, "60s");
        const key = one(resources, "azure-native:keyvault:Key");
        assert.ok(key.dependencies.includes(wait.urn), "the key waits until the deployer's grant has propagated");
    });

    it("sends the deployer's own principal type, so a User deployer works as well as a CI service principal (azure.md A2)", async () => {
        const { resources: r } = await recordPlatform(
            loadAzure({ ...prodAzure(), deployer: { objectId: DEPLOYER, principalType: "User" } }),
        );
        for (const suffix of ["-secrets-deployer", "-aks-deployer-admin"])
            assert.equal(named(r, "azure-native:authorization:RoleAssignment", suffix).props.principalType, "User");
    });

    it("sets principalType on every role assignment: ServicePrincipal for managed identities, Group for groups", () => {
        const identities = new Set(
            ofType(resources, "azure-native:managedidentity:UserAssignedIdentity").map((i) => seededUuid(`principal-${i.name}`)),
        );
        const grants = ofType(resources, "azure-native:authorization:RoleAssignment");
        assert.ok(grants.length >= 10, `${grants.length} grants`);
        for (const g of grants) {
            const expected = identities.has(g.props.principalId)
                ? "ServicePrincipal"
                : [ADMIN_GROUP, OPERATOR_GROUP].includes(g.props.principalId)
                  ? "Group"
                  : g.props.principalId === DEPLOYER
                    ? "ServicePrincipal"
                    : "unknown principal";
            assert.equal(g.props.principalType, expected, g.name);
        }
    });

    it("waits for every grant a resource needs before that resource uses it (azure.md A3, A9)", () => {
        const cluster = one(resources, "azure-native:containerservice:ManagedCluster");
        for (const subnet of ["nodes", "apiserver"]) {
            const { wait } = waitAfter(resources, `-control-plane-network-${subnet}`);
            assert.ok(cluster.dependencies.includes(wait.urn), `the cluster waits for its ${subnet} subnet grant`);
            assert.equal(wait.props.createDuration, "300s");
        }
        const kms = waitAfter(resources, "-secrets-control-plane");
        assert.ok(cluster.dependencies.includes(kms.wait.urn));
        const admin = waitAfter(resources, "-aks-deployer-admin");
        assert.equal(admin.wait.props.createDuration, "300s", "AKS: up to five minutes until the API server honours a grant");
        const provider = one(resources, "pulumi:providers:kubernetes");
        assert.ok(provider.dependencies.includes(admin.wait.urn), "no Kubernetes object before the deployer's cluster-admin grant is live");
        assert.ok(
            provider.dependencies.includes(one(resources, "azure-native:containerservice:AgentPool").urn),
            "nor before the Sidecar's nodes",
        );
        // Grants whose users are started by Kubernetes objects: the Files CSI driver, the archiver, the load balancer.
        for (const suffix of ["-files-csi-controller", "-archiver-sidecar-blob-writer", "-address-network-contributor"])
            waitAfter(resources, suffix);
        // Each wait is re-armed when its grant is replaced.
        assert.ok(Object.values(admin.wait.props.triggers).every((t) => typeof t === "string" && t.includes("/roleAssignments/")));
    });

    it("lets admin and operator groups fetch a kubeconfig: AKS Cluster User on the cluster (azure.md A4)", () => {
        const users = ofType(resources, "azure-native:authorization:RoleAssignment").filter(
            (g) => g.props.roleDefinitionId === ROLES.clusterUser,
        );
        assert.deepEqual(users.map((g) => [g.props.principalId, g.props.principalType, g.props.scope]).sort(), [
            [ADMIN_GROUP, "Group", clusterId],
            [OPERATOR_GROUP, "Group", clusterId],
        ]);
    });

    it("grants the control plane Network Contributor on its subnets and the public IP, never the resource group (azure.md B6)", () => {
        const scopes = ofType(resources, "azure-native:authorization:RoleAssignment")
            .filter((g) => g.props.roleDefinitionId === ROLES.networkContributor)
            .map((g) => g.props.scope)
            .sort();
        const vnet = `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet`;
        assert.deepEqual(scopes, [
            `${RG}/providers/Microsoft.Network/publicIPAddresses/${name}-address`,
            `${RG}/providers/Microsoft.Network/publicIPAddresses/${name}-egress`,
            `${vnet}/subnets/apiserver`,
            `${vnet}/subnets/nodes`,
        ]);
    });

    it("locks the stateful resources without protecting or retaining the locks, and retains the resource group (azure.md A7)", async () => {
        const locks = ofType(resources, "azure-native:authorization:ManagementLockByScope");
        // The archive, Files and flow log accounts, the Files backup vault, the database, the registered and the egress address.
        assert.equal(locks.length, 7);
        for (const lock of locks) assert.deepEqual([lock.name, lock.protect, lock.retainOnDelete], [lock.name, false, false]);
        const rg = one(resources, "azure-native:resources:ResourceGroup");
        assert.deepEqual([rg.protect, rg.retainOnDelete], [true, true], "a destroy never deletes the group holding the retained data");
        // The runbook: dataLocks false for one pulumi up removes the locks, so a grant beneath them can be replaced.
        const unlocked = loadAzure({ ...prodAzure(), dataLocks: false });
        assert.ok(unlocked.warnings.some((w) => w.includes("azure.dataLocks is false")));
        const { resources: r } = await recordPlatform(unlocked);
        assert.equal(ofType(r, "azure-native:authorization:ManagementLockByScope").length, 0);
        assert.ok(one(r, "azure-native:storage:StorageAccount", /-archive$/).protect, "the data stays protected meanwhile");
    });
});

describe("AKS pools and maintenance (issue 11 point 5)", function () {
    let resources: PlannedResource[];

    before(async () => {
        ({ resources } = await recordPlatform(loadAzure(prodAzure())));
    });

    it("plans weekly maintenance windows for Kubernetes auto-upgrade and node-OS upgrade (azure.md B4)", async () => {
        const windows = Object.fromEntries(
            ofType(resources, "azure-native:containerservice:MaintenanceConfiguration").map((m) => [m.props.configName, m.props]),
        );
        assert.deepEqual(Object.keys(windows).sort(), ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]);
        assert.deepEqual(windows.aksManagedAutoUpgradeSchedule.maintenanceWindow, {
            schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
            durationHours: 4,
            startTime: "01:00",
            utcOffset: "+00:00",
        });
        assert.equal(windows.aksManagedNodeOSUpgradeSchedule.maintenanceWindow.schedule.weekly.dayOfWeek, "Saturday");
        for (const w of Object.values(windows) as { resourceName: string }[]) assert.equal(w.resourceName, `${name}-aks`);
        const { resources: r } = await recordPlatform(
            loadAzure({
                ...prodAzure(),
                maintenance: { nodeOsUpgrade: { dayOfWeek: "Wednesday", startTime: "22:30", durationHours: 6, utcOffset: "+02:00" } },
            }),
        );
        const os = one(r, "azure-native:containerservice:MaintenanceConfiguration", /-node-os-upgrade$/).props.maintenanceWindow;
        assert.deepEqual([os.schedule.weekly.dayOfWeek, os.startTime, os.durationHours, os.utcOffset], ["Wednesday", "22:30", 6, "+02:00"]);
    });

    it("changing the Sidecar pool's bounds updates that AgentPool only, in place", async () => {
        const { resources: after } = await recordPlatform(loadAzure({ ...prodAzure(), userNodePool: { minCount: 4, maxCount: 9 } }));
        const changes = plannedChanges(resources, after);
        assert.deepEqual(
            changes.map((c) => [c.type, c.property, c.replaceOnly]),
            [
                ["azure-native:containerservice:AgentPool", "count", false],
                ["azure-native:containerservice:AgentPool", "maxCount", false],
                ["azure-native:containerservice:AgentPool", "minCount", false],
            ],
        );
        assert.ok(one(after, "azure-native:containerservice:AgentPool").props.minCount === 4);
    });

    it("reports what ARM cannot change in place: a pool's VM size, or the inline system pool", async () => {
        const { resources: bigger } = await recordPlatform(loadAzure({ ...prodAzure(), userNodePool: { vmSize: "Standard_D8ds_v5" } }));
        assert.deepEqual(
            plannedChanges(resources, bigger).map((c) => [c.type, c.property, c.replaceOnly]),
            [["azure-native:containerservice:AgentPool", "vmSize", true]],
        );
        const { resources: system } = await recordPlatform(loadAzure({ ...prodAzure(), systemNodePool: { count: 4 } }));
        assert.deepEqual(
            plannedChanges(resources, system).map((c) => [c.type, c.property, c.replaceOnly]),
            [["azure-native:containerservice:ManagedCluster", "agentPoolProfiles", true]],
        );
        // Pulumi does not send it (ignoreChanges), so a changed system pool is made with a new System AgentPool.
        assert.ok(one(system, "azure-native:containerservice:ManagedCluster"));
    });
});
