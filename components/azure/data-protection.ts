import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";

/**
 * How stateful Azure resources (archive account, file shares, database) are kept from deletion.
 * With `protectData` they are `protect`ed (Pulumi refuses to delete them), `retainOnDelete` (a
 * destroy leaves them in Azure) and carry a `CanNotDelete` management lock, the Azure-side deletion
 * protection, so neither the portal nor a script deletes them by accident. A dev stack may turn it off.
 */
export class DataProtection {
    constructor(readonly protectData: boolean) {}

    /** Resource options for a stateful resource. */
    get options(): { protect: boolean; retainOnDelete: boolean } {
        return { protect: this.protectData, retainOnDelete: this.protectData };
    }

    /** A `CanNotDelete` lock on `scope` when data is protected; undefined otherwise. */
    lock(name: string, scope: pulumi.Input<string>, parent: pulumi.Resource): authorization.ManagementLockByScope | undefined {
        if (!this.protectData) return undefined;
        return new authorization.ManagementLockByScope(
            `${name}-lock`,
            {
                scope,
                level: "CanNotDelete",
                notes: "X-Road Sidecar data (xroad-sidecar:protectData): remove this lock deliberately before deleting",
            },
            { parent, ...this.options },
        );
    }
}
