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
exports.Calico = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const CALICO_CHART_REPOSITORY = "https://docs.tigera.io/calico/charts";
const TIGERA_OPERATOR_NAMESPACE = "tigera-operator";
/**
 * Helm values of the tigera-operator chart for EKS: Calico enforces NetworkPolicy only, while the Amazon
 * VPC CNI keeps pod networking and IPAM (forcing Calico CNI on EKS breaks it: projectcalico/calico#7004).
 * The flow-log UI components are off: nothing here should open more endpoints than policy needs.
 */
function tigeraOperatorValues() {
    return {
        installation: {
            enabled: true,
            kubernetesProvider: "EKS",
            cni: { type: "AmazonVPC" },
            calicoNetwork: { bgp: "Disabled" },
        },
        // No calico-apiserver: the Sidecar uses networking.k8s.io NetworkPolicy only, and an unhealthy aggregated
        // projectcalico.org API breaks discovery for kubectl, Helm and Pulumi (review aws B10).
        apiServer: { enabled: false },
        goldmane: { enabled: false },
        whisker: { enabled: false },
    };
}
/**
 * Calico in policy-only mode (guide §5), so the Sidecar's NetworkPolicies are enforced. It needs no security
 * group rules of its own: the pulumi-eks node group already admits all traffic between nodes (Typha 5473) and
 * 1025-65535 from the control plane; rules of another resource type on that group would fight its own
 * (review aws B10, @pulumi/aws SecurityGroupIngressRule notes).
 */
class Calico extends pulumi.ComponentResource {
    release;
    constructor(name, args, opts) {
        super("xroad:aws:Calico", name, {}, opts);
        this.release = new k8s.helm.v3.Release(name, {
            name: "calico",
            chart: "tigera-operator",
            version: args.chartVersion,
            repositoryOpts: { repo: CALICO_CHART_REPOSITORY },
            namespace: TIGERA_OPERATOR_NAMESPACE,
            createNamespace: true,
            atomic: true,
            cleanupOnFail: true,
            values: tigeraOperatorValues(),
        }, { parent: this });
        this.registerOutputs({ release: this.release.status });
    }
}
exports.Calico = Calico;
