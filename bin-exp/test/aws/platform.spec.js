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
const assert = __importStar(require("node:assert/strict"));
const secret_1 = require("../../plan/mocks/secret");
const plan_helpers_1 = require("../plan-helpers");
const aws_fixtures_1 = require("./aws-fixtures");
const fixtures_1 = require("../azure/fixtures");
const encryption_keys_1 = require("../../components/aws/encryption-keys");
const cluster_1 = require("../../components/aws/cluster");
const cluster_autoscaler_1 = require("../../components/aws/cluster-autoscaler");
const s3_deny_evaluation_1 = require("./s3-deny-evaluation");
const CLUSTER = "xroad-test";
const KEY_ADMIN_ARN = `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/security-key-admins`;
const bucketName = `${CLUSTER}-archive`;
const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    nat: "aws:ec2/natGateway:NatGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    eks: "eks:index:Cluster",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    sgRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    helm: "kubernetes:helm.sh/v3:Release",
    addon: "aws:eks/addon:Addon",
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
    efs: "aws:efs/fileSystem:FileSystem",
    efsPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
    mountTarget: "aws:efs/mountTarget:MountTarget",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    rds: "aws:rds/instance:Instance",
    rdsParams: "aws:rds/parameterGroup:ParameterGroup",
    record: "aws:route53/record:Record",
};
/** The EKS-mock's security groups (plan/mocks/aws.ts) are derived from the cluster name. */
function clusterResource(resources) {
    return (0, plan_helpers_1.one)(resources, T.eks, `${CLUSTER}-eks`);
}
/** IAM role whose trust policy trusts exactly this ServiceAccount through the cluster's OIDC provider. */
function assertIrsaTrust(role, namespace, serviceAccount) {
    const [trust] = (0, aws_fixtures_1.statements)(role.props.assumeRolePolicy);
    assert.equal(trust.Effect, "Allow");
    assert.equal(trust.Action, "sts:AssumeRoleWithWebIdentity");
    assert.match(trust.Principal.Federated, new RegExp(`^arn:aws:iam::${aws_fixtures_1.ACCOUNT}:oidc-provider/oidc\\.eks\\.eu-north-1\\.amazonaws\\.com/id/[0-9A-F]{32}$`));
    const issuer = trust.Principal.Federated.split("oidc-provider/")[1];
    assert.deepEqual(trust.Condition, {
        StringEquals: {
            [`${issuer}:sub`]: typeof serviceAccount === "string"
                ? `system:serviceaccount:${namespace}:${serviceAccount}`
                : serviceAccount.map((sa) => `system:serviceaccount:${namespace}:${sa}`),
            [`${issuer}:aud`]: "sts.amazonaws.com",
        },
    });
}
describe("AWS platform (production-like: primary and secondaries, managed database, DNS)", function () {
    this.timeout(60000);
    let resources;
    let probe;
    const config = (0, aws_fixtures_1.awsConfig)({
        clusterName: CLUSTER,
        region: "eu-central-1",
        vpcCidr: "10.40.0.0/16",
        publicAccessCidrs: ["203.0.113.0/24"],
        clusterAdminArns: [aws_fixtures_1.ADMIN_ARN],
        namespaceOperatorArns: [aws_fixtures_1.OPERATOR_ARN],
        keyAdministratorArns: [KEY_ADMIN_ARN],
        logRetentionDays: 400,
        archive: {
            prefix: "mlog",
            transitionToGlacierDays: 60,
            expirationDays: 3650,
            noncurrentVersionExpirationDays: 45,
            objectLock: { enabled: true, mode: "COMPLIANCE", days: 400 },
        },
        database: { backupRetentionDays: 21, instanceClass: "db.r6i.large" },
        dns: { hostedZoneId: "Z0123456789ABCDEFGHIJ", recordName: "ss.xroad.example.org" },
        // Room for the HPA's maximum and a rollout surge (the capacity check refuses less).
        nodeGroup: { maxSize: 8 },
    }, {
        environment: "production",
        alerts: fixtures_1.TEST_ALERTS,
        instances: [
            {
                name: "ss1",
                namespace: "xroad-ss1",
                topology: "primary-secondaries",
                database: { mode: "managed" },
                network: { consumerNamespaces: ["apps"] },
            },
            {
                name: "ss2",
                namespace: "xroad-ss2",
                topology: "single",
                database: { mode: "local" },
                archiving: { enabled: false },
                network: { producers: [{ cidrs: ["10.50.0.0/24"], ports: [8443] }] },
            },
        ],
    });
    before(async () => {
        ({ resources, probe } = await (0, aws_fixtures_1.planPlatform)(config));
    });
    it("creates every AWS resource with the explicit provider for the configured region", () => {
        const [provider] = (0, plan_helpers_1.ofType)(resources, "pulumi:providers:aws");
        assert.equal(provider.props.region, "eu-central-1");
        assert.deepEqual((0, aws_fixtures_1.asList)(JSON.parse(provider.props.allowedAccountIds)), [aws_fixtures_1.ACCOUNT], "no other account's credentials (review aws B12)");
        const awsResources = resources.filter((r) => r.custom && r.type.startsWith("aws:"));
        assert.ok(awsResources.length > 40);
        for (const r of awsResources)
            assert.ok(r.provider?.startsWith(`${provider.urn}::`), `${r.type} ${r.name} uses ${r.provider}`);
    });
    describe("network", () => {
        it("spreads private and public subnets over three zones, private ones for internal use only", () => {
            assert.equal((0, plan_helpers_1.one)(resources, T.vpc).props.cidrBlock, "10.40.0.0/16");
            const priv = (0, plan_helpers_1.ofType)(resources, T.subnet).filter((s) => s.name.includes("-private-"));
            const pub = (0, plan_helpers_1.ofType)(resources, T.subnet).filter((s) => s.name.includes("-public-"));
            assert.equal(priv.length, 3);
            assert.equal(pub.length, 3);
            assert.deepEqual(priv.map((s) => s.props.availabilityZone), ["eu-north-1a", "eu-north-1b", "eu-north-1c"]);
            assert.deepEqual(priv.map((s) => s.props.cidrBlock), ["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"]);
            assert.deepEqual(pub.map((s) => s.props.cidrBlock), ["10.40.224.0/22", "10.40.228.0/22", "10.40.232.0/22"]);
            for (const s of [...priv, ...pub]) {
                assert.equal(s.props.mapPublicIpOnLaunch, false);
                assert.equal(s.props.tags[`kubernetes.io/cluster/${CLUSTER}`], "shared");
            }
            priv.forEach((s) => assert.equal(s.props.tags["kubernetes.io/role/internal-elb"], "1"));
            pub.forEach((s) => assert.equal(s.props.tags["kubernetes.io/role/elb"], "1"));
        });
        it("gives each zone its own NAT gateway in production and routes private subnets through it", () => {
            const nats = (0, plan_helpers_1.ofType)(resources, T.nat);
            assert.equal(nats.length, 3);
            const privateRoutes = (0, plan_helpers_1.ofType)(resources, T.routeTable).filter((r) => r.name.includes("-private-"));
            assert.equal(privateRoutes.length, 3);
            privateRoutes.forEach((rt, i) => {
                assert.equal(rt.props.routes.length, 1);
                assert.equal(rt.props.routes[0].cidrBlock, "0.0.0.0/0");
                assert.deepEqual((0, aws_fixtures_1.inputFrom)(rt, "routes"), [nats[i].urn]);
            });
        });
        it("records VPC flow logs into a retained, encrypted group through a role that may write only that group", () => {
            const group = (0, plan_helpers_1.one)(resources, T.logGroup, `${CLUSTER}-flow-logs`);
            assert.equal(group.props.name, `/aws/vpc/${CLUSTER}/flow-logs`);
            assert.equal(group.props.retentionInDays, 400);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(group, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-logs`)]);
            const flow = (0, plan_helpers_1.one)(resources, "aws:ec2/flowLog:FlowLog");
            assert.equal(flow.props.trafficType, "ALL");
            assert.equal(flow.props.logDestinationType, "cloud-watch-logs");
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(flow, "vpcId"), [(0, plan_helpers_1.one)(resources, T.vpc).urn]);
            const [trust] = (0, aws_fixtures_1.statements)((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-flow-logs`).props.assumeRolePolicy);
            assert.deepEqual(trust.Principal, { Service: "vpc-flow-logs.amazonaws.com" });
            assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": aws_fixtures_1.ACCOUNT } });
            const write = (0, aws_fixtures_1.statement)((0, plan_helpers_1.one)(resources, T.rolePolicy, `${CLUSTER}-flow-logs-delivery`).props.policy, "WriteFlowLogGroup");
            assert.deepEqual((0, aws_fixtures_1.asList)(write.Action), ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]);
            const groupArn = `arn:aws:logs:eu-north-1:${aws_fixtures_1.ACCOUNT}:log-group:/aws/vpc/${CLUSTER}/flow-logs`;
            assert.deepEqual((0, aws_fixtures_1.asList)(write.Resource), [groupArn, `${groupArn}:*`]);
        });
        it("reaches S3 through a gateway endpoint on every private route table, not through NAT (review aws B12)", () => {
            const endpoint = (0, plan_helpers_1.one)(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", `${CLUSTER}-network-s3`);
            assert.equal(endpoint.props.serviceName, "com.amazonaws.eu-central-1.s3");
            assert.equal(endpoint.props.vpcEndpointType, "Gateway");
            const privateTables = (0, plan_helpers_1.ofType)(resources, T.routeTable).filter((r) => r.name.includes("-private-"));
            assert.equal(privateTables.length, 3);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(endpoint, "routeTableIds").sort(), privateTables.map((r) => r.urn).sort());
        });
        it("closes the default security group", () => {
            const dsg = (0, plan_helpers_1.one)(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
            assert.deepEqual(dsg.props.ingress, []);
            assert.deepEqual(dsg.props.egress, []);
        });
    });
    describe("encryption keys", () => {
        it("creates one rotating, protected key per purpose with an alias", () => {
            const keys = (0, plan_helpers_1.ofType)(resources, T.key);
            assert.deepEqual(keys.map((k) => k.name).sort(), encryption_keys_1.KEY_PURPOSES.map((p) => `${CLUSTER}-keys-${p}`).sort());
            for (const k of keys) {
                assert.equal(k.props.enableKeyRotation, true, k.name);
                assert.equal(k.props.rotationPeriodInDays, 365);
                assert.equal(k.props.deletionWindowInDays, 30);
                assert.equal(k.protect, true, `${k.name} protected`);
                assert.equal(k.retainOnDelete, true, `${k.name} retained`);
                const [deployer, rootUser] = (0, aws_fixtures_1.statements)(k.props.policy);
                assert.deepEqual(deployer, {
                    Sid: "AdministratorsAdminister",
                    Effect: "Allow",
                    Principal: { AWS: [aws_fixtures_1.DEPLOYER_ARN, KEY_ADMIN_ARN] },
                    Action: [...encryption_keys_1.KEY_ADMINISTRATION_ACTIONS],
                    Resource: "*",
                });
                assert.deepEqual(rootUser.Condition, { StringEquals: { "aws:PrincipalType": "Account" } }, "root user only");
                assert.deepEqual(rootUser.Action, [...encryption_keys_1.KEY_ADMINISTRATION_ACTIONS]);
            }
            assert.deepEqual((0, plan_helpers_1.ofType)(resources, T.alias)
                .map((a) => a.props.name)
                .sort(), encryption_keys_1.KEY_PURPOSES.map((p) => `alias/${CLUSTER}/${p}`).sort());
        });
        it("gives no principal of the account kms:* or a direct kms:Decrypt of the data keys (review aws B9)", () => {
            const expected = {
                secrets: ["AdministratorsAdminister", "RootUserBreakGlass", "UseThroughIam"],
                logs: ["AdministratorsAdminister", "RootUserBreakGlass", "CloudWatchLogsOfThisAccount"],
                ebs: [
                    "AdministratorsAdminister",
                    "RootUserBreakGlass",
                    "UseThroughService",
                    "AutoScalingLaunchesEncryptedNodes",
                    "AutoScalingGrantsForAttachedVolumes",
                ],
                efs: ["AdministratorsAdminister", "RootUserBreakGlass", "UseThroughService"],
                archive: ["AdministratorsAdminister", "RootUserBreakGlass", "UseThroughService"],
                database: ["AdministratorsAdminister", "RootUserBreakGlass", "UseThroughService"],
                alerts: ["AdministratorsAdminister", "RootUserBreakGlass", "UseThroughService", "AlarmsAndEventRulesOfThisAccountPublish"],
            };
            for (const purpose of encryption_keys_1.KEY_PURPOSES) {
                const policy = (0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-${purpose}`).props.policy;
                assert.deepEqual((0, aws_fixtures_1.statements)(policy).map((s) => s.Sid), expected[purpose], purpose);
                for (const s of (0, aws_fixtures_1.statements)(policy)) {
                    assert.ok(!(0, aws_fixtures_1.asList)(s.Action).includes("kms:*"), `${purpose} ${s.Sid}`);
                    if (s.Sid === "AdministratorsAdminister" || s.Sid === "RootUserBreakGlass")
                        for (const use of ["kms:Decrypt", "kms:Encrypt", "kms:CreateGrant", "kms:GenerateDataKey*"])
                            assert.ok(!(0, aws_fixtures_1.asList)(s.Action).includes(use), `${purpose} ${s.Sid} ${use}`);
                }
                if (encryption_keys_1.KEY_SERVICES[purpose]) {
                    const use = (0, aws_fixtures_1.statement)(policy, "UseThroughService");
                    assert.deepEqual(use.Principal, { AWS: `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:root` });
                    assert.deepEqual(use.Condition, {
                        StringEquals: {
                            "kms:ViaService": `${encryption_keys_1.KEY_SERVICES[purpose]}.eu-central-1.amazonaws.com`,
                            "kms:CallerAccount": aws_fixtures_1.ACCOUNT,
                        },
                    });
                }
            }
            const alerts = (0, aws_fixtures_1.statement)((0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-alerts`).props.policy, "AlarmsAndEventRulesOfThisAccountPublish");
            assert.deepEqual(alerts.Condition, { StringEquals: { "aws:SourceAccount": aws_fixtures_1.ACCOUNT } });
            assert.deepEqual(Object.entries(encryption_keys_1.KEY_SERVICES).map(([k, v]) => `${k}:${v}`), ["ebs:ec2", "efs:elasticfilesystem", "archive:s3", "database:rds", "alerts:sns"]);
        });
        it("lets EC2 Auto Scaling's service-linked role use the EBS key and grant it to attached volumes (review aws A6)", () => {
            const policy = (0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-ebs`).props.policy;
            const slr = `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
            const use = (0, aws_fixtures_1.statement)(policy, "AutoScalingLaunchesEncryptedNodes");
            assert.deepEqual(use.Principal, { AWS: slr });
            assert.deepEqual((0, aws_fixtures_1.asList)(use.Action), [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:DescribeKey",
            ]);
            const grant = (0, aws_fixtures_1.statement)(policy, "AutoScalingGrantsForAttachedVolumes");
            assert.deepEqual(grant.Principal, { AWS: slr });
            assert.equal(grant.Action, "kms:CreateGrant");
            assert.deepEqual(grant.Condition, { Bool: { "kms:GrantIsForAWSResource": true } });
            // An account that already has the role: looked up, not created.
            assert.equal((0, plan_helpers_1.ofType)(resources, "aws:iam/serviceLinkedRole:ServiceLinkedRole").length, 0);
        });
        it("lets CloudWatch Logs use only the logs key, for this account's log groups in this region", () => {
            const logs = (0, aws_fixtures_1.statement)((0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-logs`).props.policy, "CloudWatchLogsOfThisAccount");
            assert.deepEqual(logs.Principal, { Service: "logs.eu-central-1.amazonaws.com" });
            assert.deepEqual((0, aws_fixtures_1.asList)(logs.Action), [
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*",
            ]);
            assert.deepEqual(logs.Condition, {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-central-1:${aws_fixtures_1.ACCOUNT}:log-group:*` },
            });
        });
    });
    describe("EKS cluster", () => {
        it("pre-creates the control-plane log group with retention and the logs key, and the cluster waits for it", () => {
            const group = (0, plan_helpers_1.one)(resources, T.logGroup, `${CLUSTER}-control-plane-logs`);
            assert.equal(group.props.name, `/aws/eks/${CLUSTER}/cluster`);
            assert.equal(group.props.retentionInDays, 400);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(group, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-logs`)]);
            assert.ok(clusterResource(resources).dependencies.includes(group.urn));
        });
        it("names the cluster, logs all five control-plane log types (CIS EKS 2.1.1), encrypts Secrets with the secrets key, and creates an OIDC provider", () => {
            const c = clusterResource(resources);
            assert.equal(c.props.name, CLUSTER);
            assert.deepEqual(c.props.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(c, "encryptionConfigKeyArn"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-secrets`)]);
            assert.equal(c.props.createOidcProvider, true);
            assert.equal(c.props.skipDefaultNodeGroup, true);
            assert.equal(c.props.version, "1.33");
            // eks 4 has no dashboard option any more; the recorded inputs must not carry one either.
            assert.equal(c.props.deployDashboard, undefined);
            assert.equal(c.props.deletionProtection, true, "protectData protects the cluster");
            assert.deepEqual(c.props.upgradePolicy, { supportType: "STANDARD" });
        });
        it("runs every EKS add-on as a pinned managed add-on; the VPC CNI with its own IRSA role before the nodes, CoreDNS after", () => {
            const c = clusterResource(resources);
            assert.equal(c.props.useDefaultVpcCni, true, "pulumi-eks does not manage the VPC CNI");
            assert.equal(c.props.vpcCniOptions, undefined);
            assert.equal(c.props.kubeProxyAddonOptions.version, aws_fixtures_1.PINNED_ADDONS["kube-proxy"]);
            const vpcCni = (0, plan_helpers_1.one)(resources, T.addon, `${CLUSTER}-eks-vpc-cni`);
            assert.equal(vpcCni.props.addonVersion, aws_fixtures_1.PINNED_ADDONS["vpc-cni"]);
            assert.deepEqual(JSON.parse(vpcCni.props.configurationValues), { enableNetworkPolicy: "false" }, "Calico is the one policy engine");
            assertIrsaTrust((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-eks-vpc-cni-irsa`), "kube-system", "aws-node");
            const nodes = (0, plan_helpers_1.one)(resources, T.nodeGroup, `${CLUSTER}-eks-nodes`);
            assert.ok(nodes.dependencies.includes(vpcCni.urn) || nodes.dependencies.some((d) => d.includes("vpc-cni")), "nodes wait for the CNI");
            const coredns = (0, plan_helpers_1.one)(resources, T.addon, `${CLUSTER}-eks-coredns`);
            assert.equal(coredns.props.addonVersion, aws_fixtures_1.PINNED_ADDONS.coredns);
            assert.ok(coredns.dependencies.includes(nodes.urn), "CoreDNS waits for nodes to run on");
            for (const addon of (0, plan_helpers_1.ofType)(resources, T.addon)) {
                assert.ok(addon.props.addonVersion, `${addon.name} is pinned`);
                assert.equal(addon.props.resolveConflictsOnUpdate, "OVERWRITE");
            }
            assert.deepEqual((0, plan_helpers_1.ofType)(resources, T.addon)
                .map((a) => a.props.addonName)
                .sort(), [
                "amazon-cloudwatch-observability",
                "aws-ebs-csi-driver",
                "aws-efs-csi-driver",
                // production defaults to threatDetection create: GuardDuty's runtime agent, pinned like the rest
                "aws-guardduty-agent",
                "coredns",
                "eks-node-monitoring-agent",
                "vpc-cni",
            ]);
        });
        it("lets the nodes follow the cluster's Kubernetes version and leaves their count to the Cluster Autoscaler", () => {
            const nodes = (0, plan_helpers_1.one)(resources, T.nodeGroup, `${CLUSTER}-eks-nodes`);
            assert.equal(nodes.props.version, "1.33");
            const autoscaler = (0, plan_helpers_1.one)(resources, "kubernetes:helm.sh/v3:Release", `${CLUSTER}-cluster-autoscaler`);
            assert.equal(autoscaler.props.chart, "cluster-autoscaler");
            const autoscalerValues = autoscaler.props.values;
            assert.equal(autoscalerValues.autoDiscovery.clusterName, CLUSTER);
            assert.equal(autoscalerValues.image.tag, "v1.33.1");
            const role = (0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-cluster-autoscaler`);
            assertIrsaTrust(role, "kube-system", "cluster-autoscaler");
            const policy = (0, plan_helpers_1.one)(resources, T.rolePolicy, `${CLUSTER}-cluster-autoscaler-resize-own-node-groups`);
            const resize = (0, aws_fixtures_1.statements)(policy.props.policy).find((st) => st.Sid === "ResizeOnlyThisCluster");
            assert.deepEqual(resize.Condition, { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${CLUSTER}`]: "owned" } });
        });
        it("limits the public endpoint to the configured CIDRs and keeps private access", () => {
            const c = clusterResource(resources);
            assert.equal(c.props.endpointPrivateAccess, true);
            assert.equal(c.props.endpointPublicAccess, true);
            assert.deepEqual(c.props.publicAccessCidrs, ["203.0.113.0/24"]);
        });
        it("authenticates through access entries: cluster-wide admins, namespace-scoped operators (guide §4.2, §4.3)", () => {
            const c = clusterResource(resources);
            assert.equal(c.props.authenticationMode, "API");
            assert.deepEqual(c.props.accessEntries, {
                "admin-role-platform-admins": {
                    principalArn: aws_fixtures_1.ADMIN_ARN,
                    type: "STANDARD",
                    accessPolicies: {
                        clusterAdmin: {
                            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                            accessScope: { type: "cluster" },
                        },
                    },
                },
                "operator-role-xroad-operators": {
                    principalArn: aws_fixtures_1.OPERATOR_ARN,
                    type: "STANDARD",
                    accessPolicies: {
                        sidecarNamespaces: {
                            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
                            accessScope: { type: "namespace", namespaces: ["xroad-ss1", "xroad-ss2"] },
                        },
                    },
                },
            });
        });
        it("makes the deployer's cluster-admin an explicit access entry the Kubernetes provider waits for (review aws B4)", () => {
            const entry = (0, plan_helpers_1.one)(resources, "aws:eks/accessEntry:AccessEntry", `${CLUSTER}-eks-deployer`);
            assert.deepEqual(entry.props, { clusterName: CLUSTER, principalArn: aws_fixtures_1.DEPLOYER_ARN, type: "STANDARD" });
            assert.ok(entry.dependencies.includes(clusterResource(resources).urn));
            const admin = (0, plan_helpers_1.one)(resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", `${CLUSTER}-eks-deployer`);
            assert.deepEqual(admin.props, {
                clusterName: CLUSTER,
                principalArn: aws_fixtures_1.DEPLOYER_ARN,
                policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                accessScope: { type: "cluster" },
            });
            assert.ok(admin.dependencies.includes(entry.urn));
            const k8sProvider = (0, plan_helpers_1.one)(resources, "pulumi:providers:kubernetes", `${CLUSTER}-eks-k8s`);
            assert.ok(k8sProvider.dependencies.includes(admin.urn), "no Kubernetes call before the deployer is admin");
            // The deployer is not listed again among the configured admins (EKS: one entry per principal).
            assert.ok(!Object.values(clusterResource(resources).props.accessEntries).some((e) => e.principalArn === aws_fixtures_1.DEPLOYER_ARN));
        });
        it("turns off EKS's hidden bootstrap admin on the cluster pulumi-eks creates, and nothing else (review aws B4)", () => {
            const transform = (type, props) => (0, cluster_1.withoutBootstrapCreatorAdmin)({ type, name: "c", custom: true, props, opts: {} });
            const changed = transform("aws:eks/cluster:Cluster", {
                name: CLUSTER,
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
            });
            assert.deepEqual(changed?.props, {
                name: CLUSTER,
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
            });
            assert.equal(transform("aws:eks/addon:Addon", { addonName: "vpc-cni" }), undefined);
        });
        it("gives the control plane a role that may use only the secrets key", () => {
            const policy = (0, plan_helpers_1.one)(resources, T.rolePolicy, `${CLUSTER}-eks-control-plane-secrets-key`);
            const [s] = (0, aws_fixtures_1.statements)(policy.props.policy);
            assert.deepEqual((0, aws_fixtures_1.asList)(s.Action), ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"]);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(policy, "policy"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-secrets`)]);
            const [trust] = (0, aws_fixtures_1.statements)((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-eks-control-plane`).props.assumeRolePolicy);
            assert.deepEqual(trust.Principal, { Service: "eks.amazonaws.com" });
        });
        it("runs nodes in the private subnets with IMDSv2 required, hop limit 1 and an encrypted root volume", () => {
            const lt = (0, plan_helpers_1.one)(resources, T.launchTemplate);
            assert.deepEqual(lt.props.metadataOptions, {
                httpEndpoint: "enabled",
                httpTokens: "required",
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            });
            assert.equal(lt.props.blockDeviceMappings.length, 1);
            assert.deepEqual(lt.props.blockDeviceMappings[0].ebs, {
                volumeSize: 50,
                volumeType: "gp3",
                encrypted: "true",
                kmsKeyId: lt.props.blockDeviceMappings[0].ebs.kmsKeyId,
                deleteOnTermination: "true",
            });
            // The project's EBS key, not the account default (review aws A6).
            assert.match(lt.props.blockDeviceMappings[0].ebs.kmsKeyId, /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\//);
            assert.ok((0, aws_fixtures_1.inputFrom)(lt, "blockDeviceMappings").includes((0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-ebs`).urn));
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(lt, "vpcSecurityGroupIds"), [clusterResource(resources).urn]);
            const ng = (0, plan_helpers_1.one)(resources, T.nodeGroup);
            const privateSubnets = (0, plan_helpers_1.ofType)(resources, T.subnet).filter((s) => s.name.includes("-private-"));
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(ng, "subnetIds").sort(), privateSubnets.map((s) => s.urn).sort());
            assert.equal(ng.props.amiType, "AL2023_x86_64_STANDARD");
            assert.deepEqual(ng.props.instanceTypes, ["m6i.xlarge"]);
            assert.deepEqual(ng.props.scalingConfig, { minSize: 3, desiredSize: 3, maxSize: 8 });
            assert.equal(ng.props.remoteAccess, undefined, "no SSH to nodes");
            assert.ok(ng.dependencies.includes(clusterResource(resources).urn));
            assert.ok(ng.dependencies.includes((0, plan_helpers_1.one)(resources, T.key, `${CLUSTER}-keys-ebs`).urn), "nodes launch once the EBS key policy lets Auto Scaling use it");
        });
    });
    describe("Calico", () => {
        it("installs the pinned tigera-operator chart in policy-only mode on the Amazon VPC CNI", () => {
            const release = (0, plan_helpers_1.one)(resources, T.helm, `${CLUSTER}-calico`);
            assert.equal(release.props.chart, "tigera-operator");
            assert.equal(release.props.version, "v3.31.4");
            assert.equal(release.props.repositoryOpts.repo, "https://docs.tigera.io/calico/charts");
            const { installation } = release.props.values;
            assert.equal(installation.kubernetesProvider, "EKS");
            assert.deepEqual(installation.cni, { type: "AmazonVPC" });
            assert.deepEqual(installation.calicoNetwork, { bgp: "Disabled" });
        });
        it("installs no calico-apiserver and adds no security-group rules to the pulumi-eks node group (review aws B10)", () => {
            const release = (0, plan_helpers_1.one)(resources, "kubernetes:helm.sh/v3:Release", `${CLUSTER}-calico`);
            assert.deepEqual(release.props.values.apiServer, { enabled: false });
            assert.deepEqual((0, plan_helpers_1.ofType)(resources, T.sgRule).filter((r) => r.name.includes("calico")), []);
        });
    });
    describe("storage", () => {
        it("installs the EBS CSI driver with its own IRSA role and an encrypted gp3 class on the EBS key", () => {
            const addon = (0, plan_helpers_1.one)(resources, T.addon, `${CLUSTER}-ebs-ebs-csi`);
            assert.equal(addon.props.addonName, "aws-ebs-csi-driver");
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(addon, "serviceAccountRoleArn"), [(0, aws_fixtures_1.urnOf)(resources, T.role, `${CLUSTER}-ebs-ebs-csi`)]);
            assertIrsaTrust((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-ebs-ebs-csi`), "kube-system", "ebs-csi-controller-sa");
            const sc = (0, plan_helpers_1.one)(resources, T.storageClass, `${CLUSTER}-ebs-gp3`);
            assert.equal(sc.props.provisioner, "ebs.csi.aws.com");
            assert.equal(sc.props.parameters.type, "gp3");
            assert.equal(sc.props.parameters.encrypted, "true");
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(sc, "parameters"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-ebs`)]);
            assert.equal(sc.props.reclaimPolicy, "Retain");
            assert.equal(sc.props.volumeBindingMode, "WaitForFirstConsumer");
            const keyUse = (0, plan_helpers_1.one)(resources, T.rolePolicy, `${CLUSTER}-ebs-ebs-csi-ebs-volume-key`);
            assert.deepEqual((0, aws_fixtures_1.statement)(keyUse.props.policy, "GrantsForEbsOnly").Condition, {
                Bool: { "kms:GrantIsForAWSResource": "true" },
            });
            assert.deepEqual((0, aws_fixtures_1.statement)(keyUse.props.policy, "UseThroughEc2").Condition, {
                StringEquals: { "kms:ViaService": "ec2.eu-central-1.amazonaws.com" },
            });
        });
        it("encrypts EFS with the EFS key, protects it, and mounts it in every private subnet", () => {
            const fs = (0, plan_helpers_1.one)(resources, T.efs);
            assert.equal(fs.props.encrypted, true);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(fs, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-efs`)]);
            assert.equal(fs.protect, true);
            assert.equal(fs.retainOnDelete, true);
            const targets = (0, plan_helpers_1.ofType)(resources, T.mountTarget);
            assert.equal(targets.length, 3);
            const privateSubnets = (0, plan_helpers_1.ofType)(resources, T.subnet).filter((s) => s.name.includes("-private-"));
            assert.deepEqual(targets.map((t) => (0, aws_fixtures_1.inputFrom)(t, "subnetId")[0]).sort(), privateSubnets.map((s) => s.urn).sort());
            assert.equal((0, plan_helpers_1.one)(resources, "aws:efs/backupPolicy:BackupPolicy").props.backupPolicy.status, "ENABLED");
        });
        it("admits NFS to EFS only from the nodes", () => {
            const efsSg = (0, plan_helpers_1.one)(resources, T.sg, `${CLUSTER}-efs-efs`);
            assert.equal(efsSg.props.ingress, undefined, "no inline rules");
            const rules = (0, plan_helpers_1.ofType)(resources, T.sgRule).filter((r) => (0, aws_fixtures_1.inputFrom)(r, "securityGroupId").includes(efsSg.urn));
            assert.equal(rules.length, 1);
            assert.deepEqual([rules[0].props.ipProtocol, rules[0].props.fromPort, rules[0].props.toPort], ["tcp", 2049, 2049]);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(rules[0], "referencedSecurityGroupId"), [clusterResource(resources).urn]);
            assert.equal(rules[0].props.cidrIpv4, undefined);
        });
        it("refuses EFS clients without TLS and allows mounting only through mount targets", () => {
            const policy = (0, plan_helpers_1.one)(resources, T.efsPolicy).props.policy;
            const deny = (0, aws_fixtures_1.statement)(policy, "DenyWithoutTls");
            assert.equal(deny.Effect, "Deny");
            assert.equal(deny.Action, "*");
            assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
            assert.match(deny.Resource, /^arn:aws:elasticfilesystem:eu-north-1:123456789012:file-system\/fs-/);
            const allow = (0, aws_fixtures_1.statement)(policy, "MountThroughMountTargets");
            assert.deepEqual((0, aws_fixtures_1.asList)(allow.Action), ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]);
            assert.deepEqual(allow.Condition, { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } });
            assert.equal((0, aws_fixtures_1.statements)(policy).length, 2);
        });
        it("installs the EFS CSI driver with IRSA and an efs-ap class whose access points force uid/gid 999 over TLS", () => {
            const addon = (0, plan_helpers_1.one)(resources, T.addon, `${CLUSTER}-efs-efs-csi`);
            assert.equal(addon.props.addonName, "aws-efs-csi-driver");
            assertIrsaTrust((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-efs-efs-csi`), "kube-system", ["efs-csi-controller-sa", "efs-csi-node-sa"]);
            const sc = (0, plan_helpers_1.one)(resources, T.storageClass, `${CLUSTER}-efs-efs-ap`);
            assert.equal(sc.props.metadata.name, "efs-ap");
            assert.equal(sc.props.provisioner, "efs.csi.aws.com");
            assert.equal(sc.props.parameters.provisioningMode, "efs-ap");
            assert.equal(sc.props.parameters.uid, "999");
            assert.equal(sc.props.parameters.gid, "999");
            assert.equal(sc.props.parameters.directoryPerms, "750");
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(sc, "parameters"), [(0, aws_fixtures_1.urnOf)(resources, T.efs, `${CLUSTER}-efs-efs`)]);
            assert.deepEqual(sc.props.mountOptions, ["tls"]);
        });
        it("hands both storage class names to the Sidecar stack", () => {
            assert.deepEqual(probe.storage, { configClass: "gp3-encrypted", sharedClass: "efs-ap" });
        });
    });
    describe("archive bucket", () => {
        it("is protected, versioned, SSE-KMS with a bucket key, private and owner-enforced", () => {
            const b = (0, plan_helpers_1.one)(resources, T.bucket);
            assert.equal(b.protect, true);
            assert.equal(b.retainOnDelete, true);
            assert.equal(b.props.forceDestroy, false);
            assert.equal(b.props.objectLockEnabled, undefined, "set on the bucket it would force a new bucket (review aws B8)");
            assert.equal((0, plan_helpers_1.one)(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").props.objectLockEnabled, "Enabled");
            for (const guard of [
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketPolicy:BucketPolicy",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "aws:s3/bucketVersioning:BucketVersioning",
            ])
                assert.equal((0, plan_helpers_1.one)(resources, guard).retainOnDelete, true, `${guard} stays with the bucket`);
            const sse = (0, plan_helpers_1.one)(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            assert.equal(sse.props.rules.length, 1);
            assert.equal(sse.props.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.equal(sse.props.rules[0].bucketKeyEnabled, true);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(sse, "rules"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-archive`)]);
            assert.equal((0, plan_helpers_1.one)(resources, "aws:s3/bucketVersioning:BucketVersioning").props.versioningConfiguration.status, "Enabled");
            const pab = (0, plan_helpers_1.one)(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").props;
            assert.deepEqual([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [true, true, true, true]);
            assert.equal((0, plan_helpers_1.one)(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").props.rule.objectOwnership, "BucketOwnerEnforced");
        });
        it("denies requests without TLS, with TLS below 1.2, and uploads under another key", () => {
            const b = (0, plan_helpers_1.one)(resources, T.bucket);
            const arn = `arn:aws:s3:::${b.props.bucketPrefix}`;
            const policy = (0, plan_helpers_1.one)(resources, T.bucketPolicy, bucketName).props.policy;
            assert.equal((0, aws_fixtures_1.statements)(policy).length, 4);
            const noTls = (0, aws_fixtures_1.statement)(policy, "DenyWithoutTls");
            assert.equal(noTls.Effect, "Deny");
            assert.equal(noTls.Principal, "*");
            assert.equal(noTls.Action, "s3:*");
            assert.deepEqual(noTls.Condition, { Bool: { "aws:SecureTransport": "false" } });
            const [bucketArn, objectsArn] = (0, aws_fixtures_1.asList)(noTls.Resource);
            assert.ok(bucketArn.startsWith(arn));
            assert.equal(objectsArn, `${bucketArn}/*`);
            const oldTls = (0, aws_fixtures_1.statement)(policy, "DenyTlsBelow12");
            assert.equal(oldTls.Effect, "Deny");
            assert.deepEqual(oldTls.Condition, { NumericLessThan: { "s3:TlsVersion": "1.2" } });
            assert.deepEqual((0, aws_fixtures_1.asList)(oldTls.Resource), [bucketArn, objectsArn]);
            const otherKey = (0, aws_fixtures_1.statement)(policy, "DenyOtherKmsKeys");
            assert.equal(otherKey.Action, "s3:PutObject");
            assert.deepEqual((0, aws_fixtures_1.asList)(otherKey.Resource), [objectsArn]);
            assert.match(otherKey.Condition.StringNotEquals["s3:x-amz-server-side-encryption-aws-kms-key-id"], /^arn:aws:kms:eu-north-1:123456789012:key\//);
        });
        describe("evaluated against the requests the archiver makes (aws.md A2)", () => {
            let policy;
            let keyArn;
            const secure = { "aws:SecureTransport": "true", "s3:TlsVersion": "1.3" };
            before(() => {
                const text = (0, plan_helpers_1.one)(resources, T.bucketPolicy, bucketName).props.policy;
                policy = (0, aws_fixtures_1.statements)(text);
                keyArn = (0, aws_fixtures_1.statement)(text, "DenyOtherKmsKeys").Condition.StringNotEquals["s3:x-amz-server-side-encryption-aws-kms-key-id"];
            });
            const put = (keys) => ({ action: "s3:PutObject", keys: { ...secure, ...keys } });
            const sse = (key) => ({
                "s3:x-amz-server-side-encryption": "aws:kms",
                "s3:x-amz-server-side-encryption-aws-kms-key-id": key,
            });
            it("allows a single PUT and a CreateMultipartUpload under the archive key", () => {
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)(policy, put(sse(keyArn))), []);
            });
            it("allows UploadPart and CompleteMultipartUpload, which carry no encryption headers", () => {
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)(policy, put({})), []);
            });
            it("denies another KMS key, another algorithm, and plain HTTP", () => {
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)(policy, put(sse(keyArn.replace(/key\/.*/, "key/other")))), ["DenyOtherKmsKeys"]);
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)(policy, put({ "s3:x-amz-server-side-encryption": "AES256" })), ["DenyOtherEncryption"]);
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)(policy, {
                    action: "s3:PutObject",
                    keys: { ...sse(keyArn), "aws:SecureTransport": "false", "s3:TlsVersion": "1.3" },
                }), ["DenyWithoutTls"]);
            });
            it("would have denied UploadPart under the former StringNotEqualsIfExists statement", () => {
                const former = {
                    Sid: "Former",
                    Effect: "Deny",
                    Action: "s3:PutObject",
                    Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": keyArn } },
                };
                assert.deepEqual((0, s3_deny_evaluation_1.denyingStatements)([former], put({})), ["Former"]);
            });
        });
        it("applies the configured lifecycle and write-once retention", () => {
            const lc = (0, plan_helpers_1.one)(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").props;
            const retention = lc.rules.find((r) => r.id === "message-log-retention");
            assert.deepEqual(retention.filter, { prefix: "mlog/" });
            assert.deepEqual(retention.transitions, [{ days: 60, storageClass: "GLACIER" }]);
            assert.deepEqual(retention.expiration, { days: 3650 });
            assert.deepEqual(retention.noncurrentVersionExpiration, { noncurrentDays: 45 });
            const abort = lc.rules.find((r) => r.id === "abort-incomplete-uploads");
            assert.deepEqual(abort.abortIncompleteMultipartUpload, { daysAfterInitiation: 7 });
            const lock = (0, plan_helpers_1.one)(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").props;
            assert.deepEqual(lock.rule, { defaultRetention: { mode: "COMPLIANCE", days: 400 } });
        });
    });
    describe("archiver role", () => {
        it("exists only for instances that archive", () => {
            assert.deepEqual((0, plan_helpers_1.ofType)(resources, "xroad:aws:ArchiverRole").map((r) => r.name), [`${CLUSTER}-archiver-ss1`]);
            assert.deepEqual(Object.keys(probe.archives), ["ss1"]);
        });
        it("is trusted only by the archiver ServiceAccount of its namespace", () => {
            assertIrsaTrust((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-archiver-ss1`), "xroad-ss1", "xroad-archiver");
        });
        it("may only write and list under its own prefix and use the archive key through S3", () => {
            const policy = (0, plan_helpers_1.one)(resources, T.rolePolicy, `${CLUSTER}-archiver-ss1-archive-write`);
            const bucketArn = `arn:aws:s3:::${(0, plan_helpers_1.one)(resources, T.bucket).props.bucketPrefix}`;
            assert.deepEqual((0, aws_fixtures_1.statements)(policy.props.policy).map((s) => s.Sid), ["WriteUnderOwnPrefix", "ListOwnPrefix", "ArchiveKeyThroughS3"]);
            const write = (0, aws_fixtures_1.statement)(policy.props.policy, "WriteUnderOwnPrefix");
            assert.deepEqual((0, aws_fixtures_1.asList)(write.Action), ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]);
            assert.ok(write.Resource.startsWith(bucketArn));
            assert.match(write.Resource, /\/mlog\/ss1\/\*$/);
            const list = (0, aws_fixtures_1.statement)(policy.props.policy, "ListOwnPrefix");
            assert.deepEqual((0, aws_fixtures_1.asList)(list.Action), ["s3:ListBucket", "s3:ListBucketMultipartUploads"]);
            assert.deepEqual(list.Condition, { StringLike: { "s3:prefix": ["mlog/ss1/", "mlog/ss1/*"] } });
            const kms = (0, aws_fixtures_1.statement)(policy.props.policy, "ArchiveKeyThroughS3");
            assert.deepEqual((0, aws_fixtures_1.asList)(kms.Action), ["kms:GenerateDataKey", "kms:Decrypt"]);
            assert.deepEqual(kms.Condition, { StringEquals: { "kms:ViaService": "s3.eu-central-1.amazonaws.com" } });
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(policy, "policy").sort(), [(0, aws_fixtures_1.urnOf)(resources, T.bucket, bucketName), (0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-archive`)].sort());
            const allActions = (0, aws_fixtures_1.statements)(policy.props.policy).flatMap((s) => (0, aws_fixtures_1.asList)(s.Action));
            for (const forbidden of ["s3:GetObject", "s3:DeleteObject", "s3:*", "kms:*"])
                assert.ok(!allActions.includes(forbidden), forbidden);
        });
        it("binds the role to the instance's archiver through the IRSA annotation", () => {
            const a = probe.archives.ss1;
            const role = (0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-archiver-ss1`);
            assert.match(a.serviceAccountAnnotations["eks.amazonaws.com/role-arn"], new RegExp(`^arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/${role.name}-`));
            assert.equal(a.serviceAccountName, "xroad-archiver");
            assert.equal(a.prefix, "mlog/ss1");
            assert.equal(a.region, "eu-central-1");
            assert.equal(a.image, "public.ecr.aws/aws-cli/aws-cli:2.31.39");
            assert.ok(a.bucket.startsWith("xroad-test-archive-"));
            assert.match(a.kmsKeyArn, /^arn:aws:kms:/);
        });
    });
    describe("monitoring", () => {
        it("enables Container Insights with IRSA and pre-creates its log groups with retention and the logs key", () => {
            const addon = (0, plan_helpers_1.one)(resources, T.addon, `${CLUSTER}-monitoring-container-insights`);
            assert.equal(addon.props.addonName, "amazon-cloudwatch-observability");
            assertIrsaTrust((0, plan_helpers_1.one)(resources, T.role, `${CLUSTER}-monitoring-cloudwatch-agent`), "amazon-cloudwatch", "cloudwatch-agent");
            const groups = (0, plan_helpers_1.ofType)(resources, T.logGroup).filter((g) => g.props.name.startsWith("/aws/containerinsights/"));
            assert.deepEqual(groups.map((g) => g.props.name).sort(), ["application", "dataplane", "host", "performance"].map((g) => `/aws/containerinsights/${CLUSTER}/${g}`));
            for (const g of groups) {
                assert.equal(g.props.retentionInDays, 400);
                assert.deepEqual((0, aws_fixtures_1.inputFrom)(g, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-logs`)]);
                assert.ok(addon.dependencies.includes(g.urn));
            }
        });
        it("installs the pinned metrics-server for the HPA, highly available in production", () => {
            const ms = (0, plan_helpers_1.one)(resources, T.helm, `${CLUSTER}-metrics-server`);
            assert.equal(ms.props.chart, "metrics-server");
            assert.equal(ms.props.version, "3.13.0");
            assert.equal(ms.props.values.replicas, 2);
        });
    });
    describe("managed database", () => {
        it("exists only for instances with database mode managed", () => {
            assert.deepEqual((0, plan_helpers_1.ofType)(resources, T.rds).map((r) => r.props.identifier), [`${CLUSTER}-ss1`]);
            assert.deepEqual(Object.keys(probe.databases), ["ss1"]);
        });
        it("is PostgreSQL 16, private, encrypted with the database key, backed up and deletion-protected", () => {
            const db = (0, plan_helpers_1.one)(resources, T.rds);
            assert.equal(db.props.engine, "postgres");
            assert.equal(db.props.engineVersion, "16");
            assert.equal(db.props.instanceClass, "db.r6i.large");
            assert.equal(db.props.storageEncrypted, true);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(db, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-database`)]);
            assert.equal(db.props.publiclyAccessible, false);
            assert.equal(db.props.multiAz, true);
            assert.equal(db.props.backupRetentionPeriod, 21);
            assert.equal(db.props.deletionProtection, true);
            assert.equal(db.props.skipFinalSnapshot, false);
            assert.equal(db.props.username, "postgres");
            assert.ok((0, secret_1.isSecretValue)(db.inputs.password), "the master password is a secret");
            assert.equal(db.protect, true);
            assert.equal(db.retainOnDelete, true);
        });
        it("backs up and patches in fixed windows, with Enhanced Monitoring, IAM sign-in and a final snapshot name of its own (review aws B11)", () => {
            const db = (0, plan_helpers_1.one)(resources, T.rds);
            assert.equal(db.props.backupWindow, "00:30-01:30");
            assert.equal(db.props.maintenanceWindow, "sun:02:00-sun:03:00");
            assert.equal(db.props.monitoringInterval, 60);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(db, "monitoringRoleArn"), [(0, aws_fixtures_1.urnOf)(resources, T.role, `${CLUSTER}-ss1-dbmon`)]);
            assert.equal(db.props.iamDatabaseAuthenticationEnabled, true);
            // A re-created stack never collides with the final snapshot an earlier teardown left.
            assert.match(db.props.finalSnapshotIdentifier, new RegExp(`^${CLUSTER}-ss1-final-[0-9a-z]+$`));
            assert.ok((0, aws_fixtures_1.inputFrom)(db, "finalSnapshotIdentifier").includes((0, aws_fixtures_1.urnOf)(resources, "random:index/randomId:RandomId", `${CLUSTER}-ss1-db-final-snapshot`)));
        });
        it("exports PostgreSQL logs into a pre-created group with retention and the logs key", () => {
            const group = (0, plan_helpers_1.one)(resources, T.logGroup, `${CLUSTER}-ss1-db-postgresql`);
            assert.equal(group.props.name, `/aws/rds/instance/${CLUSTER}-ss1/postgresql`);
            assert.equal(group.props.retentionInDays, 400);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(group, "kmsKeyId"), [(0, aws_fixtures_1.urnOf)(resources, T.key, `${CLUSTER}-keys-logs`)]);
            const db = (0, plan_helpers_1.one)(resources, T.rds);
            assert.deepEqual(db.props.enabledCloudwatchLogsExports, ["postgresql"]);
            assert.ok(db.dependencies.includes(group.urn));
        });
        it("generates the master password when the stack sets none", () => {
            const generated = (0, plan_helpers_1.one)(resources, "random:index/randomPassword:RandomPassword", `${CLUSTER}-ss1-db-master`);
            assert.equal(generated.props.length, 32);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)((0, plan_helpers_1.one)(resources, T.rds), "password"), [generated.urn]);
        });
        it("forces TLS through its parameter group", () => {
            const params = (0, plan_helpers_1.one)(resources, T.rdsParams);
            assert.equal(params.props.family, "postgres16");
            assert.deepEqual(params.props.parameters.find((p) => p.name === "rds.force_ssl"), { name: "rds.force_ssl", value: "1" });
            assert.deepEqual((0, aws_fixtures_1.inputFrom)((0, plan_helpers_1.one)(resources, T.rds), "parameterGroupName"), [params.urn]);
        });
        it("admits PostgreSQL only from the nodes", () => {
            const sg = (0, plan_helpers_1.one)(resources, T.sg, `${CLUSTER}-ss1-db`);
            const rules = (0, plan_helpers_1.ofType)(resources, T.sgRule).filter((r) => (0, aws_fixtures_1.inputFrom)(r, "securityGroupId").includes(sg.urn));
            assert.equal(rules.length, 1);
            assert.deepEqual([rules[0].props.ipProtocol, rules[0].props.fromPort, rules[0].props.toPort], ["tcp", 5432, 5432]);
            assert.deepEqual((0, aws_fixtures_1.inputFrom)(rules[0], "referencedSecurityGroupId"), [clusterResource(resources).urn]);
        });
        it("hands host, user and a secret password to the Sidecar, with TLS required", () => {
            const d = probe.databases.ss1;
            assert.match(d.host, /^xroad-test-ss1\.c[0-9a-f]+\.eu-north-1\.rds\.amazonaws\.com$/);
            assert.equal(d.port, 5432);
            assert.equal(d.user, "postgres");
            assert.equal(d.requireTls, true);
            assert.equal(d.passwordIsSecret, true);
        });
    });
    describe("load balancer and address", () => {
        it("asks the EKS cloud provider for an NLB", () => {
            assert.equal(probe.annotations["service.beta.kubernetes.io/aws-load-balancer-type"], "nlb");
            assert.equal(probe.annotations["service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled"], "true");
        });
        it("publishes each instance's NLB under a stable Route 53 name and outputs the names to register", () => {
            const records = (0, plan_helpers_1.ofType)(resources, T.record);
            assert.deepEqual(records.map((r) => [r.props.name, r.props.type, r.props.records, r.props.zoneId]).sort(), [
                ["ss1.ss.xroad.example.org", "CNAME", ["ss1-nlb-0123456789abcdef.elb.eu-north-1.amazonaws.com"], "Z0123456789ABCDEFGHIJ"],
                ["ss2.ss.xroad.example.org", "CNAME", ["ss2-nlb-0123456789abcdef.elb.eu-north-1.amazonaws.com"], "Z0123456789ABCDEFGHIJ"],
            ]);
            assert.deepEqual(probe.published, { ss1: "ss1.ss.xroad.example.org", ss2: "ss2.ss.xroad.example.org" });
            assert.deepEqual(probe.outputs.registeredAddresses, probe.published);
        });
    });
    describe("IAM", () => {
        it("attaches only the AWS managed policies each role's service needs", () => {
            const attached = (0, plan_helpers_1.ofType)(resources, T.attachment)
                .map((a) => [a.name, a.props.policyArn])
                .sort();
            assert.deepEqual(attached, [
                [`${CLUSTER}-ebs-ebs-csi-managed-0`, "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
                [`${CLUSTER}-efs-efs-csi-managed-0`, "arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"],
                [`${CLUSTER}-eks-control-plane`, "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"],
                [`${CLUSTER}-eks-nodes-AmazonEC2ContainerRegistryReadOnly`, "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"],
                [`${CLUSTER}-eks-nodes-AmazonEKSWorkerNodePolicy`, "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"],
                [`${CLUSTER}-eks-vpc-cni-irsa-managed-0`, "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"],
                [`${CLUSTER}-monitoring-cloudwatch-agent-managed-0`, "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"],
                [`${CLUSTER}-ss1-dbmon`, "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
            ]);
        });
        it("trusts each role to exactly one AWS service or one ServiceAccount", () => {
            const trusted = (0, plan_helpers_1.ofType)(resources, T.role).map((r) => {
                const [trust, ...rest] = (0, aws_fixtures_1.statements)(r.props.assumeRolePolicy);
                assert.deepEqual(rest, [], `${r.name} has one trust statement`);
                const principal = trust.Principal;
                return [
                    r.name,
                    principal.Service ??
                        trust.Condition.StringEquals[Object.keys(trust.Condition.StringEquals).find((k) => k.endsWith(":sub"))],
                ];
            });
            assert.deepEqual(trusted.sort(), [
                [`${CLUSTER}-archiver-ss1`, "system:serviceaccount:xroad-ss1:xroad-archiver"],
                [`${CLUSTER}-cluster-autoscaler`, "system:serviceaccount:kube-system:cluster-autoscaler"],
                [`${CLUSTER}-ebs-ebs-csi`, "system:serviceaccount:kube-system:ebs-csi-controller-sa"],
                [
                    `${CLUSTER}-efs-efs-csi`,
                    ["system:serviceaccount:kube-system:efs-csi-controller-sa", "system:serviceaccount:kube-system:efs-csi-node-sa"],
                ],
                [`${CLUSTER}-eks-control-plane`, "eks.amazonaws.com"],
                [`${CLUSTER}-eks-nodes`, "ec2.amazonaws.com"],
                [`${CLUSTER}-eks-vpc-cni-irsa`, "system:serviceaccount:kube-system:aws-node"],
                [`${CLUSTER}-flow-logs`, "vpc-flow-logs.amazonaws.com"],
                [`${CLUSTER}-monitoring-cloudwatch-agent`, "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent"],
                [`${CLUSTER}-ss1-dbmon`, "monitoring.rds.amazonaws.com"],
            ]);
        });
        it("grants no wildcard action and no action on every resource in any inline policy", () => {
            const inline = (0, plan_helpers_1.ofType)(resources, T.rolePolicy);
            assert.equal(inline.length, 5);
            for (const p of inline) {
                for (const st of (0, aws_fixtures_1.statements)(p.props.policy)) {
                    assert.equal(st.Effect, "Allow");
                    for (const action of (0, aws_fixtures_1.asList)(st.Action))
                        assert.doesNotMatch(action, /(^\*$|:\*$)/, `${p.name}: ${action}`);
                    // "*" only where IAM has no resource-level permission (discovery), or narrowed by a tag condition.
                    const onlyDiscovery = (0, aws_fixtures_1.asList)(st.Action).every((a) => cluster_autoscaler_1.CLUSTER_AUTOSCALER_DISCOVERY_ACTIONS.includes(a));
                    const tagScoped = JSON.stringify(st.Condition ?? {}).includes("aws:ResourceTag/k8s.io/cluster-autoscaler/");
                    if (!onlyDiscovery && !tagScoped)
                        for (const resource of (0, aws_fixtures_1.asList)(st.Resource))
                            assert.notEqual(resource, "*", `${p.name}: ${JSON.stringify(st)}`);
                }
            }
        });
    });
    describe("what the Sidecar stack waits for and sees", () => {
        it("waits for Calico, both CSI drivers, metrics-server and Container Insights", () => {
            const urn = (type) => (0, plan_helpers_1.one)(resources, type).urn;
            assert.deepEqual(probe.dependsOnUrns.sort(), [
                urn("xroad:aws:Calico"),
                urn("xroad:aws:BlockStorage"),
                urn("xroad:aws:SharedFileSystem"),
                urn("xroad:aws:MetricsServer"),
                urn("xroad:aws:Monitoring"),
            ].sort());
        });
        it("outputs the cluster, the bucket and a secret kubeconfig", () => {
            assert.equal(probe.outputs.clusterName, CLUSTER);
            assert.equal(probe.outputs.region, "eu-central-1");
            assert.equal(probe.kubeconfigIsSecret, true);
            assert.equal(probe.outputs.updateKubeconfig, `aws eks update-kubeconfig --region eu-central-1 --name ${CLUSTER}`);
            assert.ok(String(probe.outputs.archiveBucket).startsWith("xroad-test-archive-"));
            assert.deepEqual(Object.keys(probe.outputs.databases), ["ss1"]);
        });
        it("never deploys a Kubernetes Dashboard (guide §4.4)", () => {
            const dashboards = resources.filter((r) => /dashboard/i.test(`${r.type} ${r.name} ${JSON.stringify(r.inputs)}`));
            assert.deepEqual(dashboards.map((r) => r.name), []);
        });
    });
});
describe("AWS platform (development: unprotected, private endpoint, no DNS, no managed database)", function () {
    this.timeout(60000);
    let resources;
    let probe;
    before(async () => {
        ({ resources, probe } = await (0, aws_fixtures_1.planPlatform)((0, aws_fixtures_1.awsConfig)({ clusterName: CLUSTER, availabilityZoneCount: 2 }, { protectData: false })));
    });
    it("keeps the API endpoint private when no CIDRs are configured", () => {
        const c = clusterResource(resources);
        assert.equal(c.props.endpointPublicAccess, false);
        assert.equal(c.props.endpointPrivateAccess, true);
        assert.equal(c.props.publicAccessCidrs, undefined);
        assert.deepEqual(c.props.accessEntries, {});
    });
    it("uses two zones and one NAT gateway", () => {
        assert.equal((0, plan_helpers_1.ofType)(resources, T.subnet).filter((s) => s.name.includes("-private-")).length, 2);
        assert.equal((0, plan_helpers_1.ofType)(resources, T.nat).length, 1);
        assert.equal((0, plan_helpers_1.ofType)(resources, T.mountTarget).length, 2);
    });
    it("lets a dev stack delete its data: no protection, no deletion-protected database", () => {
        for (const type of [T.key, T.efs, T.bucket]) {
            for (const r of (0, plan_helpers_1.ofType)(resources, type)) {
                assert.equal(r.protect, false, `${r.name}`);
                assert.equal(r.retainOnDelete, false, `${r.name}`);
            }
        }
        assert.equal((0, plan_helpers_1.one)(resources, T.bucket).props.forceDestroy, true);
        assert.equal((0, plan_helpers_1.one)(resources, T.storageClass, `${CLUSTER}-ebs-gp3`).props.reclaimPolicy, "Delete");
        assert.equal((0, plan_helpers_1.ofType)(resources, T.rds).length, 0);
    });
    it("creates no Object Lock, no DNS record and no publishing hook", () => {
        assert.equal((0, plan_helpers_1.ofType)(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length, 0);
        assert.equal((0, plan_helpers_1.one)(resources, T.bucket).props.objectLockEnabled, undefined);
        assert.equal((0, plan_helpers_1.ofType)(resources, T.record).length, 0);
        assert.deepEqual(probe.published, {});
        assert.deepEqual(probe.outputs.registeredAddresses, {});
    });
    it("uses the development defaults for retention and metrics-server", () => {
        assert.equal((0, plan_helpers_1.one)(resources, T.logGroup, `${CLUSTER}-control-plane-logs`).props.retentionInDays, 30);
        assert.equal((0, plan_helpers_1.one)(resources, T.helm, `${CLUSTER}-metrics-server`).props.values.replicas, 1);
    });
});
describe("AWS platform (managed database with a configured password)", function () {
    this.timeout(60000);
    it("uses the instance's dbPassword secret as the RDS master password and keeps it secret", async () => {
        const config = (0, aws_fixtures_1.awsConfig)({ clusterName: CLUSTER, nodeGroup: { maxSize: 6 } }, {
            instances: [{ name: "ss1", topology: "primary-secondaries", database: { mode: "managed" } }],
            secrets: { ss1: { dbPassword: "configured-Passw0rd" } },
        });
        const { resources, probe } = await (0, aws_fixtures_1.planPlatform)(config);
        assert.equal((0, plan_helpers_1.ofType)(resources, "random:index/randomPassword:RandomPassword").length, 0);
        const db = (0, plan_helpers_1.one)(resources, T.rds);
        assert.ok((0, secret_1.isSecretValue)(db.inputs.password));
        assert.equal(db.props.password, "configured-Passw0rd");
        assert.equal(probe.databases.ss1.passwordIsSecret, true);
        assert.equal(db.props.deletionProtection, true, "protectData defaults to true");
    });
});
