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
exports.BUILT_IN_ROLES = void 0;
exports.grant = grant;
exports.propagationWait = propagationWait;
const pulumi = __importStar(require("@pulumi/pulumi"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const time = __importStar(require("@pulumiverse/time"));
/**
 * Azure built-in role definition GUIDs (the same in every tenant; MicrosoftDocs azure-docs
 * `articles/role-based-access-control/built-in-roles`). Each assignment in this program names the
 * narrowest built-in role that does the job and the narrowest scope it can be given at.
 */
exports.BUILT_IN_ROLES = {
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
};
/** The subscription-scoped resource ID of a built-in role, as `roleDefinitionId` expects it. */
function roleDefinitionId(subscriptionId, roleGuid) {
    return pulumi.interpolate `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}
/**
 * How long a new role assignment may take to reach the services that check it. AKS: "New role assignments can
 * take up to five minutes to propagate and be updated by the authorization server" (manage-azure-rbac);
 * AKS-Construction waits 30 s before the KMS key. The wait runs only when the grants are created or replaced.
 */
const RBAC_PROPAGATION = "300s";
/** A role assignment with an explicit principal type. */
function grant(name, args, opts) {
    return new authorization.RoleAssignment(name, {
        principalId: args.principalId,
        principalType: args.principalType,
        roleDefinitionId: roleDefinitionId(args.subscriptionId, typeof args.role === "string" ? exports.BUILT_IN_ROLES[args.role] : args.role.customRoleGuid),
        scope: args.scope,
        description: args.description,
    }, opts);
}
/**
 * A real delay after `grants` (issue 12: "Resources that need a role wait for it"): what needs the roles
 * `dependsOn` this. The triggers tie it to the assignments' IDs, so a replaced assignment waits again.
 */
function propagationWait(name, grants, opts, duration = RBAC_PROPAGATION) {
    return new time.Sleep(`${name}-rbac-propagation`, { createDuration: duration, triggers: Object.fromEntries(grants.map((g, i) => [`grant${i}`, g.id])) }, { ...opts, dependsOn: grants });
}
