import { Placeholder, documentationCidr, placeholderAwsAccount } from "./placeholders";
import { z } from "zod";
import { Checker } from "./checker";
import { boolean, cidr, envDefault, integer, integerIn, keysOf, list, oneOf, optionalText, section, text, withDefault } from "./kinds";
import { parseSetting } from "./parse";
import { parseCidr } from "../kubernetes-model/cidr";

/** CloudWatch Logs accepts only these retention periods (days). */
const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The VPC must hold every pod's address (VPC CNI) in its private subnets, so not smaller than /20. */
const MIN_VPC_PREFIX = 16;
const MAX_VPC_PREFIX = 20;

/** EC2 sizes with at most 2 vCPUs: after system reservations they cannot fit a pod that requests 2 CPUs. */
const TOO_SMALL_INSTANCE_SIZES = ["nano", "micro", "small", "medium", "large"] as const;

const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;

/**
 * EKS accepts 100 characters, but the names derived from the cluster name must fit their own limits
 * (plan/mocks/rules/aws.ts): the archive bucket prefix `<cluster>-archive-` (37), and IAM role names such as
 * `<cluster>-monitoring-cloudwatch-agent` plus Pulumi's 8 autoname characters (64).
 */
export const MAX_CLUSTER_NAME_LENGTH = 28;
/** `<cluster>-archiver-<instance>` plus 8 autoname characters is an IAM role name (64). */
export const MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH = 64 - "-archiver-".length - 8;

/** How the key policy of the EBS key finds EC2 Auto Scaling's service-linked role (review aws A6). */
const AUTO_SCALING_ROLE_MODES = ["existing", "create"] as const;

const ARN = { pattern: /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, allowed: "an IAM role or user ARN" };
const HOSTNAME = { pattern: /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}\.?$/, allowed: "a fully qualified DNS name" };
const ACCOUNT_ID = {
    pattern: /^\d{12}$/,
    allowed: "the 12-digit ID of the AWS account this stack deploys into (aws sts get-caller-identity --query Account)",
};
const DEPLOYER_ARN = {
    pattern: ARN.pattern,
    allowed:
        "the IAM role or user ARN that runs pulumi up (for an assumed role, the role's ARN: aws iam get-role --role-name <name> --query Role.Arn)",
};
const CLUSTER_NAME = {
    pattern: new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_CLUSTER_NAME_LENGTH - 1}}$`),
    allowed: `an EKS cluster name: letters, digits, '-' and '_', at most ${MAX_CLUSTER_NAME_LENGTH} (names derived from it must fit IAM's 64 and the S3 bucket prefix's 37 characters)`,
};

/** `xroad-sidecar:aws`, whose defaults depend on the environment. */
export function awsSchema(production: boolean) {
    const env = <S extends z.ZodType>(schema: S, development: z.input<S>, prod: z.input<S>) =>
        envDefault(schema, production, { development, production: prod });
    return withDefault(
        section(
            {
                region: withDefault(
                    text({ pattern: /^[a-z]{2}(-gov)?-[a-z]+-\d$/, allowed: "an AWS region such as eu-north-1" }),
                    "eu-north-1",
                    {
                        description: "AWS region of the cluster and every resource.",
                    },
                ),
                // Required with target aws; a rule reports a missing one (readAwsSettings), as it does not apply when
                // the target itself was refused.
                accountId: text(ACCOUNT_ID).optional().meta({
                    description:
                        "Required: the AWS account the stack deploys into. The provider refuses any other (allowedAccountIds), so prod config run with dev credentials fails before it creates anything (review aws B12).",
                    defaultText: "required",
                }),
                deployerArn: text(DEPLOYER_ARN).optional().meta({
                    description:
                        "Required: the IAM role or user that runs pulumi up (the role ARN, not an assumed-role session ARN). It gets its own cluster-admin access entry instead of EKS's bootstrap admin (review aws B4), administers the KMS keys (B9), and the program refuses to run as anyone else.",
                    defaultText: "required",
                }),
                keyAdministratorArns: withDefault(list(text(ARN)), [], {
                    description:
                        "More administrators of the KMS keys besides the deployer (manage, rotate, schedule deletion; never decrypt). Hand over the deployer role through here (README: Changing the deployer).",
                }),
                autoScalingServiceLinkedRole: withDefault(oneOf(AUTO_SCALING_ROLE_MODES), "existing", {
                    description:
                        "existing: the account has AWSServiceRoleForAutoScaling already; create: the stack creates it (a brand-new account) and keeps it on destroy. The EBS key policy names this role.",
                }),
                availabilityZoneCount: env(
                    integer({ min: 2, max: 3 }, "Availability zones the private subnets span (2 minimum, 3 in production)."),
                    2,
                    3,
                ),
                vpcCidr: withDefault(cidr(), "10.20.0.0/16", {
                    description: `VPC range, from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (the VPC CNI gives every pod a VPC address).`,
                }),
                clusterName: optionalText(
                    CLUSTER_NAME,
                    "EKS cluster name; also names the control-plane log group /aws/eks/<name>/cluster.",
                ).meta({ defaultText: `<project>-<stack>, cut to ${MAX_CLUSTER_NAME_LENGTH} characters` }),
                publicAccessCidrs: withDefault(list(cidr()), [], {
                    description: "CIDRs allowed to reach the public API endpoint; empty: a private endpoint only.",
                }),
                clusterAdminArns: withDefault(list(text(ARN)), [], {
                    description:
                        "IAM principals granted cluster admin through access entries (guide §4.2). The deployer has its own entry (deployerArn); do not list it again.",
                }),
                namespaceOperatorArns: withDefault(list(text(ARN)), [], {
                    description: "IAM principals granted edit rights in the Sidecar namespaces only (guide §4.3).",
                }),
                nodeGroup: withDefault(
                    section({
                        instanceType: withDefault(
                            text({
                                pattern: /^[a-z][a-z0-9-]*\.[a-z0-9]+$/,
                                allowed: "an EC2 instance type such as m6i.xlarge (x86-64: NIIS publishes amd64 images only)",
                            }),
                            "m6i.xlarge",
                            { description: "EC2 instance type of the Sidecar nodes: x86-64, xlarge or larger." },
                        ),
                        minSize: env(integer({ min: 1, max: 100 }, "Smallest node count."), 1, 3),
                        desiredSize: env(integer({ min: 1, max: 100 }, "Node count at creation."), 2, 3),
                        maxSize: env(integer({ min: 1, max: 100 }, "Largest node count the autoscaler may reach."), 3, 6),
                        diskSizeGb: withDefault(integer({ min: 20, max: 1000 }), 50, { description: "Node root volume size (GiB)." }),
                    }),
                    {},
                    { description: "The managed node group." },
                ),
                logRetentionDays: env(
                    integerIn(CLOUDWATCH_RETENTION_DAYS, "Retention of the control-plane and Container Insights log groups (guide §8)."),
                    30,
                    365,
                ),
                supportType: withDefault(oneOf(["STANDARD", "EXTENDED"] as const), "STANDARD", {
                    description:
                        "EKS support type: STANDARD upgrades the control plane automatically at the end of standard support; EXTENDED keeps the version up to 12 more months at extended-support prices.",
                }),
                archive: withDefault(
                    section({
                        prefix: withDefault(
                            text({
                                pattern: /^[a-z0-9][a-z0-9-_/]*[a-z0-9]$/,
                                allowed: "an S3 key prefix of lowercase letters, digits, '-', '_' and '/'",
                            }),
                            "messagelog",
                            { description: "Object key prefix the archiver may write under." },
                        ),
                        transitionToGlacierDays: withDefault(integer({ min: 1, max: 3650 }), 90, {
                            description: "Days before archives move to Glacier.",
                        }),
                        expirationDays: withDefault(integer({ min: 1, max: 36500 }), 2555, {
                            description: "Days before archives are deleted.",
                        }),
                        noncurrentVersionExpirationDays: withDefault(integer({ min: 1, max: 3650 }), 90, {
                            description: "Days before overwritten versions are deleted.",
                        }),
                        objectLock: withDefault(
                            section({
                                enabled: withDefault(boolean(), false, { description: "Write-once archives (S3 Object Lock)." }),
                                mode: withDefault(oneOf(OBJECT_LOCK_MODES), "GOVERNANCE", { description: "Object Lock mode." }),
                                days: withDefault(integer({ min: 1, max: 36500 }), 365, {
                                    description: "Object Lock retention; not above expirationDays.",
                                }),
                            }),
                            {},
                            { description: "S3 Object Lock of the archive bucket." },
                        ),
                    }),
                    {},
                    { description: "The message-log archive bucket." },
                ),
                database: withDefault(
                    section({
                        instanceClass: env(
                            text(
                                { pattern: /^db\.[a-z0-9]+\.[a-z0-9]+$/, allowed: "an RDS instance class such as db.m6i.large" },
                                "RDS instance class.",
                            ),
                            "db.t3.medium",
                            "db.m6i.large",
                        ),
                        allocatedStorageGb: withDefault(integer({ min: 20, max: 65536 }), 50, { description: "Initial storage (GiB)." }),
                        maxAllocatedStorageGb: withDefault(integer({ min: 20, max: 65536 }), 200, {
                            description: "Storage autoscaling ceiling (GiB).",
                        }),
                        multiAz: env(boolean("Multi-AZ standby."), false, true),
                        backupRetentionDays: env(integer({ min: 1, max: 35 }, "Automated backup retention (days)."), 7, 30),
                        engineVersion: withDefault(
                            text({
                                pattern: /^16(\.\d+)?$/,
                                allowed: "a PostgreSQL 16 version (the Sidecar's client is 16; xroad-facts §6)",
                            }),
                            "16",
                            { description: "PostgreSQL engine version." },
                        ),
                    }),
                    {},
                    { description: "The RDS PostgreSQL server of database mode managed." },
                ),
                dns: section(
                    {
                        hostedZoneId: text(
                            { pattern: /^Z[A-Z0-9]{1,31}$/, allowed: "a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ" },
                            "Route 53 hosted zone of the record.",
                        ),
                        recordName: text(HOSTNAME, "The record; with several instances each gets <instance name>.<recordName>."),
                    },
                    "Optional Route 53 record pointing at the load balancer: the address to register in X-Road.",
                ).optional(),
            },
            "target aws only: the EKS cluster, its network, archive bucket and managed database.",
        ),
        {},
    );
}

const awsSchemas = { development: awsSchema(false), production: awsSchema(true) };

/** Settings of `target: aws`, read from `xroad-sidecar:aws`. */
export type AwsSettings = Omit<z.output<ReturnType<typeof awsSchema>>, "clusterName" | "accountId" | "deployerArn"> & {
    /** EKS cluster name; also names the control-plane log group `/aws/eks/<name>/cluster`. */
    clusterName: string;
    /** The AWS account the stack deploys into (the provider's `allowedAccountIds`; review aws B12). */
    accountId: string;
    /**
     * The IAM role or user that runs `pulumi up`: its own EKS access entry with cluster-admin (review aws B4), the
     * administrator of the KMS keys (review aws B9); the program refuses to run as anyone else.
     */
    deployerArn: string;
};

/** The keys of `xroad-sidecar:aws`. */
export const AWS_KEYS = keysOf(awsSchemas.development);

/**
 * @param targetChosen false when `target` itself was refused (AWS is then only the fallback that lets every other
 * error be reported): the account and deployer are then not demanded on top.
 */
export function readAwsSettings(
    check: Checker,
    raw: unknown,
    defaultClusterName: string,
    production: boolean,
    targetChosen = true,
): AwsSettings {
    const p = "aws";
    const schema = production ? awsSchemas.production : awsSchemas.development;
    const parsed = parseSetting(check, p, raw, schema) ?? schema.parse({});
    // Required with target aws, with nothing to fall back on; a value refused by its own check is reported already.
    // When the target itself was refused, AWS is only the fallback that lets every other error be reported.
    for (const key of ["accountId", "deployerArn"] as const)
        if (targetChosen && parsed[key] === undefined && !check.reported(`${p}.${key}`))
            check.fail(`${p}.${key}`, undefined, key === "accountId" ? ACCOUNT_ID.allowed : DEPLOYER_ARN.allowed);
    const s: AwsSettings = {
        ...parsed,
        accountId: parsed.accountId ?? "",
        deployerArn: parsed.deployerArn ?? "",
        clusterName: parsed.clusterName ?? defaultClusterName.slice(0, MAX_CLUSTER_NAME_LENGTH),
    };
    if (production && s.availabilityZoneCount < 3)
        check.fail(`${p}.availabilityZoneCount`, s.availabilityZoneCount, "an integer from 3 to 3");
    const nodeGroup = s.nodeGroup;
    if (/^[a-z]+\d*g[a-z]*\./.test(nodeGroup.instanceType))
        check.fail(
            `${p}.nodeGroup.instanceType`,
            nodeGroup.instanceType,
            "an x86-64 instance type (Graviton arm64 cannot run the NIIS images)",
        );
    const size = nodeGroup.instanceType.split(".")[1];
    if ((TOO_SMALL_INSTANCE_SIZES as readonly string[]).includes(size)) {
        check.fail(
            `${p}.nodeGroup.instanceType`,
            nodeGroup.instanceType,
            "an instance size of xlarge or larger: a Sidecar pod requests 2 CPUs (NIIS minimum), more than a 2-vCPU node can allocate",
        );
    }
    check.minNotAboveMax(`${p}.nodeGroup.minSize`, nodeGroup.minSize, `${p}.nodeGroup.maxSize`, nodeGroup.maxSize);
    check.minNotAboveMax(`${p}.nodeGroup.minSize`, nodeGroup.minSize, `${p}.nodeGroup.desiredSize`, nodeGroup.desiredSize);
    check.minNotAboveMax(`${p}.nodeGroup.desiredSize`, nodeGroup.desiredSize, `${p}.nodeGroup.maxSize`, nodeGroup.maxSize);

    const archive = s.archive;
    check.minNotAboveMax(
        `${p}.archive.transitionToGlacierDays`,
        archive.transitionToGlacierDays,
        `${p}.archive.expirationDays`,
        archive.expirationDays,
    );
    if (archive.objectLock.enabled && archive.objectLock.days > archive.expirationDays) {
        check.fail(
            `${p}.archive.objectLock.days`,
            archive.objectLock.days,
            `a retention not above ${check.key(`${p}.archive.expirationDays`)} (${archive.expirationDays})`,
        );
    }
    check.minNotAboveMax(
        `${p}.database.allocatedStorageGb`,
        s.database.allocatedStorageGb,
        `${p}.database.maxAllocatedStorageGb`,
        s.database.maxAllocatedStorageGb,
    );

    const vpcPrefix = parseCidr(s.vpcCidr)?.prefix;
    if (vpcPrefix !== undefined && (vpcPrefix < MIN_VPC_PREFIX || vpcPrefix > MAX_VPC_PREFIX)) {
        check.fail(
            `${p}.vpcCidr`,
            s.vpcCidr,
            `a VPC CIDR from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (the VPC CNI gives every pod a VPC address)`,
        );
    }
    s.publicAccessCidrs.forEach((cidr, i) => {
        if (cidr.endsWith("/0"))
            check.fail(
                `${p}.publicAccessCidrs[${i}]`,
                cidr,
                "the CIDRs of your administrators' networks (the whole internet may not reach the API endpoint; an empty list keeps it private)",
            );
    });
    if (s.deployerArn !== "" && s.accountId !== "" && s.deployerArn.split(":")[4] !== s.accountId)
        check.fail(
            `${p}.deployerArn`,
            s.deployerArn,
            `a principal of account ${s.accountId} (${check.key(`${p}.accountId`)}): the provider deploys into that account only`,
        );
    for (const key of ["clusterAdminArns", "namespaceOperatorArns"] as const)
        s[key].forEach((arn, i) => {
            if (arn === s.deployerArn)
                check.fail(
                    `${p}.${key}[${i}]`,
                    arn,
                    `a principal other than ${check.key(`${p}.deployerArn`)}, which has its own cluster-admin access entry (EKS allows one access entry per principal)`,
                );
        });
    s.namespaceOperatorArns.forEach((arn, i) => {
        if (s.clusterAdminArns.includes(arn))
            check.fail(
                `${p}.namespaceOperatorArns[${i}]`,
                arn,
                `a principal not already in ${check.key(`${p}.clusterAdminArns`)} (EKS allows one access entry per principal)`,
            );
    });
    return s;
}

/** The hosted zone ID the examples carry: Route 53 IDs are random, this one spells the alphabet. */
const EXAMPLE_HOSTED_ZONE_ID = "Z0123456789ABCDEFGHIJ";

/**
 * issue 12 point 4 (review aws A3): the example stacks hold documentation CIDRs, the AWS documentation's
 * example account and an example hosted zone. Offline each is a warning, so the examples stay plannable;
 * under the real engine a production stack that still holds one is a config error.
 */
export function checkAwsPlaceholders(check: Checker, s: AwsSettings, production: boolean, offline: boolean): void {
    const found: Placeholder[] = [];
    s.publicAccessCidrs.forEach((cidr, i) => {
        const reason = documentationCidr(cidr);
        if (reason)
            found.push({
                path: `aws.publicAccessCidrs[${i}]`,
                value: cidr,
                reason: `${reason}; the machine running pulumi up must be inside these CIDRs`,
            });
    });
    const accountReason = placeholderAwsAccount(s.accountId);
    if (accountReason)
        found.push({ path: "aws.accountId", value: s.accountId, reason: `${accountReason}; the provider refuses any other` });
    for (const key of ["deployerArn"] as const) {
        const reason = placeholderAwsAccount(s[key].split(":")[4] ?? "");
        if (reason)
            found.push({ path: `aws.${key}`, value: s[key], reason: `${reason}; the deployer is the identity that runs pulumi up` });
    }
    for (const key of ["clusterAdminArns", "namespaceOperatorArns", "keyAdministratorArns"] as const)
        s[key].forEach((arn, i) => {
            const reason = placeholderAwsAccount(arn.split(":")[4] ?? "");
            if (reason)
                found.push({ path: `aws.${key}[${i}]`, value: arn, reason: `${reason}; EKS access entries need existing principals` });
        });
    if (s.dns?.hostedZoneId === EXAMPLE_HOSTED_ZONE_ID)
        found.push({ path: "aws.dns.hostedZoneId", value: s.dns.hostedZoneId, reason: "the example hosted zone ID" });
    for (const placeholder of found) {
        if (production && !offline) check.fail(placeholder.path, placeholder.value, `a real value: this is ${placeholder.reason}`);
        else
            check.warn(
                `${check.key(placeholder.path)} is a placeholder (${placeholder.value}: ${placeholder.reason}); replace it before pulumi up`,
            );
    }
}
