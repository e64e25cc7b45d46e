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
exports.ResourceDiagnostics = exports.RESOURCE_LOG_CATEGORIES = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
/**
 * The log categories each kind of data resource sends to the workspace (guide §8; review azure B5): who used the
 * etcd key (Key Vault `AuditEvent`), who read, wrote or deleted archives and shares (the storage services' own
 * categories, set on the blob and file service, not the account), and the database's server log.
 */
exports.RESOURCE_LOG_CATEGORIES = {
    keyVault: ["AuditEvent"],
    blobService: ["StorageRead", "StorageWrite", "StorageDelete"],
    fileService: ["StorageRead", "StorageWrite", "StorageDelete"],
    postgres: ["PostgreSQLLogs"],
};
/** A diagnostic setting that sends one data resource's audit logs to the Log Analytics workspace. */
class ResourceDiagnostics extends pulumi.ComponentResource {
    setting;
    constructor(name, args, opts) {
        super("xroad:azure:ResourceDiagnostics", name, {}, opts);
        const categories = exports.RESOURCE_LOG_CATEGORIES[args.kind];
        this.setting = new monitor.DiagnosticSetting(name, {
            name: "xroad-sidecar-audit",
            resourceUri: args.resourceUri,
            workspaceId: args.workspaceId,
            logs: categories.map((category) => ({ category, enabled: true })),
        }, { parent: this });
        this.registerOutputs({ categories: [...categories] });
    }
}
exports.ResourceDiagnostics = ResourceDiagnostics;
