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
exports.SecretsEncryption = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const keyvault = __importStar(require("@pulumi/azure-native/keyvault"));
const role_definitions_1 = require("./role-definitions");
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
class SecretsEncryption extends pulumi.ComponentResource {
    vault;
    key;
    /** The control plane's grant on the vault. */
    controlPlaneAccess;
    /** The deployer's grant, which the key waits for. */
    deployerAccess;
    /** What the cluster waits for: the control plane's grant, propagated. */
    ready;
    constructor(name, args, opts) {
        super("xroad:azure:SecretsEncryption", name, {}, opts);
        this.vault = new keyvault.Vault(name, {
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
        }, { parent: this, ...args.protection.options });
        this.deployerAccess = (0, role_definitions_1.grant)(`${name}-deployer`, {
            principalId: args.deployer.objectId,
            principalType: args.deployer.principalType,
            role: "keyVaultCryptoOfficer",
            scope: this.vault.id,
            subscriptionId: args.subscriptionId,
            description: "The identity running pulumi up creates and rotates the etcd key (RBAC vault data plane)",
        }, { parent: this });
        const deployerReady = (0, role_definitions_1.propagationWait)(`${name}-deployer`, [this.deployerAccess], { parent: this }, KEY_VAULT_RBAC_PROPAGATION);
        this.key = new keyvault.Key(`${name}-etcd`, {
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
        }, { parent: this, dependsOn: [deployerReady], ...args.protection.options });
        this.controlPlaneAccess = (0, role_definitions_1.grant)(`${name}-control-plane`, {
            principalId: args.controlPlanePrincipalId,
            principalType: "ServicePrincipal",
            role: "keyVaultCryptoUser",
            scope: this.vault.id,
            subscriptionId: args.subscriptionId,
            description: "AKS control plane: encrypt and decrypt etcd data keys (KMS)",
        }, { parent: this });
        this.ready = (0, role_definitions_1.propagationWait)(`${name}-control-plane`, [this.controlPlaneAccess], { parent: this }, KEY_VAULT_RBAC_PROPAGATION);
        this.registerOutputs({ vaultName: this.vault.name, keyId: this.key.keyUriWithVersion });
    }
}
exports.SecretsEncryption = SecretsEncryption;
