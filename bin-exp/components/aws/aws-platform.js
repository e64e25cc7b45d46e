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
exports.AwsPlatform = void 0;
exports.registeredAddressName = registeredAddressName;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const time = __importStar(require("@pulumiverse/time"));
const cluster_network_1 = require("../../config/cluster-network");
const archiver_1 = require("../../policy/xroad/archiver");
const network_1 = require("./network");
const encryption_keys_1 = require("./encryption-keys");
const control_plane_logs_1 = require("./control-plane-logs");
const flow_logs_1 = require("./flow-logs");
const cluster_1 = require("./cluster");
const calico_1 = require("./calico");
const block_storage_1 = require("./block-storage");
const shared_file_system_1 = require("./shared-file-system");
const archive_bucket_1 = require("./archive-bucket");
const archiver_role_1 = require("./archiver-role");
const monitoring_1 = require("./monitoring");
const metrics_server_1 = require("./metrics-server");
const cluster_autoscaler_1 = require("./cluster-autoscaler");
const database_1 = require("./database");
const address_record_1 = require("./address-record");
const notification_topic_1 = require("./notification-topic");
const audit_alarms_1 = require("./audit-alarms");
const guard_duty_1 = require("./guard-duty");
const health_alarms_1 = require("./health-alarms");
const detections_1 = require("../../policy/xroad/detections");
/**
 * Service annotations for the public load balancer of 5500/5577: a Network Load Balancer made by the
 * AWS cloud provider that EKS runs (the in-tree `nlb` type). We choose it over the AWS Load Balancer
 * Controller so no controller holding broad EC2/ELB write permissions runs inside the cluster; the
 * NLB goes into the public subnets tagged `kubernetes.io/role/elb`, and the Service's
 * `loadBalancerSourceRanges` become node security-group rules.
 */
function loadBalancerAnnotations(clusterName) {
    return {
        "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
        "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
        "service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags": `xroad-sidecar/cluster=${clusterName}`,
    };
}
/**
 * The consumer load balancer: the same in-tree NLB, internal, in the private subnets tagged
 * `kubernetes.io/role/internal-elb` (AWS cloud provider `aws-load-balancer-internal`).
 */
function internalLoadBalancerAnnotations(clusterName) {
    return { ...loadBalancerAnnotations(clusterName), "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
}
/**
 * The DNS name an instance is registered under: the configured record for a single instance, and
 * `<instance>.<record>` for each of several instances.
 */
function registeredAddressName(dns, instanceNames, instanceName) {
    const recordName = dns.recordName.replace(/\.$/, "");
    return instanceNames.length === 1 ? recordName : `${instanceName}.${recordName}`;
}
/**
 * `target: aws`: everything the guide asks of EKS, built from one-concern components, and the bindings
 * the Sidecar stack deploys onto.
 */
class AwsPlatform extends pulumi.ComponentResource {
    bindings;
    outputs;
    constructor(name, args, opts) {
        super("xroad:aws:Platform", name, {}, opts);
        const { settings, release, instances, protectData } = args;
        const production = args.environment === "production";
        const clusterName = settings.clusterName;
        // An explicit provider: the region comes from the stack config, never from the ambient AWS config, and
        // credentials of any other account are refused before anything is created (review aws B12).
        const awsProvider = new aws.Provider(`${name}-aws`, {
            region: settings.region,
            allowedAccountIds: [settings.accountId],
            defaultTags: {
                tags: { "xroad-sidecar/stack": pulumi.getStack(), "xroad-sidecar/cluster": clusterName, ManagedBy: "pulumi" },
            },
        }, { parent: this });
        const awsOnly = { parent: this, providers: [awsProvider] };
        const partition = aws.getPartitionOutput({}, { parent: this, provider: awsProvider }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this, provider: awsProvider }).accountId;
        // The engine entry has checked that pulumi up runs as this principal (config/prerequisites.ts).
        const deployerArn = settings.deployerArn;
        // EC2 Auto Scaling launches the nodes and needs the EBS key (review aws A6). KMS refuses a key policy naming
        // a role that does not exist, so a brand-new account creates the service-linked role first; it is shared by
        // the whole account, so it stays on destroy. An existing one is looked up: a missing one fails the preview.
        const principalsReady = [];
        let autoScalingRole;
        if (settings.autoScalingServiceLinkedRole === "create") {
            const role = new aws.iam.ServiceLinkedRole(`${name}-autoscaling`, { awsServiceName: "autoscaling.amazonaws.com", description: "EC2 Auto Scaling (created by xroad-sidecar for EKS nodes)" }, { parent: this, provider: awsProvider, retainOnDelete: true });
            // KMS: a new principal "might not be immediately visible"; wait before naming it in a key policy.
            principalsReady.push(new time.Sleep(`${name}-autoscaling-visible`, { createDuration: "30s" }, { parent: this, dependsOn: [role] }));
            autoScalingRole = role.arn;
        }
        else {
            autoScalingRole = aws.iam
                .getRoleOutput({ name: "AWSServiceRoleForAutoScaling" }, { parent: this, provider: awsProvider })
                .apply((role) => role.arn);
        }
        const network = new network_1.Network(`${name}-network`, {
            clusterName,
            vpcCidr: settings.vpcCidr,
            availabilityZoneCount: settings.availabilityZoneCount,
            natGatewayPerZone: production,
            region: settings.region,
        }, awsOnly);
        const keys = new encryption_keys_1.EncryptionKeys(`${name}-keys`, {
            aliasPrefix: clusterName,
            region: settings.region,
            accountId,
            partition,
            protectData,
            administratorArns: [deployerArn, ...settings.keyAdministratorArns],
            autoScalingRoleArn: autoScalingRole,
            principalsReady,
        }, awsOnly);
        new flow_logs_1.FlowLogs(`${name}-flow-logs`, {
            clusterName,
            vpcId: network.vpcId,
            retentionInDays: settings.logRetentionDays,
            logsKeyArn: keys.arns.logs,
            accountId,
            protectData,
        }, awsOnly);
        const logs = new control_plane_logs_1.ControlPlaneLogs(`${name}-control-plane-logs`, { clusterName, retentionInDays: settings.logRetentionDays, kmsKeyArn: keys.arns.logs, protectData }, awsOnly);
        // guide §8: detect, not only collect. One notification target, and the audit log watched for what
        // threatens the Sidecar (policy/xroad/detections.ts).
        const notifications = new notification_topic_1.NotificationTopic(`${name}-alerts`, {
            clusterName,
            kmsKeyArn: keys.arns.alerts,
            accountId,
            partition,
            emails: args.alerts.receivers.emails,
            webhooks: args.alerts.receivers.webhooks,
        }, awsOnly);
        new audit_alarms_1.AuditAlarms(`${name}-audit-alarms`, {
            clusterName,
            logGroupName: logs.logGroup.name,
            namespaces: instances.map((i) => i.namespace),
            thresholds: args.alerts.thresholds,
            evaluationMinutes: args.alerts.evaluationMinutes,
            topicArn: notifications.topicArn,
        }, awsOnly);
        const cluster = new cluster_1.Cluster(`${name}-eks`, {
            clusterName,
            release,
            vpcId: network.vpcId,
            privateSubnetIds: network.privateSubnetIds,
            secretsKeyArn: keys.arns.secrets,
            publicAccessCidrs: settings.publicAccessCidrs,
            deployerArn,
            clusterAdminArns: settings.clusterAdminArns,
            namespaceOperatorArns: settings.namespaceOperatorArns,
            operatorNamespaces: instances.map((i) => i.namespace),
            nodeGroup: settings.nodeGroup,
            ebsKeyArn: keys.arns.ebs,
            ebsKeyReady: [keys.keys.ebs],
            partition,
            controlPlaneLogGroup: logs.logGroup,
            protectData,
            supportType: settings.supportType,
        }, awsOnly);
        // Add-ons and charts need running nodes: creating them before the node group would time out.
        const onCluster = { parent: this, providers: [awsProvider, cluster.provider], dependsOn: [cluster.nodeGroup] };
        const oidc = { oidcProviderArn: cluster.oidcProviderArn, oidcIssuer: cluster.oidcIssuer };
        const calico = new calico_1.Calico(`${name}-calico`, { chartVersion: release.calicoChartVersion }, onCluster);
        const blockStorage = new block_storage_1.BlockStorage(`${name}-ebs`, {
            clusterName,
            ...oidc,
            kmsKeyArn: keys.arns.ebs,
            region: settings.region,
            partition,
            addonVersion: release.eksAddonVersions["aws-ebs-csi-driver"],
            protectData,
        }, onCluster);
        const sharedFileSystem = new shared_file_system_1.SharedFileSystem(`${name}-efs`, {
            clusterName,
            vpcId: network.vpcId,
            privateSubnetIds: network.privateSubnetIds,
            nodeSecurityGroupId: cluster.nodeSecurityGroupId,
            kmsKeyArn: keys.arns.efs,
            ...oidc,
            partition,
            addonVersion: release.eksAddonVersions["aws-efs-csi-driver"],
            protectData,
        }, onCluster);
        const monitoring = new monitoring_1.Monitoring(`${name}-monitoring`, {
            clusterName,
            retentionInDays: settings.logRetentionDays,
            logsKeyArn: keys.arns.logs,
            ...oidc,
            partition,
            addonVersion: release.eksAddonVersions["amazon-cloudwatch-observability"],
            protectData,
        }, onCluster);
        new cluster_autoscaler_1.ClusterAutoscaler(`${name}-cluster-autoscaler`, {
            clusterName,
            region: settings.region,
            chartVersion: release.clusterAutoscalerChartVersion,
            imageTag: release.clusterAutoscalerImageTag,
            ...oidc,
        }, onCluster);
        new health_alarms_1.HealthAlarms(`${name}-health-alarms`, {
            clusterName,
            instances,
            thresholds: args.alerts.thresholds,
            evaluationMinutes: args.alerts.evaluationMinutes,
            topicArn: notifications.topicArn,
            logGroups: monitoring.logGroups,
        }, awsOnly);
        if (args.alerts.threatDetection !== "off")
            new guard_duty_1.GuardDuty(`${name}-guardduty`, {
                mode: args.alerts.threatDetection,
                clusterName,
                region: settings.region,
                accountId,
                vpcId: network.vpcId,
                vpcCidr: settings.vpcCidr,
                privateSubnetIds: network.privateSubnetIds,
                agentVersion: release.eksAddonVersions["aws-guardduty-agent"],
                minimumSeverity: args.alerts.thresholds[(0, detections_1.detection)("threat-finding").threshold.key],
                topicArn: notifications.topicArn,
                nodeGroup: cluster.nodeGroup,
            }, awsOnly);
        const metricsServer = new metrics_server_1.MetricsServer(`${name}-metrics-server`, { chartVersion: release.metricsServerChartVersion, highAvailability: production }, onCluster);
        const archives = {};
        const archiveOutputs = {};
        const archiving = instances.filter((i) => i.archiving.enabled);
        let bucket;
        if (archiving.length > 0) {
            bucket = new archive_bucket_1.ArchiveBucket(`${name}-archive`, { clusterName, archive: settings.archive, kmsKeyArn: keys.arns.archive, protectData }, awsOnly);
            for (const instance of archiving) {
                const prefix = (0, archiver_role_1.instanceArchivePrefix)(settings.archive.prefix, instance.name);
                const role = new archiver_role_1.ArchiverRole(`${name}-archiver-${instance.name}`, {
                    clusterName,
                    instanceName: instance.name,
                    namespace: instance.namespace,
                    bucketName: bucket.bucketName,
                    bucketArn: bucket.bucketArn,
                    prefix,
                    kmsKeyArn: keys.arns.archive,
                    region: settings.region,
                    ...oidc,
                }, awsOnly);
                archives[instance.name] = {
                    kind: "s3",
                    bucket: bucket.bucketName,
                    prefix,
                    region: settings.region,
                    kmsKeyArn: keys.arns.archive,
                    serviceAccountAnnotations: { "eks.amazonaws.com/role-arn": role.arn },
                    serviceAccountName: archiver_1.ARCHIVER_SERVICE_ACCOUNT,
                    image: release.awsArchiverImage,
                };
                archiveOutputs[instance.name] = pulumi.interpolate `s3://${bucket.bucketName}/${prefix}/`;
            }
        }
        const databases = {};
        const databaseOutputs = {};
        for (const instance of instances.filter((i) => i.database.mode === "managed")) {
            const db = new database_1.Database(`${name}-${instance.name}`, {
                clusterName,
                instanceName: instance.name,
                settings: settings.database,
                vpcId: network.vpcId,
                privateSubnetIds: network.privateSubnetIds,
                nodeSecurityGroupId: cluster.nodeSecurityGroupId,
                kmsKeyArn: keys.arns.database,
                masterPassword: instance.secrets.dbPassword,
                logRetentionInDays: settings.logRetentionDays,
                logsKeyArn: keys.arns.logs,
                partition,
                protectData,
            }, awsOnly);
            databases[instance.name] = { host: db.address, port: db.port, user: db.user, password: db.password, requireTls: true };
            databaseOutputs[instance.name] = pulumi.interpolate `${db.address}:${db.port}`;
        }
        const dns = settings.dns;
        const instanceNames = instances.map((i) => i.name);
        const publishAddress = dns
            ? (instanceName, loadBalancerHostname) => new address_record_1.AddressRecord(`${name}-address-${instanceName}`, {
                hostedZoneId: dns.hostedZoneId,
                recordName: registeredAddressName(dns, instanceNames, instanceName),
                loadBalancerHostname,
            }, awsOnly).fqdn
            : undefined;
        this.bindings = {
            provider: cluster.provider,
            cloud: "aws",
            storage: { configClass: blockStorage.storageClassName, sharedClass: sharedFileSystem.storageClassName },
            loadBalancer: {
                annotations: loadBalancerAnnotations(clusterName),
                publishAddress,
                internalAnnotations: internalLoadBalancerAnnotations(clusterName),
            },
            archives,
            databases,
            dependsOn: [calico, blockStorage, sharedFileSystem, metricsServer, monitoring],
            privateNetworkCidrs: [settings.vpcCidr],
            clusterCidrs: (0, cluster_network_1.eksClusterCidrs)(settings.vpcCidr),
        };
        this.outputs = {
            cloud: "aws",
            region: settings.region,
            clusterName,
            kubeconfig: cluster.kubeconfig,
            // The same access with the user's own AWS identity, which needs an access entry (clusterAdminArns or namespaceOperatorArns).
            updateKubeconfig: `aws eks update-kubeconfig --region ${settings.region} --name ${clusterName}`,
            oidcProviderArn: cluster.oidcProviderArn,
            vpcId: network.vpcId,
            archiveBucket: bucket?.bucketName,
            archives: archiveOutputs,
            databases: databaseOutputs,
            // The names to register in X-Road; without DNS config, register the NLB hostname the
            // instance's load-balancer Service reports.
            alertTopicArn: notifications.topicArn,
            registeredAddresses: dns ? Object.fromEntries(instanceNames.map((n) => [n, registeredAddressName(dns, instanceNames, n)])) : {},
        };
        this.registerOutputs(this.outputs);
    }
}
exports.AwsPlatform = AwsPlatform;
