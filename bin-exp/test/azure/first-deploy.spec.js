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
const assert = __importStar(require("node:assert/strict"));
const azure_1 = require("../../plan/mocks/azure");
const types_1 = require("../../plan/mocks/types");
const azure_2 = require("../../plan/mocks/rules/azure");
const plan_helpers_1 = require("../plan-helpers");
const fixtures_1 = require("./fixtures");
const SUB = `/subscriptions/${types_1.MOCK_SUBSCRIPTION_ID}`;
const RG = `${SUB}/resourceGroups/rg-xroad-test`;
const role = (guid) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const ROLES = {
    cryptoOfficer: role("14b46e9e-c2b7-41b4-b07b-48a6ebf60603"),
    clusterUser: role("4abbcc35-e782-43d8-92c5-2d3f1bd2253f"),
    networkContributor: role("4d97b98b-1d4f-4787-a291-c67834d212e7"),
};
const name = "xroad-sidecar-aztest";
const clusterId = `${RG}/providers/Microsoft.ContainerService/managedClusters/${name}-aks`;
function named(resources, type, suffix) {
    return (0, plan_helpers_1.one)(resources, type, new RegExp(`${suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}
/** The Sleep that follows a grant, and the check that it waits for exactly that grant. */
function waitAfter(resources, grantSuffix) {
    const grant = named(resources, "azure-native:authorization:RoleAssignment", grantSuffix);
    const wait = (0, plan_helpers_1.ofType)(resources, "time:index/sleep:Sleep").find((s) => s.dependencies.includes(grant.urn));
    assert.ok(wait, `a Sleep waits for ${grant.name}`);
    return { grant, wait };
}
describe("azure first pulumi up (issue 12)", function () {
    let resources;
    before(async () => {
        ({ resources } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)((0, fixtures_1.prodAzure)())));
    });
    it("gives the configured deployer Key Vault Crypto Officer on the stack's vault before the etcd key is created (azure.md A1)", () => {
        const vault = (0, plan_helpers_1.one)(resources, "azure-native:keyvault:Vault");
        const { grant, wait } = waitAfter(resources, "-secrets-deployer");
        assert.equal(grant.props.scope, `${RG}/providers/Microsoft.KeyVault/vaults/${vault.props.vaultName}`);
        assert.equal(grant.props.roleDefinitionId, ROLES.cryptoOfficer);
        assert.deepEqual([grant.props.principalId, grant.props.principalType], [fixtures_1.DEPLOYER, "ServicePrincipal"]);
        assert.equal(wait.props.createDuration, "60s");
        const key = (0, plan_helpers_1.one)(resources, "azure-native:keyvault:Key");
        assert.ok(key.dependencies.includes(wait.urn), "the key waits until the deployer's grant has propagated");
    });
    it("sends the deployer's own principal type, so a User deployer works as well as a CI service principal (azure.md A2)", async () => {
        const { resources: r } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), deployer: { objectId: fixtures_1.DEPLOYER, principalType: "User" } }));
        for (const suffix of ["-secrets-deployer", "-aks-deployer-admin"])
            assert.equal(named(r, "azure-native:authorization:RoleAssignment", suffix).props.principalType, "User");
    });
    it("sets principalType on every role assignment: ServicePrincipal for managed identities, Group for groups", () => {
        const identities = new Set((0, plan_helpers_1.ofType)(resources, "azure-native:managedidentity:UserAssignedIdentity").map((i) => (0, azure_1.mockUuid)(`principal-${i.name}`)));
        const grants = (0, plan_helpers_1.ofType)(resources, "azure-native:authorization:RoleAssignment");
        assert.ok(grants.length >= 10, `${grants.length} grants`);
        for (const g of grants) {
            const expected = identities.has(g.props.principalId)
                ? "ServicePrincipal"
                : [fixtures_1.ADMIN_GROUP, fixtures_1.OPERATOR_GROUP].includes(g.props.principalId)
                    ? "Group"
                    : g.props.principalId === fixtures_1.DEPLOYER
                        ? "ServicePrincipal"
                        : "unknown principal";
            assert.equal(g.props.principalType, expected, g.name);
        }
    });
    it("waits for every grant a resource needs before that resource uses it (azure.md A3, A9)", () => {
        const cluster = (0, plan_helpers_1.one)(resources, "azure-native:containerservice:ManagedCluster");
        for (const subnet of ["nodes", "apiserver"]) {
            const { wait } = waitAfter(resources, `-control-plane-network-${subnet}`);
            assert.ok(cluster.dependencies.includes(wait.urn), `the cluster waits for its ${subnet} subnet grant`);
            assert.equal(wait.props.createDuration, "300s");
        }
        const kms = waitAfter(resources, "-secrets-control-plane");
        assert.ok(cluster.dependencies.includes(kms.wait.urn));
        const admin = waitAfter(resources, "-aks-deployer-admin");
        assert.equal(admin.wait.props.createDuration, "300s", "AKS: up to five minutes until the API server honours a grant");
        const provider = (0, plan_helpers_1.one)(resources, "pulumi:providers:kubernetes");
        assert.ok(provider.dependencies.includes(admin.wait.urn), "no Kubernetes object before the deployer's cluster-admin grant is live");
        assert.ok(provider.dependencies.includes((0, plan_helpers_1.one)(resources, "azure-native:containerservice:AgentPool").urn), "nor before the Sidecar's nodes");
        // Grants whose users are started by Kubernetes objects: the Files CSI driver, the archiver, the load balancer.
        for (const suffix of ["-files-csi-controller", "-archiver-sidecar-blob-writer", "-address-network-contributor"])
            waitAfter(resources, suffix);
        // Each wait is re-armed when its grant is replaced.
        assert.ok(Object.values(admin.wait.props.triggers).every((t) => typeof t === "string" && t.includes("/roleAssignments/")));
    });
    it("lets admin and operator groups fetch a kubeconfig: AKS Cluster User on the cluster (azure.md A4)", () => {
        const users = (0, plan_helpers_1.ofType)(resources, "azure-native:authorization:RoleAssignment").filter((g) => g.props.roleDefinitionId === ROLES.clusterUser);
        assert.deepEqual(users.map((g) => [g.props.principalId, g.props.principalType, g.props.scope]).sort(), [
            [fixtures_1.ADMIN_GROUP, "Group", clusterId],
            [fixtures_1.OPERATOR_GROUP, "Group", clusterId],
        ]);
    });
    it("grants the control plane Network Contributor on its subnets and the public IP, never the resource group (azure.md B6)", () => {
        const scopes = (0, plan_helpers_1.ofType)(resources, "azure-native:authorization:RoleAssignment")
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
        const locks = (0, plan_helpers_1.ofType)(resources, "azure-native:authorization:ManagementLockByScope");
        // The archive and Files accounts, the database, the registered address and the egress address.
        assert.equal(locks.length, 5);
        for (const lock of locks)
            assert.deepEqual([lock.name, lock.protect, lock.retainOnDelete], [lock.name, false, false]);
        const rg = (0, plan_helpers_1.one)(resources, "azure-native:resources:ResourceGroup");
        assert.deepEqual([rg.protect, rg.retainOnDelete], [true, true], "a destroy never deletes the group holding the retained data");
        // The runbook: dataLocks false for one pulumi up removes the locks, so a grant beneath them can be replaced.
        const unlocked = (0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), dataLocks: false });
        assert.ok(unlocked.warnings.some((w) => w.includes("azure.dataLocks is false")));
        const { resources: r } = await (0, fixtures_1.recordPlatform)(unlocked);
        assert.equal((0, plan_helpers_1.ofType)(r, "azure-native:authorization:ManagementLockByScope").length, 0);
        assert.ok((0, plan_helpers_1.one)(r, "azure-native:storage:StorageAccount", /-archive$/).protect, "the data stays protected meanwhile");
    });
});
describe("AKS pools and maintenance (issue 11 point 5)", function () {
    let resources;
    before(async () => {
        ({ resources } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)((0, fixtures_1.prodAzure)())));
    });
    it("plans weekly maintenance windows for Kubernetes auto-upgrade and node-OS upgrade (azure.md B4)", async () => {
        const windows = Object.fromEntries((0, plan_helpers_1.ofType)(resources, "azure-native:containerservice:MaintenanceConfiguration").map((m) => [m.props.configName, m.props]));
        assert.deepEqual(Object.keys(windows).sort(), ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]);
        assert.deepEqual(windows.aksManagedAutoUpgradeSchedule.maintenanceWindow, {
            schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
            durationHours: 4,
            startTime: "01:00",
            utcOffset: "+00:00",
        });
        assert.equal(windows.aksManagedNodeOSUpgradeSchedule.maintenanceWindow.schedule.weekly.dayOfWeek, "Saturday");
        for (const w of Object.values(windows))
            assert.equal(w.resourceName, `${name}-aks`);
        const { resources: r } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)({
            ...(0, fixtures_1.prodAzure)(),
            maintenance: { nodeOsUpgrade: { dayOfWeek: "Wednesday", startTime: "22:30", durationHours: 6, utcOffset: "+02:00" } },
        }));
        const os = (0, plan_helpers_1.one)(r, "azure-native:containerservice:MaintenanceConfiguration", /-node-os-upgrade$/).props.maintenanceWindow;
        assert.deepEqual([os.schedule.weekly.dayOfWeek, os.startTime, os.durationHours, os.utcOffset], ["Wednesday", "22:30", 6, "+02:00"]);
    });
    it("changing the Sidecar pool's bounds updates that AgentPool only, in place", async () => {
        const { resources: after } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), userNodePool: { minCount: 4, maxCount: 9 } }));
        const changes = (0, azure_2.plannedChanges)(resources, after);
        assert.deepEqual(changes.map((c) => [c.type, c.property, c.replaceOnly]), [
            ["azure-native:containerservice:AgentPool", "count", false],
            ["azure-native:containerservice:AgentPool", "maxCount", false],
            ["azure-native:containerservice:AgentPool", "minCount", false],
        ]);
        assert.ok((0, plan_helpers_1.one)(after, "azure-native:containerservice:AgentPool").props.minCount === 4);
    });
    it("reports what ARM cannot change in place: a pool's VM size, or the inline system pool", async () => {
        const { resources: bigger } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), userNodePool: { vmSize: "Standard_D8ds_v5" } }));
        assert.deepEqual((0, azure_2.plannedChanges)(resources, bigger).map((c) => [c.type, c.property, c.replaceOnly]), [["azure-native:containerservice:AgentPool", "vmSize", true]]);
        const { resources: system } = await (0, fixtures_1.recordPlatform)((0, fixtures_1.loadAzure)({ ...(0, fixtures_1.prodAzure)(), systemNodePool: { count: 4 } }));
        assert.deepEqual((0, azure_2.plannedChanges)(resources, system).map((c) => [c.type, c.property, c.replaceOnly]), [["azure-native:containerservice:ManagedCluster", "agentPoolProfiles", true]]);
        // Pulumi does not send it (ignoreChanges), so a changed system pool is made with a new System AgentPool.
        assert.ok((0, plan_helpers_1.one)(system, "azure-native:containerservice:ManagedCluster"));
    });
});
