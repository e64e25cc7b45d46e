"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESOURCES = exports.UNKNOWN = void 0;
exports.urnOf = urnOf;
exports.toEngine = toEngine;
exports.k8s = k8s;
exports.run = run;
exports.messages = messages;
exports.deployment = deployment;
const evaluate_1 = require("../engine/evaluate");
const types_1 = require("../kubernetes/types");
/** The SDK's unknown sentinels (what a preview sends for values not known yet); not in the package's .d.ts. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyExports = require("@pulumi/policy/proxy");
const proxyModule = proxyExports;
exports.UNKNOWN = {
    string: proxyModule.unknownStringValue,
    array: proxyModule.unknownArrayValue,
    object: proxyModule.unknownObjectValue,
    boolean: proxyModule.unknownBooleanValue,
    number: proxyModule.unknownNumberValue,
};
function urnOf(type, name) {
    return `urn:pulumi:test::proj::${type}::${name}`;
}
let counter = 0;
function toEngine(r) {
    const name = r.name ?? `${r.type.split(":").pop()?.toLowerCase()}-${counter++}`;
    return {
        type: r.type,
        name,
        urn: urnOf(r.type, name),
        props: r.props,
        parent: r.parent,
        dependencies: r.dependsOn,
        propertyDependencies: r.propDeps,
        provider: r.providerProps
            ? { type: "pulumi:providers:kubernetes", name: "k8s", urn: urnOf("pulumi:providers:kubernetes", "k8s"), props: r.providerProps }
            : undefined,
    };
}
/** A Kubernetes manifest object as a resource: type token from apiVersion/kind, name from metadata.name. */
function k8s(manifest, extra = {}) {
    return { type: (0, types_1.k8sTypeToken)(manifest.apiVersion, manifest.kind), name: manifest.metadata?.name, props: manifest, ...extra };
}
function packConfig(policy, options) {
    if (!options.config && !options.level)
        return undefined;
    return { [policy.name]: { ...(options.level ? { enforcementLevel: options.level } : {}), ...(options.config ?? {}) } };
}
/**
 * Runs one policy over the resources as the pack runs under `pulumi preview` (unknown sentinels are advisory); violations of
 * that policy only.
 */
async function run(policy, resources, options = {}) {
    const list = (Array.isArray(resources) ? resources : [resources]).map(toEngine);
    return (0, evaluate_1.evaluate)([policy], list, { config: packConfig(policy, options), packLevel: options.packLevel, preview: true });
}
/** Just the messages of the violations. */
async function messages(policy, resources, options = {}) {
    return (await run(policy, resources, options)).violations.map((v) => v.message);
}
/** A Deployment with one container, customisable. */
function deployment(name, namespace, podSpec, podLabels = { app: name }) {
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace },
        spec: { selector: { matchLabels: podLabels }, template: { metadata: { labels: podLabels }, spec: podSpec } },
    };
}
exports.RESOURCES = { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } };
