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
exports.StableAddress = exports.AZURE_LB_ANNOTATIONS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const protected_public_ip_1 = require("./protected-public-ip");
const role_definitions_1 = require("./role-definitions");
/** Annotations of the AKS cloud provider for a LoadBalancer Service. */
exports.AZURE_LB_ANNOTATIONS = {
    pipName: "service.beta.kubernetes.io/azure-pip-name",
    resourceGroup: "service.beta.kubernetes.io/azure-load-balancer-resource-group",
    internal: "service.beta.kubernetes.io/azure-load-balancer-internal",
    internalSubnet: "service.beta.kubernetes.io/azure-load-balancer-internal-subnet",
    ipv4: "service.beta.kubernetes.io/azure-load-balancer-ipv4",
};
/**
 * The address of the Security Server that the X-Road global configuration holds (one per server),
 * so it must outlive any re-created Service (NIIS user guide §4.5.7). Public: a static Standard
 * public IP owned by this stack, which the Service binds to by name; the cluster's control-plane
 * identity has Network Contributor on this IP to do so (azure.md B6), and the Service's annotations
 * are known only once that grant has propagated. Internal: a fixed private IP in the node subnet, which
 * the control plane may join through its grant on the node subnet.
 */
class StableAddress extends pulumi.ComponentResource {
    /** The address to register for the Security Server. */
    address;
    annotations;
    publicIp;
    constructor(name, args, opts) {
        super("xroad:azure:StableAddress", name, {}, opts);
        const privateIp = args.privateIp;
        if (args.internal) {
            if (!privateIp)
                throw new Error("an internal load balancer needs a fixed private IP (xroad-sidecar:azure.loadBalancer.privateIp)");
            this.address = pulumi.output(privateIp);
            this.annotations = pulumi.output({
                [exports.AZURE_LB_ANNOTATIONS.internal]: "true",
                [exports.AZURE_LB_ANNOTATIONS.internalSubnet]: args.nodeSubnetName,
                [exports.AZURE_LB_ANNOTATIONS.ipv4]: privateIp,
            });
        }
        else {
            // Losing this address means re-registering the Security Server, so it is protected like data.
            const { publicIp: ip, address } = (0, protected_public_ip_1.protectedPublicIp)(name, args, this, "static public IP");
            this.publicIp = ip;
            this.address = address;
            const bind = (0, role_definitions_1.grant)(`${name}-network-contributor`, {
                principalId: args.controlPlanePrincipalId,
                principalType: "ServicePrincipal",
                role: "networkContributor",
                scope: ip.id,
                subscriptionId: args.subscriptionId,
                description: "AKS control plane: bind the Security Server's static public IP to the load balancer",
            }, { parent: this });
            const ready = (0, role_definitions_1.propagationWait)(`${name}-network-contributor`, [bind], { parent: this });
            this.annotations = pulumi
                .all([ip.name, args.resourceGroupName, ready.id])
                .apply(([pipName, group]) => ({
                [exports.AZURE_LB_ANNOTATIONS.pipName]: pipName,
                [exports.AZURE_LB_ANNOTATIONS.resourceGroup]: group,
            }));
        }
        this.registerOutputs({ address: this.address });
    }
}
exports.StableAddress = StableAddress;
