import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as time from "@pulumiverse/time";
import { AwsSettings } from "../../config/aws";
import { eksClusterCidrs } from "../../config/cluster-network";
import { ReleaseConfig } from "../../config/release";
import { Environment } from "../../config";
import { SidecarInstanceConfig } from "../../config/instance";
import { ArchiveBinding, ManagedDatabaseBinding, Platform, PlatformBindings } from "../platform";
import { ARCHIVER_SERVICE_ACCOUNT } from "../../policy/xroad/archiver";
import { Network } from "./network";
import { EncryptionKeys } from "./encryption-keys";
import { ControlPlaneLogs } from "./control-plane-logs";
import { FlowLogs } from "./flow-logs";
import { Cluster } from "./cluster";
import { Calico } from "./calico";
import { BlockStorage } from "./block-storage";
import { SharedFileSystem } from "./shared-file-system";
import { ArchiveBucket } from "./archive-bucket";
import { ArchiverRole, instanceArchivePrefix } from "./archiver-role";
import { Monitoring } from "./monitoring";
import { MetricsServer } from "./metrics-server";
import { ClusterAutoscaler } from "./cluster-autoscaler";
import { Database } from "./database";
import { AddressRecord } from "./address-record";
import { AlertSettings } from "../../config/alerts";
import { NotificationTopic } from "./notification-topic";
import { AuditAlarms } from "./audit-alarms";
import { GuardDuty } from "./guard-duty";
import { HealthAlarms } from "./health-alarms";
import { detection } from "../../policy/xroad/detections";

export interface AwsPlatformArgs {
    settings: AwsSettings;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
    /** Stateful data (keys, EFS, archive bucket, databases) survives `pulumi destroy` when true. */
    protectData: boolean;
    /** Production gets a NAT gateway per zone and a highly available metrics-server. */
    environment: Environment;
    /** Receivers, thresholds and threat detection (guide §8). */
    alerts: AlertSettings;
}

/**
 * Service annotations for the public load balancer of 5500/5577: a Network Load Balancer made by the
 * AWS cloud provider that EKS runs (the in-tree `nlb` type). We choose it over the AWS Load Balancer
 * Controller so no controller holding broad EC2/ELB write permissions runs inside the cluster; the
 * NLB goes into the public subnets tagged `kubernetes.io/role/elb`, and the Service's
 * `loadBalancerSourceRanges` become node security-group rules.
 */
function loadBalancerAnnotations(clusterName: string): Record<string, string> {
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
function internalLoadBalancerAnnotations(clusterName: string): Record<string, string> {
    return { ...loadBalancerAnnotations(clusterName), "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
}

/**
 * The DNS name an instance is registered under: the configured record for a single instance, and
 * `<instance>.<record>` for each of several instances.
 */
export function registeredAddressName(dns: NonNullable<AwsSettings["dns"]>, instanceNames: string[], instanceName: string): string {
    const recordName = dns.recordName.replace(/\.$/, "");
    return instanceNames.length === 1 ? recordName : `${instanceName}.${recordName}`;
}

/**
 * `target: aws`: everything the guide asks of EKS, built from one-concern components, and the bindings
 * the Sidecar stack deploys onto.
 */
export class AwsPlatform extends pulumi.ComponentResource implements Platform {
    readonly bindings: PlatformBindings;
    readonly outputs: pulumi.Inputs;

    constructor(name: string, args: AwsPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Platform", name, {}, opts);
        const { settings, release, instances, protectData } = args;
        const production = args.environment === "production";
        const clusterName = settings.clusterName;

        // An explicit provider: the region comes from the stack config, never from the ambient AWS config, and
        // credentials of any other account are refused before anything is created (review aws B12).
        const awsProvider = new aws.Provider(
            `${name}-aws`,
            {
                region: settings.region,
                allowedAccountIds: [settings.accountId],
                defaultTags: {
                    tags: { "xroad-sidecar/stack": pulumi.getStack(), "xroad-sidecar/cluster": clusterName, ManagedBy: "pulumi" },
                },
            },
            { parent: this },
        );
        const awsOnly = { parent: this, providers: [awsProvider] };
        const partition = aws.getPartitionOutput({}, { parent: this, provider: awsProvider }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this, provider: awsProvider }).accountId;
        // The engine entry has checked that pulumi up runs as this principal (config/prerequisites.ts).
        const deployerArn = settings.deployerArn;

        // EC2 Auto Scaling launches the nodes and needs the EBS key (review aws A6). KMS refuses a key policy naming
        // a role that does not exist, so a brand-new account creates the service-linked role first; it is shared by
        // the whole account, so it stays on destroy. An existing one is looked up: a missing one fails the preview.
        const principalsReady: pulumi.Resource[] = [];
        let autoScalingRole: pulumi.Output<string>;
        if (settings.autoScalingServiceLinkedRole === "create") {
            const role = new aws.iam.ServiceLinkedRole(
                `${name}-autoscaling`,
                { awsServiceName: "autoscaling.amazonaws.com", description: "EC2 Auto Scaling (created by xroad-sidecar for EKS nodes)" },
                { parent: this, provider: awsProvider, retainOnDelete: true },
            );
            // KMS: a new principal "might not be immediately visible"; wait before naming it in a key policy.
            principalsReady.push(
                new time.Sleep(`${name}-autoscaling-visible`, { createDuration: "30s" }, { parent: this, dependsOn: [role] }),
            );
            autoScalingRole = role.arn;
        } else {
            autoScalingRole = aws.iam
                .getRoleOutput({ name: "AWSServiceRoleForAutoScaling" }, { parent: this, provider: awsProvider })
                .apply((role) => role.arn);
        }

        const network = new Network(
            `${name}-network`,
            {
                clusterName,
                vpcCidr: settings.vpcCidr,
                availabilityZoneCount: settings.availabilityZoneCount,
                natGatewayPerZone: production,
                region: settings.region,
            },
            awsOnly,
        );
        const keys = new EncryptionKeys(
            `${name}-keys`,
            {
                aliasPrefix: clusterName,
                region: settings.region,
                accountId,
                partition,
                protectData,
                administratorArns: [deployerArn, ...settings.keyAdministratorArns],
                autoScalingRoleArn: autoScalingRole,
                principalsReady,
            },
            awsOnly,
        );
        new FlowLogs(
            `${name}-flow-logs`,
            {
                clusterName,
                vpcId: network.vpcId,
                retentionInDays: settings.logRetentionDays,
                kmsKeyArn: keys.arns.logs,
                accountId,
                protectData,
            },
            awsOnly,
        );
        const logs = new ControlPlaneLogs(
            `${name}-control-plane-logs`,
            { clusterName, retentionInDays: settings.logRetentionDays, kmsKeyArn: keys.arns.logs, protectData },
            awsOnly,
        );

        // guide §8: detect, not only collect. One notification target, and the audit log watched for what
        // threatens the Sidecar (policy/xroad/detections.ts).
        const notifications = new NotificationTopic(
            `${name}-alerts`,
            {
                clusterName,
                kmsKeyArn: keys.arns.alerts,
                accountId,
                partition,
                emails: args.alerts.receivers.emails,
                webhooks: args.alerts.receivers.webhooks,
            },
            awsOnly,
        );
        new AuditAlarms(
            `${name}-audit-alarms`,
            {
                clusterName,
                logGroupName: logs.logGroup.name,
                namespaces: instances.map((i) => i.namespace),
                thresholds: args.alerts.thresholds,
                evaluationMinutes: args.alerts.evaluationMinutes,
                topicArn: notifications.topicArn,
            },
            awsOnly,
        );

        const cluster = new Cluster(
            `${name}-eks`,
            {
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
            },
            awsOnly,
        );
        // Add-ons and charts need running nodes: creating them before the node group would time out.
        const onCluster = { parent: this, providers: [awsProvider, cluster.provider], dependsOn: [cluster.nodeGroup] };
        const oidc = { oidcProviderArn: cluster.oidcProviderArn, oidcIssuer: cluster.oidcIssuer };

        const calico = new Calico(`${name}-calico`, { chartVersion: release.calicoChartVersion }, onCluster);
        const blockStorage = new BlockStorage(
            `${name}-ebs`,
            {
                clusterName,
                ...oidc,
                kmsKeyArn: keys.arns.ebs,
                region: settings.region,
                partition,
                addonVersion: release.eksAddonVersions["aws-ebs-csi-driver"],
                protectData,
            },
            onCluster,
        );
        const sharedFileSystem = new SharedFileSystem(
            `${name}-efs`,
            {
                clusterName,
                vpcId: network.vpcId,
                privateSubnetIds: network.privateSubnetIds,
                nodeSecurityGroupId: cluster.nodeSecurityGroupId,
                kmsKeyArn: keys.arns.efs,
                ...oidc,
                partition,
                addonVersion: release.eksAddonVersions["aws-efs-csi-driver"],
                protectData,
            },
            onCluster,
        );
        const monitoring = new Monitoring(
            `${name}-monitoring`,
            {
                clusterName,
                retentionInDays: settings.logRetentionDays,
                kmsKeyArn: keys.arns.logs,
                ...oidc,
                partition,
                addonVersion: release.eksAddonVersions["amazon-cloudwatch-observability"],
                protectData,
            },
            onCluster,
        );
        new ClusterAutoscaler(
            `${name}-cluster-autoscaler`,
            {
                clusterName,
                region: settings.region,
                chartVersion: release.clusterAutoscalerChartVersion,
                imageTag: release.clusterAutoscalerImageTag,
                ...oidc,
            },
            onCluster,
        );
        new HealthAlarms(
            `${name}-health-alarms`,
            {
                clusterName,
                instances,
                thresholds: args.alerts.thresholds,
                evaluationMinutes: args.alerts.evaluationMinutes,
                topicArn: notifications.topicArn,
                logGroups: monitoring.logGroups,
            },
            awsOnly,
        );
        if (args.alerts.threatDetection !== "off")
            new GuardDuty(
                `${name}-guardduty`,
                {
                    mode: args.alerts.threatDetection,
                    clusterName,
                    region: settings.region,
                    accountId,
                    vpcId: network.vpcId,
                    vpcCidr: settings.vpcCidr,
                    privateSubnetIds: network.privateSubnetIds,
                    agentVersion: release.eksAddonVersions["aws-guardduty-agent"],
                    minimumSeverity: args.alerts.thresholds[detection("threat-finding").threshold.key],
                    topicArn: notifications.topicArn,
                    nodeGroup: cluster.nodeGroup,
                },
                awsOnly,
            );
        const metricsServer = new MetricsServer(
            `${name}-metrics-server`,
            { chartVersion: release.metricsServerChartVersion, highAvailability: production },
            onCluster,
        );

        const archives: Record<string, ArchiveBinding> = {};
        const archiveOutputs: Record<string, pulumi.Input<string>> = {};
        const archiving = instances.filter((i) => i.archiving.enabled);
        let bucket: ArchiveBucket | undefined;
        if (archiving.length > 0) {
            bucket = new ArchiveBucket(
                `${name}-archive`,
                { clusterName, archive: settings.archive, kmsKeyArn: keys.arns.archive, protectData },
                awsOnly,
            );
            for (const instance of archiving) {
                const prefix = instanceArchivePrefix(settings.archive.prefix, instance.name);
                const role = new ArchiverRole(
                    `${name}-archiver-${instance.name}`,
                    {
                        clusterName,
                        instanceName: instance.name,
                        namespace: instance.namespace,
                        bucketName: bucket.bucketName,
                        bucketArn: bucket.bucketArn,
                        prefix,
                        kmsKeyArn: keys.arns.archive,
                        region: settings.region,
                        ...oidc,
                    },
                    awsOnly,
                );
                archives[instance.name] = {
                    kind: "s3",
                    bucket: bucket.bucketName,
                    prefix,
                    region: settings.region,
                    kmsKeyArn: keys.arns.archive,
                    serviceAccountAnnotations: { "eks.amazonaws.com/role-arn": role.arn },
                    serviceAccountName: ARCHIVER_SERVICE_ACCOUNT,
                    image: release.awsArchiverImage,
                };
                archiveOutputs[instance.name] = pulumi.interpolate`s3://${bucket.bucketName}/${prefix}/`;
            }
        }

        const databases: Record<string, ManagedDatabaseBinding> = {};
        const databaseOutputs: Record<string, pulumi.Input<string>> = {};
        for (const instance of instances.filter((i) => i.database.mode === "managed")) {
            const managedDatabase = new Database(
                `${name}-${instance.name}`,
                {
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
                },
                awsOnly,
            );
            databases[instance.name] = {
                host: managedDatabase.address,
                port: managedDatabase.port,
                user: managedDatabase.user,
                password: managedDatabase.password,
                requireTls: true,
            };
            databaseOutputs[instance.name] = pulumi.interpolate`${managedDatabase.address}:${managedDatabase.port}`;
        }

        const dns = settings.dns;
        const instanceNames = instances.map((i) => i.name);
        const publishAddress = dns
            ? (instanceName: string, loadBalancerHostname: pulumi.Input<string>): pulumi.Output<string> =>
                  new AddressRecord(
                      `${name}-address-${instanceName}`,
                      {
                          hostedZoneId: dns.hostedZoneId,
                          recordName: registeredAddressName(dns, instanceNames, instanceName),
                          loadBalancerHostname,
                      },
                      awsOnly,
                  ).fqdn
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
            clusterCidrs: eksClusterCidrs(settings.vpcCidr),
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
