"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOG_LEVELS = exports.TOKEN_PIN_PATTERN = exports.SENSITIVE_ENV_NAMES = exports.ENV = void 0;
/** Environment variables read by the Sidecar entrypoints (xroad-facts §3). */
exports.ENV = {
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
};
/** Variables that carry secrets and must never be literal values in a pod spec (guide §3.2). */
exports.SENSITIVE_ENV_NAMES = [exports.ENV.tokenPin, exports.ENV.adminPassword, exports.ENV.dbPassword, "XROAD_ADMIN_PWD_HASH"];
/** `XROAD_TOKEN_<id>_PIN` for multiple tokens (Docker guide §3.5). */
exports.TOKEN_PIN_PATTERN = /^XROAD_TOKEN_.+_PIN$/;
exports.LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "ALL", "OFF"];
