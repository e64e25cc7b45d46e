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
exports.AksCluster = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const containerservice = __importStar(require("@pulumi/azure-native/containerservice"));
const azure_1 = require("../../config/azure");
const role_definitions_1 = require("./role-definitions");
const kubeconfig_1 = require("./kubeconfig");
const operator_role_1 = require("./operator-role");
/** Label on the user pool's nodes; the Sidecar's pods can select it. */
const SIDECAR_POOL_LABEL = { "xroad-sidecar/pool": "sidecar" };
/**
 * The AKS cluster, hardened as the guide asks: Entra ID authentication with Azure RBAC and no local
 * accounts (§4.1–§4.3), Calico network policy (§5), no dashboard add-on (§4.4), Container Insights
 * (§8), OIDC issuer and workload identity for the archiver (§10), and a restricted API server.
 */
class AksCluster extends pulumi.ComponentResource {
    cluster;
    /** The Sidecar's pool: a resource of its own, so its size and bounds update in place (azure.md A5). */
    userPool;
    maintenance;
    /** Kubernetes objects wait for this: the deployer's cluster-admin grant, propagated. */
    deployerReady;
    /** OIDC issuer URL that federated identity credentials trust. */
    oidcIssuerUrl;
    /** Exec kubeconfig (kubelogin), secret. */
    kubeconfig;
    provider;
    constructor(name, args, opts) {
        super("xroad:azure:Cluster", name, {}, opts);
        const s = args.settings;
        const zones = s.availabilityZones.length > 0 ? s.availabilityZones : undefined;
        // azure.md B12, for both pools: encryption at host, an ephemeral OS disk where the size has a temp disk
        // to hold it (otherwise a managed one), and a pod limit instead of overlay's 250.
        const nodeDisks = (vmSize) => ({
            enableEncryptionAtHost: s.encryptionAtHost,
            osDiskType: (0, azure_1.vmSizeHasTempDisk)(vmSize) ? "Ephemeral" : "Managed",
            maxPods: azure_1.AKS_MAX_PODS,
        });
        this.cluster = new containerservice.ManagedCluster(name, {
            resourceGroupName: args.resourceGroupName,
            location: s.location,
            dnsPrefix: name
                .toLowerCase()
                .replace(/[^a-z0-9-]/g, "-")
                .slice(0, 54),
            kubernetesVersion: args.kubernetesVersion,
            // Standard tier: financially backed API server SLA in production.
            sku: { name: "Base", tier: args.production ? "Standard" : "Free" },
            identity: { type: "UserAssigned", userAssignedIdentities: [args.controlPlane.identity.id] },
            // guide §4.1–§4.2: Entra ID users and groups only, authorised by Azure RBAC; no static admin credential.
            enableRBAC: true,
            disableLocalAccounts: true,
            aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: s.adminGroupObjectIds, tenantID: args.tenantId },
            // API Server VNet Integration: the API server has an address in the stack's VNet, from where it
            // reaches the private Key Vault of the etcd key (private KMS).
            apiServerAccessProfile: s.privateCluster
                ? {
                    enablePrivateCluster: true,
                    privateDNSZone: "system",
                    disableRunCommand: true,
                    enableVnetIntegration: true,
                    subnetId: args.apiServerSubnetId,
                }
                : {
                    authorizedIPRanges: s.authorizedIpRanges,
                    disableRunCommand: true,
                    enableVnetIntegration: true,
                    subnetId: args.apiServerSubnetId,
                },
            networkProfile: {
                networkPlugin: "azure",
                networkPluginMode: "overlay",
                // guide §5: a policy engine that enforces the Sidecar's NetworkPolicies, including egress.
                networkPolicy: "calico",
                podCidr: azure_1.AKS_POD_CIDR,
                serviceCidr: azure_1.AKS_SERVICE_CIDR,
                dnsServiceIP: azure_1.AKS_DNS_SERVICE_IP,
                loadBalancerSku: "standard",
                outboundType: "loadBalancer",
                loadBalancerProfile: { outboundIPs: { publicIPs: [{ id: args.outboundIpId }] } },
            },
            agentPoolProfiles: [
                {
                    name: "system",
                    mode: "System",
                    type: "VirtualMachineScaleSets",
                    osType: "Linux",
                    osSKU: "AzureLinux",
                    vmSize: s.systemNodePool.vmSize,
                    ...nodeDisks(s.systemNodePool.vmSize),
                    count: s.systemNodePool.count,
                    availabilityZones: zones,
                    vnetSubnetID: args.nodeSubnetId,
                    // AKS's documented minimum, checked by config: 2 nodes, 4 vCPU (use-system-pools.md).
                    // Only cluster add-ons run here; the Sidecar gets its own pool.
                    nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
                    upgradeSettings: { maxSurge: "33%" },
                },
            ],
            autoUpgradeProfile: { upgradeChannel: s.upgradeChannel, nodeOSUpgradeChannel: "NodeImage" },
            // guide §8: Container Insights, authenticating to the workspace with Entra ID. There is no
            // kubeDashboard add-on (guide §4.4).
            addonProfiles: {
                omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: args.workspaceId, useAADAuth: "true" } },
                // Azure Policy for Kubernetes (Gatekeeper, managed by AKS): the pod security baseline is evaluated in
                // the running cluster, not only by the deploy-time policy pack (azure.md B1, PodSecurityBaseline).
                azurepolicy: { enabled: true },
            },
            // Nobody but AKS itself may change the node resource group (VM scale sets, load balancer, disks).
            nodeResourceGroupProfile: { restrictionLevel: "ReadOnly" },
            oidcIssuerProfile: { enabled: true },
            securityProfile: {
                // guide §3: Secrets (token PIN, passwords) wrapped in etcd with a key the stack owns.
                azureKeyVaultKms: args.etcdEncryption
                    ? {
                        enabled: true,
                        keyId: args.etcdEncryption.keyId,
                        keyVaultNetworkAccess: "Private",
                        keyVaultResourceId: args.etcdEncryption.vaultId,
                    }
                    : undefined,
                workloadIdentity: { enabled: true },
                imageCleaner: { enabled: true, intervalHours: 168 },
                defender: args.defender === "create"
                    ? { logAnalyticsWorkspaceResourceId: args.workspaceId, securityMonitoring: { enabled: true } }
                    : undefined,
            },
            storageProfile: {
                diskCSIDriver: { enabled: true },
                fileCSIDriver: { enabled: true },
                blobCSIDriver: { enabled: false },
                snapshotController: { enabled: true },
            },
            tags: args.tags,
        }, {
            parent: this,
            dependsOn: [args.controlPlane.networkReady, ...(args.etcdEncryption?.ready ?? [])],
            // The inline profile creates the system pool only. The API refuses to update it through the
            // cluster ("The Azure API does not currently allow this property to be updated directly",
            // containerservice/managedCluster.d.ts), and after a refresh it also lists the separate
            // pools: Pulumi must not try to write it back. System pool changes after creation: add a new
            // System AgentPool and delete the old one (README, Scaling).
            // An organisation's own Defender rollout (`threatDetection: existing`) owns securityProfile.defender.
            ignoreChanges: ["agentPoolProfiles", ...(args.defender === "existing" ? ["securityProfile.defender"] : [])],
        });
        this.userPool = new containerservice.AgentPool(`${name}-sidecar`, {
            resourceGroupName: args.resourceGroupName,
            resourceName: this.cluster.name,
            agentPoolName: "sidecar",
            mode: "User",
            type: "VirtualMachineScaleSets",
            osType: "Linux",
            osSKU: "AzureLinux",
            // x86-64 sizes only: NIIS publishes amd64 Sidecar images. The size cannot change in place:
            // add a pool with the new size and drain this one.
            vmSize: s.userNodePool.vmSize,
            ...nodeDisks(s.userNodePool.vmSize),
            orchestratorVersion: args.kubernetesVersion,
            enableAutoScaling: true,
            minCount: s.userNodePool.minCount,
            maxCount: s.userNodePool.maxCount,
            count: s.userNodePool.minCount,
            availabilityZones: zones,
            vnetSubnetID: args.nodeSubnetId,
            nodeLabels: { ...SIDECAR_POOL_LABEL },
            upgradeSettings: { maxSurge: "33%" },
        }, 
        // The autoscaler owns the node count after creation.
        { parent: this, ignoreChanges: ["count"] });
        // azure.md B4: AKS upgrades Kubernetes patches and re-images nodes only inside these windows.
        const window = (w) => ({
            schedule: { weekly: { dayOfWeek: w.dayOfWeek, intervalWeeks: 1 } },
            durationHours: w.durationHours,
            startTime: w.startTime,
            utcOffset: w.utcOffset,
        });
        this.maintenance = [
            ["auto-upgrade", "aksManagedAutoUpgradeSchedule", s.maintenance.autoUpgrade],
            ["node-os-upgrade", "aksManagedNodeOSUpgradeSchedule", s.maintenance.nodeOsUpgrade],
        ].map(([suffix, configName, w]) => new containerservice.MaintenanceConfiguration(`${name}-${suffix}`, {
            resourceGroupName: args.resourceGroupName,
            resourceName: this.cluster.name,
            configName: configName,
            maintenanceWindow: window(w),
        }, { parent: this }));
        this.oidcIssuerUrl = this.cluster.oidcIssuerProfile.apply((p) => {
            if (!p?.issuerURL)
                throw new Error("AKS returned no OIDC issuer URL although oidcIssuerProfile.enabled is true");
            return p.issuerURL;
        });
        // guide §4.3: operators of the Sidecar namespaces may change objects there, but not RBAC, Secrets,
        // ServiceAccounts or NetworkPolicies, and nothing elsewhere: a custom role narrower than RBAC Writer (azure.md B2).
        if (s.namespaceOperatorGroupObjectIds.length > 0) {
            const operatorRole = new operator_role_1.OperatorRole(`${name}-operator-role`, {
                resourceGroupId: pulumi.interpolate `/subscriptions/${args.subscriptionId}/resourceGroups/${args.resourceGroupName}`,
                clusterName: name,
            }, { parent: this });
            for (const [g, groupId] of s.namespaceOperatorGroupObjectIds.entries()) {
                for (const namespace of args.sidecarNamespaces) {
                    (0, role_definitions_1.grant)(`${name}-operators-${g}-${namespace}`, {
                        principalId: groupId,
                        principalType: "Group",
                        role: { customRoleGuid: operatorRole.roleGuid },
                        scope: pulumi.interpolate `${this.cluster.id}/namespaces/${namespace}`,
                        subscriptionId: args.subscriptionId,
                        description: `Operate the X-Road Sidecar in namespace ${namespace} only`,
                    }, { parent: this, dependsOn: [operatorRole.definition] });
                }
            }
        }
        // azure.md A4: RBAC Writer has no listClusterUserCredential; without this role `az aks get-credentials`
        // fails. The user credential is an exec kubeconfig with no secret in it (local accounts are disabled).
        const kubeconfigReaders = [
            ...s.adminGroupObjectIds.map((id, i) => [`admins-${i}`, id]),
            ...s.namespaceOperatorGroupObjectIds.map((id, i) => [`operators-${i}`, id]),
        ];
        for (const [who, groupId] of kubeconfigReaders) {
            (0, role_definitions_1.grant)(`${name}-${who}-cluster-user`, {
                principalId: groupId,
                principalType: "Group",
                role: "aksClusterUser",
                scope: this.cluster.id,
                subscriptionId: args.subscriptionId,
                description: "Fetch the cluster's Entra ID kubeconfig (az aks get-credentials)",
            }, { parent: this });
        }
        // The deployer is explicit config (azure.md A2/A3), so the grant does not move to whoever ran `up` last.
        // It can take up to five minutes to reach the API server (manage-azure-rbac), so Kubernetes objects wait.
        const deployerAdmin = (0, role_definitions_1.grant)(`${name}-deployer-admin`, {
            principalId: s.deployer.objectId,
            principalType: s.deployer.principalType,
            role: "aksRbacClusterAdmin",
            scope: this.cluster.id,
            subscriptionId: args.subscriptionId,
            description: "The identity running pulumi up creates the Sidecar's namespaces, RBAC and workloads",
        }, { parent: this });
        this.deployerReady = (0, role_definitions_1.propagationWait)(`${name}-deployer-admin`, [deployerAdmin], { parent: this });
        // Local accounts are disabled, so only the user credential (an exec kubeconfig) exists; it holds
        // no secret itself, but it is kept secret because it names the API server and the tenant.
        const credentials = containerservice.listManagedClusterUserCredentialsOutput({ resourceGroupName: args.resourceGroupName, resourceName: this.cluster.name, format: "exec" }, { parent: this });
        this.kubeconfig = pulumi.secret(credentials.kubeconfigs.apply((k) => (0, kubeconfig_1.withKubeloginMode)((0, kubeconfig_1.decodeKubeconfig)(k), s.kubeloginMode)));
        this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, 
        // Objects wait for the deployer's grant and for the Sidecar's nodes.
        { parent: this, dependsOn: [this.deployerReady, this.userPool] });
        this.registerOutputs({ clusterName: this.cluster.name, clusterId: this.cluster.id, oidcIssuerUrl: this.oidcIssuerUrl });
    }
}
exports.AksCluster = AksCluster;
