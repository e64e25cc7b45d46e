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
exports.deployStack = deployStack;
const sidecar_instance_1 = require("./components/kubernetes/sidecar-instance");
const prometheus_rules_1 = require("./components/kubernetes/prometheus-rules");
/**
 * The platform of the stack's target. Each platform module is loaded only for its own target: the AWS
 * and Azure SDKs are large, and a stack needs at most one of them.
 */
async function createPlatform(config) {
    const common = {
        release: config.release,
        instances: config.instances,
        protectData: config.protectData,
        environment: config.environment,
        alerts: config.alerts,
    };
    switch (config.target) {
        case "aws": {
            const { AwsPlatform } = await Promise.resolve().then(() => __importStar(require("./components/aws/aws-platform")));
            return new AwsPlatform(config.aws.clusterName, { ...common, settings: config.aws });
        }
        case "azure": {
            const { AzurePlatform } = await Promise.resolve().then(() => __importStar(require("./components/azure/azure-platform")));
            return new AzurePlatform(`${config.project}-${config.stack}`, { ...common, settings: config.azure });
        }
        case "existing": {
            const { ExistingCluster } = await Promise.resolve().then(() => __importStar(require("./components/kubernetes/existing-cluster")));
            return new ExistingCluster(`${config.project}-${config.stack}`, { settings: config.existing });
        }
    }
}
/**
 * The whole program for one stack: the platform, then one hardened Sidecar per configured instance.
 * `index.ts` calls this with the config of the running stack; the offline plan and the tests call it
 * under mocks.
 */
async function deployStack(config) {
    const platform = await createPlatform(config);
    const instances = {};
    const sidecars = [];
    for (const instance of config.instances) {
        const sidecar = new sidecar_instance_1.SidecarInstance(instance.name, { instance, release: config.release, platform: platform.bindings, protectData: config.protectData }, { provider: platform.bindings.provider, dependsOn: platform.bindings.dependsOn });
        instances[instance.name] = sidecar.outputs;
        sidecars.push(sidecar);
    }
    // guide §8 on a cluster you run: the detections as a PrometheusRule when the Prometheus Operator is there;
    // otherwise the offline plan writes them as a rules file (plan/write.ts).
    if (config.target === "existing" && config.alerts.prometheusRule)
        new prometheus_rules_1.PrometheusRules(`${config.project}-${config.stack}-alerts`, { instances: config.instances, thresholds: config.alerts.thresholds, evaluationMinutes: config.alerts.evaluationMinutes }, { provider: platform.bindings.provider, dependsOn: sidecars });
    // Platform outputs stand at the top level: Pulumi marks a whole output secret when anything inside it
    // is, so nesting them would hide the cluster name and addresses behind the kubeconfig's secrecy.
    return { target: config.target, ...platform.outputs, instances };
}
