/** Environment variables read by the Sidecar entrypoints (xroad-facts §3). */
export const ENV = {
    tokenPin: "XROAD_TOKEN_PIN",
    adminUser: "XROAD_ADMIN_USER",
    adminPassword: "XROAD_ADMIN_PASSWORD",
    dbHost: "XROAD_DB_HOST",
    dbPort: "XROAD_DB_PORT",
    dbPassword: "XROAD_DB_PWD",
    databaseName: "XROAD_DATABASE_NAME",
    logLevel: "XROAD_LOG_LEVEL",
    primaryDns: "XROAD_PRIMARY_DNS",
    proxyParams: "XROAD_PROXY_PARAMS",
} as const;

/** Variables that carry secrets and must never be literal values in a pod spec (guide §3.2). */
export const SENSITIVE_ENV_NAMES: readonly string[] = [ENV.tokenPin, ENV.adminPassword, ENV.dbPassword, "XROAD_ADMIN_PWD_HASH"];
/** `XROAD_TOKEN_<id>_PIN` for multiple tokens (Docker guide §3.5). */
export const TOKEN_PIN_PATTERN = /^XROAD_TOKEN_.+_PIN$/;

export const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "ALL", "OFF"] as const;
