import { MockTable, OutputBuilder, MOCK_SUBSCRIPTION_ID, MOCK_TENANT_ID, MockResource } from "./types";
import { secretValue } from "./secret";
import { seededUuid } from "./seeded";
import { alertRuleViolation, flowLogViolation, nameViolation, principalViolation, securityRuleViolation } from "./rules/azure";

function str(args: MockResource, key: string, fallback: string): string {
    const v = args.inputs[key];
    return typeof v === "string" && v.length > 0 ? v : fallback;
}

const rgId = (group: string) => `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${group}`;
const group = (args: MockResource) => str(args, "resourceGroupName", "rg-mock");

/** A resource in a resource group: its ARM id and name, as Azure returns them. */
function inGroup(provider: string, kind: string, nameKey: string): OutputBuilder {
    return (args) => {
        const name = str(args, nameKey, args.name);
        return { id: `${rgId(group(args))}/providers/${provider}/${kind}/${name}`, name };
    };
}

/** A child resource: `<parent id>/<kind>/<name>`. */
function child(
    provider: string,
    parentKind: string,
    parentKey: string,
    path: (args: MockResource) => string,
    nameOf: (args: MockResource) => string,
): OutputBuilder {
    return (args) => ({
        id: `${rgId(group(args))}/providers/${provider}/${parentKind}/${str(args, parentKey, "parent")}/${path(args)}`,
        name: nameOf(args),
    });
}

const location = (args: MockResource) => str(args, "location", "westeurope");

/** An exec kubeconfig as AKS returns it for an Entra ID cluster with local accounts disabled (format=exec). */
export function mockAksUserKubeconfig(clusterName: string, group: string, loc: string): string {
    return [
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUU2VENDQXRHZ0F3SUJBZ0lSQU1vY2stYWtzLWNhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K",
        `    server: https://${clusterName}-a1b2c3d4.hcp.${loc}.azmk8s.io:443`,
        `  name: ${clusterName}`,
        "contexts:",
        "- context:",
        `    cluster: ${clusterName}`,
        `    user: clusterUser_${group}_${clusterName}`,
        `  name: ${clusterName}`,
        `current-context: ${clusterName}`,
        "kind: Config",
        "preferences: {}",
        "users:",
        `- name: clusterUser_${group}_${clusterName}`,
        "  user:",
        "    exec:",
        "      apiVersion: client.authentication.k8s.io/v1beta1",
        "      args:",
        "      - get-token",
        "      - --environment",
        "      - AzurePublicCloud",
        "      - --server-id",
        "      - 6dae42f8-4368-4678-94ff-3960e28e3630",
        "      - --client-id",
        "      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a",
        "      - --tenant-id",
        `      - ${MOCK_TENANT_ID}`,
        "      - --login",
        "      - devicecode",
        "      command: kubelogin",
        "      env: null",
        "      installHint: kubelogin is not installed which is required to connect to AAD enabled cluster.",
        "      interactiveMode: IfAvailable",
        "      provideClusterInfo: false",
        "",
    ].join("\n");
}

/**
 * azure-native resources with the outputs Azure returns: ARM ids (with the real provider
 * namespaces), the AKS OIDC issuer, identity client and principal IDs, server FQDNs, the static
 * public IP's address. Types not listed fall back to the generic id echo in index.ts.
 */
const builders: MockTable["resources"] = {
    "azure-native:resources:ResourceGroup": (args) => {
        const name = str(args, "resourceGroupName", args.name);
        return { id: rgId(name), name };
    },
    "azure-native:network:VirtualNetwork": inGroup("Microsoft.Network", "virtualNetworks", "virtualNetworkName"),
    "azure-native:network:NetworkSecurityGroup": inGroup("Microsoft.Network", "networkSecurityGroups", "networkSecurityGroupName"),
    "azure-native:network:Subnet": child(
        "Microsoft.Network",
        "virtualNetworks",
        "virtualNetworkName",
        (a) => `subnets/${str(a, "subnetName", a.name)}`,
        (a) => str(a, "subnetName", a.name),
    ),
    "azure-native:network:PublicIPAddress": (args) => ({
        ...inGroup("Microsoft.Network", "publicIPAddresses", "publicIpAddressName")(args, ""),
        ipAddress: "198.51.100.25",
        provisioningState: "Succeeded",
    }),
    "azure-native:network:NetworkWatcher": inGroup("Microsoft.Network", "networkWatchers", "networkWatcherName"),
    // A watcher's child: NetworkWatcherRG/NetworkWatcher_<region>/flowLogs/<name> for the watcher Azure enabled.
    "azure-native:network:FlowLog": child(
        "Microsoft.Network",
        "networkWatchers",
        "networkWatcherName",
        (a) => `flowLogs/${str(a, "flowLogName", a.name)}`,
        (a) => str(a, "flowLogName", a.name),
    ),
    "azure-native:network:PrivateEndpoint": inGroup("Microsoft.Network", "privateEndpoints", "privateEndpointName"),
    "azure-native:network:PrivateDnsZoneGroup": child(
        "Microsoft.Network",
        "privateEndpoints",
        "privateEndpointName",
        (a) => `privateDnsZoneGroups/${str(a, "privateDnsZoneGroupName", a.name)}`,
        (a) => str(a, "privateDnsZoneGroupName", a.name),
    ),
    "azure-native:privatedns:PrivateZone": inGroup("Microsoft.Network", "privateDnsZones", "privateZoneName"),
    "azure-native:privatedns:VirtualNetworkLink": child(
        "Microsoft.Network",
        "privateDnsZones",
        "privateZoneName",
        (a) => `virtualNetworkLinks/${str(a, "virtualNetworkLinkName", a.name)}`,
        (a) => str(a, "virtualNetworkLinkName", a.name),
    ),
    "azure-native:operationalinsights:Workspace": (args) => ({
        ...inGroup("Microsoft.OperationalInsights", "workspaces", "workspaceName")(args, ""),
        customerId: seededUuid(`workspace-${args.name}`),
    }),
    "azure-native:monitor:DiagnosticSetting": (args) => ({
        id: `${str(args, "resourceUri", "/unknown")}/providers/Microsoft.Insights/diagnosticSettings/${str(args, "name", args.name)}`,
        name: str(args, "name", args.name),
    }),
    "azure-native:monitor:DataCollectionRule": (args) => ({
        ...inGroup("Microsoft.Insights", "dataCollectionRules", "dataCollectionRuleName")(args, ""),
        immutableId: `dcr-${seededUuid(`dcr-${args.name}`).replace(/-/g, "")}`,
    }),
    "azure-native:monitor:DataCollectionRuleAssociation": (args) => ({
        id: `${str(args, "resourceUri", "/unknown")}/providers/Microsoft.Insights/dataCollectionRuleAssociations/${str(args, "associationName", args.name)}`,
        name: str(args, "associationName", args.name),
    }),
    "azure-native:managedidentity:UserAssignedIdentity": (args) => {
        const principalId = seededUuid(`principal-${args.name}`);
        // Entra ID knows this principal as a service principal: role assignments to it must say so.
        MANAGED_IDENTITY_PRINCIPALS.add(principalId);
        return {
            ...inGroup("Microsoft.ManagedIdentity", "userAssignedIdentities", "resourceName")(args, ""),
            clientId: seededUuid(`client-${args.name}`),
            principalId,
            tenantId: MOCK_TENANT_ID,
        };
    },
    "azure-native:managedidentity:FederatedIdentityCredential": child(
        "Microsoft.ManagedIdentity",
        "userAssignedIdentities",
        "resourceName",
        (a) => `federatedIdentityCredentials/${str(a, "federatedIdentityCredentialResourceName", a.name)}`,
        (a) => str(a, "federatedIdentityCredentialResourceName", a.name),
    ),
    "azure-native:authorization:RoleAssignment": (args) => {
        const name = str(args, "roleAssignmentName", seededUuid(`role-${args.name}`));
        return { id: `${str(args, "scope", "/")}/providers/Microsoft.Authorization/roleAssignments/${name}`, name };
    },
    "azure-native:authorization:ManagementLockByScope": (args) => {
        const name = str(args, "lockName", args.name);
        return { id: `${str(args, "scope", "/")}/providers/Microsoft.Authorization/locks/${name}`, name };
    },
    "azure-native:containerservice:ManagedCluster": (args) => {
        const name = str(args, "resourceName", args.name);
        const loc = location(args);
        return {
            id: `${rgId(group(args))}/providers/Microsoft.ContainerService/managedClusters/${name}`,
            name,
            fqdn: `${name}-a1b2c3d4.hcp.${loc}.azmk8s.io`,
            nodeResourceGroup: `MC_${group(args)}_${name}_${loc}`,
            currentKubernetesVersion: `${str(args, "kubernetesVersion", "1.33")}.3`,
            provisioningState: "Succeeded",
            oidcIssuerProfile: {
                enabled: true,
                issuerURL: `https://${loc}.oic.prod-aks.azure.com/${MOCK_TENANT_ID}/${seededUuid(`oidc-${name}`)}/`,
            },
            identityProfile: {
                kubeletidentity: {
                    clientId: seededUuid(`kubelet-client-${name}`),
                    objectId: seededUuid(`kubelet-object-${name}`),
                    resourceId: `${rgId(`MC_${group(args)}_${name}_${loc}`)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}-agentpool`,
                },
            },
        };
    },
    "azure-native:containerservice:AgentPool": child(
        "Microsoft.ContainerService",
        "managedClusters",
        "resourceName",
        (a) => `agentPools/${str(a, "agentPoolName", a.name)}`,
        (a) => str(a, "agentPoolName", a.name),
    ),
    "azure-native:containerservice:MaintenanceConfiguration": child(
        "Microsoft.ContainerService",
        "managedClusters",
        "resourceName",
        (a) => `maintenanceConfigurations/${str(a, "configName", a.name)}`,
        (a) => str(a, "configName", a.name),
    ),
    "azure-native:keyvault:Vault": (args) => {
        const name = str(args, "vaultName", args.name);
        return {
            id: `${rgId(group(args))}/providers/Microsoft.KeyVault/vaults/${name}`,
            name,
            properties: { ...(args.inputs.properties as object), vaultUri: `https://${name}.vault.azure.net/` },
        };
    },
    "azure-native:keyvault:Key": (args) => {
        const vault = str(args, "vaultName", "vault");
        const name = str(args, "keyName", args.name);
        const keyUri = `https://${vault}.vault.azure.net/keys/${name}`;
        return {
            id: `${rgId(group(args))}/providers/Microsoft.KeyVault/vaults/${vault}/keys/${name}`,
            name,
            keyUri,
            keyUriWithVersion: `${keyUri}/${seededUuid(`key-version-${args.name}`).replace(/-/g, "")}`,
        };
    },
    "azure-native:storage:StorageAccount": (args) => {
        const name = str(args, "accountName", args.name);
        return {
            id: `${rgId(group(args))}/providers/Microsoft.Storage/storageAccounts/${name}`,
            name,
            primaryEndpoints: {
                blob: `https://${name}.blob.core.windows.net/`,
                file: `https://${name}.file.core.windows.net/`,
                dfs: `https://${name}.dfs.core.windows.net/`,
            },
            provisioningState: "Succeeded",
        };
    },
    "azure-native:storage:BlobServiceProperties": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        () => "blobServices/default",
        () => "default",
    ),
    "azure-native:storage:FileServiceProperties": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        () => "fileServices/default",
        () => "default",
    ),
    "azure-native:storage:ManagementPolicy": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        () => "managementPolicies/default",
        () => "DefaultManagementPolicy",
    ),
    "azure-native:storage:BlobContainer": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        (a) => `blobServices/default/containers/${str(a, "containerName", a.name)}`,
        (a) => str(a, "containerName", a.name),
    ),
    "azure-native:storage:BlobContainerImmutabilityPolicy": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        (a) => `blobServices/default/containers/${str(a, "containerName", "container")}/immutabilityPolicies/default`,
        () => "default",
    ),
    "azure-native:storage:FileShare": child(
        "Microsoft.Storage",
        "storageAccounts",
        "accountName",
        (a) => `fileServices/default/shares/${str(a, "shareName", a.name)}`,
        (a) => str(a, "shareName", a.name),
    ),
    "azure-native:recoveryservices:Vault": (args) => {
        const name = str(args, "vaultName", args.name);
        return { id: `${rgId(group(args))}/providers/Microsoft.RecoveryServices/vaults/${name}`, name };
    },
    "azure-native:recoveryservices:ProtectionPolicy": child(
        "Microsoft.RecoveryServices",
        "vaults",
        "vaultName",
        (a) => `backupPolicies/${str(a, "policyName", a.name)}`,
        (a) => str(a, "policyName", a.name),
    ),
    "azure-native:recoveryservices:ProtectionContainer": child(
        "Microsoft.RecoveryServices",
        "vaults",
        "vaultName",
        (a) => `backupFabrics/${str(a, "fabricName", "Azure")}/protectionContainers/${str(a, "containerName", a.name)}`,
        (a) => str(a, "containerName", a.name),
    ),
    "azure-native:recoveryservices:ProtectedItem": child(
        "Microsoft.RecoveryServices",
        "vaults",
        "vaultName",
        (a) =>
            `backupFabrics/${str(a, "fabricName", "Azure")}/protectionContainers/${str(a, "containerName", "container")}/protectedItems/${str(a, "protectedItemName", a.name)}`,
        (a) => str(a, "protectedItemName", a.name),
    ),
    "azure-native:dbforpostgresql:Server": (args) => {
        const name = str(args, "serverName", args.name);
        return {
            id: `${rgId(group(args))}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`,
            name,
            fullyQualifiedDomainName: `${name}.postgres.database.azure.com`,
            state: "Ready",
        };
    },
    "azure-native:dbforpostgresql:Configuration": child(
        "Microsoft.DBforPostgreSQL",
        "flexibleServers",
        "serverName",
        (a) => `configurations/${str(a, "configurationName", a.name)}`,
        (a) => str(a, "configurationName", a.name),
    ),
};

/** Principal IDs of the managed identities the plan created (service principals in Entra ID). */
const MANAGED_IDENTITY_PRINCIPALS = new Set<string>();

/**
 * Why ARM would refuse this resource (plan/mocks/rules/azure.ts), or undefined: PlanMocks fails the plan with it.
 * Names follow azure-native's own auto-naming and Azure's rules; role assignments must name the principal's type.
 */
export function azureRuleProblem(args: MockResource): string | undefined {
    const problem =
        nameViolation(args) ??
        principalViolation(args, MANAGED_IDENTITY_PRINCIPALS) ??
        alertRuleViolation(args) ??
        flowLogViolation(args) ??
        securityRuleViolation(args);
    return problem ? `${args.type} ${args.name}: ${problem}` : undefined;
}

export const azureMocks: MockTable = {
    resources: {
        ...builders,
        // @pulumiverse/time: a Sleep only waits; under mocks it returns at once, with the ID the provider sets (a timestamp).
        "time:index/sleep:Sleep": () => ({ id: "2026-01-01T00:00:00Z" }),
    },
    calls: {
        "azure-native:authorization:getClientConfig": () => ({
            clientId: "00000000-0000-4000-8000-000000000003",
            objectId: "00000000-0000-4000-8000-000000000004",
            subscriptionId: MOCK_SUBSCRIPTION_ID,
            tenantId: MOCK_TENANT_ID,
        }),
        "azure-native:containerservice:listManagedClusterUserCredentials": (args) => {
            const name = typeof args.inputs.resourceName === "string" ? args.inputs.resourceName : "aks";
            const rg = typeof args.inputs.resourceGroupName === "string" ? args.inputs.resourceGroupName : "rg-mock";
            const kubeconfig = mockAksUserKubeconfig(name, rg, "westeurope");
            return { kubeconfigs: [{ name: "clusterUser", value: secretValue(Buffer.from(kubeconfig).toString("base64")) }] };
        },
    },
};
