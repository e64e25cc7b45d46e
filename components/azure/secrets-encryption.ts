import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import { BUILT_IN_ROLES, roleDefinitionId } from "./role-definitions";
import { DataProtection } from "./data-protection";

export interface SecretsEncryptionArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    vaultName: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    /** Principal of the AKS control plane, which wraps and unwraps the etcd data keys. */
    controlPlanePrincipalId: pulumi.Input<string>;
    protection: DataProtection;
    tags: Record<string, string>;
}

/** Days after which Key Vault creates a new key version. */
export const KMS_KEY_ROTATION = "P365D";

/**
 * Envelope encryption of Kubernetes Secrets in etcd (the Sidecar's token PIN, admin and database
 * passwords, guide §3) with a customer-managed key: a Key Vault with RBAC authorisation and purge
 * protection, an RSA key that Key Vault rotates yearly, and the control plane allowed to use it.
 *
 * AKS pins the key version it was given. Old versions have no expiry, so a rotation never breaks
 * the cluster; `pulumi refresh` then `pulumi up` moves the cluster to the newest version. The vault
 * allows public network access because AKS's public KMS mode calls it from the control plane;
 * every call still needs Entra ID and the Crypto User role.
 */
export class SecretsEncryption extends pulumi.ComponentResource {
    readonly vault: keyvault.Vault;
    readonly key: keyvault.Key;
    /** The grant the cluster must wait for. */
    readonly controlPlaneAccess: authorization.RoleAssignment;

    constructor(name: string, args: SecretsEncryptionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:SecretsEncryption", name, {}, opts);
        this.vault = new keyvault.Vault(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                vaultName: args.vaultName,
                properties: {
                    tenantId: args.tenantId,
                    sku: { family: "A", name: "standard" },
                    enableRbacAuthorization: true,
                    // A deleted key would make every Secret in etcd unreadable: deletion is soft and cannot be purged early.
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: 90,
                    enablePurgeProtection: true,
                    publicNetworkAccess: "Enabled",
                },
                tags: args.tags,
            },
            { parent: this, ...args.protection.options },
        );
        this.key = new keyvault.Key(
            `${name}-etcd`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: this.vault.name,
                keyName: "aks-etcd",
                properties: {
                    kty: "RSA",
                    keySize: 2048,
                    keyOps: ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
                    rotationPolicy: { lifetimeActions: [{ trigger: { timeAfterCreate: KMS_KEY_ROTATION }, action: { type: "rotate" } }] },
                },
                tags: args.tags,
            },
            { parent: this, ...args.protection.options },
        );
        this.controlPlaneAccess = new authorization.RoleAssignment(
            `${name}-control-plane`,
            {
                principalId: args.controlPlanePrincipalId,
                principalType: "ServicePrincipal",
                roleDefinitionId: roleDefinitionId(args.subscriptionId, BUILT_IN_ROLES.keyVaultCryptoUser),
                scope: this.vault.id,
                description: "AKS control plane: encrypt and decrypt etcd data keys (KMS)",
            },
            { parent: this },
        );
        this.registerOutputs({ vaultName: this.vault.name, keyId: this.key.keyUriWithVersion });
    }
}
