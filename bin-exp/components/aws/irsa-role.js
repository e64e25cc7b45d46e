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
exports.IrsaRole = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const policy_document_1 = require("./policy-document");
/**
 * An IAM role for one Kubernetes ServiceAccount (IRSA): pods of that ServiceAccount get its
 * permissions, nothing else in the cluster does, and no node credentials are involved (the nodes'
 * instance metadata is out of reach with hop limit 1).
 */
class IrsaRole extends pulumi.ComponentResource {
    role;
    arn;
    constructor(name, args, opts) {
        super("xroad:aws:IrsaRole", name, {}, opts);
        this.role = new aws.iam.Role(name, {
            description: args.description,
            assumeRolePolicy: (0, policy_document_1.irsaTrustPolicy)(args.oidcProviderArn, args.oidcIssuer, args.namespace, args.serviceAccount),
            maxSessionDuration: 3600,
        }, { parent: this });
        (args.managedPolicyArns ?? []).forEach((policyArn, i) => {
            new aws.iam.RolePolicyAttachment(`${name}-managed-${i}`, { role: this.role.name, policyArn }, { parent: this });
        });
        for (const [policyName, policy] of Object.entries(args.inlinePolicies ?? {})) {
            new aws.iam.RolePolicy(`${name}-${policyName}`, { role: this.role.name, name: policyName, policy }, { parent: this });
        }
        this.arn = this.role.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
exports.IrsaRole = IrsaRole;
