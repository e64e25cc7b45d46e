import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { AzureSettings, MaintenanceWindowSettings } from "../../config/azure";
import { ManagedDatabaseBinding } from "../platform";
import { DataProtection } from "./data-protection";
import { POSTGRES_PORT } from "../../policy/xroad/ports";

/** PostgreSQL major version of the Sidecar image; backup and restore need the same server version (xroad-facts §6). */
const SIDECAR_POSTGRES_VERSION = "16";

/**
 * Server parameters the Sidecar needs, applied in this order. `azure.extensions` is an allow-list:
 * the Sidecar's setup runs `CREATE EXTENSION hstore` in serverconf, which fails unless HSTORE is
 * listed (xroad-facts §6). The others refuse unencrypted and pre-TLS 1.2 connections.
 */
const FLEXIBLE_SERVER_PARAMETERS: ReadonlyArray<readonly [string, string]> = [
    ["azure.extensions", "HSTORE"],
    ["require_secure_transport", "ON"],
    ["ssl_min_protocol_version", "TLSv1.2"],
    // Who connected and for how long, into the server log the diagnostic setting collects (azure.md B11, guide §8).
    ["log_connections", "ON"],
    ["log_disconnections", "ON"],
];

/** Flexible Server numbers the days of its maintenance window from Sunday (0), in UTC. */
const DAY_NUMBERS = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 } as const;
const MINUTES_PER_WEEK = 7 * 24 * 60;

/**
 * The server's custom maintenance window, the cluster's Kubernetes upgrade window (azure.maintenance.autoUpgrade),
 * so planned patching of the database and the cluster fall into the same agreed hours (azure.md B11).
 */
export function databaseMaintenanceWindow(window: MaintenanceWindowSettings): {
    customWindow: "Enabled";
    dayOfWeek: number;
    startHour: number;
    startMinute: number;
} {
    const [hour, minute] = window.startTime.split(":").map(Number);
    const offsetSign = window.utcOffset.startsWith("-") ? -1 : 1;
    const [offsetHours, offsetMinutes] = window.utcOffset.replace(/^[+-]/, "").split(":").map(Number);
    // The AKS window is local to utcOffset; the server's is UTC.
    const localMinutes = DAY_NUMBERS[window.dayOfWeek] * 24 * 60 + hour * 60 + minute;
    const utcMinutes = (localMinutes - offsetSign * (offsetHours * 60 + offsetMinutes) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    return {
        customWindow: "Enabled",
        dayOfWeek: Math.floor(utcMinutes / (24 * 60)),
        startHour: Math.floor((utcMinutes % (24 * 60)) / 60),
        startMinute: utcMinutes % 60,
    };
}

export interface FlexibleServerArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    serverName: pulumi.Input<string>;
    /** Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers. */
    delegatedSubnetId: pulumi.Input<string>;
    vnetId: pulumi.Input<string>;
    database: AzureSettings["database"];
    /** Zones of the cluster: the server sits in the first, its HA standby in the second. */
    availabilityZones: string[];
    /** Geo-redundant backups (production). */
    geoRedundantBackup: boolean;
    /** When Azure may patch the server. */
    maintenance: MaintenanceWindowSettings;
    protection: DataProtection;
    tags: Record<string, string>;
}

/**
 * Azure Database for PostgreSQL Flexible Server 16 for one Sidecar instance: private access only
 * (delegated subnet and a private DNS zone linked to the VNet), TLS required, backups retained,
 * zone-redundant HA when configured. The admin login is a plain name: Flexible Server takes it
 * without the `user@server` suffix of the retired Single Server (xroad-facts §6); it is not
 * `postgres`, so the Sidecar is given it through `/etc/xroad.properties`.
 */
export class FlexibleServer extends pulumi.ComponentResource {
    readonly server: dbforpostgresql.Server;
    readonly binding: ManagedDatabaseBinding;

    constructor(name: string, args: FlexibleServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:FlexibleServer", name, {}, opts);
        const settings = args.database;

        // Flexible Server's naming rule: the zone of a private-access server ends in .postgres.database.azure.com.
        const zone = new privatedns.PrivateZone(
            `${name}-dns`,
            {
                resourceGroupName: args.resourceGroupName,
                privateZoneName: pulumi.interpolate`${args.serverName}.private.postgres.database.azure.com`,
                location: "global",
                tags: args.tags,
            },
            { parent: this },
        );
        const link = new privatedns.VirtualNetworkLink(
            `${name}-dns-link`,
            {
                resourceGroupName: args.resourceGroupName,
                privateZoneName: zone.name,
                location: "global",
                virtualNetwork: { id: args.vnetId },
                registrationEnabled: false,
                tags: args.tags,
            },
            { parent: this },
        );

        // Letters and digits only: the password travels through env vars and xroad.properties unquoted.
        const password = new random.RandomPassword(
            `${name}-admin`,
            {
                length: 32,
                special: false,
                minUpper: 2,
                minLower: 2,
                minNumeric: 2,
            },
            { parent: this },
        );

        const zones = args.availabilityZones;
        this.server = new dbforpostgresql.Server(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                serverName: args.serverName,
                version: SIDECAR_POSTGRES_VERSION,
                administratorLogin: settings.adminLogin,
                administratorLoginPassword: password.result,
                authConfig: { passwordAuth: "Enabled", activeDirectoryAuth: "Disabled" },
                sku: { name: settings.skuName, tier: settings.tier },
                storage: { storageSizeGB: settings.storageGb, autoGrow: "Enabled" },
                backup: {
                    backupRetentionDays: settings.backupRetentionDays,
                    geoRedundantBackup: args.geoRedundantBackup ? "Enabled" : "Disabled",
                },
                maintenanceWindow: databaseMaintenanceWindow(args.maintenance),
                highAvailability: settings.zoneRedundantHa
                    ? { mode: "ZoneRedundant", standbyAvailabilityZone: zones.length > 1 ? zones[1] : undefined }
                    : { mode: "Disabled" },
                availabilityZone: zones.length > 0 ? zones[0] : undefined,
                network: {
                    delegatedSubnetResourceId: args.delegatedSubnetId,
                    privateDnsZoneArmResourceId: zone.id,
                    publicNetworkAccess: "Disabled",
                },
                tags: args.tags,
            },
            { parent: this, dependsOn: [link], ...args.protection.options },
        );
        args.protection.lock(`${name}-server`, this.server.id, this);

        // The server accepts one parameter change at a time.
        let previous: pulumi.CustomResource = this.server;
        for (const [parameter, value] of FLEXIBLE_SERVER_PARAMETERS) {
            previous = new dbforpostgresql.Configuration(
                `${name}-${parameter.replace(/[^a-z0-9]+/g, "-")}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    serverName: this.server.name,
                    configurationName: parameter,
                    value,
                    source: "user-override",
                },
                { parent: this, dependsOn: [previous] },
            );
        }
        const lastParameter = previous;

        this.binding = {
            // Resolved only after the parameters are set, so the Sidecar never initialises against a server without hstore.
            host: pulumi.all([this.server.fullyQualifiedDomainName, lastParameter.id]).apply(([fqdn]) => fqdn),
            port: POSTGRES_PORT,
            user: settings.adminLogin,
            password: pulumi.secret(password.result),
            requireTls: true,
        };
        this.registerOutputs({ host: this.server.fullyQualifiedDomainName, user: settings.adminLogin });
    }
}
