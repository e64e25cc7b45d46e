import * as pulumi from "@pulumi/pulumi";

/**
 * Azure built-in role definition GUIDs (the same in every tenant). Each assignment in this program
 * names the narrowest built-in role that does the job and the narrowest scope it can be given at.
 */
export const BUILT_IN_ROLES = {
    /** Data-plane read/write/delete of blobs; granted on one archive container only (guide §10). */
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    /** Manage storage accounts and list their keys: the Azure Files CSI driver mounts SMB with the account key. */
    storageAccountContributor: "17d1049b-9a84-45c1-9f34-2c4f4a8c3b6f",
    /** Join subnets and bind public IPs: the cloud provider of a bring-your-own-VNet cluster needs it. */
    networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
    /** Kubernetes read/write of most objects in one namespace, without Roles or RoleBindings (guide §4.3). */
    aksRbacWriter: "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
    /** Use keys for cryptographic operations, without managing them: the AKS KMS plugin. */
    keyVaultCryptoUser: "12338af0-0e69-4776-bea7-57ae8d297424",
    /** Kubernetes cluster-admin through Azure RBAC (guide §4.2). */
    aksRbacClusterAdmin: "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
} as const;

/** The subscription-scoped resource ID of a built-in role, as `roleDefinitionId` expects it. */
export function roleDefinitionId(subscriptionId: pulumi.Input<string>, roleGuid: string): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}
