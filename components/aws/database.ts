import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { encryptedLogGroup } from "./log-group";
import * as random from "@pulumi/random";
import { AwsSettings } from "../../config/aws";
import { POSTGRES_PORT } from "../../policy/xroad/ports";
import { managedPolicyArn, policyDocument } from "./policy-document";

/**
 * When RDS backs up and patches (UTC; review aws B11): explicit, so they do not fall at a random hour of the
 * region's default block, and apart, because RDS refuses overlapping windows. The maintenance window is the
 * night the AKS/EKS upgrades run by default (Sunday).
 */
const DATABASE_BACKUP_WINDOW = "00:30-01:30";
const DATABASE_MAINTENANCE_WINDOW = "sun:02:00-sun:03:00";
/** Enhanced Monitoring every 60 s: OS-level metrics (CPU steal, memory, I/O per process) Performance Insights lacks. */
const ENHANCED_MONITORING_INTERVAL = 60;

/** The RDS master user; the Sidecar then needs no `/etc/xroad.properties` override (xroad-facts §6). */
const MASTER_USER = "postgres";
/** Characters RDS accepts in a master password (not `/`, `@`, `"` or space). */
const PASSWORD_SPECIALS = "!#$%^&*()-_=+[]{}:;,.?~";

export interface DatabaseArgs {
    clusterName: string;
    /** The Sidecar instance this server is for: each instance has its own server and superuser. */
    instanceName: string;
    settings: AwsSettings["database"];
    vpcId: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<string>[];
    /** Only the nodes may connect. */
    nodeSecurityGroupId: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    /** The instance's `dbPassword` secret from config; generated when absent. */
    masterPassword?: pulumi.Output<string>;
    /** Retention of the PostgreSQL log group (connections and disconnections are logged). */
    logRetentionInDays: number;
    /** The logs key (its policy admits CloudWatch Logs). */
    logsKeyArn: pulumi.Input<string>;
    partition: pulumi.Input<string>;
    /** Deletion protection, a final snapshot, and protect/retainOnDelete. */
    protectData: boolean;
}

/** An RDS identifier: lowercase letters, digits and single hyphens, starting with a letter, at most 63. */
export function databaseIdentifier(clusterName: string, instanceName: string): string {
    const id = `${clusterName}-${instanceName}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^[^a-z]+/, "");
    return (/^[a-z]/.test(id) ? id : `xroad-${id}`).slice(0, 63).replace(/-+$/, "");
}

/** The log group RDS exports PostgreSQL logs to; its name is fixed by RDS. */
function postgresLogGroupName(identifier: string): string {
    return `/aws/rds/instance/${identifier}/postgresql`;
}

/** The PostgreSQL major version of an engine version such as 16 or 16.4, for the parameter group family. */
export function parameterGroupFamily(engineVersion: string): string {
    return `postgres${engineVersion.split(".")[0]}`;
}

/**
 * A managed PostgreSQL 16 for one Sidecar instance (xroad-facts §6): private subnets only, reachable
 * from the nodes only, encrypted with our key, TLS forced by the parameter group, automated backups,
 * deletion protection. Each instance gets its own server, so no Sidecar holds a superuser password
 * for another's databases.
 */
export class Database extends pulumi.ComponentResource {
    readonly instance: aws.rds.Instance;
    readonly address: pulumi.Output<string>;
    readonly port: number;
    readonly user: string;
    readonly password: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Database", name, {}, opts);
        const identifier = databaseIdentifier(args.clusterName, args.instanceName);
        const settings = args.settings;

        const databaseSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-db`,
            {
                vpcId: args.vpcId,
                description: `PostgreSQL of ${args.instanceName}: from the cluster nodes only`,
                tags: { Name: identifier },
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-db-postgres`,
            {
                securityGroupId: databaseSecurityGroup.id,
                referencedSecurityGroupId: args.nodeSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: POSTGRES_PORT,
                toPort: POSTGRES_PORT,
                description: "PostgreSQL from the cluster nodes",
            },
            { parent: this },
        );
        const subnets = new aws.rds.SubnetGroup(
            `${name}-db`,
            { subnetIds: args.privateSubnetIds, description: `Private subnets of ${identifier}` },
            { parent: this },
        );
        const parameters = new aws.rds.ParameterGroup(
            `${name}-db`,
            {
                family: parameterGroupFamily(settings.engineVersion),
                description: `TLS-only PostgreSQL for ${identifier}`,
                parameters: [
                    { name: "rds.force_ssl", value: "1" },
                    { name: "ssl_min_protocol_version", value: "TLSv1.2" },
                    { name: "log_connections", value: "1" },
                    { name: "log_disconnections", value: "1" },
                ],
            },
            { parent: this },
        );
        const password =
            args.masterPassword ??
            new random.RandomPassword(
                `${name}-db-master`,
                {
                    length: 32,
                    special: true,
                    overrideSpecial: PASSWORD_SPECIALS,
                    minLower: 2,
                    minUpper: 2,
                    minNumeric: 2,
                },
                { parent: this },
            ).result;
        // Created first, with retention and our key: RDS would otherwise create a group that never expires.
        const logGroup = encryptedLogGroup(
            `${name}-db-postgresql`,
            {
                logGroupName: postgresLogGroupName(identifier),
                retentionInDays: args.logRetentionInDays,
                kmsKeyArn: args.logsKeyArn,
                protectData: args.protectData,
            },
            this,
        );

        // Enhanced Monitoring publishes through this role (RDS user guide, "Setting up and enabling Enhanced Monitoring").
        const monitoringRole = new aws.iam.Role(
            `${name}-dbmon`,
            {
                description: `RDS Enhanced Monitoring of ${identifier}`,
                assumeRolePolicy: policyDocument([
                    { Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" },
                ]),
            },
            { parent: this },
        );
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(
            `${name}-dbmon`,
            { role: monitoringRole.name, policyArn: managedPolicyArn(args.partition, "service-role/AmazonRDSEnhancedMonitoringRole") },
            { parent: this },
        );
        // A stack re-created after a protected destroy gets a new suffix, so its final snapshot does not collide
        // with the one the first teardown left (review aws B11).
        const snapshotSuffix = new random.RandomId(`${name}-db-final-snapshot`, { byteLength: 4 }, { parent: this });

        this.instance = new aws.rds.Instance(
            `${name}-db`,
            {
                identifier,
                engine: "postgres",
                engineVersion: settings.engineVersion,
                instanceClass: settings.instanceClass,
                allocatedStorage: settings.allocatedStorageGb,
                maxAllocatedStorage: settings.maxAllocatedStorageGb,
                storageType: "gp3",
                storageEncrypted: true,
                kmsKeyId: args.kmsKeyArn,
                dbSubnetGroupName: subnets.name,
                vpcSecurityGroupIds: [databaseSecurityGroup.id],
                parameterGroupName: parameters.name,
                publiclyAccessible: false,
                port: POSTGRES_PORT,
                multiAz: settings.multiAz,
                username: MASTER_USER,
                password: pulumi.secret(password),
                backupRetentionPeriod: settings.backupRetentionDays,
                copyTagsToSnapshot: true,
                deletionProtection: args.protectData,
                skipFinalSnapshot: !args.protectData,
                finalSnapshotIdentifier: args.protectData ? pulumi.interpolate`${identifier}-final-${snapshotSuffix.hex}` : undefined,
                backupWindow: DATABASE_BACKUP_WINDOW,
                maintenanceWindow: DATABASE_MAINTENANCE_WINDOW,
                monitoringInterval: ENHANCED_MONITORING_INTERVAL,
                monitoringRoleArn: monitoringRole.arn,
                // Humans can sign in with IAM (rds-db:connect) instead of sharing the master password; no one is granted it here.
                iamDatabaseAuthenticationEnabled: true,
                autoMinorVersionUpgrade: true,
                allowMajorVersionUpgrade: false,
                caCertIdentifier: "rds-ca-rsa2048-g1",
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: args.kmsKeyArn,
                enabledCloudwatchLogsExports: ["postgresql"],
                tags: { "xroad-sidecar/instance": args.instanceName },
            },
            { parent: this, protect: args.protectData, retainOnDelete: args.protectData, dependsOn: [logGroup, monitoringPolicy] },
        );

        this.address = this.instance.address;
        this.port = POSTGRES_PORT;
        this.user = MASTER_USER;
        this.password = pulumi.secret(password);
        this.registerOutputs({ address: this.address, port: this.port });
    }
}
