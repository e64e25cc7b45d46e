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
exports.PodSecurityBaseline = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
/**
 * Azure Policy's built-in initiative "Kubernetes cluster pod security baseline standards for Linux-based
 * workloads" (policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d; AKS docs, "Secure your pods with Azure
 * Policy"), the same baseline the Sidecar namespaces enforce through Pod Security Admission (guide §6).
 */
const POD_SECURITY_BASELINE_INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d";
/**
 * Review azure B1: the CrossGuard pack checks the program at deploy time; this keeps checking the running cluster.
 * The initiative is assigned with effect `audit`: every pod, whoever created it (kubectl, a Helm upgrade outside
 * Pulumi), is reported in Azure Policy compliance without blocking the cluster's own add-ons; the Sidecar
 * namespaces already refuse non-compliant pods through Pod Security Admission.
 */
class PodSecurityBaseline extends pulumi.ComponentResource {
    assignment;
    constructor(name, args, opts) {
        super("xroad:azure:PodSecurityBaseline", name, {}, opts);
        this.assignment = new authorization.PolicyAssignment(name, {
            scope: args.clusterId,
            policyAssignmentName: "pod-security-baseline",
            displayName: "Kubernetes cluster pod security baseline standards for Linux-based workloads (X-Road Sidecar)",
            policyDefinitionId: POD_SECURITY_BASELINE_INITIATIVE,
            parameters: { effect: { value: "audit" } },
            enforcementMode: "Default",
        }, { parent: this });
        this.registerOutputs({ assignmentId: this.assignment.id });
    }
}
exports.PodSecurityBaseline = PodSecurityBaseline;
