import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { PlannedResource } from "../../plan/run";
import { isSecretValue } from "../../plan/mocks/secret";
import { seededUuid } from "../../plan/mocks/seeded";
import { MOCK_SUBSCRIPTION_ID } from "../../plan/mocks/types";
import { one, ofType } from "../plan-helpers";
import { AzurePlatform } from "../../components/azure/azure-platform";
import { XROAD_FILES_MOUNT_OPTIONS } from "../../components/azure/shared-files";
import { ADMIN_GROUP, DEPLOYER, OPERATOR_GROUP, loadAzure, prodAzure, recordPlatform } from "./fixtures";
import { vmSizeHasTempDisk } from "../../config/azure";
import { databaseMaintenanceWindow } from "../../components/azure/flexible-server";

const SUB = `/subscriptions/${MOCK_SUBSCRIPTION_ID}`;
const RG = `${SUB}/resourceGroups/rg-xroad-test`;
const role = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

/** The resolved value of an input, as the engine would see it. */
function valueOf<T>(input: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(input).apply((v) => resolve(v as T)));
}

function byName<Type extends string>(resources: PlannedResource[], type: Type, suffix: string) {
    return one(resources, type, new RegExp(`${suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}

/** The data actions of the built-in Azure Kubernetes Service RBAC Writer (a7ffa36f…, built-in-roles/containers.md). */
const RBAC_WRITER_DATA_ACTIONS = new Set(
    [
        "apps/controllerrevisions/read",
        "apps/daemonsets/*",
        "apps/deployments/*",
        "apps/replicasets/*",
        "apps/statefulsets/*",
        "autoscaling/horizontalpodautoscalers/*",
        "batch/cronjobs/*",
        "coordination.k8s.io/leases/read",
        "coordination.k8s.io/leases/write",
        "coordination.k8s.io/leases/delete",
        "discovery.k8s.io/endpointslices/read",
        "batch/jobs/*",
        "configmaps/*",
        "endpoints/*",
        "events.k8s.io/events/read",
        "events/*",
        "extensions/daemonsets/*",
        "extensions/deployments/*",
        "extensions/ingresses/*",
        "extensions/networkpolicies/*",
        "extensions/replicasets/*",
        "limitranges/read",
        "metrics.k8s.io/pods/read",
        "metrics.k8s.io/nodes/read",
        "namespaces/read",
        "networking.k8s.io/ingresses/*",
        "networking.k8s.io/networkpolicies/*",
        "persistentvolumeclaims/*",
        "pods/*",
        "policy/poddisruptionbudgets/*",
        "replicationcontrollers/*",
        "resourcequotas/read",
        "secrets/*",
        "serviceaccounts/*",
        "services/*",
    ].map((a) => `Microsoft.ContainerService/managedClusters/${a}`),
);

describe("azure platform (production)", function () {
    let resources: PlannedResource[];
    let platform: AzurePlatform;
    const name = "xroad-sidecar-aztest";
    const clusterId = `${RG}/providers/Microsoft.ContainerService/managedClusters/${name}-aks`;

    before(async () => {
        ({ resources, platform } = await recordPlatform(loadAzure(prodAzure())));
    });

    it("creates the resource group and a VNet with node, delegated database and private-endpoint subnets", () => {
        const rg = one(resources, "azure-native:resources:ResourceGroup");
        assert.equal(rg.props.resourceGroupName, "rg-xroad-test");
        assert.equal(rg.props.location, "westeurope");
        assert.deepEqual(one(resources, "azure-native:network:VirtualNetwork").props.addressSpace, { addressPrefixes: ["10.30.0.0/16"] });
        const subnets = Object.fromEntries(ofType(resources, "azure-native:network:Subnet").map((s) => [s.props.subnetName, s.props]));
        assert.deepEqual(Object.keys(subnets).sort(), ["apiserver", "database", "nodes", "private-endpoints"]);
        assert.equal(subnets.apiserver.addressPrefix, "10.30.18.0/28");
        assert.deepEqual(subnets.apiserver.delegations, [
            { name: "aks-apiserver", serviceName: "Microsoft.ContainerService/managedClusters" },
        ]);
        assert.equal(subnets.nodes.addressPrefix, "10.30.0.0/20");
        assert.equal(subnets.database.addressPrefix, "10.30.16.0/24");
        assert.deepEqual(subnets.database.delegations, [
            { name: "flexible-server", serviceName: "Microsoft.DBforPostgreSQL/flexibleServers" },
        ]);
        assert.equal(subnets["private-endpoints"].addressPrefix, "10.30.17.0/24");
        // ARM rejects parallel subnet writes: each subnet waits for the previous one.
        const db = byName(resources, "azure-native:network:Subnet", "-database");
        assert.ok(db.dependencies.includes(byName(resources, "azure-native:network:Subnet", "-nodes").urn));
    });

    it("lets only the nodes (blob 443, SMB 445) reach the storage accounts' private endpoints (azure.md B6)", () => {
        const nsg = one(resources, "azure-native:network:NetworkSecurityGroup");
        const endpoints = byName(resources, "azure-native:network:Subnet", "-endpoints");
        assert.equal(endpoints.props.privateEndpointNetworkPolicies, "Enabled");
        assert.ok(endpoints.propertyDependencies.networkSecurityGroup?.includes(nsg.urn));
        const rules = (nsg.props.securityRules ?? []) as {
            name: string;
            access: string;
            sourceAddressPrefix: string;
            destinationPortRanges?: string[];
            destinationPortRange?: string;
            priority: number;
        }[];
        assert.deepEqual(
            rules.map((r) => [r.name, r.access, r.sourceAddressPrefix, r.destinationPortRanges ?? r.destinationPortRange, r.priority]),
            [
                ["allow-nodes", "Allow", "10.30.0.0/20", ["443", "445"], 100],
                // Ahead of Azure's default AllowVnetInBound (65000): nothing else in the VNet reaches the endpoints.
                ["deny-other-inbound", "Deny", "*", "*", 4096],
            ],
        );
    });

    it("keeps control-plane logs and Container Insights in a workspace with the configured retention (guide §8)", () => {
        const ws = one(resources, "azure-native:operationalinsights:Workspace");
        assert.equal(ws.props.retentionInDays, 365);
        assert.equal(ws.props.features.disableLocalAuth, true);
        const workspaceId = `${RG}/providers/Microsoft.OperationalInsights/workspaces/${name}-logs`;
        const diag = byName(resources, "azure-native:monitor:DiagnosticSetting", "-control-plane-logs");
        assert.equal(diag.props.resourceUri, clusterId);
        assert.equal(diag.props.workspaceId, workspaceId);
        assert.deepEqual(diag.props.logs, [
            { category: "kube-apiserver", enabled: true },
            { category: "kube-audit", enabled: true },
            { category: "guard", enabled: true },
            { category: "kube-controller-manager", enabled: true },
            { category: "cluster-autoscaler", enabled: true },
        ]);
        const aks = one(resources, "azure-native:containerservice:ManagedCluster").props;
        assert.deepEqual(aks.addonProfiles.omsagent, {
            enabled: true,
            config: { logAnalyticsWorkspaceResourceID: workspaceId, useAADAuth: "true" },
        });
        // guide §4.4: no dashboard add-on at all; Azure Policy is the other one (azure.md B1).
        assert.deepEqual(Object.keys(aks.addonProfiles).sort(), ["azurepolicy", "omsagent"]);
    });

    it("routes the monitoring add-on's Container Insights stream to the workspace with a rule associated to the cluster", () => {
        const workspaceId = `${RG}/providers/Microsoft.OperationalInsights/workspaces/${name}-logs`;
        const rule = one(resources, "azure-native:monitor:DataCollectionRule").props;
        assert.deepEqual(
            rule.dataSources.extensions.map((e: { extensionName: string; streams: string[] }) => [e.extensionName, e.streams]),
            [["ContainerInsights", ["Microsoft-ContainerInsights-Group-Default"]]],
        );
        assert.deepEqual(rule.destinations.logAnalytics, [{ name: "workspace", workspaceResourceId: workspaceId }]);
        assert.deepEqual(rule.dataFlows, [{ streams: ["Microsoft-ContainerInsights-Group-Default"], destinations: ["workspace"] }]);
        const association = one(resources, "azure-native:monitor:DataCollectionRuleAssociation").props;
        assert.equal(association.resourceUri, clusterId);
        assert.equal(association.associationName, "ContainerInsightsExtension");
        assert.equal(association.dataCollectionRuleId, `${RG}/providers/Microsoft.Insights/dataCollectionRules/${name}-insights`);
    });

    it("sends kube-audit instead when configured", async () => {
        const { resources: r } = await recordPlatform(loadAzure({ ...prodAzure(), auditCategory: "kube-audit" }));
        assert.deepEqual(
            byName(r, "azure-native:monitor:DiagnosticSetting", "-control-plane-logs").props.logs.map(
                (l: { category: string }) => l.category,
            ),
            ["kube-apiserver", "kube-audit", "guard", "kube-controller-manager", "cluster-autoscaler"],
        );
    });

    it("hardens the AKS cluster: Calico, Entra ID with Azure RBAC, no local accounts, workload identity", () => {
        const aks = one(resources, "azure-native:containerservice:ManagedCluster").props;
        assert.equal(aks.networkProfile.networkPolicy, "calico");
        assert.equal(aks.networkProfile.networkPlugin, "azure");
        assert.equal(aks.networkProfile.networkPluginMode, "overlay");
        assert.deepEqual(
            [aks.networkProfile.podCidr, aks.networkProfile.serviceCidr, aks.networkProfile.dnsServiceIP],
            ["10.244.0.0/16", "10.245.0.0/16", "10.245.0.10"],
        );
        assert.deepEqual(aks.aadProfile, {
            managed: true,
            enableAzureRBAC: true,
            adminGroupObjectIDs: [ADMIN_GROUP],
            tenantID: "00000000-0000-4000-8000-000000000001",
        });
        assert.equal(aks.disableLocalAccounts, true);
        assert.equal(aks.enableRBAC, true);
        assert.deepEqual(aks.oidcIssuerProfile, { enabled: true });
        assert.equal(aks.securityProfile.workloadIdentity.enabled, true);
        assert.deepEqual(aks.apiServerAccessProfile, {
            authorizedIPRanges: ["203.0.113.0/24"],
            disableRunCommand: true,
            enableVnetIntegration: true,
            subnetId: `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet/subnets/apiserver`,
        });
        assert.deepEqual(aks.autoUpgradeProfile, { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" });
        assert.equal(aks.storageProfile.diskCSIDriver.enabled, true);
        assert.equal(aks.storageProfile.fileCSIDriver.enabled, true);
        assert.equal(aks.kubernetesVersion, "1.33");
        assert.equal(aks.sku.tier, "Standard");
        assert.deepEqual(aks.nodeResourceGroupProfile, { restrictionLevel: "ReadOnly" });
        const controlPlane = byName(resources, "azure-native:managedidentity:UserAssignedIdentity", "-control-plane");
        assert.deepEqual(aks.identity, {
            type: "UserAssigned",
            userAssignedIdentities: [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${controlPlane.name}`],
        });
    });

    it("envelope-encrypts Secrets in etcd with a rotated Key Vault key only the control plane may use (guide §3)", () => {
        const vault = one(resources, "azure-native:keyvault:Vault");
        assert.equal(vault.props.properties.enableRbacAuthorization, true);
        assert.equal(vault.props.properties.enablePurgeProtection, true);
        assert.equal(vault.props.properties.softDeleteRetentionInDays, 90);
        assert.match(vault.props.vaultName, /^kv-[a-z0-9-]{1,17}-[a-z0-9]{6}$/);
        assert.ok(vault.props.vaultName.length <= 24);
        const key = one(resources, "azure-native:keyvault:Key");
        assert.deepEqual([key.props.properties.kty, key.props.properties.keySize], ["RSA", 2048]);
        assert.deepEqual(key.props.properties.rotationPolicy.lifetimeActions, [
            { trigger: { timeAfterCreate: "P365D" }, action: { type: "rotate" } },
        ]);
        assert.equal(
            key.props.properties.rotationPolicy.attributes,
            undefined,
            "no expiry: the cluster keeps working on a pinned older version",
        );
        for (const r of [vault, key]) assert.deepEqual([r.protect, r.retainOnDelete], [true, true]);
        const grant = byName(resources, "azure-native:authorization:RoleAssignment", "-secrets-control-plane");
        assert.equal(grant.props.scope, `${RG}/providers/Microsoft.KeyVault/vaults/${vault.props.vaultName}`);
        assert.equal(grant.props.roleDefinitionId, role("12338af0-0e69-4776-bea7-57ae8d297424"));
        assert.equal(grant.props.principalId, seededUuid(`principal-${name}-control-plane`));
        const cluster = one(resources, "azure-native:containerservice:ManagedCluster");
        const kms = cluster.props.securityProfile.azureKeyVaultKms;
        assert.equal(kms.enabled, true);
        // Private KMS over API Server VNet Integration: the vault denies public networks (azure.md B8).
        assert.equal(kms.keyVaultNetworkAccess, "Private");
        assert.equal(kms.keyVaultResourceId, `${RG}/providers/Microsoft.KeyVault/vaults/${vault.props.vaultName}`);
        assert.equal(vault.props.properties.publicNetworkAccess, "Disabled");
        assert.deepEqual(vault.props.properties.networkAcls, {
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [],
            virtualNetworkRules: [],
        });
        assert.match(kms.keyId, new RegExp(`^https://${vault.props.vaultName}\\.vault\\.azure\\.net/keys/aks-etcd/[0-9a-f]{32}$`));
        const wait = byName(resources, "time:index/sleep:Sleep", "-secrets-control-plane-rbac-propagation");
        assert.ok(wait.dependencies.includes(grant.urn));
        assert.ok(cluster.dependencies.includes(wait.urn), "the cluster waits until the control plane's key grant has propagated");
    });

    it("sizes a system pool and an autoscaled x86-64 user pool across the configured zones", () => {
        const cluster = one(resources, "azure-native:containerservice:ManagedCluster");
        const [system, ...inline] = cluster.props.agentPoolProfiles;
        assert.deepEqual(inline, [], "only the system pool is inline (azure.md A5)");
        assert.equal(system.mode, "System");
        assert.equal(system.count, 3);
        assert.equal(system.vmSize, "Standard_D4ds_v5");
        assert.deepEqual(system.nodeTaints, ["CriticalAddonsOnly=true:NoSchedule"]);
        const pool = one(resources, "azure-native:containerservice:AgentPool");
        const user = pool.props;
        assert.equal(user.resourceName, `${name}-aks`);
        assert.equal(user.agentPoolName, "sidecar");
        assert.equal(user.orchestratorVersion, "1.33");
        assert.ok(pool.dependencies.includes(cluster.urn));
        assert.equal(user.mode, "User");
        assert.equal(user.vmSize, "Standard_D4ds_v5");
        assert.equal(user.enableAutoScaling, true);
        assert.deepEqual([user.minCount, user.maxCount], [3, 6]);
        for (const pool of [system, user]) {
            assert.deepEqual(pool.availabilityZones, ["1", "2", "3"]);
            assert.equal(pool.vnetSubnetID, `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet/subnets/nodes`);
        }
    });

    it("grants namespace operators a custom role narrower than RBAC Writer, on their namespace only (guide §4.3, azure.md B2)", () => {
        const definition = one(resources, "azure-native:authorization:RoleDefinition");
        const guid = one(resources, "random:index/randomUuid:RandomUuid");
        const ops = byName(resources, "azure-native:authorization:RoleAssignment", "-operators-0-xroad-sidecar");
        assert.equal(ops.props.scope, `${clusterId}/namespaces/xroad-sidecar`);
        assert.equal(ops.props.principalId, OPERATOR_GROUP);
        assert.equal(ops.props.principalType, "Group");
        assert.match(
            ops.props.roleDefinitionId,
            /^\/subscriptions\/[0-9a-f-]+\/providers\/Microsoft\.Authorization\/roleDefinitions\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        assert.equal(ops.props.roleDefinitionId.split("/").pop(), definition.props.roleDefinitionId);
        assert.ok(ops.dependencies.includes(definition.urn), "assigned once the definition exists");
        assert.ok(definition.dependencies.includes(guid.urn) || definition.propertyDependencies.roleDefinitionId?.includes(guid.urn));
        assert.equal(definition.props.scope, RG);
        assert.deepEqual(definition.props.assignableScopes, [RG]);
        const [permissions] = definition.props.permissions;
        const data: string[] = permissions.dataActions;
        // Nothing that reads the Sidecar's credentials, mints a ServiceAccount token or opens its network isolation.
        for (const forbidden of ["secrets/", "serviceaccounts/*", "serviceaccounts/write", "networkpolicies/*", "networkpolicies/write"])
            assert.ok(!data.some((a) => a.includes(forbidden)), forbidden);
        assert.ok(data.includes("Microsoft.ContainerService/managedClusters/networking.k8s.io/networkpolicies/read"));
        assert.ok(data.includes("Microsoft.ContainerService/managedClusters/serviceaccounts/read"));
        assert.ok(data.includes("Microsoft.ContainerService/managedClusters/apps/statefulsets/*"), "operating the Sidecar stays possible");
        assert.deepEqual(permissions.notDataActions, ["Microsoft.ContainerService/managedClusters/pods/exec/action"]);
        // Every data action it keeps is one RBAC Writer has: narrower, never wider.
        for (const action of data)
            assert.ok(RBAC_WRITER_DATA_ACTIONS.has(action) || RBAC_WRITER_DATA_ACTIONS.has(action.replace(/\/read$/, "/*")), action);
        const vnet = `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet`;
        for (const [subnet, scope] of [
            ["nodes", `${vnet}/subnets/nodes`],
            ["apiserver", `${vnet}/subnets/apiserver`],
        ]) {
            const net = byName(resources, "azure-native:authorization:RoleAssignment", `-control-plane-network-${subnet}`).props;
            assert.equal(net.scope, scope, "Network Contributor on the subnet, not the resource group (azure.md B6)");
            assert.equal(net.roleDefinitionId, role("4d97b98b-1d4f-4787-a291-c67834d212e7"));
            assert.equal(net.principalId, seededUuid(`principal-${name}-control-plane`));
            assert.equal(net.principalType, "ServicePrincipal");
        }
    });

    it("reaches the cluster with a secret exec kubeconfig that kubelogin can use unattended", async () => {
        const provider = one(resources, "pulumi:providers:kubernetes");
        assert.ok(isSecretValue(provider.inputs.kubeconfig), "the kubeconfig input must stay secret");
        const kubeconfig: string = provider.props.kubeconfig;
        assert.match(kubeconfig, /command: kubelogin/);
        assert.match(kubeconfig, /- --login\n\s+- azurecli\n/);
        assert.doesNotMatch(kubeconfig, /devicecode/);
        const deployer = byName(resources, "azure-native:authorization:RoleAssignment", "-aks-deployer-admin").props;
        assert.equal(deployer.scope, clusterId);
        assert.equal(deployer.roleDefinitionId, role("b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"));
        assert.deepEqual([deployer.principalId, deployer.principalType], [DEPLOYER, "ServicePrincipal"]);
        assert.equal(
            await valueOf(platform.outputs.kubeconfigCommand),
            `az aks get-credentials --resource-group rg-xroad-test --name ${name}-aks && kubelogin convert-kubeconfig -l azurecli`,
        );
    });

    it("puts /var/lib/xroad on Azure Files over SMB 3.1.1 with AES-256-GCM on a hardened account (guide §10)", async () => {
        const account = byName(resources, "azure-native:storage:StorageAccount", "-files").props;
        assert.equal(account.enableHttpsTrafficOnly, true);
        assert.equal(account.minimumTlsVersion, "TLS1_2");
        assert.equal(account.allowBlobPublicAccess, false);
        // Nodes mount through the private endpoint; the public endpoint answers only Azure's trusted services (Azure Backup).
        assert.equal(account.publicNetworkAccess, "Enabled");
        assert.deepEqual(account.networkRuleSet, { defaultAction: "Deny", bypass: "AzureServices" });
        assert.equal(account.encryption.requireInfrastructureEncryption, true);
        assert.deepEqual([account.kind, account.sku.name], ["FileStorage", "Premium_ZRS"]);
        assert.match(account.accountName, /^[a-z0-9]{3,24}$/);
        const smb = one(resources, "azure-native:storage:FileServiceProperties").props;
        assert.equal(smb.protocolSettings.smb.versions, "SMB3.1.1");
        assert.equal(smb.protocolSettings.smb.channelEncryption, "AES-256-GCM");
        assert.deepEqual(smb.shareDeleteRetentionPolicy, { enabled: true, days: 30 });
        const share = one(resources, "azure-native:storage:FileShare");
        assert.deepEqual([share.props.shareName, share.props.enabledProtocols, share.props.shareQuota], ["xroad-sidecar", "SMB", 100]);
        const files = ofType(resources, "kubernetes:storage.k8s.io/v1:StorageClass").find(
            (c) => c.props.provisioner === "file.csi.azure.com",
        );
        assert.ok(files);
        assert.deepEqual(files.props.parameters, {
            storageAccount: account.accountName,
            resourceGroup: "rg-xroad-test",
            shareName: "xroad-sidecar",
            protocol: "smb",
            // review azure B10: the driver's account-key Secret lives in kube-system, one per stack.
            secretNamespace: "kube-system",
            secretName: `${name}-files-account-key`,
        });
        assert.deepEqual(files.props.mountOptions, [
            "uid=999",
            "gid=999",
            "dir_mode=0770",
            "file_mode=0660",
            "mfsymlinks",
            "cache=strict",
            "nosharesock",
            "actimeo=30",
        ]);
        assert.deepEqual(files.props.mountOptions, XROAD_FILES_MOUNT_OPTIONS);
        assert.equal(files.props.reclaimPolicy, "Retain");
        const pe = ofType(resources, "azure-native:network:PrivateEndpoint").map((e) => e.props.privateLinkServiceConnections[0]);
        assert.ok(pe.some((c) => c.groupIds[0] === "file" && c.privateLinkServiceId.endsWith(`/storageAccounts/${account.accountName}`)));
        const csi = byName(resources, "azure-native:authorization:RoleAssignment", "-files-csi-controller").props;
        assert.equal(csi.scope, `${RG}/providers/Microsoft.Storage/storageAccounts/${account.accountName}`);
        assert.equal(csi.principalId, seededUuid(`principal-${name}-control-plane`));
        assert.equal(await valueOf(platform.bindings.storage.sharedClass ?? ""), "xroad-files-sidecar");
        assert.equal(await valueOf(platform.bindings.storage.sharedClassByInstance?.sidecar ?? ""), "xroad-files-sidecar");
    });

    it("backs every share up daily with Azure Backup, kept 30 days, in a protected soft-deleting vault (review azure B10)", async () => {
        const account = byName(resources, "azure-native:storage:StorageAccount", "-files").props;
        const accountId = `${RG}/providers/Microsoft.Storage/storageAccounts/${account.accountName}`;
        // Azure Backup's snapshot tier reaches a firewalled account as a trusted service (azure-file-share-support-matrix.md).
        assert.deepEqual(account.networkRuleSet, { defaultAction: "Deny", bypass: "AzureServices" });
        const vault = one(resources, "azure-native:recoveryservices:Vault");
        assert.equal(vault.props.vaultName, "rsv-xroad-sidecar-aztest");
        assert.deepEqual(vault.props.sku, { name: "RS0", tier: "Standard" });
        assert.deepEqual(vault.props.properties, {
            redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant" },
            securitySettings: {
                softDeleteSettings: { softDeleteState: "AlwaysON", softDeleteRetentionPeriodInDays: 14, enhancedSecurityState: "Enabled" },
                immutabilitySettings: { state: "Unlocked" },
            },
            monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" } },
        });
        const policy = one(resources, "azure-native:recoveryservices:ProtectionPolicy");
        assert.deepEqual([policy.props.vaultName, policy.props.policyName], ["rsv-xroad-sidecar-aztest", "xroad-files-daily"]);
        assert.deepEqual(policy.props.properties, {
            backupManagementType: "AzureStorage",
            workLoadType: "AzureFileShare",
            timeZone: "UTC",
            schedulePolicy: {
                schedulePolicyType: "SimpleSchedulePolicy",
                scheduleRunFrequency: "Daily",
                scheduleRunTimes: ["2020-01-01T02:00:00Z"],
            },
            retentionPolicy: {
                retentionPolicyType: "LongTermRetentionPolicy",
                dailySchedule: { retentionTimes: ["2020-01-01T02:00:00Z"], retentionDuration: { count: 30, durationType: "Days" } },
            },
        });
        const container = one(resources, "azure-native:recoveryservices:ProtectionContainer");
        assert.equal(container.props.containerName, `StorageContainer;Storage;rg-xroad-test;${account.accountName}`);
        assert.equal(container.props.fabricName, "Azure");
        assert.deepEqual(container.props.properties, {
            containerType: "StorageContainer",
            backupManagementType: "AzureStorage",
            sourceResourceId: accountId,
            acquireStorageAccountLock: "Acquire",
        });
        const item = one(resources, "azure-native:recoveryservices:ProtectedItem");
        assert.equal(item.props.protectedItemName, "AzureFileShare;xroad-sidecar");
        assert.equal(item.props.containerName, container.props.containerName);
        for (const before of [container, policy, one(resources, "azure-native:storage:FileShare")])
            assert.ok(item.dependencies.includes(before.urn), `the protected item waits for ${before.name}`);
        assert.deepEqual(Object.keys(item.props.properties ?? {}).sort(), ["policyId", "protectedItemType", "sourceResourceId"]);
        assert.deepEqual(
            [item.props.properties?.protectedItemType, item.props.properties?.sourceResourceId],
            ["AzureFileShareProtectedItem", accountId],
        );
        // Deleting the vault or an item deletes the recovery points: both are kept like the data (protectData).
        for (const r of [vault, policy, container, item]) assert.deepEqual([r.protect, r.retainOnDelete], [true, true], r.name);
        const lock = byName(resources, "azure-native:authorization:ManagementLockByScope", "-files-backup-vault-lock").props;
        assert.equal(lock.level, "CanNotDelete");
        assert.equal(await valueOf(platform.outputs.filesBackupVault), "rsv-xroad-sidecar-aztest");
    });

    it("gives the primary's config a zone-redundant Azure Disk class that retains its disks", async () => {
        const disk = ofType(resources, "kubernetes:storage.k8s.io/v1:StorageClass").find(
            (c) => c.props.provisioner === "disk.csi.azure.com",
        );
        assert.ok(disk);
        assert.equal(disk.props.parameters.skuName, "Premium_ZRS");
        assert.equal(disk.props.reclaimPolicy, "Retain");
        assert.equal(disk.props.volumeBindingMode, "WaitForFirstConsumer");
        assert.equal(await valueOf(platform.bindings.storage.configClass ?? ""), disk.props.metadata.name);
    });

    it("archives to a private, Entra-ID-only, versioned and write-once Blob container (guide §10)", () => {
        const account = byName(resources, "azure-native:storage:StorageAccount", "-archive").props;
        assert.equal(account.enableHttpsTrafficOnly, true);
        assert.equal(account.minimumTlsVersion, "TLS1_2");
        assert.equal(account.allowBlobPublicAccess, false);
        assert.equal(account.allowSharedKeyAccess, false);
        assert.equal(account.publicNetworkAccess, "Disabled");
        assert.equal(account.encryption.requireInfrastructureEncryption, true);
        const blob = one(resources, "azure-native:storage:BlobServiceProperties").props;
        assert.equal(blob.isVersioningEnabled, true);
        assert.deepEqual(blob.deleteRetentionPolicy, { enabled: true, days: 30 });
        assert.deepEqual(blob.containerDeleteRetentionPolicy, { enabled: true, days: 30 });
        const [rule] = byName(resources, "azure-native:storage:ManagementPolicy", "-archive-lifecycle").props.policy.rules;
        assert.deepEqual(rule.definition.actions.baseBlob, {
            tierToCool: { daysAfterModificationGreaterThan: 30 },
            delete: { daysAfterModificationGreaterThan: 2555 },
        });
        const container = one(resources, "azure-native:storage:BlobContainer").props;
        assert.equal(container.containerName, "archive-sidecar");
        assert.equal(container.publicAccess, "None");
        assert.deepEqual(container.immutableStorageWithVersioning, { enabled: true });
        const worm = one(resources, "azure-native:storage:BlobContainerImmutabilityPolicy").props;
        assert.deepEqual([worm.containerName, worm.immutabilityPeriodSinceCreationInDays], ["archive-sidecar", 365]);
    });

    it("lets only the archiver ServiceAccount federate into an identity that may write that one container", async () => {
        const account = byName(resources, "azure-native:storage:StorageAccount", "-archive").props.accountName;
        const identityName = `${name}-archiver-sidecar`;
        const fic = one(resources, "azure-native:managedidentity:FederatedIdentityCredential").props;
        assert.equal(fic.subject, "system:serviceaccount:xroad-sidecar:xroad-archiver");
        assert.equal(
            fic.issuer,
            `https://westeurope.oic.prod-aks.azure.com/00000000-0000-4000-8000-000000000001/${seededUuid(`oidc-${name}-aks`)}/`,
        );
        assert.deepEqual(fic.audiences, ["api://AzureADTokenExchange"]);
        assert.equal(fic.resourceName, identityName);
        const grant = byName(resources, "azure-native:authorization:RoleAssignment", "-archiver-sidecar-blob-writer").props;
        assert.equal(
            grant.scope,
            `${RG}/providers/Microsoft.Storage/storageAccounts/${account}/blobServices/default/containers/archive-sidecar`,
        );
        assert.equal(grant.roleDefinitionId, role("ba92f5b4-2d11-453d-a403-e96b0029c9fe"));
        assert.equal(grant.principalId, seededUuid(`principal-${identityName}`));
        assert.equal(grant.principalType, "ServicePrincipal");
        const binding = platform.bindings.archives.sidecar;
        assert.equal(binding.kind, "blob");
        if (binding.kind !== "blob") return;
        assert.deepEqual(await valueOf(binding.serviceAccountAnnotations), {
            "azure.workload.identity/client-id": seededUuid(`client-${identityName}`),
        });
        assert.deepEqual(binding.podLabels, { "azure.workload.identity/use": "true" });
        assert.equal(binding.serviceAccountName, "xroad-archiver");
        assert.equal(binding.image, "mcr.microsoft.com/azure-cli:2.79.0");
        assert.equal(await valueOf(binding.container), "archive-sidecar");
        assert.equal(await valueOf(binding.accountName), account);
    });

    it("creates a private, TLS-only, zone-redundant Flexible Server 16 with hstore allowed", async () => {
        const server = one(resources, "azure-native:dbforpostgresql:Server");
        const db = server.props;
        assert.equal(db.version, "16");
        assert.equal(db.administratorLogin, "xroadadmin");
        assert.ok(isSecretValue(server.inputs.administratorLoginPassword), "the admin password must stay secret");
        assert.equal(db.network.publicNetworkAccess, "Disabled");
        assert.equal(
            db.network.delegatedSubnetResourceId,
            `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet/subnets/database`,
        );
        const zone = byName(resources, "azure-native:privatedns:PrivateZone", "-db-sidecar-dns").props;
        assert.equal(zone.privateZoneName, `${db.serverName}.private.postgres.database.azure.com`);
        assert.equal(db.network.privateDnsZoneArmResourceId, `${RG}/providers/Microsoft.Network/privateDnsZones/${zone.privateZoneName}`);
        const link = byName(resources, "azure-native:privatedns:VirtualNetworkLink", "-db-sidecar-dns-link").props;
        assert.equal(link.virtualNetwork.id, `${RG}/providers/Microsoft.Network/virtualNetworks/${name}-vnet`);
        assert.deepEqual(db.highAvailability, { mode: "ZoneRedundant", standbyAvailabilityZone: "2" });
        assert.equal(db.availabilityZone, "1");
        assert.deepEqual(db.backup, { backupRetentionDays: 35, geoRedundantBackup: "Enabled" });
        assert.deepEqual(db.sku, { name: "Standard_D2ds_v5", tier: "GeneralPurpose" });
        const configs = ofType(resources, "azure-native:dbforpostgresql:Configuration");
        assert.deepEqual(Object.fromEntries(configs.map((c) => [c.props.configurationName, c.props.value])), {
            "azure.extensions": "HSTORE",
            require_secure_transport: "ON",
            ssl_min_protocol_version: "TLSv1.2",
            log_connections: "ON",
            log_disconnections: "ON",
        });
        // azure.md B11: patched in the cluster's Kubernetes upgrade window (Sunday 01:00 UTC by default), and its
        // server log goes to the workspace.
        assert.deepEqual(db.maintenanceWindow, { customWindow: "Enabled", dayOfWeek: 0, startHour: 1, startMinute: 0 });
        const logs = byName(resources, "azure-native:monitor:DiagnosticSetting", "-db-sidecar-logs");
        assert.ok(logs.propertyDependencies.resourceUri.includes(server.urn), "the setting is on this server");
        assert.deepEqual(logs.props.logs, [{ category: "PostgreSQLLogs", enabled: true }]);
        // One parameter change at a time: each waits for the one before.
        assert.ok(configs[1].dependencies.includes(configs[0].urn));
        const binding = platform.bindings.databases.sidecar;
        assert.equal(await valueOf(binding.host), `${db.serverName}.postgres.database.azure.com`);
        assert.deepEqual([binding.port, binding.user, binding.requireTls], [5432, "xroadadmin", true]);
        assert.equal(await pulumi.isSecret(binding.password), true);
    });

    it("protects the archive, the file shares and their backup vault, the flow logs, the database and the address from deletion", () => {
        const stateful = [
            byName(resources, "azure-native:storage:StorageAccount", "-archive"),
            byName(resources, "azure-native:storage:StorageAccount", "-files"),
            byName(resources, "azure-native:storage:StorageAccount", "-flow-logs"),
            one(resources, "azure-native:storage:FileShare"),
            one(resources, "azure-native:storage:BlobContainer"),
            one(resources, "azure-native:dbforpostgresql:Server"),
            byName(resources, "azure-native:network:PublicIPAddress", "-address"),
            byName(resources, "azure-native:network:PublicIPAddress", "-egress"),
        ];
        for (const r of stateful) assert.deepEqual([r.name, r.protect, r.retainOnDelete], [r.name, true, true]);
        const locks = ofType(resources, "azure-native:authorization:ManagementLockByScope");
        assert.ok(locks.every((l) => l.props.level === "CanNotDelete"));
        const lockedTypes = locks.map((l) => l.props.scope.split("/providers/")[1].split("/").slice(0, 2).join("/")).sort();
        assert.deepEqual(lockedTypes, [
            "Microsoft.DBforPostgreSQL/flexibleServers",
            "Microsoft.Network/publicIPAddresses",
            "Microsoft.Network/publicIPAddresses",
            "Microsoft.RecoveryServices/vaults",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts",
        ]);
    });

    it("converts the maintenance window to the UTC Flexible Server counts from Sunday", () => {
        const w = (dayOfWeek: "Sunday" | "Monday" | "Saturday", startTime: string, utcOffset: string) =>
            databaseMaintenanceWindow({ dayOfWeek, startTime, utcOffset, durationHours: 4 });
        assert.deepEqual(w("Sunday", "01:00", "+00:00"), { customWindow: "Enabled", dayOfWeek: 0, startHour: 1, startMinute: 0 });
        // 01:30 on Sunday in Helsinki (+02:00) is 23:30 on Saturday in UTC.
        assert.deepEqual(w("Sunday", "01:30", "+02:00"), { customWindow: "Enabled", dayOfWeek: 6, startHour: 23, startMinute: 30 });
        assert.deepEqual(w("Saturday", "22:00", "-05:00"), { customWindow: "Enabled", dayOfWeek: 0, startHour: 3, startMinute: 0 });
        assert.deepEqual(w("Monday", "03:15", "+05:30"), { customWindow: "Enabled", dayOfWeek: 0, startHour: 21, startMinute: 45 });
    });

    it("sends outbound traffic from a protected static public IP of its own and outputs it for peers' allowlists (azure.md B7)", async () => {
        const egress = byName(resources, "azure-native:network:PublicIPAddress", "-egress");
        assert.deepEqual(egress.props.sku, { name: "Standard", tier: "Regional" });
        assert.equal(egress.props.publicIPAllocationMethod, "Static");
        assert.deepEqual(egress.props.zones, ["1", "2", "3"]);
        const aks = one(resources, "azure-native:containerservice:ManagedCluster");
        assert.equal(aks.props.networkProfile.outboundType, "loadBalancer");
        assert.deepEqual(aks.props.networkProfile.loadBalancerProfile.outboundIPs, {
            publicIPs: [{ id: `${RG}/providers/Microsoft.Network/publicIPAddresses/${name}-egress` }],
        });
        // The control plane may use that IP before the cluster exists: its grant is part of the wait the cluster follows.
        const grant = byName(resources, "azure-native:authorization:RoleAssignment", "-control-plane-network-outbound-ip");
        assert.equal(grant.props.scope, `${RG}/providers/Microsoft.Network/publicIPAddresses/${name}-egress`);
        const wait = byName(resources, "time:index/sleep:Sleep", "-control-plane-network-rbac-propagation");
        assert.ok(wait.dependencies.includes(grant.urn));
        assert.ok(aks.dependencies.includes(wait.urn));
        assert.match(String(await valueOf(platform.outputs.egressAddress)), /^\d+\.\d+\.\d+\.\d+$/);
    });

    it("encrypts nodes at host, boots them from ephemeral OS disks and caps pods per node (azure.md B12)", () => {
        const [system] = one(resources, "azure-native:containerservice:ManagedCluster").props.agentPoolProfiles;
        const user = one(resources, "azure-native:containerservice:AgentPool").props;
        for (const pool of [system, user]) {
            assert.equal(pool.enableEncryptionAtHost, true);
            assert.equal(pool.osDiskType, "Ephemeral", `${pool.vmSize} has a temp disk for it`);
            assert.equal(pool.maxPods, 30);
        }
        assert.ok(vmSizeHasTempDisk("Standard_D4ds_v5") && vmSizeHasTempDisk("Standard_E8ads_v5"));
        assert.ok(!vmSizeHasTempDisk("Standard_D4s_v5") && !vmSizeHasTempDisk("Standard_F8s_v2"));
    });

    it("audits the running cluster against the pod security baseline with Azure Policy (azure.md B1)", () => {
        const aks = one(resources, "azure-native:containerservice:ManagedCluster");
        assert.deepEqual(aks.props.addonProfiles.azurepolicy, { enabled: true });
        const assignment = one(resources, "azure-native:authorization:PolicyAssignment").props;
        assert.equal(assignment.scope, clusterId);
        assert.equal(
            assignment.policyDefinitionId,
            "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d",
        );
        assert.deepEqual(assignment.parameters, { effect: { value: "audit" } });
    });

    it("sends the Key Vault's, the storage services' and the database's audit logs to the workspace (azure.md B5)", () => {
        const workspaceId = `${RG}/providers/Microsoft.OperationalInsights/workspaces/${name}-logs`;
        const settings = Object.fromEntries(
            ofType(resources, "azure-native:monitor:DiagnosticSetting").map((d) => [d.name.slice(name.length + 1), d.props]),
        );
        assert.deepEqual(Object.keys(settings).sort(), [
            "archive-logs",
            "control-plane-logs",
            "db-sidecar-logs",
            "files-logs",
            "vault-logs",
        ]);
        for (const setting of Object.values(settings)) assert.equal(setting.workspaceId, workspaceId);
        assert.deepEqual(settings["vault-logs"].logs, [{ category: "AuditEvent", enabled: true }]);
        assert.match(settings["vault-logs"].resourceUri, /\/providers\/Microsoft\.KeyVault\/vaults\//);
        assert.match(settings["archive-logs"].resourceUri, /\/storageAccounts\/[^/]+\/blobServices\/default$/);
        assert.match(settings["files-logs"].resourceUri, /\/storageAccounts\/[^/]+\/fileServices\/default$/);
        for (const storage of ["archive-logs", "files-logs"])
            assert.deepEqual(
                settings[storage].logs.map((l: { category: string }) => l.category),
                ["StorageRead", "StorageWrite", "StorageDelete"],
            );
    });

    it("binds the LoadBalancer Service to a static zone-redundant public IP and outputs the address to register", async () => {
        const ip = byName(resources, "azure-native:network:PublicIPAddress", "-address").props;
        assert.deepEqual(ip.sku, { name: "Standard", tier: "Regional" });
        assert.equal(ip.publicIPAllocationMethod, "Static");
        assert.deepEqual(ip.zones, ["1", "2", "3"]);
        assert.equal(ip.resourceGroupName, "rg-xroad-test");
        assert.equal(await valueOf(platform.bindings.loadBalancer.loadBalancerIP ?? ""), "198.51.100.25");
        assert.deepEqual(await valueOf(platform.bindings.loadBalancer.annotations), {
            "service.beta.kubernetes.io/azure-pip-name": `${name}-address`,
            "service.beta.kubernetes.io/azure-load-balancer-resource-group": "rg-xroad-test",
        });
        assert.equal(await valueOf(platform.outputs.securityServerAddress), "198.51.100.25");
        assert.deepEqual(platform.bindings.privateNetworkCidrs, ["10.30.0.0/16"]);
        assert.equal(platform.bindings.cloud, "azure");
    });
});

describe("azure platform (development, two instances, internal load balancer)", function () {
    let resources: PlannedResource[];
    let platform: AzurePlatform;

    before(async () => {
        const config = loadAzure(
            {
                ...prodAzure(),
                availabilityZones: [],
                authorizedIpRanges: [],
                privateCluster: true,
                loadBalancer: { internal: true, privateIp: "10.30.1.10" },
                archive: {},
            },
            { environment: "development", protectData: false, instances: [{ name: "a" }, { name: "b", archiving: { enabled: false } }] },
        );
        ({ resources, platform } = await recordPlatform(config));
    });

    it("makes the API server private", () => {
        assert.deepEqual(one(resources, "azure-native:containerservice:ManagedCluster").props.apiServerAccessProfile, {
            enablePrivateCluster: true,
            privateDNSZone: "system",
            disableRunCommand: true,
            enableVnetIntegration: true,
            subnetId: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/rg-xroad-test/providers/Microsoft.Network/virtualNetworks/xroad-sidecar-aztest-vnet/subnets/apiserver`,
        });
    });

    it("binds an internal load balancer to the fixed private IP and creates no public IP but the egress one", async () => {
        assert.deepEqual(
            ofType(resources, "azure-native:network:PublicIPAddress").map((ip) => ip.name.split("-").pop()),
            ["egress"],
        );
        assert.equal(await valueOf(platform.bindings.loadBalancer.loadBalancerIP ?? ""), "10.30.1.10");
        assert.deepEqual(await valueOf(platform.bindings.loadBalancer.annotations), {
            "service.beta.kubernetes.io/azure-load-balancer-internal": "true",
            "service.beta.kubernetes.io/azure-load-balancer-internal-subnet": "nodes",
            "service.beta.kubernetes.io/azure-load-balancer-ipv4": "10.30.1.10",
        });
    });

    it("backs both shares up in a locally redundant vault that a dev stack can delete (review azure B10)", () => {
        assert.deepEqual(
            ofType(resources, "azure-native:recoveryservices:ProtectedItem")
                .map((i) => i.props.protectedItemName)
                .sort(),
            ["AzureFileShare;xroad-a", "AzureFileShare;xroad-b"],
        );
        const vault = one(resources, "azure-native:recoveryservices:Vault");
        assert.deepEqual(vault.props.properties?.redundancySettings, { standardTierStorageRedundancy: "LocallyRedundant" });
        assert.deepEqual(vault.props.properties?.securitySettings, {
            softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14, enhancedSecurityState: "Enabled" },
            immutabilitySettings: { state: "Disabled" },
        });
        // No Azure Backup lock on the account and no protect: protectData false lets pulumi destroy remove it all.
        const container = one(resources, "azure-native:recoveryservices:ProtectionContainer");
        const account = ofType(resources, "azure-native:storage:StorageAccount").find((a) => a.name.endsWith("-files"));
        assert.deepEqual(container.props.properties, {
            containerType: "StorageContainer",
            backupManagementType: "AzureStorage",
            sourceResourceId: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/rg-xroad-test/providers/Microsoft.Storage/storageAccounts/${account?.props.accountName}`,
            acquireStorageAccountLock: "NotAcquire",
        });
        assert.ok([vault, container].every((r) => !r.protect && !r.retainOnDelete));
        const policy = one(resources, "azure-native:recoveryservices:ProtectionPolicy").props.properties;
        assert.ok(policy?.backupManagementType === "AzureStorage");
        assert.deepEqual(policy.retentionPolicy, {
            retentionPolicyType: "LongTermRetentionPolicy",
            dailySchedule: { retentionTimes: ["2020-01-01T02:00:00Z"], retentionDuration: { count: 7, durationType: "Days" } },
        });
    });

    it("gives every instance its own share and class, and no single shared class two instances could share", async () => {
        assert.deepEqual(
            ofType(resources, "azure-native:storage:FileShare")
                .map((s) => s.props.shareName)
                .sort(),
            ["xroad-a", "xroad-b"],
        );
        assert.equal(platform.bindings.storage.sharedClass, undefined);
        const classes = platform.bindings.storage.sharedClassByInstance ?? {};
        assert.deepEqual({ a: await valueOf(classes.a), b: await valueOf(classes.b) }, { a: "xroad-files-a", b: "xroad-files-b" });
        const [standard] = ofType(resources, "azure-native:storage:StorageAccount")
            .filter((a) => a.name.endsWith("-files"))
            .map((a) => a.props);
        assert.deepEqual([standard.kind, standard.sku.name], ["StorageV2", "Standard_LRS"]);
    });

    it("creates archive identities only for archiving instances, and operator grants per namespace", () => {
        assert.deepEqual(Object.keys(platform.bindings.archives), ["a"]);
        assert.deepEqual(
            ofType(resources, "azure-native:storage:BlobContainer").map((c) => c.props.containerName),
            ["archive-a"],
        );
        assert.equal(ofType(resources, "azure-native:storage:BlobContainerImmutabilityPolicy").length, 0);
        const scopes = ofType(resources, "azure-native:authorization:RoleAssignment")
            .filter((r) => r.name.includes("-operators-") && !r.name.endsWith("-cluster-user"))
            .map((r) => r.props.scope.split("/namespaces/")[1]);
        assert.deepEqual(scopes.sort(), ["a", "b"]);
    });

    it("keeps the platform-managed etcd key when secretsEncryption is off", async () => {
        const { resources: r } = await recordPlatform(loadAzure({ ...prodAzure(), secretsEncryption: false }));
        assert.equal(ofType(r, "azure-native:keyvault:Vault").length, 0);
        assert.equal(one(r, "azure-native:containerservice:ManagedCluster").props.securityProfile.azureKeyVaultKms, undefined);
    });

    it("creates no database for local-database instances and protects nothing when protectData is false", () => {
        assert.equal(ofType(resources, "azure-native:dbforpostgresql:Server").length, 0);
        assert.deepEqual(platform.bindings.databases, {});
        assert.equal(ofType(resources, "azure-native:authorization:ManagementLockByScope").length, 0);
        assert.ok(
            resources.every((r) => !r.protect && !r.retainOnDelete),
            "nothing is protected",
        );
        const disk = ofType(resources, "kubernetes:storage.k8s.io/v1:StorageClass").find(
            (c) => c.props.provisioner === "disk.csi.azure.com",
        );
        assert.deepEqual([disk?.props.parameters.skuName, disk?.props.reclaimPolicy], ["Premium_LRS", "Delete"]);
        assert.equal(
            one(resources, "azure-native:containerservice:ManagedCluster").props.agentPoolProfiles[0].availabilityZones,
            undefined,
        );
    });
});
