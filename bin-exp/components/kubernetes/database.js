"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOCAL_DATABASE_MOUNT = void 0;
exports.databaseConnection = databaseConnection;
exports.databaseEnv = databaseEnv;
exports.databaseSettingsInitContainer = databaseSettingsInitContainer;
const env_1 = require("../../policy/xroad/env");
const resources_1 = require("./resources");
/** The superuser the entrypoint assumes when `xroad.properties` names none (setup_serverconf_db.sh). */
const DEFAULT_SUPERUSER = "postgres";
/**
 * The local database volume is mounted one level above PGDATA (`/var/lib/postgresql/16/main` in the
 * PostgreSQL 16 images, xroad-facts §5.1): a fresh ext4 volume holds
 * `lost+found`, and initdb refuses a non-empty directory. The entrypoint creates `main` inside it
 * (`mkdir -p`, chown postgres) and runs initdb there when PG_VERSION is missing [inference, xroad-facts §5.1].
 */
exports.LOCAL_DATABASE_MOUNT = "/var/lib/postgresql/16";
/**
 * Resolves the instance's database mode against what the platform provides. Config validation has
 * already rejected `managed` on platforms that cannot create one; a missing binding here is a
 * platform bug and fails loudly.
 */
function databaseConnection(instance, platform) {
    const db = instance.database;
    switch (db.mode) {
        case "local":
            return { kind: "local" };
        case "external": {
            const ext = db.external;
            if (!ext)
                throw new Error(`instance ${instance.name}: database mode external without host settings`);
            return {
                kind: "remote",
                mode: "external",
                host: ext.host,
                port: ext.port,
                namePrefix: ext.namePrefix,
                user: ext.user,
                requireTls: false,
                egressCidrs: ext.egressCidrs,
            };
        }
        case "managed": {
            const managed = platform.databases[instance.name];
            if (!managed)
                throw new Error(`instance ${instance.name}: database mode managed, but the platform created no database for it`);
            return {
                kind: "remote",
                mode: "managed",
                host: managed.host,
                port: managed.port,
                namePrefix: db.namePrefix,
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
function databaseEnv(db) {
    if (db.kind === "local")
        return [];
    const env = [
        { name: env_1.ENV.dbHost, value: db.host },
        { name: env_1.ENV.dbPort, value: String(db.port) },
    ];
    if (db.namePrefix)
        env.push({ name: env_1.ENV.databaseName, value: db.namePrefix });
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
function databaseSettingsInitContainer(db, image, resources, configVolume, securityContext) {
    if (db.kind === "local")
        return undefined;
    // A managed server's login may be known only after it exists: the script then compares at run time.
    const maybeCustomUser = typeof db.user !== "string" || db.user !== DEFAULT_SUPERUSER;
    if (!maybeCustomUser && !db.requireTls)
        return undefined;
    const lines = ["set -eu"];
    if (maybeCustomUser) {
        lines.push(`if [ "$DB_SUPERUSER" != "${DEFAULT_SUPERUSER}" ]; then`, "  props=/etc/xroad/xroad.properties", '  if [ ! -f "$props" ]; then install -m 0600 -o root -g root /dev/null "$props"; fi', '  if ! grep -q "^postgres.connection.user" "$props"; then printf "postgres.connection.user = %s\\n" "$DB_SUPERUSER" >> "$props"; fi', "fi");
    }
    if (db.requireTls) {
        lines.push(`printf 'export PGSSLMODE="require"\\n' > /etc/xroad/db_libpq.env`, "chown 999:999 /etc/xroad/db_libpq.env", "chmod 0640 /etc/xroad/db_libpq.env");
    }
    return {
        name: DB_SETTINGS_CONTAINER,
        image,
        command: ["/bin/bash", "-c", lines.join("\n")],
        env: maybeCustomUser ? [{ name: "DB_SUPERUSER", value: db.user }] : [],
        resources: (0, resources_1.resourceRequirements)(resources),
        securityContext,
        volumeMounts: [{ name: configVolume, mountPath: "/etc/xroad" }],
    };
}
