/**
 * Properties a provider cannot change in place: changing one replaces the resource (or, for an API that
 * refuses the change, fails the update). One row per resource type, with its source. `replacementsBetween`
 * compares two plans of a stack and reports every resource such a change would replace, so a promotion or
 * a config change that would destroy something stateful is seen before `pulumi up`; `plannedChanges` lists
 * every input a second plan changes, with those that cannot change in place marked. Both compare through
 * `changedReplaceOnly`.
 */
import { PlannedResource } from "../../run";

export interface ReplacementRule {
    /** Input paths (dot-separated) whose change forces a replacement. */
    properties: string[];
    source: string;
}

export const REPLACEMENT_RULES: Readonly<Record<string, ReplacementRule>> = {
    "aws:s3/bucket:Bucket": {
        properties: ["bucket", "bucketPrefix", "objectLockEnabled"],
        source: "terraform-provider-aws aws_s3_bucket: bucket, bucket_prefix, object_lock_enabled are ForceNew",
    },
    "aws:efs/fileSystem:FileSystem": {
        properties: ["creationToken", "encrypted", "kmsKeyId", "performanceMode", "availabilityZoneName"],
        source: "aws_efs_file_system: creation_token, encrypted, kms_key_id, performance_mode are ForceNew",
    },
    "aws:rds/instance:Instance": {
        properties: ["identifier", "engine", "kmsKeyId", "storageEncrypted", "dbName", "username", "availabilityZone"],
        source: "aws_db_instance: identifier, engine, kms_key_id, storage_encrypted, db_name, username are ForceNew",
    },
    "aws:kms/key:Key": {
        properties: ["customerMasterKeySpec", "keyUsage", "multiRegion"],
        source: "aws_kms_key: customer_master_key_spec, key_usage, multi_region are ForceNew",
    },
    "aws:cloudwatch/logGroup:LogGroup": { properties: ["name", "namePrefix"], source: "aws_cloudwatch_log_group: name is ForceNew" },
    "aws:eks/nodeGroup:NodeGroup": {
        properties: ["clusterName", "nodeGroupName", "nodeRoleArn", "subnetIds", "amiType", "capacityType", "instanceTypes", "diskSize"],
        source: "aws_eks_node_group: these arguments are ForceNew (version and release_version update in place)",
    },
    "aws:eks/accessEntry:AccessEntry": {
        properties: ["clusterName", "principalArn"],
        source: "aws_eks_access_entry: cluster_name and principal_arn are ForceNew (a new aws.deployerArn is a new entry)",
    },
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
        properties: ["clusterName", "principalArn", "policyArn", "accessScope"],
        source: "aws_eks_access_policy_association: every argument is ForceNew",
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        properties: ["vpcId", "serviceName", "vpcEndpointType"],
        source: "aws_vpc_endpoint: vpc_id, service_name and vpc_endpoint_type are ForceNew",
    },
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": {
        properties: ["awsServiceName", "customSuffix"],
        source: "aws_iam_service_linked_role: aws_service_name and custom_suffix are ForceNew",
    },
    "eks:index:Cluster": {
        properties: ["name", "vpcId", "encryptionConfigKeyArn", "kubernetesServiceIpAddressRange"],
        source: "aws_eks_cluster: name, vpc_config subnets, encryption_config and kubernetes_network_config are ForceNew",
    },
    "azure-native:containerservice:AgentPool": {
        properties: [
            "vmSize",
            "osDiskSizeGB",
            "osDiskType",
            "osType",
            "vnetSubnetID",
            "availabilityZones",
            "maxPods",
            "agentPoolName",
            "mode",
            "enableEncryptionAtHost",
        ],
        source: "AKS agent pools: VM size, OS disk, subnet, zones and max pods cannot change on an existing pool (resize-node-pool.md); enable-host-encryption.md: host encryption is set when a node pool is created",
    },
    "azure-native:containerservice:ManagedCluster": {
        properties: [
            "dnsPrefix",
            "nodeResourceGroup",
            "networkProfile.networkPlugin",
            "networkProfile.podCidr",
            "networkProfile.serviceCidr",
            "agentPoolProfiles",
            "location",
            "resourceName",
        ],
        source: "AKS: DNS prefix, node resource group and network profile are fixed at creation; containerservice/managedCluster.d.ts: agentPoolProfiles cannot be updated directly (pulumi-azure-native#579, #4264)",
    },
    "azure-native:storage:StorageAccount": {
        properties: ["accountName", "location", "isHnsEnabled", "kind", "encryption.requireInfrastructureEncryption"],
        source: "Azure Storage: account name, location and hierarchical namespace are fixed at creation; infrastructure-encryption-enable.md: infrastructure encryption can only be chosen at creation",
    },
    "azure-native:network:FlowLog": {
        properties: ["flowLogName", "networkWatcherName", "resourceGroupName", "location", "targetResourceId"],
        source: "vnet-flow-logs-portal.md (Change a flow log): the storage account, retention and traffic analytics change in place, the target does not; the name, watcher and resource group are the flow log's ARM ID",
    },
    "azure-native:network:NetworkWatcher": {
        properties: ["networkWatcherName", "resourceGroupName", "location"],
        source: "network-watcher-create.md: one watcher per region and subscription; its name, resource group and region are its ARM ID",
    },
    "azure-native:dbforpostgresql:Server": {
        properties: ["serverName", "location", "dataEncryption.primaryKeyURI", "administratorLogin", "network.delegatedSubnetResourceId"],
        source: "Flexible Server: name, location, customer-managed key, networking mode and admin login are fixed at creation",
    },
    "azure-native:keyvault:Vault": { properties: ["vaultName", "location"], source: "names and locations are immutable (ARM)" },
    "azure-native:recoveryservices:Vault": {
        properties: ["vaultName", "location", "properties.redundancySettings.standardTierStorageRedundancy"],
        source: "names and locations are immutable (ARM); backup-support-matrix.md (Modify vault storage type): the replication type can't be modified after backups begin in the vault",
    },
    "azure-native:recoveryservices:ProtectionPolicy": {
        properties: ["vaultName", "policyName", "properties.workLoadType", "properties.backupManagementType"],
        source: "a backup policy's name and vault are its identity (ARM vaults/backupPolicies); its workload type cannot change while items use it",
    },
    "azure-native:recoveryservices:ProtectionContainer": {
        properties: ["vaultName", "fabricName", "containerName", "properties.sourceResourceId"],
        source: "a registered storage account is identified by vault, fabric and StorageContainer;Storage;<rg>;<account> (backup-azure-file-share-rest-api.md)",
    },
    "azure-native:recoveryservices:ProtectedItem": {
        properties: ["vaultName", "fabricName", "containerName", "protectedItemName", "properties.sourceResourceId"],
        source: "a protected share is identified by its container and AzureFileShare;<share> (backup-azure-file-share-rest-api.md); replacing it stops protection and deletes its recovery points",
    },
    "kubernetes:storage.k8s.io/v1:StorageClass": {
        properties: ["metadata.name", "provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"],
        source: "StorageClass: parameters, provisioner, reclaimPolicy and volumeBindingMode are immutable (ValidateStorageClassUpdate)",
    },
    "azure-native:network:PublicIPAddress": {
        properties: ["zones", "sku", "publicIPAddressVersion"],
        source: "public-ip-addresses.md: SKU, zones and IP version are set at creation",
    },
    "azure-native:authorization:RoleDefinition": {
        properties: ["roleDefinitionId", "scope"],
        source: "role-definitions.md: a custom role's ID (a GUID) and the scope it is stored at are fixed; its permissions update in place",
    },
    "azure-native:authorization:PolicyAssignment": {
        properties: ["policyAssignmentName", "scope"],
        source: "assignment-structure.md: an assignment's name and scope are its identity",
    },
    "kubernetes:core/v1:PersistentVolumeClaim": {
        properties: ["metadata.name", "spec.storageClassName", "spec.accessModes", "spec.volumeMode"],
        source: "PersistentVolumeClaim spec is immutable after creation except resources.requests (ValidatePersistentVolumeClaimUpdate)",
    },
    "kubernetes:apps/v1:StatefulSet": {
        properties: ["metadata.name", "spec.selector", "spec.serviceName", "spec.volumeClaimTemplates"],
        source: "StatefulSet: selector, serviceName and volumeClaimTemplates are immutable (ValidateStatefulSetUpdate)",
    },
    "kubernetes:apps/v1:Deployment": {
        properties: ["metadata.name", "spec.selector"],
        source: "Deployment: spec.selector is immutable in apps/v1",
    },
};

function valueAt(inputs: Record<string, unknown>, path: string): unknown {
    return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), inputs);
}

/** The rule's properties whose value differs between two plans of a resource (unset and null alike). */
function changedReplaceOnly(rule: ReplacementRule | undefined, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    return (rule?.properties ?? []).filter((p) => JSON.stringify(valueAt(before, p) ?? null) !== JSON.stringify(valueAt(after, p) ?? null));
}

export interface Replacement {
    urn: string;
    type: string;
    properties: string[];
}

/** Every resource present in both plans whose change would replace it, and which properties force that. */
export function replacementsBetween(before: PlannedResource[], after: PlannedResource[]): Replacement[] {
    const old = new Map(before.map((r) => [r.urn, r]));
    const out: Replacement[] = [];
    for (const r of after) {
        const previous = old.get(r.urn);
        const rule = REPLACEMENT_RULES[r.type];
        if (!previous || !rule) continue;
        const changed = changedReplaceOnly(rule, previous.inputs, r.inputs);
        if (changed.length > 0) out.push({ urn: r.urn, type: r.type, properties: changed });
    }
    return out;
}

/** A property a second plan changes. */
export interface PlannedChange {
    urn: string;
    type: string;
    property: string;
    /** True when the provider cannot update it in place (REPLACEMENT_RULES). */
    replaceOnly: boolean;
}

/**
 * What changes between two plans of the same program: every top-level input that differs, per custom resource,
 * or in its place the replace-only paths under it that differ. Resources only in one plan are not compared.
 */
export function plannedChanges(before: PlannedResource[], after: PlannedResource[]): PlannedChange[] {
    const old = new Map(before.map((r) => [r.urn, r]));
    const changes: PlannedChange[] = [];
    for (const r of after) {
        const previous = old.get(r.urn);
        if (!previous || !r.custom) continue;
        const replaceOnly = changedReplaceOnly(REPLACEMENT_RULES[r.type], previous.inputs, r.inputs);
        const keys = new Set([...Object.keys(previous.inputs), ...Object.keys(r.inputs)]);
        for (const key of keys) {
            if (JSON.stringify(previous.inputs[key]) === JSON.stringify(r.inputs[key])) continue;
            const nested = replaceOnly.filter((p) => p === key || p.startsWith(`${key}.`));
            if (nested.length > 0) for (const p of nested) changes.push({ urn: r.urn, type: r.type, property: p, replaceOnly: true });
            else changes.push({ urn: r.urn, type: r.type, property: key, replaceOnly: false });
        }
    }
    return changes;
}
