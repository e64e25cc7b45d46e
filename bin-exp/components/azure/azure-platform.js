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
exports.AzurePlatform = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const action_group_1 = require("./action-group");
const audit_alerts_1 = require("./audit-alerts");
const defender_1 = require("./defender");
const health_alerts_1 = require("./health-alerts");
const random = __importStar(require("@pulumi/random"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const cluster_network_1 = require("../../config/cluster-network");
const network_1 = require("./network");
const log_workspace_1 = require("./log-workspace");
const cluster_1 = require("./cluster");
const cluster_diagnostics_1 = require("./cluster-diagnostics");
const container_insights_1 = require("./container-insights");
const data_protection_1 = require("./data-protection");
const shared_files_1 = require("./shared-files");
const config_disk_class_1 = require("./config-disk-class");
const blob_archive_1 = require("./blob-archive");
const archiver_identity_1 = require("./archiver-identity");
const flexible_server_1 = require("./flexible-server");
const stable_address_1 = require("./stable-address");
const naming_1 = require("./naming");
const egress_address_1 = require("./egress-address");
const resource_diagnostics_1 = require("./resource-diagnostics");
const pod_security_baseline_1 = require("./pod-security-baseline");
const control_plane_identity_1 = require("./control-plane-identity");
const secrets_encryption_1 = require("./secrets-encryption");
/**
 * `target: azure`: everything the guide asks of an AKS platform, composed from one-concern
 * components, and the bindings the Sidecar stack needs (storage classes, archive containers and
 * identities, databases, load-balancer settings).
 *
 * The kubeconfig is an Entra ID exec kubeconfig: `kubelogin` must be on the PATH of whoever runs
 * `pulumi up` (login mode `xroad-sidecar:azure.kubeloginMode`, `azurecli` by default), because local
 * accounts are disabled (guide §4.1).
 */
class AzurePlatform extends pulumi.ComponentResource {
    bindings;
    outputs;
    constructor(name, args, opts) {
        super("xroad:azure:Platform", name, {}, opts);
        const s = args.settings;
        const production = args.environment === "production";
        const zoneRedundant = s.availabilityZones.length > 1;
        const tags = { "xroad-sidecar/stack": name, "xroad-sidecar/environment": args.environment };
        const protection = new data_protection_1.DataProtection(args.protectData, s.dataLocks);
        const client = authorization.getClientConfigOutput({ parent: this });
        // Storage accounts and servers are DNS names unique across Azure; the suffix stays in state.
        const suffix = new random.RandomString(`${name}-suffix`, { length: 6, special: false, upper: false }, { parent: this });
        const net = new network_1.AzureNetwork(name, {
            location: s.location,
            resourceGroupName: s.resourceGroupName,
            vnetCidr: s.vnetCidr,
            nodeSubnetCidr: s.nodeSubnetCidr,
            databaseSubnetCidr: s.databaseSubnetCidr,
            privateEndpointSubnetCidr: s.privateEndpointSubnetCidr,
            apiServerSubnetCidr: s.apiServerSubnetCidr,
            protection,
            tags,
        }, { parent: this });
        const rg = net.resourceGroupName;
        const logs = new log_workspace_1.LogWorkspace(`${name}-logs`, { resourceGroupName: rg, location: s.location, retentionDays: s.logRetentionDays, tags }, { parent: this });
        const egress = new egress_address_1.EgressAddress(`${name}-egress`, { resourceGroupName: rg, location: s.location, zones: zoneRedundant ? s.availabilityZones : [], protection, tags }, { parent: this });
        const controlPlane = new control_plane_identity_1.ControlPlaneIdentity(`${name}-control-plane`, {
            resourceGroupName: rg,
            subnetIds: { nodes: net.nodeSubnet.id, apiserver: net.apiServerSubnet.id },
            outboundIpId: egress.publicIp.id,
            location: s.location,
            subscriptionId: client.subscriptionId,
            tags,
        }, { parent: this });
        const secrets = s.secretsEncryption
            ? new secrets_encryption_1.SecretsEncryption(`${name}-secrets`, {
                resourceGroupName: rg,
                location: s.location,
                vaultName: suffix.result.apply((x) => (0, naming_1.keyVaultName)(name, x)),
                tenantId: client.tenantId,
                subscriptionId: client.subscriptionId,
                controlPlanePrincipalId: controlPlane.identity.principalId,
                deployer: s.deployer,
                protection,
                tags,
            }, { parent: this })
            : undefined;
        const aks = new cluster_1.AksCluster(`${name}-aks`, {
            resourceGroupName: rg,
            controlPlane,
            etcdEncryption: secrets
                ? { keyId: secrets.key.keyUriWithVersion, vaultId: secrets.vault.id, ready: [secrets.ready] }
                : undefined,
            nodeSubnetId: net.nodeSubnet.id,
            apiServerSubnetId: net.apiServerSubnet.id,
            outboundIpId: egress.publicIp.id,
            settings: s,
            kubernetesVersion: args.release.kubernetesVersion,
            workspaceId: logs.workspace.id,
            sidecarNamespaces: args.instances.map((i) => i.namespace),
            subscriptionId: client.subscriptionId,
            tenantId: client.tenantId,
            production,
            defender: args.alerts.threatDetection,
            tags,
        }, { parent: this });
        new cluster_diagnostics_1.ClusterDiagnostics(`${name}-control-plane-logs`, { clusterId: aks.cluster.id, workspaceId: logs.workspace.id, auditCategory: s.auditCategory }, { parent: this });
        new pod_security_baseline_1.PodSecurityBaseline(`${name}-pod-security`, { clusterId: aks.cluster.id }, { parent: this });
        new container_insights_1.ContainerInsights(`${name}-insights`, { resourceGroupName: rg, location: s.location, clusterId: aks.cluster.id, workspaceId: logs.workspace.id, tags }, { parent: this });
        // guide §8: detect, not only collect. One action group, the audit log watched for what threatens the
        // Sidecar (policy/xroad/detections.ts), and Defender's findings routed to the same receivers.
        const actionGroup = new action_group_1.AlertActionGroup(`${name}-alerts`, {
            resourceGroupName: rg,
            shortName: "xroad-alerts",
            emails: args.alerts.receivers.emails,
            webhooks: args.alerts.receivers.webhooks,
            tags,
        }, { parent: this });
        new audit_alerts_1.AuditAlerts(`${name}-audit-alerts`, {
            resourceGroupName: rg,
            location: s.location,
            workspaceId: logs.workspace.id,
            auditCategory: s.auditCategory,
            namespaces: args.instances.map((i) => i.namespace),
            thresholds: args.alerts.thresholds,
            evaluationMinutes: args.alerts.evaluationMinutes,
            actionGroupId: actionGroup.group.id,
            namePrefix: name,
            tags,
        }, { parent: this });
        new health_alerts_1.HealthAlerts(`${name}-health-alerts`, {
            resourceGroupName: rg,
            location: s.location,
            workspaceId: logs.workspace.id,
            clusterId: aks.cluster.id,
            instances: args.instances,
            thresholds: args.alerts.thresholds,
            evaluationMinutes: args.alerts.evaluationMinutes,
            actionGroupId: actionGroup.group.id,
            namePrefix: name,
            tags,
        }, { parent: this });
        if (args.alerts.threatDetection !== "off")
            new defender_1.Defender(`${name}-defender`, {
                mode: args.alerts.threatDetection,
                subscriptionId: client.subscriptionId,
                resourceGroupName: rg,
                actionGroupId: actionGroup.group.id,
                namePrefix: name,
                tags,
            }, { parent: this });
        const files = new shared_files_1.SharedFiles(`${name}-files`, {
            resourceGroupName: rg,
            location: s.location,
            accountName: suffix.result.apply((x) => (0, naming_1.storageAccountName)("xrfiles", name, x)),
            premium: production,
            zoneRedundant,
            instances: args.instances,
            softDeleteDays: s.archive.softDeleteDays,
            privateEndpointSubnetId: net.privateEndpointSubnet.id,
            vnetId: net.vnet.id,
            csiControllerPrincipalId: controlPlane.identity.principalId,
            subscriptionId: client.subscriptionId,
            protection,
            k8sProvider: aks.provider,
            tags,
        }, { parent: this });
        const configDisk = new config_disk_class_1.ConfigDiskClass(`${name}-config-disk`, { zoneRedundant, retain: args.protectData, k8sProvider: aks.provider }, { parent: this });
        const archives = {};
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        let archive;
        if (archiving.length > 0) {
            archive = new blob_archive_1.BlobArchive(`${name}-archive`, {
                resourceGroupName: rg,
                location: s.location,
                accountName: suffix.result.apply((x) => (0, naming_1.storageAccountName)("xrarch", name, x)),
                zoneRedundant,
                instanceNames: archiving.map((i) => i.name),
                lifecycle: s.archive,
                privateEndpointSubnetId: net.privateEndpointSubnet.id,
                vnetId: net.vnet.id,
                protection,
                tags,
            }, { parent: this });
            for (const instance of archiving) {
                const container = archive.containers[instance.name];
                const identity = new archiver_identity_1.ArchiverIdentity(`${name}-archiver-${instance.name}`, {
                    resourceGroupName: rg,
                    location: s.location,
                    namespace: instance.namespace,
                    oidcIssuerUrl: aks.oidcIssuerUrl,
                    accountName: archive.account.name,
                    containerName: container.name,
                    containerId: container.id,
                    subscriptionId: client.subscriptionId,
                    archiverImage: args.release.azureArchiverImage,
                    tags,
                }, { parent: this });
                archives[instance.name] = identity.binding;
            }
        }
        const databases = {};
        for (const instance of args.instances.filter((i) => i.database.mode === "managed")) {
            const server = new flexible_server_1.FlexibleServer(`${name}-db-${instance.name}`, {
                resourceGroupName: rg,
                location: s.location,
                serverName: suffix.result.apply((x) => (0, naming_1.flexibleServerName)(name, instance.name, x)),
                delegatedSubnetId: net.databaseSubnet.id,
                vnetId: net.vnet.id,
                database: s.database,
                availabilityZones: s.availabilityZones,
                geoRedundantBackup: production,
                maintenance: s.maintenance.autoUpgrade,
                protection,
                tags,
            }, { parent: this });
            new resource_diagnostics_1.ResourceDiagnostics(`${name}-db-${instance.name}-logs`, { resourceUri: server.server.id, workspaceId: logs.workspace.id, kind: "postgres" }, { parent: this });
            databases[instance.name] = server.binding;
        }
        // guide §8, review azure B5: the data resources' own audit logs, next to the control plane's.
        if (secrets)
            new resource_diagnostics_1.ResourceDiagnostics(`${name}-vault-logs`, { resourceUri: secrets.vault.id, workspaceId: logs.workspace.id, kind: "keyVault" }, { parent: this });
        new resource_diagnostics_1.ResourceDiagnostics(`${name}-files-logs`, {
            resourceUri: pulumi.interpolate `${files.account.id}/fileServices/default`,
            workspaceId: logs.workspace.id,
            kind: "fileService",
        }, { parent: this });
        if (archive)
            new resource_diagnostics_1.ResourceDiagnostics(`${name}-archive-logs`, {
                resourceUri: pulumi.interpolate `${archive.account.id}/blobServices/default`,
                workspaceId: logs.workspace.id,
                kind: "blobService",
            }, { parent: this });
        const address = new stable_address_1.StableAddress(`${name}-address`, {
            resourceGroupName: rg,
            location: s.location,
            internal: s.loadBalancer.internal,
            privateIp: s.loadBalancer.privateIp,
            nodeSubnetName: network_1.SUBNET_NAMES.nodes,
            zones: zoneRedundant ? s.availabilityZones : [],
            protection,
            controlPlanePrincipalId: controlPlane.identity.principalId,
            subscriptionId: client.subscriptionId,
            tags,
        }, { parent: this });
        // One class per instance, each bound to that instance's own share. The single shared class is
        // set only when there is exactly one instance, so two instances can never share a share.
        const sharedClasses = files.storageClassNames;
        this.bindings = {
            provider: aks.provider,
            cloud: "azure",
            storage: {
                configClass: configDisk.storageClassName,
                sharedClass: args.instances.length === 1 ? sharedClasses[args.instances[0].name] : undefined,
                sharedClassByInstance: sharedClasses,
            },
            loadBalancer: {
                annotations: address.annotations,
                loadBalancerIP: address.address,
                // The consumer load balancer: internal, in the node subnet, on a dynamic private address.
                internalAnnotations: { [stable_address_1.AZURE_LB_ANNOTATIONS.internal]: "true", [stable_address_1.AZURE_LB_ANNOTATIONS.internalSubnet]: network_1.SUBNET_NAMES.nodes },
            },
            archives,
            databases,
            dependsOn: [files, configDisk],
            privateNetworkCidrs: [s.vnetCidr],
            clusterCidrs: (0, cluster_network_1.aksClusterCidrs)(s.vnetCidr),
        };
        this.outputs = {
            resourceGroupName: rg,
            clusterName: aks.cluster.name,
            oidcIssuerUrl: aks.oidcIssuerUrl,
            // guide §4.1.2; the converted kubeconfig signs in like the program does (local accounts are disabled).
            kubeconfigCommand: pulumi.interpolate `az aks get-credentials --resource-group ${rg} --name ${aks.cluster.name} && kubelogin convert-kubeconfig -l ${s.kubeloginMode}`,
            logWorkspaceId: logs.workspace.id,
            alertActionGroupId: actionGroup.group.id,
            etcdEncryptionKey: secrets ? secrets.key.keyUri : "(platform-managed)",
            securityServerAddress: address.address,
            // The source address of every outbound connection (other Security Servers, TSA, OCSP, central server):
            // give it to peers that allowlist Security Server addresses.
            egressAddress: egress.address,
            loadBalancer: s.loadBalancer.internal ? "internal" : "public",
            sharedFilesAccount: files.account.name,
            archiveAccount: archive ? archive.account.name : "(no instance archives)",
            archiveContainers: Object.fromEntries(Object.entries(archive?.containers ?? {}).map(([k, c]) => [k, c.name])),
            databaseHosts: Object.fromEntries(Object.entries(databases).map(([k, d]) => [k, d.host])),
        };
        this.registerOutputs(this.outputs);
    }
}
exports.AzurePlatform = AzurePlatform;
