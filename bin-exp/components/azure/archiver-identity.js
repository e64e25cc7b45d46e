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
exports.ArchiverIdentity = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const managedidentity = __importStar(require("@pulumi/azure-native/managedidentity"));
const archiver_1 = require("../../policy/xroad/archiver");
const role_definitions_1 = require("./role-definitions");
/** The audience AKS workload identity tokens are issued for. */
const WORKLOAD_IDENTITY_AUDIENCE = "api://AzureADTokenExchange";
/** ServiceAccount annotation and pod label of the AKS workload identity webhook. */
const WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id";
const WORKLOAD_IDENTITY_USE_LABEL = "azure.workload.identity/use";
/** The Kubernetes subject of one namespace's archiver ServiceAccount. */
function archiverSubject(namespace) {
    return `system:serviceaccount:${namespace}:${archiver_1.ARCHIVER_SERVICE_ACCOUNT}`;
}
/**
 * The workload identity of one instance's archiver (guide §10): a user-assigned identity that only
 * the archiver ServiceAccount of that namespace can federate into, allowed to read and write blobs
 * in that instance's archive container and nowhere else.
 */
class ArchiverIdentity extends pulumi.ComponentResource {
    identity;
    binding;
    constructor(name, args, opts) {
        super("xroad:azure:ArchiverIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(name, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
        }, { parent: this });
        const federation = new managedidentity.FederatedIdentityCredential(`${name}-federation`, {
            resourceGroupName: args.resourceGroupName,
            resourceName: this.identity.name,
            federatedIdentityCredentialResourceName: "archiver-service-account",
            issuer: args.oidcIssuerUrl,
            subject: archiverSubject(args.namespace),
            audiences: [WORKLOAD_IDENTITY_AUDIENCE],
        }, { parent: this });
        const access = (0, role_definitions_1.grant)(`${name}-blob-writer`, {
            principalId: this.identity.principalId,
            principalType: "ServicePrincipal",
            role: "storageBlobDataContributor",
            scope: args.containerId,
            subscriptionId: args.subscriptionId,
            description: `X-Road archiver of namespace ${args.namespace}: this archive container only`,
        }, { parent: this });
        const accessReady = (0, role_definitions_1.propagationWait)(`${name}-blob-writer`, [access], { parent: this });
        this.binding = {
            kind: "blob",
            accountName: args.accountName,
            container: args.containerName,
            // The client ID is known only once the federation exists and the grant has propagated, so the archiver never
            // starts with an identity that cannot yet sign in or write.
            serviceAccountAnnotations: {
                [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: pulumi
                    .all([this.identity.clientId, federation.id, accessReady.id])
                    .apply(([clientId]) => clientId),
            },
            serviceAccountName: archiver_1.ARCHIVER_SERVICE_ACCOUNT,
            podLabels: { [WORKLOAD_IDENTITY_USE_LABEL]: "true" },
            image: args.archiverImage,
        };
        this.registerOutputs({ clientId: this.identity.clientId, principalId: this.identity.principalId });
    }
}
exports.ArchiverIdentity = ArchiverIdentity;
