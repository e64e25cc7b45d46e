import * as pulumi from "@pulumi/pulumi";
import { AlertSettings } from "../../config/alerts";
import { AlertActionGroup } from "./action-group";
import { AuditAlerts } from "./audit-alerts";
import { Defender } from "./defender";
import { HealthAlerts } from "./health-alerts";
import { AlertRuleArgs } from "./alert-rules";
import * as random from "@pulumi/random";
import * as authorization from "@pulumi/azure-native/authorization";
import { AzureSettings } from "../../config/azure";
import { aksClusterCidrs } from "../../config/cluster-network";
import { ReleaseConfig } from "../../config/release";
import { Environment } from "../../config";
import { SidecarInstanceConfig } from "../../config/instance";
import { ArchiveBinding, ManagedDatabaseBinding, Platform, PlatformBindings } from "../platform";
import { AzureNetwork, SUBNET_NAMES } from "./network";
import { LogWorkspace } from "./log-workspace";
import { AksCluster } from "./cluster";
import { ClusterDiagnostics } from "./cluster-diagnostics";
import { ContainerInsights } from "./container-insights";
import { DataProtection } from "./data-protection";
import { SharedFiles } from "./shared-files";
import { FilesBackup } from "./files-backup";
import { ConfigDiskClass } from "./config-disk-class";
import { BlobArchive } from "./blob-archive";
import { ArchiverIdentity } from "./archiver-identity";
import { FlexibleServer } from "./flexible-server";
import { AZURE_LB_ANNOTATIONS, StableAddress } from "./stable-address";
import { flexibleServerName, keyVaultName, recoveryVaultName, storageAccountName } from "./naming";
import { EgressAddress } from "./egress-address";
import { ResourceDiagnostics, ResourceDiagnosticsArgs } from "./resource-diagnostics";
import { PodSecurityBaseline } from "./pod-security-baseline";
import { ControlPlaneIdentity } from "./control-plane-identity";
import { SecretsEncryption } from "./secrets-encryption";
import { VnetFlowLogs } from "./vnet-flow-logs";

export interface AzurePlatformArgs {
    settings: AzureSettings;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
    /** Keep the archive and flow log accounts, file shares, database and public IP on `pulumi destroy`. */
    protectData: boolean;
    /** Production: Standard-tier API server, premium zone-redundant storage, geo-redundant backups. */
    environment: Environment;
    /** Receivers, thresholds and threat detection (guide §8). */
    alerts: AlertSettings;
}

/**
 * `target: azure`: everything the guide asks of an AKS platform, composed from one-concern
 * components, and the bindings the Sidecar stack needs (storage classes, archive containers and
 * identities, databases, load-balancer settings).
 *
 * The kubeconfig is an Entra ID exec kubeconfig: `kubelogin` must be on the PATH of whoever runs
 * `pulumi up` (login mode `xroad-sidecar:azure.kubeloginMode`, `azurecli` by default), because local
 * accounts are disabled (guide §4.1).
 */
export class AzurePlatform extends pulumi.ComponentResource implements Platform {
    readonly bindings: PlatformBindings;
    readonly outputs: pulumi.Inputs;

    constructor(name: string, args: AzurePlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Platform", name, {}, opts);
        const settings = args.settings;
        const production = args.environment === "production";
        const zoneRedundant = settings.availabilityZones.length > 1;
        const tags = { "xroad-sidecar/stack": name, "xroad-sidecar/environment": args.environment };
        const protection = new DataProtection(args.protectData, settings.dataLocks);
        const client = authorization.getClientConfigOutput({ parent: this });

        // Storage accounts and servers are DNS names unique across Azure; the suffix stays in state.
        const suffix = new random.RandomString(`${name}-suffix`, { length: 6, special: false, upper: false }, { parent: this });

        const net = new AzureNetwork(
            name,
            {
                location: settings.location,
                resourceGroupName: settings.resourceGroupName,
                vnetCidr: settings.vnetCidr,
                nodeSubnetCidr: settings.nodeSubnetCidr,
                databaseSubnetCidr: settings.databaseSubnetCidr,
                privateEndpointSubnetCidr: settings.privateEndpointSubnetCidr,
                apiServerSubnetCidr: settings.apiServerSubnetCidr,
                protection,
                tags,
            },
            { parent: this },
        );
        const resourceGroupName = net.resourceGroupName;

        const logs = new LogWorkspace(
            `${name}-logs`,
            { resourceGroupName, location: settings.location, retentionDays: settings.logRetentionDays, tags },
            { parent: this },
        );

        const egress = new EgressAddress(
            `${name}-egress`,
            { resourceGroupName, location: settings.location, zones: zoneRedundant ? settings.availabilityZones : [], protection, tags },
            { parent: this },
        );
        const controlPlane = new ControlPlaneIdentity(
            `${name}-control-plane`,
            {
                resourceGroupName,
                subnetIds: { nodes: net.nodeSubnet.id, apiserver: net.apiServerSubnet.id },
                outboundIpId: egress.publicIp.id,
                location: settings.location,
                subscriptionId: client.subscriptionId,
                tags,
            },
            { parent: this },
        );
        const secrets = settings.secretsEncryption
            ? new SecretsEncryption(
                  `${name}-secrets`,
                  {
                      resourceGroupName,
                      location: settings.location,
                      vaultName: suffix.result.apply((x) => keyVaultName(name, x)),
                      tenantId: client.tenantId,
                      subscriptionId: client.subscriptionId,
                      controlPlanePrincipalId: controlPlane.identity.principalId,
                      deployer: settings.deployer,
                      protection,
                      tags,
                  },
                  { parent: this },
              )
            : undefined;

        const aks = new AksCluster(
            `${name}-aks`,
            {
                resourceGroupName,
                controlPlane,
                etcdEncryption: secrets
                    ? { keyId: secrets.key.keyUriWithVersion, vaultId: secrets.vault.id, ready: [secrets.ready] }
                    : undefined,
                nodeSubnetId: net.nodeSubnet.id,
                apiServerSubnetId: net.apiServerSubnet.id,
                outboundIpId: egress.publicIp.id,
                settings,
                kubernetesVersion: args.release.kubernetesVersion,
                workspaceId: logs.workspace.id,
                sidecarNamespaces: args.instances.map((i) => i.namespace),
                subscriptionId: client.subscriptionId,
                tenantId: client.tenantId,
                production,
                defender: args.alerts.threatDetection,
                tags,
            },
            { parent: this },
        );

        new ClusterDiagnostics(
            `${name}-control-plane-logs`,
            { clusterId: aks.cluster.id, workspaceId: logs.workspace.id, auditCategory: settings.auditCategory },
            { parent: this },
        );
        new PodSecurityBaseline(`${name}-pod-security`, { clusterId: aks.cluster.id }, { parent: this });
        new ContainerInsights(
            `${name}-insights`,
            { resourceGroupName, location: settings.location, clusterId: aks.cluster.id, workspaceId: logs.workspace.id, tags },
            { parent: this },
        );

        // guide §8: detect, not only collect. One action group, the audit log watched for what threatens the
        // Sidecar (policy/xroad/detections.ts), and Defender's findings routed to the same receivers.
        const actionGroup = new AlertActionGroup(
            `${name}-alerts`,
            {
                resourceGroupName,
                shortName: "xroad-alerts",
                emails: args.alerts.receivers.emails,
                webhooks: args.alerts.receivers.webhooks,
                tags,
            },
            { parent: this },
        );
        const alertRules: AlertRuleArgs = {
            resourceGroupName,
            location: settings.location,
            workspaceId: logs.workspace.id,
            thresholds: args.alerts.thresholds,
            evaluationMinutes: args.alerts.evaluationMinutes,
            actionGroupId: actionGroup.group.id,
            namePrefix: name,
            tags,
        };
        new AuditAlerts(
            `${name}-audit-alerts`,
            { ...alertRules, auditCategory: settings.auditCategory, namespaces: args.instances.map((i) => i.namespace) },
            { parent: this },
        );
        new HealthAlerts(
            `${name}-health-alerts`,
            { ...alertRules, clusterId: aks.cluster.id, instances: args.instances },
            { parent: this },
        );
        if (args.alerts.threatDetection !== "off")
            new Defender(
                `${name}-defender`,
                {
                    mode: args.alerts.threatDetection,
                    subscriptionId: client.subscriptionId,
                    resourceGroupName,
                    actionGroupId: actionGroup.group.id,
                    namePrefix: name,
                    tags,
                },
                { parent: this },
            );

        const files = new SharedFiles(
            `${name}-files`,
            {
                resourceGroupName,
                location: settings.location,
                accountName: suffix.result.apply((x) => storageAccountName("xrfiles", name, x)),
                premium: production,
                zoneRedundant,
                instances: args.instances,
                softDeleteDays: settings.archive.softDeleteDays,
                privateEndpointSubnetId: net.privateEndpointSubnet.id,
                vnetId: net.vnet.id,
                csiControllerPrincipalId: controlPlane.identity.principalId,
                subscriptionId: client.subscriptionId,
                protection,
                k8sProvider: aks.provider,
                tags,
            },
            { parent: this },
        );

        // review azure B10: daily Azure Backup of every share, in a vault that outlives the stack under protectData.
        const filesBackup = new FilesBackup(
            `${name}-files-backup`,
            {
                resourceGroupName,
                location: settings.location,
                vaultName: recoveryVaultName(name),
                storageAccountId: files.account.id,
                storageAccountName: files.account.name,
                shareNames: files.shareNames,
                shares: Object.values(files.shares),
                settings: settings.filesBackup,
                zoneRedundant,
                production,
                protection,
                tags,
            },
            { parent: this },
        );

        const configDisk = new ConfigDiskClass(
            `${name}-config-disk`,
            { zoneRedundant, retain: args.protectData, k8sProvider: aks.provider },
            { parent: this },
        );

        const archives: Record<string, ArchiveBinding> = {};
        const archiving = args.instances.filter((i) => i.archiving.enabled);
        let archive: BlobArchive | undefined;
        if (archiving.length > 0) {
            archive = new BlobArchive(
                `${name}-archive`,
                {
                    resourceGroupName,
                    location: settings.location,
                    accountName: suffix.result.apply((x) => storageAccountName("xrarch", name, x)),
                    zoneRedundant,
                    instanceNames: archiving.map((i) => i.name),
                    lifecycle: settings.archive,
                    privateEndpointSubnetId: net.privateEndpointSubnet.id,
                    vnetId: net.vnet.id,
                    protection,
                    tags,
                },
                { parent: this },
            );
            for (const instance of archiving) {
                const container = archive.containers[instance.name];
                const identity = new ArchiverIdentity(
                    `${name}-archiver-${instance.name}`,
                    {
                        resourceGroupName,
                        location: settings.location,
                        namespace: instance.namespace,
                        oidcIssuerUrl: aks.oidcIssuerUrl,
                        accountName: archive.account.name,
                        containerName: container.name,
                        containerId: container.id,
                        subscriptionId: client.subscriptionId,
                        archiverImage: args.release.azureArchiverImage,
                        tags,
                    },
                    { parent: this },
                );
                archives[instance.name] = identity.binding;
            }
        }

        const databases: Record<string, ManagedDatabaseBinding> = {};
        for (const instance of args.instances.filter((i) => i.database.mode === "managed")) {
            const server = new FlexibleServer(
                `${name}-db-${instance.name}`,
                {
                    resourceGroupName,
                    location: settings.location,
                    serverName: suffix.result.apply((x) => flexibleServerName(name, instance.name, x)),
                    delegatedSubnetId: net.databaseSubnet.id,
                    vnetId: net.vnet.id,
                    database: settings.database,
                    availabilityZones: settings.availabilityZones,
                    geoRedundantBackup: production,
                    maintenance: settings.maintenance.autoUpgrade,
                    protection,
                    tags,
                },
                { parent: this },
            );
            new ResourceDiagnostics(
                `${name}-db-${instance.name}-logs`,
                { resourceUri: server.server.id, workspaceId: logs.workspace.id, kind: "postgres" },
                { parent: this },
            );
            databases[instance.name] = server.binding;
        }

        // guide §8, review azure B5: the data resources' own audit logs, next to the control plane's.
        const audited: { resource: string; resourceUri: pulumi.Input<string>; kind: ResourceDiagnosticsArgs["kind"] }[] = [];
        if (secrets) audited.push({ resource: "vault", resourceUri: secrets.vault.id, kind: "keyVault" });
        audited.push({ resource: "files", resourceUri: pulumi.interpolate`${files.account.id}/fileServices/default`, kind: "fileService" });
        if (archive)
            audited.push({
                resource: "archive",
                resourceUri: pulumi.interpolate`${archive.account.id}/blobServices/default`,
                kind: "blobService",
            });
        for (const { resource, resourceUri, kind } of audited)
            new ResourceDiagnostics(`${name}-${resource}-logs`, { resourceUri, workspaceId: logs.workspace.id, kind }, { parent: this });

        // guide §8, review azure B5: every IP flow through the VNet, as the AWS side logs its VPC's.
        const flowLogs = settings.flowLogs.enabled
            ? new VnetFlowLogs(
                  `${name}-flow-logs`,
                  {
                      resourceGroupName,
                      location: settings.location,
                      vnetId: net.vnet.id,
                      networkWatcher: settings.networkWatcher,
                      accountName: suffix.result.apply((x) => storageAccountName("xrflow", name, x)),
                      zoneRedundant,
                      retentionDays: settings.flowLogs.retentionDays,
                      workspace: { id: logs.workspace.id, customerId: logs.workspace.customerId },
                      subscriptionId: client.subscriptionId,
                      protection,
                      tags,
                  },
                  { parent: this },
              )
            : undefined;

        const address = new StableAddress(
            `${name}-address`,
            {
                resourceGroupName,
                location: settings.location,
                internal: settings.loadBalancer.internal,
                privateIp: settings.loadBalancer.privateIp,
                nodeSubnetName: SUBNET_NAMES.nodes,
                zones: zoneRedundant ? settings.availabilityZones : [],
                protection,
                controlPlanePrincipalId: controlPlane.identity.principalId,
                subscriptionId: client.subscriptionId,
                tags,
            },
            { parent: this },
        );

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
                internalAnnotations: { [AZURE_LB_ANNOTATIONS.internal]: "true", [AZURE_LB_ANNOTATIONS.internalSubnet]: SUBNET_NAMES.nodes },
            },
            archives,
            databases,
            dependsOn: [files, configDisk],
            privateNetworkCidrs: [settings.vnetCidr],
            clusterCidrs: aksClusterCidrs(settings.vnetCidr),
        };
        this.outputs = {
            resourceGroupName,
            clusterName: aks.cluster.name,
            oidcIssuerUrl: aks.oidcIssuerUrl,
            // guide §4.1.2; the converted kubeconfig signs in like the program does (local accounts are disabled).
            kubeconfigCommand: pulumi.interpolate`az aks get-credentials --resource-group ${resourceGroupName} --name ${aks.cluster.name} && kubelogin convert-kubeconfig -l ${settings.kubeloginMode}`,
            logWorkspaceId: logs.workspace.id,
            alertActionGroupId: actionGroup.group.id,
            etcdEncryptionKey: secrets ? secrets.key.keyUri : "(platform-managed)",
            securityServerAddress: address.address,
            // The source address of every outbound connection (other Security Servers, TSA, OCSP, central server):
            // give it to peers that allowlist Security Server addresses.
            egressAddress: egress.address,
            loadBalancer: settings.loadBalancer.internal ? "internal" : "public",
            sharedFilesAccount: files.account.name,
            // The restore runbook (README "Azure Files: the account key and share backups") starts from this vault.
            filesBackupVault: filesBackup.vaultName,
            archiveAccount: archive ? archive.account.name : "(no instance archives)",
            flowLogsAccount: flowLogs ? flowLogs.account.name : "(flow logs off)",
            archiveContainers: Object.fromEntries(Object.entries(archive?.containers ?? {}).map(([k, c]) => [k, c.name])),
            databaseHosts: Object.fromEntries(Object.entries(databases).map(([k, d]) => [k, d.host])),
        };
        this.registerOutputs(this.outputs);
    }
}
