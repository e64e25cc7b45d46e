import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { AKS_DNS_SERVICE_IP, AKS_POD_CIDR, AKS_SERVICE_CIDR, AzureSettings } from "../../config/azure";
import { BUILT_IN_ROLES, roleDefinitionId } from "./role-definitions";
import { decodeKubeconfig, withKubeloginMode } from "./kubeconfig";
import { ControlPlaneIdentity } from "./control-plane-identity";

/** Label on the user pool's nodes; the Sidecar's pods can select it. */
export const SIDECAR_POOL_LABEL = { "xroad-sidecar/pool": "sidecar" } as const;

/** The customer-managed key of etcd envelope encryption, and what must exist before the cluster uses it. */
export interface EtcdEncryption {
    /** Versioned key URI. */
    keyId: pulumi.Input<string>;
    ready: pulumi.Resource[];
}

export interface AksClusterArgs {
    resourceGroupName: pulumi.Input<string>;
    /** The control plane's identity, with its network rights already granted. */
    controlPlane: ControlPlaneIdentity;
    /** Envelope encryption of Secrets with a Key Vault key; undefined keeps the platform-managed key. */
    etcdEncryption?: EtcdEncryption;
    nodeSubnetId: pulumi.Input<string>;
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
        | "kubeloginMode"
    >;
    kubernetesVersion: string;
    /** Log Analytics workspace of Container Insights (guide §8). */
    workspaceId: pulumi.Input<string>;
    /** Namespaces of the Sidecar instances: operator groups get write access there and nowhere else (guide §4.3). */
    sidecarNamespaces: string[];
    subscriptionId: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    /** Object ID of the principal running `pulumi up`; it needs cluster-admin to create the Sidecar's objects. */
    deployerObjectId: pulumi.Input<string>;
    production: boolean;
    tags: Record<string, string>;
}

/**
 * The AKS cluster, hardened as the guide asks: Entra ID authentication with Azure RBAC and no local
 * accounts (§4.1–§4.3), Calico network policy (§5), no dashboard add-on (§4.4), Container Insights
 * (§8), OIDC issuer and workload identity for the archiver (§10), and a restricted API server.
 */
export class AksCluster extends pulumi.ComponentResource {
    readonly cluster: containerservice.ManagedCluster;
    /** OIDC issuer URL that federated identity credentials trust. */
    readonly oidcIssuerUrl: pulumi.Output<string>;
    /** Exec kubeconfig (kubelogin), secret. */
    readonly kubeconfig: pulumi.Output<string>;
    readonly provider: k8s.Provider;

    constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Cluster", name, {}, opts);
        const s = args.settings;
        const zones = s.availabilityZones.length > 0 ? s.availabilityZones : undefined;

        this.cluster = new containerservice.ManagedCluster(
            name,
            {
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
                apiServerAccessProfile: s.privateCluster
                    ? { enablePrivateCluster: true, privateDNSZone: "system", disableRunCommand: true }
                    : { authorizedIPRanges: s.authorizedIpRanges, disableRunCommand: true },
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
                },
                agentPoolProfiles: [
                    {
                        name: "system",
                        mode: "System",
                        type: "VirtualMachineScaleSets",
                        osType: "Linux",
                        osSKU: "AzureLinux",
                        vmSize: s.systemNodePool.vmSize,
                        count: s.systemNodePool.count,
                        availabilityZones: zones,
                        vnetSubnetID: args.nodeSubnetId,
                        // Only cluster add-ons run here; the Sidecar gets its own pool.
                        nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
                        upgradeSettings: { maxSurge: "33%" },
                    },
                    {
                        name: "sidecar",
                        mode: "User",
                        type: "VirtualMachineScaleSets",
                        osType: "Linux",
                        osSKU: "AzureLinux",
                        // x86-64 sizes only: NIIS publishes amd64 Sidecar images.
                        vmSize: s.userNodePool.vmSize,
                        enableAutoScaling: true,
                        minCount: s.userNodePool.minCount,
                        maxCount: s.userNodePool.maxCount,
                        count: s.userNodePool.minCount,
                        availabilityZones: zones,
                        vnetSubnetID: args.nodeSubnetId,
                        nodeLabels: { ...SIDECAR_POOL_LABEL },
                        upgradeSettings: { maxSurge: "33%" },
                    },
                ],
                autoUpgradeProfile: { upgradeChannel: s.upgradeChannel, nodeOSUpgradeChannel: "NodeImage" },
                // guide §8: Container Insights, authenticating to the workspace with Entra ID. There is no
                // kubeDashboard add-on (guide §4.4).
                addonProfiles: {
                    omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: args.workspaceId, useAADAuth: "true" } },
                },
                // Nobody but AKS itself may change the node resource group (VM scale sets, load balancer, disks).
                nodeResourceGroupProfile: { restrictionLevel: "ReadOnly" },
                oidcIssuerProfile: { enabled: true },
                securityProfile: {
                    // guide §3: Secrets (token PIN, passwords) wrapped in etcd with a key the stack owns.
                    azureKeyVaultKms: args.etcdEncryption
                        ? { enabled: true, keyId: args.etcdEncryption.keyId, keyVaultNetworkAccess: "Public" }
                        : undefined,
                    workloadIdentity: { enabled: true },
                    imageCleaner: { enabled: true, intervalHours: 168 },
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
                dependsOn: [args.controlPlane.networkContributor, ...(args.etcdEncryption?.ready ?? [])],
                // The autoscaler owns the user pool's node count after creation.
                ignoreChanges: ["agentPoolProfiles[1].count"],
            },
        );

        this.oidcIssuerUrl = this.cluster.oidcIssuerProfile.apply((p) => {
            if (!p?.issuerURL) throw new Error("AKS returned no OIDC issuer URL although oidcIssuerProfile.enabled is true");
            return p.issuerURL;
        });

        // guide §4.3: operators of the Sidecar namespaces may change objects there, but not RBAC and nothing else.
        for (const [g, groupId] of s.namespaceOperatorGroupObjectIds.entries()) {
            for (const namespace of args.sidecarNamespaces) {
                new authorization.RoleAssignment(
                    `${name}-operators-${g}-${namespace}`,
                    {
                        principalId: groupId,
                        principalType: "Group",
                        roleDefinitionId: roleDefinitionId(args.subscriptionId, BUILT_IN_ROLES.aksRbacWriter),
                        scope: pulumi.interpolate`${this.cluster.id}/namespaces/${namespace}`,
                        description: `Operate the X-Road Sidecar in namespace ${namespace} only`,
                    },
                    { parent: this },
                );
            }
        }
        // Azure RBAC grants can take minutes to reach the API server; a deployer who is also in an admin
        // group (Kubernetes RBAC through aadProfile) is authorised at once.
        const deployerAdmin = new authorization.RoleAssignment(
            `${name}-deployer-admin`,
            {
                principalId: args.deployerObjectId,
                roleDefinitionId: roleDefinitionId(args.subscriptionId, BUILT_IN_ROLES.aksRbacClusterAdmin),
                scope: this.cluster.id,
                description: "The identity running pulumi up creates the Sidecar's namespaces, RBAC and workloads",
            },
            { parent: this },
        );

        // Local accounts are disabled, so only the user credential (an exec kubeconfig) exists; it holds
        // no secret itself, but it is kept secret because it names the API server and the tenant.
        const credentials = containerservice.listManagedClusterUserCredentialsOutput(
            { resourceGroupName: args.resourceGroupName, resourceName: this.cluster.name, format: "exec" },
            { parent: this },
        );
        this.kubeconfig = pulumi.secret(credentials.kubeconfigs.apply((k) => withKubeloginMode(decodeKubeconfig(k), s.kubeloginMode)));
        this.provider = new k8s.Provider(
            `${name}-k8s`,
            { kubeconfig: this.kubeconfig, enableServerSideApply: true },
            { parent: this, dependsOn: [deployerAdmin] },
        );

        this.registerOutputs({ clusterName: this.cluster.name, clusterId: this.cluster.id, oidcIssuerUrl: this.oidcIssuerUrl });
    }
}
