"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_KEYS = exports.AUTO_SCALING_ROLE_MODES = exports.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH = exports.MAX_CLUSTER_NAME_LENGTH = exports.OBJECT_LOCK_MODES = void 0;
exports.readAwsSettings = readAwsSettings;
exports.checkAwsPlaceholders = checkAwsPlaceholders;
const placeholders_1 = require("./placeholders");
/** CloudWatch Logs accepts only these retention periods (days). */
const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
/** The VPC must hold every pod's address (VPC CNI) in its private subnets, so not smaller than /20. */
const MIN_VPC_PREFIX = 16;
const MAX_VPC_PREFIX = 20;
/** EC2 sizes with at most 2 vCPUs: after system reservations they cannot fit a pod that requests 2 CPUs. */
const TOO_SMALL_INSTANCE_SIZES = ["nano", "micro", "small", "medium", "large"];
exports.OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"];
/** Settings of `target: aws`, read from `xroad-sidecar:aws`. */
/**
 * EKS accepts 100 characters, but the names derived from the cluster name must fit their own limits
 * (plan/mocks/rules/aws.ts): the archive bucket prefix `<cluster>-archive-` (37), and IAM role names such as
 * `<cluster>-monitoring-cloudwatch-agent` plus Pulumi's 8 autoname characters (64).
 */
exports.MAX_CLUSTER_NAME_LENGTH = 28;
/** `<cluster>-archiver-<instance>` plus 8 autoname characters is an IAM role name (64). */
exports.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH = 64 - "-archiver-".length - 8;
/** How the key policy of the EBS key finds EC2 Auto Scaling's service-linked role (review aws A6). */
exports.AUTO_SCALING_ROLE_MODES = ["existing", "create"];
const ARN = { pattern: /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, allowed: "an IAM role or user ARN" };
const HOSTNAME = { pattern: /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}\.?$/, allowed: "a fully qualified DNS name" };
/** The keys of `xroad-sidecar:aws`, as Pulumi.yaml documents them. */
exports.AWS_KEYS = [
    "region",
    "accountId",
    "deployerArn",
    "keyAdministratorArns",
    "autoScalingServiceLinkedRole",
    "availabilityZoneCount",
    "vpcCidr",
    "clusterName",
    "publicAccessCidrs",
    "clusterAdminArns",
    "namespaceOperatorArns",
    "nodeGroup",
    "logRetentionDays",
    "supportType",
    "archive",
    "database",
    "dns",
];
/**
 * @param targetChosen false when `target` itself was refused (AWS is then only the fallback that lets every other
 * error be reported): the account and deployer are then not demanded on top.
 */
function readAwsSettings(check, raw, defaultClusterName, production, targetChosen = true) {
    const p = "aws";
    const s = check.section(p, raw);
    check.knownKeys(p, s, exports.AWS_KEYS);
    const ng = check.section(`${p}.nodeGroup`, s.nodeGroup);
    check.knownKeys(`${p}.nodeGroup`, ng, ["instanceType", "minSize", "desiredSize", "maxSize", "diskSizeGb"]);
    const nodeGroup = {
        instanceType: check.string(`${p}.nodeGroup.instanceType`, ng.instanceType, "m6i.xlarge", {
            pattern: /^[a-z][a-z0-9-]*\.[a-z0-9]+$/,
            allowed: "an EC2 instance type such as m6i.xlarge (x86-64: NIIS publishes amd64 images only)",
        }),
        minSize: check.integer(`${p}.nodeGroup.minSize`, ng.minSize, { min: 1, max: 100 }, production ? 3 : 1),
        desiredSize: check.integer(`${p}.nodeGroup.desiredSize`, ng.desiredSize, { min: 1, max: 100 }, production ? 3 : 2),
        maxSize: check.integer(`${p}.nodeGroup.maxSize`, ng.maxSize, { min: 1, max: 100 }, production ? 6 : 3),
        diskSizeGb: check.integer(`${p}.nodeGroup.diskSizeGb`, ng.diskSizeGb, { min: 20, max: 1000 }, 50),
    };
    if (/^[a-z]+\d*g[a-z]*\./.test(nodeGroup.instanceType))
        check.fail(`${p}.nodeGroup.instanceType`, nodeGroup.instanceType, "an x86-64 instance type (Graviton arm64 cannot run the NIIS images)");
    const size = nodeGroup.instanceType.split(".")[1];
    if (TOO_SMALL_INSTANCE_SIZES.includes(size)) {
        check.fail(`${p}.nodeGroup.instanceType`, nodeGroup.instanceType, "an instance size of xlarge or larger: a Sidecar pod requests 2 CPUs (NIIS minimum), more than a 2-vCPU node can allocate");
    }
    check.minNotAboveMax(`${p}.nodeGroup.minSize`, nodeGroup.minSize, `${p}.nodeGroup.maxSize`, nodeGroup.maxSize);
    check.minNotAboveMax(`${p}.nodeGroup.minSize`, nodeGroup.minSize, `${p}.nodeGroup.desiredSize`, nodeGroup.desiredSize);
    check.minNotAboveMax(`${p}.nodeGroup.desiredSize`, nodeGroup.desiredSize, `${p}.nodeGroup.maxSize`, nodeGroup.maxSize);
    const ar = check.section(`${p}.archive`, s.archive);
    check.knownKeys(`${p}.archive`, ar, [
        "prefix",
        "transitionToGlacierDays",
        "expirationDays",
        "noncurrentVersionExpirationDays",
        "objectLock",
    ]);
    const ol = check.section(`${p}.archive.objectLock`, ar.objectLock);
    check.knownKeys(`${p}.archive.objectLock`, ol, ["enabled", "mode", "days"]);
    const archive = {
        prefix: check.string(`${p}.archive.prefix`, ar.prefix, "messagelog", {
            pattern: /^[a-z0-9][a-z0-9-_/]*[a-z0-9]$/,
            allowed: "an S3 key prefix of lowercase letters, digits, '-', '_' and '/'",
        }),
        transitionToGlacierDays: check.integer(`${p}.archive.transitionToGlacierDays`, ar.transitionToGlacierDays, { min: 1, max: 3650 }, 90),
        expirationDays: check.integer(`${p}.archive.expirationDays`, ar.expirationDays, { min: 1, max: 36500 }, 2555),
        noncurrentVersionExpirationDays: check.integer(`${p}.archive.noncurrentVersionExpirationDays`, ar.noncurrentVersionExpirationDays, { min: 1, max: 3650 }, 90),
        objectLock: {
            enabled: check.boolean(`${p}.archive.objectLock.enabled`, ol.enabled, false),
            mode: check.oneOf(`${p}.archive.objectLock.mode`, ol.mode, exports.OBJECT_LOCK_MODES, "GOVERNANCE"),
            days: check.integer(`${p}.archive.objectLock.days`, ol.days, { min: 1, max: 36500 }, 365),
        },
    };
    check.minNotAboveMax(`${p}.archive.transitionToGlacierDays`, archive.transitionToGlacierDays, `${p}.archive.expirationDays`, archive.expirationDays);
    if (archive.objectLock.enabled && archive.objectLock.days > archive.expirationDays) {
        check.fail(`${p}.archive.objectLock.days`, archive.objectLock.days, `a retention not above ${check.key(`${p}.archive.expirationDays`)} (${archive.expirationDays})`);
    }
    const db = check.section(`${p}.database`, s.database);
    check.knownKeys(`${p}.database`, db, [
        "instanceClass",
        "allocatedStorageGb",
        "maxAllocatedStorageGb",
        "multiAz",
        "backupRetentionDays",
        "engineVersion",
    ]);
    const database = {
        instanceClass: check.string(`${p}.database.instanceClass`, db.instanceClass, production ? "db.m6i.large" : "db.t3.medium", {
            pattern: /^db\.[a-z0-9]+\.[a-z0-9]+$/,
            allowed: "an RDS instance class such as db.m6i.large",
        }),
        allocatedStorageGb: check.integer(`${p}.database.allocatedStorageGb`, db.allocatedStorageGb, { min: 20, max: 65536 }, 50),
        maxAllocatedStorageGb: check.integer(`${p}.database.maxAllocatedStorageGb`, db.maxAllocatedStorageGb, { min: 20, max: 65536 }, 200),
        multiAz: check.boolean(`${p}.database.multiAz`, db.multiAz, production),
        backupRetentionDays: check.integer(`${p}.database.backupRetentionDays`, db.backupRetentionDays, { min: 1, max: 35 }, production ? 30 : 7),
        engineVersion: check.string(`${p}.database.engineVersion`, db.engineVersion, "16", {
            pattern: /^16(\.\d+)?$/,
            allowed: "a PostgreSQL 16 version (the Sidecar's client is 16; xroad-facts §6)",
        }),
    };
    check.minNotAboveMax(`${p}.database.allocatedStorageGb`, database.allocatedStorageGb, `${p}.database.maxAllocatedStorageGb`, database.maxAllocatedStorageGb);
    let dns;
    if (s.dns !== undefined) {
        const d = check.section(`${p}.dns`, s.dns);
        check.knownKeys(`${p}.dns`, d, ["hostedZoneId", "recordName"]);
        dns = {
            hostedZoneId: check.string(`${p}.dns.hostedZoneId`, d.hostedZoneId, undefined, {
                pattern: /^Z[A-Z0-9]{1,31}$/,
                allowed: "a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ",
            }),
            recordName: check.string(`${p}.dns.recordName`, d.recordName, undefined, HOSTNAME),
        };
    }
    const vpcCidr = check.cidr(`${p}.vpcCidr`, s.vpcCidr, "10.20.0.0/16");
    const vpcPrefix = Number(vpcCidr.split("/")[1]);
    if (vpcPrefix < MIN_VPC_PREFIX || vpcPrefix > MAX_VPC_PREFIX) {
        check.fail(`${p}.vpcCidr`, vpcCidr, `a VPC CIDR from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (the VPC CNI gives every pod a VPC address)`);
    }
    const publicAccessCidrs = check.cidrList(`${p}.publicAccessCidrs`, s.publicAccessCidrs, []);
    publicAccessCidrs.forEach((cidr, i) => {
        if (cidr.endsWith("/0"))
            check.fail(`${p}.publicAccessCidrs[${i}]`, cidr, "the CIDRs of your administrators' networks (the whole internet may not reach the API endpoint; an empty list keeps it private)");
    });
    const clusterAdminArns = check.stringList(`${p}.clusterAdminArns`, s.clusterAdminArns, [], (path, v) => check.string(path, v, undefined, ARN));
    const namespaceOperatorArns = check.stringList(`${p}.namespaceOperatorArns`, s.namespaceOperatorArns, [], (path, v) => check.string(path, v, undefined, ARN));
    const unchosen = targetChosen ? undefined : "";
    const accountId = check.string(`${p}.accountId`, s.accountId, unchosen, {
        pattern: /^\d{12}$/,
        allowed: "the 12-digit ID of the AWS account this stack deploys into (aws sts get-caller-identity --query Account)",
    });
    const deployerArn = check.string(`${p}.deployerArn`, s.deployerArn, unchosen, {
        pattern: ARN.pattern,
        allowed: "the IAM role or user ARN that runs pulumi up (for an assumed role, the role's ARN: aws iam get-role --role-name <name> --query Role.Arn)",
    });
    if (ARN.pattern.test(deployerArn) && /^\d{12}$/.test(accountId) && deployerArn.split(":")[4] !== accountId)
        check.fail(`${p}.deployerArn`, deployerArn, `a principal of account ${accountId} (${check.key(`${p}.accountId`)}): the provider deploys into that account only`);
    const keyAdministratorArns = check.stringList(`${p}.keyAdministratorArns`, s.keyAdministratorArns, [], (path, v) => check.string(path, v, undefined, ARN));
    for (const key of ["clusterAdminArns", "namespaceOperatorArns"]) {
        const list = key === "clusterAdminArns" ? clusterAdminArns : namespaceOperatorArns;
        list.forEach((arn, i) => {
            if (arn === deployerArn)
                check.fail(`${p}.${key}[${i}]`, arn, `a principal other than ${check.key(`${p}.deployerArn`)}, which has its own cluster-admin access entry (EKS allows one access entry per principal)`);
        });
    }
    namespaceOperatorArns.forEach((arn, i) => {
        if (clusterAdminArns.includes(arn))
            check.fail(`${p}.namespaceOperatorArns[${i}]`, arn, `a principal not already in ${check.key(`${p}.clusterAdminArns`)} (EKS allows one access entry per principal)`);
    });
    return {
        region: check.string(`${p}.region`, s.region, "eu-north-1", {
            pattern: /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
            allowed: "an AWS region such as eu-north-1",
        }),
        accountId,
        deployerArn,
        keyAdministratorArns,
        autoScalingServiceLinkedRole: check.oneOf(`${p}.autoScalingServiceLinkedRole`, s.autoScalingServiceLinkedRole, exports.AUTO_SCALING_ROLE_MODES, "existing"),
        availabilityZoneCount: check.integer(`${p}.availabilityZoneCount`, s.availabilityZoneCount, { min: production ? 3 : 2, max: 3 }, production ? 3 : 2),
        vpcCidr,
        clusterName: check.string(`${p}.clusterName`, s.clusterName, defaultClusterName.slice(0, exports.MAX_CLUSTER_NAME_LENGTH), {
            pattern: new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${exports.MAX_CLUSTER_NAME_LENGTH - 1}}$`),
            allowed: `an EKS cluster name: letters, digits, '-' and '_', at most ${exports.MAX_CLUSTER_NAME_LENGTH} (names derived from it must fit IAM's 64 and the S3 bucket prefix's 37 characters)`,
        }),
        publicAccessCidrs,
        clusterAdminArns,
        namespaceOperatorArns,
        nodeGroup,
        supportType: check.oneOf(`${p}.supportType`, s.supportType, ["STANDARD", "EXTENDED"], "STANDARD"),
        logRetentionDays: check.integerIn(`${p}.logRetentionDays`, s.logRetentionDays, CLOUDWATCH_RETENTION_DAYS, production ? 365 : 30),
        archive,
        database,
        dns,
    };
}
/** The hosted zone ID the examples carry: Route 53 IDs are random, this one spells the alphabet. */
const EXAMPLE_HOSTED_ZONE_ID = "Z0123456789ABCDEFGHIJ";
/**
 * issue 12 point 4 (review aws A3): the example stacks hold documentation CIDRs, the AWS documentation's
 * example account and an example hosted zone. Offline each is a warning, so the examples stay plannable;
 * under the real engine a production stack that still holds one is a config error.
 */
function checkAwsPlaceholders(check, s, production, offline) {
    const found = [];
    s.publicAccessCidrs.forEach((cidr, i) => {
        const reason = (0, placeholders_1.documentationCidr)(cidr);
        if (reason)
            found.push({
                path: `aws.publicAccessCidrs[${i}]`,
                value: cidr,
                reason: `${reason}; the machine running pulumi up must be inside these CIDRs`,
            });
    });
    const accountReason = (0, placeholders_1.placeholderAwsAccount)(s.accountId);
    if (accountReason)
        found.push({ path: "aws.accountId", value: s.accountId, reason: `${accountReason}; the provider refuses any other` });
    for (const key of ["deployerArn"]) {
        const reason = (0, placeholders_1.placeholderAwsAccount)(s[key].split(":")[4] ?? "");
        if (reason)
            found.push({ path: `aws.${key}`, value: s[key], reason: `${reason}; the deployer is the identity that runs pulumi up` });
    }
    for (const key of ["clusterAdminArns", "namespaceOperatorArns", "keyAdministratorArns"])
        s[key].forEach((arn, i) => {
            const reason = (0, placeholders_1.placeholderAwsAccount)(arn.split(":")[4] ?? "");
            if (reason)
                found.push({ path: `aws.${key}[${i}]`, value: arn, reason: `${reason}; EKS access entries need existing principals` });
        });
    if (s.dns?.hostedZoneId === EXAMPLE_HOSTED_ZONE_ID)
        found.push({ path: "aws.dns.hostedZoneId", value: s.dns.hostedZoneId, reason: "the example hosted zone ID" });
    for (const ph of found) {
        if (production && !offline)
            check.fail(ph.path, ph.value, `a real value: this is ${ph.reason}`);
        else
            check.warn(`${check.key(ph.path)} is a placeholder (${ph.value}: ${ph.reason}); replace it before pulumi up`);
    }
}
