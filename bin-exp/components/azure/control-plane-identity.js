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
exports.ControlPlaneIdentity = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const managedidentity = __importStar(require("@pulumi/azure-native/managedidentity"));
const role_definitions_1 = require("./role-definitions");
/**
 * The AKS control plane's user-assigned identity. It exists before the cluster, so the rights the
 * control plane needs at creation (joining the bring-your-own subnets, later the etcd encryption key,
 * the static public IP and the Azure Files account) are granted, and have propagated, before it first uses them.
 */
class ControlPlaneIdentity extends pulumi.ComponentResource {
    identity;
    networkContributors;
    /** The cluster waits for this: the subnet grants, propagated. */
    networkReady;
    constructor(name, args, opts) {
        super("xroad:azure:ControlPlaneIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(name, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
        }, { parent: this });
        this.networkContributors = Object.entries(args.subnetIds).map(([subnet, subnetId]) => (0, role_definitions_1.grant)(`${name}-network-${subnet}`, {
            principalId: this.identity.principalId,
            principalType: "ServicePrincipal",
            role: "networkContributor",
            scope: subnetId,
            subscriptionId: args.subscriptionId,
            description: `AKS control plane: join the ${subnet} subnet`,
        }, { parent: this }));
        this.networkContributors.push((0, role_definitions_1.grant)(`${name}-network-outbound-ip`, {
            principalId: this.identity.principalId,
            principalType: "ServicePrincipal",
            role: "networkContributor",
            scope: args.outboundIpId,
            subscriptionId: args.subscriptionId,
            description: "AKS control plane: use the stack's static outbound public IP for SNAT",
        }, { parent: this }));
        this.networkReady = (0, role_definitions_1.propagationWait)(`${name}-network`, this.networkContributors, { parent: this });
        this.registerOutputs({ principalId: this.identity.principalId, clientId: this.identity.clientId });
    }
}
exports.ControlPlaneIdentity = ControlPlaneIdentity;
