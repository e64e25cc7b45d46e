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
exports.MetricsServer = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const METRICS_SERVER_CHART_REPOSITORY = "https://kubernetes-sigs.github.io/metrics-server/";
/** metrics-server: EKS does not ship it, and the HPA of the secondaries (guide §11) needs resource metrics. */
class MetricsServer extends pulumi.ComponentResource {
    release;
    constructor(name, args, opts) {
        super("xroad:aws:MetricsServer", name, {}, opts);
        this.release = new k8s.helm.v3.Release(name, {
            name: "metrics-server",
            chart: "metrics-server",
            version: args.chartVersion,
            repositoryOpts: { repo: METRICS_SERVER_CHART_REPOSITORY },
            namespace: "kube-system",
            atomic: true,
            cleanupOnFail: true,
            values: {
                replicas: args.highAvailability ? 2 : 1,
                podDisruptionBudget: { enabled: args.highAvailability, minAvailable: 1 },
            },
        }, { parent: this });
        this.registerOutputs({ release: this.release.status });
    }
}
exports.MetricsServer = MetricsServer;
