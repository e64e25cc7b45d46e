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
exports.Database = void 0;
exports.databaseIdentifier = databaseIdentifier;
exports.parameterGroupFamily = parameterGroupFamily;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const random = __importStar(require("@pulumi/random"));
const ports_1 = require("../../policy/xroad/ports");
const policy_document_1 = require("./policy-document");
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
/** An RDS identifier: lowercase letters, digits and single hyphens, starting with a letter, at most 63. */
function databaseIdentifier(clusterName, instanceName) {
    const id = `${clusterName}-${instanceName}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^[^a-z]+/, "");
    return (/^[a-z]/.test(id) ? id : `xroad-${id}`).slice(0, 63).replace(/-+$/, "");
}
/** The log group RDS exports PostgreSQL logs to; its name is fixed by RDS. */
function postgresLogGroupName(identifier) {
    return `/aws/rds/instance/${identifier}/postgresql`;
}
/** The PostgreSQL major version of an engine version such as 16 or 16.4, for the parameter group family. */
function parameterGroupFamily(engineVersion) {
    return `postgres${engineVersion.split(".")[0]}`;
}
/**
 * A managed PostgreSQL 16 for one Sidecar instance (xroad-facts §6): private subnets only, reachable
 * from the nodes only, encrypted with our key, TLS forced by the parameter group, automated backups,
 * deletion protection. Each instance gets its own server, so no Sidecar holds a superuser password
 * for another's databases.
 */
class Database extends pulumi.ComponentResource {
    instance;
    address;
    port;
    user;
    password;
    constructor(name, args, opts) {
        super("xroad:aws:Database", name, {}, opts);
        const identifier = databaseIdentifier(args.clusterName, args.instanceName);
        const s = args.settings;
        const sg = new aws.ec2.SecurityGroup(`${name}-db`, {
            vpcId: args.vpcId,
            description: `PostgreSQL of ${args.instanceName}: from the cluster nodes only`,
            tags: { Name: identifier },
        }, { parent: this });
        new aws.vpc.SecurityGroupIngressRule(`${name}-db-postgres`, {
            securityGroupId: sg.id,
            referencedSecurityGroupId: args.nodeSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: ports_1.POSTGRES_PORT,
            toPort: ports_1.POSTGRES_PORT,
            description: "PostgreSQL from the cluster nodes",
        }, { parent: this });
        const subnets = new aws.rds.SubnetGroup(`${name}-db`, { subnetIds: args.privateSubnetIds, description: `Private subnets of ${identifier}` }, { parent: this });
        const parameters = new aws.rds.ParameterGroup(`${name}-db`, {
            family: parameterGroupFamily(s.engineVersion),
            description: `TLS-only PostgreSQL for ${identifier}`,
            parameters: [
                { name: "rds.force_ssl", value: "1" },
                { name: "ssl_min_protocol_version", value: "TLSv1.2" },
                { name: "log_connections", value: "1" },
                { name: "log_disconnections", value: "1" },
            ],
        }, { parent: this });
        const password = args.masterPassword ??
            new random.RandomPassword(`${name}-db-master`, {
                length: 32,
                special: true,
                overrideSpecial: PASSWORD_SPECIALS,
                minLower: 2,
                minUpper: 2,
                minNumeric: 2,
            }, { parent: this }).result;
        // Created first, with retention and our key: RDS would otherwise create a group that never expires.
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-db-postgresql`, {
            name: postgresLogGroupName(identifier),
            retentionInDays: args.logRetentionInDays,
            kmsKeyId: args.logsKeyArn,
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData });
        // Enhanced Monitoring publishes through this role (RDS user guide, "Setting up and enabling Enhanced Monitoring").
        const monitoringRole = new aws.iam.Role(`${name}-dbmon`, {
            description: `RDS Enhanced Monitoring of ${identifier}`,
            assumeRolePolicy: (0, policy_document_1.policyDocument)([
                { Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" },
            ]),
        }, { parent: this });
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(`${name}-dbmon`, { role: monitoringRole.name, policyArn: (0, policy_document_1.managedPolicyArn)(args.partition, "service-role/AmazonRDSEnhancedMonitoringRole") }, { parent: this });
        // A stack re-created after a protected destroy gets a new suffix, so its final snapshot does not collide
        // with the one the first teardown left (review aws B11).
        const snapshotSuffix = new random.RandomId(`${name}-db-final-snapshot`, { byteLength: 4 }, { parent: this });
        this.instance = new aws.rds.Instance(`${name}-db`, {
            identifier,
            engine: "postgres",
            engineVersion: s.engineVersion,
            instanceClass: s.instanceClass,
            allocatedStorage: s.allocatedStorageGb,
            maxAllocatedStorage: s.maxAllocatedStorageGb,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            dbSubnetGroupName: subnets.name,
            vpcSecurityGroupIds: [sg.id],
            parameterGroupName: parameters.name,
            publiclyAccessible: false,
            port: ports_1.POSTGRES_PORT,
            multiAz: s.multiAz,
            username: MASTER_USER,
            password: pulumi.secret(password),
            backupRetentionPeriod: s.backupRetentionDays,
            copyTagsToSnapshot: true,
            deletionProtection: args.protectData,
            skipFinalSnapshot: !args.protectData,
            finalSnapshotIdentifier: args.protectData ? pulumi.interpolate `${identifier}-final-${snapshotSuffix.hex}` : undefined,
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
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData, dependsOn: [logGroup, monitoringPolicy] });
        this.address = this.instance.address;
        this.port = ports_1.POSTGRES_PORT;
        this.user = MASTER_USER;
        this.password = pulumi.secret(password);
        this.registerOutputs({ address: this.address, port: this.port });
    }
}
exports.Database = Database;
