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
exports.ExistingCluster = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
/**
 * `target: existing`: a cluster the user already has, reached through a kubeconfig (or the ambient one).
 * It provides no archive store and no managed database; storage classes come from config.
 */
class ExistingCluster extends pulumi.ComponentResource {
    bindings;
    outputs;
    constructor(name, args, opts) {
        super("xroad:kubernetes:ExistingCluster", name, {}, opts);
        const { kubeconfigPath, context, storageClasses, clusterCidrs } = args.settings;
        const provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: kubeconfigPath, context }, { parent: this });
        this.bindings = {
            provider,
            cloud: "none",
            storage: { configClass: storageClasses.config, sharedClass: storageClasses.shared },
            loadBalancer: { annotations: {} },
            archives: {},
            databases: {},
            dependsOn: [],
            privateNetworkCidrs: [],
            clusterCidrs,
        };
        this.outputs = { kubeconfig: kubeconfigPath ?? "(ambient)", context: context ?? "(current)" };
        this.registerOutputs(this.outputs);
    }
}
exports.ExistingCluster = ExistingCluster;
