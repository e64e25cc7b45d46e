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
exports.ControlPlaneLogs = exports.CONTROL_PLANE_LOG_TYPES = void 0;
exports.controlPlaneLogGroupName = controlPlaneLogGroupName;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
/** The log group EKS writes control-plane logs to; its name is fixed by EKS. */
function controlPlaneLogGroupName(clusterName) {
    return `/aws/eks/${clusterName}/cluster`;
}
/**
 * guide §8 asks at a minimum for the API server, audit and authenticator logs; CIS Amazon EKS Benchmark 2.1.1
 * ("Enable audit Logs") and review aws B13 expect all five types, so the controller manager and scheduler too.
 */
exports.CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
/**
 * The control-plane log group, created before the cluster (which depends on it). If EKS created it,
 * it would never expire and would not be encrypted with our key (pulumi/pulumi#9296).
 */
class ControlPlaneLogs extends pulumi.ComponentResource {
    logGroup;
    constructor(name, args, opts) {
        super("xroad:aws:ControlPlaneLogs", name, {}, opts);
        this.logGroup = new aws.cloudwatch.LogGroup(name, {
            name: controlPlaneLogGroupName(args.clusterName),
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.kmsKeyArn,
            logGroupClass: "STANDARD",
        }, { parent: this, protect: args.protectData, retainOnDelete: args.protectData });
        this.registerOutputs({ logGroupName: this.logGroup.name });
    }
}
exports.ControlPlaneLogs = ControlPlaneLogs;
