import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ContainerResources, SidecarInstanceConfig } from "../../config/instance";
import { PlatformBindings } from "../platform";
import { ENV } from "../../policy/xroad/env";
import { resourceRequirements } from "./resources";

/** The superuser the entrypoint assumes when `xroad.properties` names none (setup_serverconf_db.sh). */
const DEFAULT_SUPERUSER = "postgres";
/**
 * The local database volume is mounted one level above PGDATA (`/var/lib/postgresql/16/main` in the
 * PostgreSQL 16 images, xroad-facts §5.1): a fresh ext4 volume holds
 * `lost+found`, and initdb refuses a non-empty directory. The entrypoint creates `main` inside it
 * (`mkdir -p`, chown postgres) and runs initdb there when PG_VERSION is missing [inference, xroad-facts §5.1].
 */
export const LOCAL_DATABASE_MOUNT = "/var/lib/postgresql/16";

/** PostgreSQL inside the Sidecar pod (single topology only). */
export interface LocalDatabase {
    kind: "local";
}

/** A server outside the pod: one the user runs (`external`) or one the platform created (`managed`). */
export interface RemoteDatabase {
    kind: "remote";
    mode: "external" | "managed";
    host: pulumi.Input<string>;
    port: number;
    /** XROAD_DATABASE_NAME: prefix of serverconf, messagelog and op-monitor. */
    namePrefix?: string;
    /** Superuser login; anything but `postgres` must be written to xroad.properties. */
    user: pulumi.Input<string>;
    /** Superuser password; unset for external means "generate one" (see SidecarCredentials). */
    password?: pulumi.Output<string>;
    requireTls: boolean;
    /** Where the server's addresses lie, for egress NetworkPolicies; empty means not known. */
    egressCidrs: string[];
}

export type DatabaseConnection = LocalDatabase | RemoteDatabase;

/**
 * Resolves the instance's database mode against what the platform provides. Config validation has
 * already rejected `managed` on platforms that cannot create one; a missing binding here is a
 * platform bug and fails loudly.
 */
export function databaseConnection(instance: SidecarInstanceConfig, platform: PlatformBindings): DatabaseConnection {
    const settings = instance.database;
    switch (settings.mode) {
        case "local":
            return { kind: "local" };
        case "external": {
            const external = settings.external;
            if (!external) throw new Error(`instance ${instance.name}: database mode external without host settings`);
            return {
                kind: "remote",
                mode: "external",
                host: external.host,
                port: external.port,
                namePrefix: external.namePrefix,
                user: external.user,
                requireTls: false,
                egressCidrs: external.egressCidrs,
            };
        }
        case "managed": {
            const managed = platform.databases[instance.name];
            if (!managed) throw new Error(`instance ${instance.name}: database mode managed, but the platform created no database for it`);
            return {
                kind: "remote",
                mode: "managed",
                host: managed.host,
                port: managed.port,
                namePrefix: settings.namePrefix,
                user: managed.user,
                password: managed.password,
                requireTls: managed.requireTls,
                egressCidrs: platform.privateNetworkCidrs,
            };
        }
    }
}

/**
 * Non-secret database settings for the primary or single pod. They are read only on the first start,
 * while `/etc/xroad/db.properties` does not exist (xroad-facts §3.1). The local database needs none:
 * XROAD_DB_HOST defaults to 127.0.0.1, and setting it twice is one of the guide's bugs (xroad-facts §7 item 9).
 */
export function databaseEnv(connection: DatabaseConnection): k8s.types.input.core.v1.EnvVar[] {
    if (connection.kind === "local") return [];
    const env: k8s.types.input.core.v1.EnvVar[] = [
        { name: ENV.dbHost, value: connection.host },
        { name: ENV.dbPort, value: String(connection.port) },
    ];
    if (connection.namePrefix) env.push({ name: ENV.databaseName, value: connection.namePrefix });
    return env;
}

const DB_SETTINGS_CONTAINER = "database-settings";

/**
 * Writes what the Sidecar cannot learn from its environment into the config volume before it starts
 * (xroad-facts §3.1, §6):
 * - `postgres.connection.user` into `/etc/xroad/xroad.properties` when the superuser is not `postgres`
 *   (RDS and Flexible Server admins rarely are). There is no variable for it, and the entrypoint links
 *   `/etc/xroad.properties` to this file. Written only when absent: after the first start the file also
 *   holds the generated admin credentials, which must survive.
 * - `PGSSLMODE` into `/etc/xroad/db_libpq.env` when the server requires TLS; the setup scripts' psql
 *   sources it (ug-ss "Passing additional parameters to psql"). `require`, because the image carries no
 *   CA bundle of the cloud's database CA for `verify-full`. The JDBC driver's default `prefer` already
 *   negotiates TLS with such a server.
 * Returns undefined when neither applies.
 */
export function databaseSettingsInitContainer(
    connection: DatabaseConnection,
    image: string,
    resources: ContainerResources,
    configVolume: string,
    securityContext: k8s.types.input.core.v1.SecurityContext,
): k8s.types.input.core.v1.Container | undefined {
    if (connection.kind === "local") return undefined;
    // A managed server's login may be known only after it exists: the script then compares at run time.
    const maybeCustomUser = typeof connection.user !== "string" || connection.user !== DEFAULT_SUPERUSER;
    if (!maybeCustomUser && !connection.requireTls) return undefined;
    const lines = ["set -eu"];
    if (maybeCustomUser) {
        lines.push(
            `if [ "$DB_SUPERUSER" != "${DEFAULT_SUPERUSER}" ]; then`,
            "  props=/etc/xroad/xroad.properties",
            '  if [ ! -f "$props" ]; then install -m 0600 -o root -g root /dev/null "$props"; fi',
            '  if ! grep -q "^postgres.connection.user" "$props"; then printf "postgres.connection.user = %s\\n" "$DB_SUPERUSER" >> "$props"; fi',
            "fi",
        );
    }
    if (connection.requireTls) {
        lines.push(
            `printf 'export PGSSLMODE="require"\\n' > /etc/xroad/db_libpq.env`,
            "chown 999:999 /etc/xroad/db_libpq.env",
            "chmod 0640 /etc/xroad/db_libpq.env",
        );
    }
    return {
        name: DB_SETTINGS_CONTAINER,
        image,
        command: ["/bin/bash", "-c", lines.join("\n")],
        env: maybeCustomUser ? [{ name: "DB_SUPERUSER", value: connection.user }] : [],
        resources: resourceRequirements(resources),
        securityContext,
        volumeMounts: [{ name: configVolume, mountPath: "/etc/xroad" }],
    };
}
