import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";

/**
 * How stateful Azure resources (archive account, file shares, database) are kept from deletion.
 * With `protectData` they are `protect`ed (Pulumi refuses to delete them), `retainOnDelete` (a
 * destroy leaves them in Azure) and carry a `CanNotDelete` management lock, the Azure-side deletion
 * protection, so neither the portal nor a script deletes them by accident. A dev stack may turn it off.
 *
 * The locks themselves are neither protected nor retained (azure.md A7). A lock also blocks deleting the
 * role assignments beneath it (lock-resources.md: "A cannot-delete lock on a resource or resource group
 * prevents the deletion of Azure RBAC assignments"), so replacing such an assignment (the Files CSI grant,
 * an archiver's container grant, the public IP's grant) takes `azure.dataLocks: false` for one `pulumi up`,
 * then `true` again: Pulumi removes and re-creates the locks. The data stays protected meanwhile by
 * `protect`, and by the retained resource group.
 */
export class DataProtection {
    /** @param locks whether to place the `CanNotDelete` locks (azure.dataLocks); only with protectData. */
    constructor(
        readonly protectData: boolean,
        readonly locks: boolean = true,
    ) {}

    /** Resource options for a stateful resource. */
    get options(): { protect: boolean; retainOnDelete: boolean } {
        return { protect: this.protectData, retainOnDelete: this.protectData };
    }

    /** A `CanNotDelete` lock on `scope` when data is protected; undefined otherwise. */
    lock(name: string, scope: pulumi.Input<string>, parent: pulumi.Resource): authorization.ManagementLockByScope | undefined {
        if (!this.protectData || !this.locks) return undefined;
        return new authorization.ManagementLockByScope(
            `${name}-lock`,
            {
                scope,
                level: "CanNotDelete",
                notes: "X-Road Sidecar data (xroad-sidecar:protectData): remove this lock deliberately before deleting",
            },
            { parent },
        );
    }
}
