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
exports.ManagedAddon = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const irsa_role_1 = require("./irsa-role");
/**
 * One EKS managed add-on at a pinned version, with its own IRSA role when it needs AWS permissions. It takes
 * over a self-managed copy EKS bootstrapped (OVERWRITE on create) and is upgraded in place when the release
 * block's pin moves (OVERWRITE on update), so `npm run promote` upgrades it with everything else.
 */
class ManagedAddon extends pulumi.ComponentResource {
    addon;
    roleArn;
    constructor(name, args, opts) {
        super("xroad:aws:ManagedAddon", name, {}, opts);
        const role = args.serviceAccountRole ? new irsa_role_1.IrsaRole(`${name}-irsa`, args.serviceAccountRole, { parent: this }) : undefined;
        this.roleArn = role?.arn;
        this.addon = new aws.eks.Addon(name, {
            clusterName: args.clusterName,
            addonName: args.addonName,
            addonVersion: args.addonVersion,
            configurationValues: args.configurationValues,
            serviceAccountRoleArn: role?.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
        }, 
        // The add-on itself waits for what the component waits for (nodes, the cluster), not only its children.
        { parent: this, dependsOn: opts?.dependsOn });
        this.registerOutputs({ addonName: args.addonName, addonVersion: this.addon.addonVersion });
    }
}
exports.ManagedAddon = ManagedAddon;
