import type * as aws from "@pulumi/aws";
import type * as azure from "@pulumi/azure-native";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import type * as eks from "@pulumi/eks";
import type * as time from "@pulumiverse/time";
import { parseDocument } from "yaml";
import { PlannedResource } from "../plan/run";
import { unwrapSecrets } from "../plan/redact";

/**
 * A resource's args as the engine receives them: every `pulumi.Input` resolved to its plain value. Fields are
 * read as present (as the SDK's output types do); an absent one is `undefined` at run time, which assertions see.
 */
export type Plain<T> =
    T extends pulumi.OutputInstance<infer U>
        ? Plain<U>
        : T extends Promise<infer U>
          ? Plain<U>
          : T extends readonly (infer E)[]
            ? Plain<E>[]
            : T extends object
              ? { -readonly [K in keyof T]-?: Plain<T[K]> }
              : T;

/** The SDK's args type of each resource type the tests look into. */
interface ArgsByType {
    "aws:eks/accessEntry:AccessEntry": aws.eks.AccessEntryArgs;
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": aws.eks.AccessPolicyAssociationArgs;
    "aws:eks/cluster:Cluster": aws.eks.ClusterArgs;
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": aws.iam.ServiceLinkedRoleArgs;
    "azure-native:authorization:PolicyAssignment": azure.authorization.PolicyAssignmentArgs;
    "azure-native:authorization:RoleDefinition": azure.authorization.RoleDefinitionArgs;
    "random:index/randomId:RandomId": random.RandomIdArgs;
    "random:index/randomUuid:RandomUuid": random.RandomUuidArgs;
    // A custom resource: its args type is free-form, so the fields the tests read are named here.
    "kubernetes:monitoring.coreos.com/v1:PrometheusRule": { metadata: k8s.types.input.meta.v1.ObjectMeta; spec: { groups: unknown[] } };
    "aws:cloudwatch/eventRule:EventRule": aws.cloudwatch.EventRuleArgs;
    "aws:cloudwatch/eventTarget:EventTarget": aws.cloudwatch.EventTargetArgs;
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": aws.cloudwatch.LogMetricFilterArgs;
    "aws:cloudwatch/metricAlarm:MetricAlarm": aws.cloudwatch.MetricAlarmArgs;
    "aws:ec2/vpcEndpoint:VpcEndpoint": aws.ec2.VpcEndpointArgs;
    "aws:guardduty/detector:Detector": aws.guardduty.DetectorArgs;
    "aws:guardduty/detectorFeature:DetectorFeature": aws.guardduty.DetectorFeatureArgs;
    "aws:sns/topic:Topic": aws.sns.TopicArgs;
    "aws:sns/topicPolicy:TopicPolicy": aws.sns.TopicPolicyArgs;
    "aws:sns/topicSubscription:TopicSubscription": aws.sns.TopicSubscriptionArgs;
    "azure-native:monitor:ActionGroup": azure.monitor.ActionGroupArgs;
    "azure-native:monitor:ActivityLogAlert": azure.monitor.ActivityLogAlertArgs;
    "azure-native:monitor:MetricAlert": azure.monitor.MetricAlertArgs;
    "azure-native:monitor:ScheduledQueryRule": azure.monitor.ScheduledQueryRuleArgs;
    "azure-native:security:Pricing": azure.security.PricingArgs;
    "kubernetes:core/v1:Pod": k8s.core.v1.PodArgs;
    "eks:index:Cluster": eks.ClusterOptions;
    "time:index/sleep:Sleep": time.SleepArgs;
    "aws:cloudwatch/logGroup:LogGroup": aws.cloudwatch.LogGroupArgs;
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": aws.ec2.DefaultSecurityGroupArgs;
    "aws:ec2/flowLog:FlowLog": aws.ec2.FlowLogArgs;
    "aws:ec2/launchTemplate:LaunchTemplate": aws.ec2.LaunchTemplateArgs;
    "aws:ec2/natGateway:NatGateway": aws.ec2.NatGatewayArgs;
    "aws:ec2/routeTable:RouteTable": aws.ec2.RouteTableArgs;
    "aws:ec2/securityGroup:SecurityGroup": aws.ec2.SecurityGroupArgs;
    "aws:ec2/subnet:Subnet": aws.ec2.SubnetArgs;
    "aws:ec2/vpc:Vpc": aws.ec2.VpcArgs;
    "aws:efs/backupPolicy:BackupPolicy": aws.efs.BackupPolicyArgs;
    "aws:efs/fileSystem:FileSystem": aws.efs.FileSystemArgs;
    "aws:efs/fileSystemPolicy:FileSystemPolicy": aws.efs.FileSystemPolicyArgs;
    "aws:efs/mountTarget:MountTarget": aws.efs.MountTargetArgs;
    "aws:eks/addon:Addon": aws.eks.AddonArgs;
    "aws:eks/nodeGroup:NodeGroup": aws.eks.NodeGroupArgs;
    "aws:iam/role:Role": aws.iam.RoleArgs;
    "aws:iam/rolePolicy:RolePolicy": aws.iam.RolePolicyArgs;
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": aws.iam.RolePolicyAttachmentArgs;
    "aws:kms/alias:Alias": aws.kms.AliasArgs;
    "aws:kms/key:Key": aws.kms.KeyArgs;
    "aws:rds/instance:Instance": aws.rds.InstanceArgs;
    "aws:rds/parameterGroup:ParameterGroup": aws.rds.ParameterGroupArgs;
    "aws:route53/record:Record": aws.route53.RecordArgs;
    "aws:s3/bucket:Bucket": aws.s3.BucketArgs;
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": aws.s3.BucketLifecycleConfigurationArgs;
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": aws.s3.BucketObjectLockConfigurationArgs;
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": aws.s3.BucketOwnershipControlsArgs;
    "aws:s3/bucketPolicy:BucketPolicy": aws.s3.BucketPolicyArgs;
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": aws.s3.BucketPublicAccessBlockArgs;
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": aws.s3.BucketServerSideEncryptionConfigurationArgs;
    "aws:s3/bucketVersioning:BucketVersioning": aws.s3.BucketVersioningArgs;
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": aws.vpc.SecurityGroupIngressRuleArgs;
    "azure-native:authorization:ManagementLockByScope": azure.authorization.ManagementLockByScopeArgs;
    "azure-native:authorization:RoleAssignment": azure.authorization.RoleAssignmentArgs;
    "azure-native:containerservice:AgentPool": azure.containerservice.AgentPoolArgs;
    "azure-native:containerservice:MaintenanceConfiguration": azure.containerservice.MaintenanceConfigurationArgs;
    "azure-native:containerservice:ManagedCluster": azure.containerservice.ManagedClusterArgs;
    "azure-native:dbforpostgresql:Configuration": azure.dbforpostgresql.ConfigurationArgs;
    "azure-native:dbforpostgresql:Server": azure.dbforpostgresql.ServerArgs;
    "azure-native:keyvault:Key": azure.keyvault.KeyArgs;
    "azure-native:keyvault:Vault": azure.keyvault.VaultArgs;
    "azure-native:managedidentity:FederatedIdentityCredential": azure.managedidentity.FederatedIdentityCredentialArgs;
    "azure-native:managedidentity:UserAssignedIdentity": azure.managedidentity.UserAssignedIdentityArgs;
    "azure-native:monitor:DataCollectionRule": azure.monitor.DataCollectionRuleArgs;
    "azure-native:monitor:DataCollectionRuleAssociation": azure.monitor.DataCollectionRuleAssociationArgs;
    "azure-native:monitor:DiagnosticSetting": azure.monitor.DiagnosticSettingArgs;
    "azure-native:network:FlowLog": azure.network.FlowLogArgs;
    "azure-native:network:NetworkWatcher": azure.network.NetworkWatcherArgs;
    "azure-native:network:PrivateEndpoint": azure.network.PrivateEndpointArgs;
    "azure-native:network:PublicIPAddress": azure.network.PublicIPAddressArgs;
    "azure-native:network:Subnet": azure.network.SubnetArgs;
    "azure-native:network:NetworkSecurityGroup": azure.network.NetworkSecurityGroupArgs;
    "azure-native:network:VirtualNetwork": azure.network.VirtualNetworkArgs;
    "azure-native:operationalinsights:Workspace": azure.operationalinsights.WorkspaceArgs;
    "azure-native:privatedns:PrivateZone": azure.privatedns.PrivateZoneArgs;
    "azure-native:privatedns:VirtualNetworkLink": azure.privatedns.VirtualNetworkLinkArgs;
    "azure-native:recoveryservices:ProtectedItem": azure.recoveryservices.ProtectedItemArgs;
    "azure-native:recoveryservices:ProtectionContainer": azure.recoveryservices.ProtectionContainerArgs;
    "azure-native:recoveryservices:ProtectionPolicy": azure.recoveryservices.ProtectionPolicyArgs;
    "azure-native:recoveryservices:Vault": azure.recoveryservices.VaultArgs;
    "azure-native:resources:ResourceGroup": azure.resources.ResourceGroupArgs;
    "azure-native:storage:BlobContainer": azure.storage.BlobContainerArgs;
    "azure-native:storage:BlobContainerImmutabilityPolicy": azure.storage.BlobContainerImmutabilityPolicyArgs;
    "azure-native:storage:BlobServiceProperties": azure.storage.BlobServicePropertiesArgs;
    "azure-native:storage:FileServiceProperties": azure.storage.FileServicePropertiesArgs;
    "azure-native:storage:FileShare": azure.storage.FileShareArgs;
    "azure-native:storage:ManagementPolicy": azure.storage.ManagementPolicyArgs;
    "azure-native:storage:StorageAccount": azure.storage.StorageAccountArgs;
    "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy": k8s.admissionregistration.v1.ValidatingAdmissionPolicyArgs;
    "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding": k8s.admissionregistration.v1.ValidatingAdmissionPolicyBindingArgs;
    "kubernetes:apps/v1:Deployment": k8s.apps.v1.DeploymentArgs;
    "kubernetes:batch/v1:CronJob": k8s.batch.v1.CronJobArgs;
    "kubernetes:apps/v1:StatefulSet": k8s.apps.v1.StatefulSetArgs;
    "kubernetes:core/v1:ConfigMap": k8s.core.v1.ConfigMapArgs;
    "kubernetes:core/v1:Namespace": k8s.core.v1.NamespaceArgs;
    "kubernetes:core/v1:PersistentVolumeClaim": k8s.core.v1.PersistentVolumeClaimArgs;
    "kubernetes:core/v1:Secret": k8s.core.v1.SecretArgs;
    "kubernetes:core/v1:Service": k8s.core.v1.ServiceArgs;
    "kubernetes:helm.sh/v3:Release": k8s.helm.v3.ReleaseArgs;
    "kubernetes:storage.k8s.io/v1:StorageClass": k8s.storage.v1.StorageClassArgs;
    "pulumi:providers:kubernetes": k8s.ProviderArgs;
    "random:index/randomPassword:RandomPassword": random.RandomPasswordArgs;
}

/** The args of a resource type: the SDK's, or a plain record for a type not listed above. */
type ArgsOf<Type extends string> = Type extends keyof ArgsByType ? ArgsByType[Type] : Record<string, unknown>;

/** A planned resource with its inputs as plain values (secrets unwrapped), typed by the provider's args. */
export type WithProps<Type extends string> = PlannedResource & { props: Plain<ArgsOf<Type>> };

/** Resources of one type, with their inputs as plain values (secrets unwrapped). */
export function ofType<Type extends string>(resources: PlannedResource[], type: Type): WithProps<Type>[] {
    return resources.filter((r) => r.type === type).map((r) => ({ ...r, props: unwrapSecrets(r.inputs) as Plain<ArgsOf<Type>> }));
}

/** The single resource of a type whose name matches; fails loudly when there is not exactly one. */
export function one<Type extends string>(resources: PlannedResource[], type: Type, name?: string | RegExp): WithProps<Type> {
    const found = ofType(resources, type).filter(
        (r) => name === undefined || (typeof name === "string" ? r.name === name : name.test(r.name)),
    );
    if (found.length !== 1) {
        throw new Error(
            `expected exactly one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
        );
    }
    return found[0];
}

/** One change to a stack file's `config:` map: the path below `config` (keys and list indexes) and the new value. */
export type ConfigEdit = [path: (string | number)[], value: unknown];

/** The stack file's text with the edits applied through yaml's Document API (every other value stays as it is). */
export function withConfigEdits(text: string, edits: ConfigEdit[] = []): string {
    const doc = parseDocument(text);
    for (const [keys, value] of edits) doc.setIn(["config", ...keys], value);
    return doc.toString();
}
