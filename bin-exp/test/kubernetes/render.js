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
exports.instanceFromConfig = instanceFromConfig;
exports.existingPlatform = existingPlatform;
exports.render = render;
exports.isKind = isKind;
exports.objectsOfKind = objectsOfKind;
exports.theObject = theObject;
exports.podTemplates = podTemplates;
exports.allContainers = allContainers;
const k8s = __importStar(require("@pulumi/kubernetes"));
const config_1 = require("../../config");
const release_1 = require("../../config/release");
const sidecar_instance_1 = require("../../components/kubernetes/sidecar-instance");
const run_1 = require("../../plan/run");
const manifests_1 = require("../../plan/manifests");
const redact_1 = require("../../plan/redact");
const aws_fixtures_1 = require("../aws/aws-fixtures");
/**
 * One instance read through the real config loader, so defaults are the product's: target existing, or aws
 * when the instance archives (target existing creates no archive store and refuses archiving).
 */
function instanceFromConfig(instance, secrets) {
    const archives = instance.archiving?.enabled === true;
    const raw = {
        "xroad-sidecar:target": archives ? "aws" : "existing",
        // Room for any scenario's pods: the component tests are not about node capacity.
        ...(archives ? { "xroad-sidecar:aws": JSON.stringify({ ...aws_fixtures_1.AWS_BASE, nodeGroup: { maxSize: 20 } }) } : {}),
        "xroad-sidecar:instances": JSON.stringify([instance]),
    };
    if (secrets)
        raw["xroad-sidecar:secrets"] = JSON.stringify({ [String(instance.name)]: secrets });
    return (0, config_1.loadStackConfig)(raw, { project: "xroad-sidecar", stack: "test" }).instances[0];
}
function existingPlatform(overrides = {}) {
    return {
        cloud: "none",
        storage: { configClass: "standard" },
        loadBalancer: { annotations: {} },
        archives: {},
        databases: {},
        dependsOn: [],
        privateNetworkCidrs: [],
        clusterCidrs: ["10.0.0.0/8"],
        ...overrides,
    };
}
/** Runs one SidecarInstance under the plan's mocks with a fake platform and returns what it registered. */
async function render(instance, platform = existingPlatform(), release = release_1.RELEASE_DEFAULTS, protectData) {
    const { resources, outputs } = await (0, run_1.recordResources)(() => {
        const provider = new k8s.Provider("test-cluster", { kubeconfig: "fake" });
        const sidecar = new sidecar_instance_1.SidecarInstance(instance.name, { instance, release, platform: { ...platform, provider }, protectData }, { provider });
        return { instance: sidecar.outputs };
    });
    const manifests = (0, manifests_1.kubernetesManifests)(resources);
    const objects = resources
        .filter((r) => r.custom && r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:"))
        .map((r) => (0, redact_1.unwrapSecrets)(r.inputs));
    return { resources, outputs: outputs, manifests, objects };
}
/** Whether the object is of the kind; narrows it to the SDK's shape of that kind. */
function isKind(object, kind) {
    return object.kind === kind;
}
function objectsOfKind(objects, kind) {
    return objects.filter((object) => isKind(object, kind));
}
function theObject(objects, kind, name) {
    const found = objectsOfKind(objects, kind).filter((object) => object.metadata?.name === name);
    if (found.length !== 1)
        throw new Error(`expected one ${kind} ${name}, found ${found.length} among ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(", ")}`);
    return found[0];
}
/** Pod templates of every workload kind we create. */
function podTemplates(objects) {
    const out = [];
    for (const object of objects) {
        const namespace = object.metadata?.namespace;
        if (isKind(object, "Deployment") || isKind(object, "StatefulSet"))
            out.push({ owner: `${object.kind}/${object.metadata.name}`, namespace, template: object.spec.template });
        if (isKind(object, "CronJob"))
            out.push({ owner: `CronJob/${object.metadata.name}`, namespace, template: object.spec.jobTemplate.spec.template });
    }
    return out;
}
/** Every container of a pod template, init containers included. */
function allContainers(template) {
    return [...(template.spec.initContainers ?? []), ...template.spec.containers];
}
