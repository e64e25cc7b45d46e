import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as time from "@pulumiverse/time";
import { PrincipalType } from "../../config/azure";

/**
 * Azure built-in role definition GUIDs (the same in every tenant; MicrosoftDocs azure-docs
 * `articles/role-based-access-control/built-in-roles`). Each assignment in this program names the
 * narrowest built-in role that does the job and the narrowest scope it can be given at.
 */
export const BUILT_IN_ROLES = {
    /** Data-plane read/write/delete of blobs; granted on one archive container only (guide §10). */
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    /** Manage storage accounts and list their keys: the Azure Files CSI driver mounts SMB with the account key. */
    storageAccountContributor: "17d1049b-9a84-45c1-9f34-2c4f4a8c3b6f",
    /** Join subnets and bind public IPs: the cloud provider of a bring-your-own-VNet cluster needs it. */
    networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
    /** `listClusterUserCredential`: fetch the (exec, secret-free) kubeconfig; RBAC Writer alone lacks it (azure.md A4). */
    aksClusterUser: "4abbcc35-e782-43d8-92c5-2d3f1bd2253f",
    /** Use keys for cryptographic operations, without managing them: the AKS KMS plugin. */
    keyVaultCryptoUser: "12338af0-0e69-4776-bea7-57ae8d297424",
    /** Create and manage keys on an RBAC vault: the deployer creates the etcd key with it (azure.md A1). */
    keyVaultCryptoOfficer: "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
    /** Kubernetes cluster-admin through Azure RBAC (guide §4.2). */
    aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
} as const;

/** The subscription-scoped resource ID of a built-in role, as `roleDefinitionId` expects it. */
function roleDefinitionId(subscriptionId: pulumi.Input<string>, roleGuid: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

/**
 * How long a new role assignment may take to reach the services that check it. AKS: "New role assignments can
 * take up to five minutes to propagate and be updated by the authorization server" (manage-azure-rbac);
 * AKS-Construction waits 30 s before the KMS key. The wait runs only when the grants are created or replaced.
 */
const RBAC_PROPAGATION = "300s";

/** One grant: the principal's type is required, because the SDK would otherwise send `User` (azure.md A2). */
export interface GrantArgs {
    principalId: pulumi.Input<string>;
    principalType: PrincipalType;
    /** A built-in role, or the GUID of a custom role this stack defines (it must exist first: pass dependsOn). */
    role: keyof typeof BUILT_IN_ROLES | { customRoleGuid: pulumi.Input<string> };
    scope: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    description: string;
}

/** A role assignment with an explicit principal type. */
export function grant(name: string, args: GrantArgs, opts: pulumi.CustomResourceOptions): authorization.RoleAssignment {
    return new authorization.RoleAssignment(
        name,
        {
            principalId: args.principalId,
            principalType: args.principalType,
            roleDefinitionId: roleDefinitionId(
                args.subscriptionId,
                typeof args.role === "string" ? BUILT_IN_ROLES[args.role] : args.role.customRoleGuid,
            ),
            scope: args.scope,
            description: args.description,
        },
        opts,
    );
}

/**
 * A real delay after `grants` (issue 12: "Resources that need a role wait for it"): what needs the roles
 * `dependsOn` this. The triggers tie it to the assignments' IDs, so a replaced assignment waits again.
 */
export function propagationWait(
    name: string,
    grants: authorization.RoleAssignment[],
    opts: pulumi.CustomResourceOptions,
    duration: string = RBAC_PROPAGATION,
): time.Sleep {
    return new time.Sleep(
        `${name}-rbac-propagation`,
        { createDuration: duration, triggers: Object.fromEntries(grants.map((g, i) => [`grant${i}`, g.id])) },
        { ...opts, dependsOn: grants },
    );
}
