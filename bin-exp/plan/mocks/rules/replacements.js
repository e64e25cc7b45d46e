"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLACEMENT_RULES = void 0;
exports.replacementsBetween = replacementsBetween;
exports.REPLACEMENT_RULES = {
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
        properties: ["vmSize", "osDiskSizeGB", "osDiskType", "osType", "vnetSubnetID", "availabilityZones", "maxPods"],
        source: "AKS agent pools: VM size, OS disk, subnet, zones and max pods cannot change on an existing pool",
    },
    "azure-native:containerservice:ManagedCluster": {
        properties: [
            "dnsPrefix",
            "nodeResourceGroup",
            "networkProfile.networkPlugin",
            "networkProfile.podCidr",
            "networkProfile.serviceCidr",
        ],
        source: "AKS: DNS prefix, node resource group and network profile are fixed at creation",
    },
    "azure-native:storage:StorageAccount": {
        properties: ["accountName", "location", "isHnsEnabled"],
        source: "Azure Storage: account name, location and hierarchical namespace are fixed at creation",
    },
    "azure-native:dbforpostgresql:Server": {
        properties: ["serverName", "location", "dataEncryption.primaryKeyURI"],
        source: "Flexible Server: name, location and customer-managed key are fixed at creation",
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
function valueAt(inputs, path) {
    return path.split(".").reduce((v, k) => (v && typeof v === "object" ? v[k] : undefined), inputs);
}
/** Every resource present in both plans whose change would replace it, and which properties force that. */
function replacementsBetween(before, after) {
    const old = new Map(before.map((r) => [r.urn, r]));
    const out = [];
    for (const r of after) {
        const previous = old.get(r.urn);
        const rule = exports.REPLACEMENT_RULES[r.type];
        if (!previous || !rule)
            continue;
        const changed = rule.properties.filter((p) => JSON.stringify(valueAt(previous.inputs, p) ?? null) !== JSON.stringify(valueAt(r.inputs, p) ?? null));
        if (changed.length > 0)
            out.push({ urn: r.urn, type: r.type, properties: changed });
    }
    return out;
}
