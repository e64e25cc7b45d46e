import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";

/**
 * The log categories each kind of data resource sends to the workspace (guide §8; review azure B5): who used the
 * etcd key (Key Vault `AuditEvent`), who read, wrote or deleted archives and shares (the storage services' own
 * categories, set on the blob and file service, not the account), and the database's server log.
 */
export const RESOURCE_LOG_CATEGORIES = {
    keyVault: ["AuditEvent"],
    blobService: ["StorageRead", "StorageWrite", "StorageDelete"],
    fileService: ["StorageRead", "StorageWrite", "StorageDelete"],
    postgres: ["PostgreSQLLogs"],
} as const;

export interface ResourceDiagnosticsArgs {
    /** The resource whose logs are collected (for storage: `<account id>/blobServices/default` or `…/fileServices/default`). */
    resourceUri: pulumi.Input<string>;
    workspaceId: pulumi.Input<string>;
    kind: keyof typeof RESOURCE_LOG_CATEGORIES;
}

/** A diagnostic setting that sends one data resource's audit logs to the Log Analytics workspace. */
export class ResourceDiagnostics extends pulumi.ComponentResource {
    readonly setting: monitor.DiagnosticSetting;

    constructor(name: string, args: ResourceDiagnosticsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ResourceDiagnostics", name, {}, opts);
        const categories = RESOURCE_LOG_CATEGORIES[args.kind];
        this.setting = new monitor.DiagnosticSetting(
            name,
            {
                name: "xroad-sidecar-audit",
                resourceUri: args.resourceUri,
                workspaceId: args.workspaceId,
                logs: categories.map((category) => ({ category, enabled: true })),
            },
            { parent: this },
        );
        this.registerOutputs({ categories: [...categories] });
    }
}
