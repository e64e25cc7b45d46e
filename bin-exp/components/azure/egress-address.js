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
exports.EgressAddress = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const protected_public_ip_1 = require("./protected-public-ip");
/**
 * The address the Security Servers' outbound traffic leaves from (review azure B7). AKS's own managed outbound
 * IP changes when the cluster is re-created, and other Security Servers, TSA and OCSP services that allowlist a
 * peer's address would then refuse it. A static Standard public IP of the stack's own, protected like the
 * registered address, is the load balancer's only outbound IP instead (AKS: "Use your own public IPs for
 * outbound"); the control plane gets Network Contributor on it (ControlPlaneIdentity) before the cluster exists.
 */
class EgressAddress extends pulumi.ComponentResource {
    publicIp;
    address;
    constructor(name, args, opts) {
        super("xroad:azure:EgressAddress", name, {}, opts);
        ({ publicIp: this.publicIp, address: this.address } = (0, protected_public_ip_1.protectedPublicIp)(name, args, this, "static outbound public IP"));
        this.registerOutputs({ address: this.address });
    }
}
exports.EgressAddress = EgressAddress;
