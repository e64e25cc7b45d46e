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
exports.policyConfigFile = policyConfigFile;
exports.readPolicyConfig = readPolicyConfig;
exports.engineResources = engineResources;
exports.selfCheck = selfCheck;
exports.formatSelfCheck = formatSelfCheck;
/**
 * The offline plan's self-check: the whole CrossGuard pack over the resources a plan registered, through the
 * same engine the pack's tests use, with the policy config of the stack's environment (policy/config/dev.json
 * or prod.json). Resource inputs stand in for both inputs and outputs (the plan has no real outputs); secrets
 * are unwrapped, as the policy server hands them to policies.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const evaluate_1 = require("../policy/engine/evaluate");
const policies_1 = require("../policy/policies");
const redact_1 = require("./redact");
const CONFIG_FILES = {
    development: "dev.json",
    production: "prod.json",
};
/** The policy config file an environment is checked with. */
function policyConfigFile(environment) {
    return path.resolve(__dirname, "..", "policy", "config", CONFIG_FILES[environment]);
}
function readPolicyConfig(environment) {
    return JSON.parse(fs.readFileSync(policyConfigFile(environment), "utf8"));
}
function asProps(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
/** Planned resources as the policy server sees them: props with secrets unwrapped, the explicit provider resolved. */
function engineResources(resources) {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => {
        // Provider references are `<urn>::<id>`.
        const providerUrn = r.provider ? r.provider.slice(0, r.provider.lastIndexOf("::")) : undefined;
        const provider = providerUrn ? byUrn.get(providerUrn) : undefined;
        return {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: asProps((0, redact_1.unwrapSecrets)(r.inputs)),
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            protect: r.protect,
            provider: provider
                ? { type: provider.type, name: provider.name, urn: provider.urn, props: asProps((0, redact_1.unwrapSecrets)(provider.inputs)) }
                : undefined,
        };
    });
}
async function selfCheck(plan, environment) {
    const env = environment ?? plan.config.environment;
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const result = await (0, evaluate_1.evaluate)(policies_1.allPolicies, engineResources(plan.resources), { config: readPolicyConfig(env) });
    const violations = result.violations.map((v) => {
        const r = v.urn ? byUrn.get(v.urn) : undefined;
        return { policy: v.policy, level: v.level, urn: v.urn, type: r?.type, name: r?.name, message: v.message };
    });
    return { violations, mandatory: violations.filter((v) => v.level === "mandatory") };
}
/** Report lines: one per violation, mandatory first, then a summary line. */
function formatSelfCheck(report, environment) {
    const header = `Policy self-check (${environment}: ${path.relative(process.cwd(), policyConfigFile(environment))}, ${policies_1.allPolicies.length} policies)`;
    const sorted = [...report.violations].sort((a, b) => a.level === b.level ? a.policy.localeCompare(b.policy) : a.level === "mandatory" ? -1 : 1);
    const lines = sorted.map((v) => `  [${v.level}] ${v.policy} ${v.type ?? ""}${v.name ? ` ${v.name}` : ""}: ${v.message}`);
    lines.push(report.violations.length === 0
        ? `${header}: no violations.`
        : `${header}: ${report.mandatory.length} mandatory, ${report.violations.length - report.mandatory.length} advisory violation(s).`);
    return lines;
}
