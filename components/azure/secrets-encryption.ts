import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as time from "@pulumiverse/time";
import { PrincipalType } from "../../config/azure";
import { grant, propagationWait } from "./role-definitions";
import { DataProtection } from "./data-protection";

export interface SecretsEncryptionArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    vaultName: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    /** Principal of the AKS control plane, which wraps and unwraps the etcd data keys. */
    controlPlanePrincipalId: pulumi.Input<string>;
    /** The identity running `pulumi up`: it creates the key through the vault's data plane (azure.md A1). */
    deployer: { objectId: string; principalType: PrincipalType };
    protection: DataProtection;
    tags: Record<string, string>;
}

/** Key Vault data-plane grants reach the vault within about a minute (AKS-Construction waits 30 s). */
const KEY_VAULT_RBAC_PROPAGATION = "60s";

/** Days after which Key Vault creates a new key version. */
const KMS_KEY_ROTATION = "P365D";

/**
 * Envelope encryption of Kubernetes Secrets in etcd (the Sidecar's token PIN, admin and database
 * passwords, guide §3) with a customer-managed key: a Key Vault with RBAC authorisation and purge
 * protection, an RSA key that Key Vault rotates yearly, and the control plane allowed to use it.
 *
 * AKS pins the key version it was given. Old versions have no expiry, so a rotation never breaks
 * the cluster; `pulumi refresh` then `pulumi up` moves the cluster to the newest version.
 *
 * Network: the vault denies every public network (azure.md B8). Legacy KMS in public mode cannot work
 * behind a vault firewall with selected networks ("you can't configure Azure Key Vault with firewall to
 * allow public access from specific virtual networks and IP addresses", docs.azure.cn aks/use-kms-etcd-encryption,
 * Limitations), so the cluster uses private KMS (`keyVaultNetworkAccess: Private`) over API Server VNet
 * Integration. Trusted Azure services bypass the firewall: the Key Vault resource provider, through which
 * ARM creates the key, is one.
 *
 * The deployer gets Key Vault Crypto Officer on this vault only, and the key waits until that grant has
 * propagated; the control plane gets Crypto User, and the cluster waits for `ready`.
 */
export class SecretsEncryption extends pulumi.ComponentResource {
    readonly vault: keyvault.Vault;
    readonly key: keyvault.Key;
    /** The control plane's grant on the vault. */
    readonly controlPlaneAccess: authorization.RoleAssignment;
    /** The deployer's grant, which the key waits for. */
    readonly deployerAccess: authorization.RoleAssignment;
    /** What the cluster waits for: the control plane's grant, propagated. */
    readonly ready: time.Sleep;

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
                    // Private KMS: no public network reaches the vault; trusted Azure services (ARM's Key Vault
                    // provider) still may.
                    publicNetworkAccess: "Disabled",
                    networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
                },
                tags: args.tags,
            },
            { parent: this, ...args.protection.options },
        );
        this.deployerAccess = grant(
            `${name}-deployer`,
            {
                principalId: args.deployer.objectId,
                principalType: args.deployer.principalType,
                role: "keyVaultCryptoOfficer",
                scope: this.vault.id,
                subscriptionId: args.subscriptionId,
                description: "The identity running pulumi up creates and rotates the etcd key (RBAC vault data plane)",
            },
            { parent: this },
        );
        const deployerReady = propagationWait(`${name}-deployer`, [this.deployerAccess], { parent: this }, KEY_VAULT_RBAC_PROPAGATION);
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
            { parent: this, dependsOn: [deployerReady], ...args.protection.options },
        );
        this.controlPlaneAccess = grant(
            `${name}-control-plane`,
            {
                principalId: args.controlPlanePrincipalId,
                principalType: "ServicePrincipal",
                role: "keyVaultCryptoUser",
                scope: this.vault.id,
                subscriptionId: args.subscriptionId,
                description: "AKS control plane: encrypt and decrypt etcd data keys (KMS)",
            },
            { parent: this },
        );
        this.ready = propagationWait(`${name}-control-plane`, [this.controlPlaneAccess], { parent: this }, KEY_VAULT_RBAC_PROPAGATION);
        this.registerOutputs({ vaultName: this.vault.name, keyId: this.key.keyUriWithVersion });
    }
}
