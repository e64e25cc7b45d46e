import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { ThreatDetectionMode } from "../../config/alerts";
import * as time from "@pulumiverse/time";
import {
    AKS_DNS_SERVICE_IP,
    AKS_MAX_PODS,
    AKS_POD_CIDR,
    AKS_SERVICE_CIDR,
    AzureSettings,
    MaintenanceWindowSettings,
    vmSizeHasTempDisk,
} from "../../config/azure";
import { grant, propagationWait } from "./role-definitions";
import { decodeKubeconfig, withKubeloginMode } from "./kubeconfig";
import { ControlPlaneIdentity } from "./control-plane-identity";
import { OperatorRole } from "./operator-role";

/** Label on the user pool's nodes; the Sidecar's pods can select it. */
const SIDECAR_POOL_LABEL = { "xroad-sidecar/pool": "sidecar" } as const;

/** The customer-managed key of etcd envelope encryption, and what must exist before the cluster uses it. */
export interface EtcdEncryption {
    /** Versioned key URI. */
    keyId: pulumi.Input<string>;
    /** Resource ID of the vault: private KMS reaches it through a private link AKS manages. */
    vaultId: pulumi.Input<string>;
    ready: pulumi.Resource[];
}

export interface AksClusterArgs {
    resourceGroupName: pulumi.Input<string>;
    /** The control plane's identity, with its network rights already granted. */
    controlPlane: ControlPlaneIdentity;
    /** Envelope encryption of Secrets with a Key Vault key; undefined keeps the platform-managed key. */
    etcdEncryption?: EtcdEncryption;
    nodeSubnetId: pulumi.Input<string>;
    /** Subnet delegated to the API server (API Server VNet Integration). */
    apiServerSubnetId: pulumi.Input<string>;
    /** The stack's static public IP for outbound SNAT (EgressAddress), so peers can allowlist it (azure.md B7). */
    outboundIpId: pulumi.Input<string>;
    settings: Pick<
        AzureSettings,
        | "location"
        | "authorizedIpRanges"
        | "privateCluster"
        | "adminGroupObjectIds"
        | "namespaceOperatorGroupObjectIds"
        | "availabilityZones"
        | "systemNodePool"
        | "userNodePool"
        | "upgradeChannel"
        | "maintenance"
        | "kubeloginMode"
        | "deployer"
        | "encryptionAtHost"
    >;
    kubernetesVersion: string;
    /** Log Analytics workspace of Container Insights (guide §8). */
    workspaceId: pulumi.Input<string>;
    /** Namespaces of the Sidecar instances: operator groups get write access there and nowhere else (guide §4.3). */
    sidecarNamespaces: string[];
    subscriptionId: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    production: boolean;
    /**
     * guide §8, issue 16: Microsoft Defender for Containers. `create`: the security profile sends the Defender
     * sensor's data to the stack's workspace; `existing`: the organisation manages the profile (often through
     * Azure Policy), so the stack neither sets nor resets it; `off`: unset.
     */
    defender: ThreatDetectionMode;
    tags: Record<string, string>;
}

/**
 * The AKS cluster, hardened as the guide asks: Entra ID authentication with Azure RBAC and no local
 * accounts (§4.1–§4.3), Calico network policy (§5), no dashboard add-on (§4.4), Container Insights
 * (§8), OIDC issuer and workload identity for the archiver (§10), and a restricted API server.
 */
export class AksCluster extends pulumi.ComponentResource {
    readonly cluster: containerservice.ManagedCluster;
    /** The Sidecar's pool: a resource of its own, so its size and bounds update in place (azure.md A5). */
    readonly userPool: containerservice.AgentPool;
    readonly maintenance: containerservice.MaintenanceConfiguration[];
    /** Kubernetes objects wait for this: the deployer's cluster-admin grant, propagated. */
    readonly deployerReady: time.Sleep;
    /** OIDC issuer URL that federated identity credentials trust. */
    readonly oidcIssuerUrl: pulumi.Output<string>;
    /** Exec kubeconfig (kubelogin), secret. */
    readonly kubeconfig: pulumi.Output<string>;
    readonly provider: k8s.Provider;

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Cluster", name, {}, opts);
        const settings = args.settings;
        const zones = settings.availabilityZones.length > 0 ? settings.availabilityZones : undefined;
        // azure.md B12, for both pools: encryption at host, an ephemeral OS disk where the size has a temp disk
        // to hold it (otherwise a managed one), and a pod limit instead of overlay's 250.
        const nodeDisks = (vmSize: string) => ({
            enableEncryptionAtHost: settings.encryptionAtHost,
            osDiskType: vmSizeHasTempDisk(vmSize) ? "Ephemeral" : "Managed",
            maxPods: AKS_MAX_PODS,
        });

        this.cluster = new containerservice.ManagedCluster(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: settings.location,
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
                aadProfile: {
                    managed: true,
                    enableAzureRBAC: true,
                    adminGroupObjectIDs: settings.adminGroupObjectIds,
                    tenantID: args.tenantId,
                },
                // API Server VNet Integration: the API server has an address in the stack's VNet, from where it
                // reaches the private Key Vault of the etcd key (private KMS).
                apiServerAccessProfile: settings.privateCluster
                    ? {
                          enablePrivateCluster: true,
                          privateDNSZone: "system",
                          disableRunCommand: true,
                          enableVnetIntegration: true,
                          subnetId: args.apiServerSubnetId,
                      }
                    : {
                          authorizedIPRanges: settings.authorizedIpRanges,
                          disableRunCommand: true,
                          enableVnetIntegration: true,
                          subnetId: args.apiServerSubnetId,
                      },
                networkProfile: {
                    networkPlugin: "azure",
                    networkPluginMode: "overlay",
                    // guide §5: a policy engine that enforces the Sidecar's NetworkPolicies, including egress.
                    networkPolicy: "calico",
                    podCidr: AKS_POD_CIDR,
                    serviceCidr: AKS_SERVICE_CIDR,
                    dnsServiceIP: AKS_DNS_SERVICE_IP,
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
                        vmSize: settings.systemNodePool.vmSize,
                        ...nodeDisks(settings.systemNodePool.vmSize),
                        count: settings.systemNodePool.count,
                        availabilityZones: zones,
                        vnetSubnetID: args.nodeSubnetId,
                        // AKS's documented minimum, checked by config: 2 nodes, 4 vCPU (use-system-pools.md).
                        // Only cluster add-ons run here; the Sidecar gets its own pool.
                        nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
                        upgradeSettings: { maxSurge: "33%" },
                    },
                ],
                autoUpgradeProfile: { upgradeChannel: settings.upgradeChannel, nodeOSUpgradeChannel: "NodeImage" },
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
                    defender:
                        args.defender === "create"
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
            },
            {
                parent: this,
                dependsOn: [args.controlPlane.networkReady, ...(args.etcdEncryption?.ready ?? [])],
                // The inline profile creates the system pool only. The API refuses to update it through the
                // cluster ("The Azure API does not currently allow this property to be updated directly",
                // containerservice/managedCluster.d.ts), and after a refresh it also lists the separate
                // pools: Pulumi must not try to write it back. System pool changes after creation: add a new
                // System AgentPool and delete the old one (README, Scaling).
                // An organisation's own Defender rollout (`threatDetection: existing`) owns securityProfile.defender.
                ignoreChanges: ["agentPoolProfiles", ...(args.defender === "existing" ? ["securityProfile.defender"] : [])],
            },
        );

        this.userPool = new containerservice.AgentPool(
            `${name}-sidecar`,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: this.cluster.name,
                agentPoolName: "sidecar",
                mode: "User",
                type: "VirtualMachineScaleSets",
                osType: "Linux",
                osSKU: "AzureLinux",
                // x86-64 sizes only: NIIS publishes amd64 Sidecar images. The size cannot change in place:
                // add a pool with the new size and drain this one.
                vmSize: settings.userNodePool.vmSize,
                ...nodeDisks(settings.userNodePool.vmSize),
                orchestratorVersion: args.kubernetesVersion,
                enableAutoScaling: true,
                minCount: settings.userNodePool.minCount,
                maxCount: settings.userNodePool.maxCount,
                count: settings.userNodePool.minCount,
                availabilityZones: zones,
                vnetSubnetID: args.nodeSubnetId,
                nodeLabels: { ...SIDECAR_POOL_LABEL },
                upgradeSettings: { maxSurge: "33%" },
            },
            // The autoscaler owns the node count after creation.
            { parent: this, ignoreChanges: ["count"] },
        );

        // azure.md B4: AKS upgrades Kubernetes patches and re-images nodes only inside these windows.
        const window = (windowSettings: MaintenanceWindowSettings) => ({
            schedule: { weekly: { dayOfWeek: windowSettings.dayOfWeek, intervalWeeks: 1 } },
            durationHours: windowSettings.durationHours,
            startTime: windowSettings.startTime,
            utcOffset: windowSettings.utcOffset,
        });
        this.maintenance = [
            ["auto-upgrade", "aksManagedAutoUpgradeSchedule", settings.maintenance.autoUpgrade],
            ["node-os-upgrade", "aksManagedNodeOSUpgradeSchedule", settings.maintenance.nodeOsUpgrade],
        ].map(
            ([suffix, configName, w]) =>
                new containerservice.MaintenanceConfiguration(
                    `${name}-${suffix as string}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        resourceName: this.cluster.name,
                        configName: configName as string,
                        maintenanceWindow: window(w as MaintenanceWindowSettings),
                    },
                    { parent: this },
                ),
        );

        this.oidcIssuerUrl = this.cluster.oidcIssuerProfile.apply((p) => {
            if (!p?.issuerURL) throw new Error("AKS returned no OIDC issuer URL although oidcIssuerProfile.enabled is true");
            return p.issuerURL;
        });

        // guide §4.3: operators of the Sidecar namespaces may change objects there, but not RBAC, Secrets,
        // ServiceAccounts or NetworkPolicies, and nothing elsewhere: a custom role narrower than RBAC Writer (azure.md B2).
        if (settings.namespaceOperatorGroupObjectIds.length > 0) {
            const operatorRole = new OperatorRole(
                `${name}-operator-role`,
                {
                    resourceGroupId: pulumi.interpolate`/subscriptions/${args.subscriptionId}/resourceGroups/${args.resourceGroupName}`,
                    clusterName: name,
                },
                { parent: this },
            );
            for (const [groupIndex, groupId] of settings.namespaceOperatorGroupObjectIds.entries()) {
                for (const namespace of args.sidecarNamespaces) {
                    grant(
                        `${name}-operators-${groupIndex}-${namespace}`,
                        {
                            principalId: groupId,
                            principalType: "Group",
                            role: { customRoleGuid: operatorRole.roleGuid },
                            scope: pulumi.interpolate`${this.cluster.id}/namespaces/${namespace}`,
                            subscriptionId: args.subscriptionId,
                            description: `Operate the X-Road Sidecar in namespace ${namespace} only`,
                        },
                        { parent: this, dependsOn: [operatorRole.definition] },
                    );
                }
            }
        }
        // azure.md A4: RBAC Writer has no listClusterUserCredential; without this role `az aks get-credentials`
        // fails. The user credential is an exec kubeconfig with no secret in it (local accounts are disabled).
        const kubeconfigReaders: [string, string][] = [
            ...settings.adminGroupObjectIds.map((id, i): [string, string] => [`admins-${i}`, id]),
            ...settings.namespaceOperatorGroupObjectIds.map((id, i): [string, string] => [`operators-${i}`, id]),
        ];
        for (const [who, groupId] of kubeconfigReaders) {
            grant(
                `${name}-${who}-cluster-user`,
                {
                    principalId: groupId,
                    principalType: "Group",
                    role: "aksClusterUser",
                    scope: this.cluster.id,
                    subscriptionId: args.subscriptionId,
                    description: "Fetch the cluster's Entra ID kubeconfig (az aks get-credentials)",
                },
                { parent: this },
            );
        }
        // The deployer is explicit config (azure.md A2/A3), so the grant does not move to whoever ran `up` last.
        // It can take up to five minutes to reach the API server (manage-azure-rbac), so Kubernetes objects wait.
        const deployerAdmin = grant(
            `${name}-deployer-admin`,
            {
                principalId: settings.deployer.objectId,
                principalType: settings.deployer.principalType,
                role: "aksRbacClusterAdmin",
                scope: this.cluster.id,
                subscriptionId: args.subscriptionId,
                description: "The identity running pulumi up creates the Sidecar's namespaces, RBAC and workloads",
            },
            { parent: this },
        );
        this.deployerReady = propagationWait(`${name}-deployer-admin`, [deployerAdmin], { parent: this });

        // Local accounts are disabled, so only the user credential (an exec kubeconfig) exists; it holds
        // no secret itself, but it is kept secret because it names the API server and the tenant.
        const credentials = containerservice.listManagedClusterUserCredentialsOutput(
            { resourceGroupName: args.resourceGroupName, resourceName: this.cluster.name, format: "exec" },
            { parent: this },
        );
        this.kubeconfig = pulumi.secret(
            credentials.kubeconfigs.apply((k) => withKubeloginMode(decodeKubeconfig(k), settings.kubeloginMode)),
        );
        this.provider = new k8s.Provider(
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig, enableServerSideApply: true },
            // Objects wait for the deployer's grant and for the Sidecar's nodes.
            { parent: this, dependsOn: [this.deployerReady, this.userPool] },
        );

        this.registerOutputs({ clusterName: this.cluster.name, clusterId: this.cluster.id, oidcIssuerUrl: this.oidcIssuerUrl });
    }
}
