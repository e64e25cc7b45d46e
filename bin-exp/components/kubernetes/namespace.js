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
exports.createSidecarNamespace = createSidecarNamespace;
const k8s = __importStar(require("@pulumi/kubernetes"));
const pod_security_1 = require("../../policy/xroad/pod-security");
/**
 * The instance's own namespace (guide §4.3) with Pod Security Admission labels (guide §6): the Sidecar
 * runs as root under supervisord, so `baseline` is enforced and `restricted` is warned and audited,
 * all pinned to one PSA version so a cluster upgrade cannot silently change what is admitted.
 *
 * Deleting a namespace deletes every PVC in it, whatever `retainOnDelete` says on the PVCs; so the
 * namespace itself is retained when data is protected.
 */
function createSidecarNamespace(resourceName, args, opts) {
    return new k8s.core.v1.Namespace(resourceName, {
        metadata: {
            name: args.name,
            labels: { ...args.labels, ...(0, pod_security_1.psaLabels)(pod_security_1.SIDECAR_NAMESPACE_PSA) },
        },
    }, { ...opts, retainOnDelete: args.protectData });
}
