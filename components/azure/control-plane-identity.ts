import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { BUILT_IN_ROLES, roleDefinitionId } from "./role-definitions";

export interface ControlPlaneIdentityArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Resource ID of the stack's resource group: node subnet and static public IP live there. */
    resourceGroupId: pulumi.Input<string>;
    location: string;
    subscriptionId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * The AKS control plane's user-assigned identity. It exists before the cluster, so the rights the
 * control plane needs at creation (joining the bring-your-own subnet, binding the static public IP,
 * later the etcd encryption key and the Azure Files account) are granted before it first uses them.
 */
export class ControlPlaneIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly networkContributor: authorization.RoleAssignment;

    constructor(name: string, args: ControlPlaneIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ControlPlaneIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
            },
            { parent: this },
        );
        this.networkContributor = new authorization.RoleAssignment(
            `${name}-network-contributor`,
            {
                principalId: this.identity.principalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: roleDefinitionId(args.subscriptionId, BUILT_IN_ROLES.networkContributor),
                // The stack's own resource group: node subnet (join) and the Sidecar's static public IP (bind).
                scope: args.resourceGroupId,
                description: "AKS control plane: join the node subnet and bind the Security Server's static public IP",
            },
            { parent: this },
        );
        this.registerOutputs({ principalId: this.identity.principalId, clientId: this.identity.clientId });
    }
}
