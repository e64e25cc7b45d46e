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
exports.OutDirError = exports.PLAN_MARKER = void 0;
exports.prepareOutDir = prepareOutDir;
exports.writePlan = writePlan;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const yaml_1 = require("yaml");
const redact_1 = require("./redact");
const manifests_1 = require("./manifests");
const flows_1 = require("./flows");
const prometheus_rules_1 = require("../components/kubernetes/prometheus-rules");
/** Marks a folder the plan wrote, so that a later plan may replace it and nothing else. */
exports.PLAN_MARKER = ".xroad-sidecar-plan";
/** The output folder holds something the plan did not write; nothing was deleted. */
class OutDirError extends Error {
    outDir;
    constructor(outDir) {
        super(`${outDir} is not empty and was not written by npm run plan (it has no ${exports.PLAN_MARKER} file); nothing was deleted. Choose a new or empty folder for --out.`);
        this.outDir = outDir;
        this.name = "OutDirError";
    }
}
exports.OutDirError = OutDirError;
/**
 * Empties `outDir` for a new plan: a missing or empty folder, or one a previous plan wrote (it carries the
 * marker). Any other folder is refused, so `--out ~/src` cannot delete someone's work.
 */
function prepareOutDir(outDir) {
    if (fs.existsSync(outDir)) {
        const entries = fs.readdirSync(outDir);
        // Plans written before the marker existed hold exactly plan.json and manifests/.
        const legacyPlan = entries.length === 2 && entries.includes("plan.json") && entries.includes("manifests");
        if (entries.length > 0 && !entries.includes(exports.PLAN_MARKER) && !legacyPlan)
            throw new OutDirError(outDir);
        if (entries.length > 0)
            fs.rmSync(outDir, { recursive: true });
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, exports.PLAN_MARKER), "Written by npm run plan; the next plan of this stack replaces this folder.\n");
}
/** Writes `plan.json` and one YAML file per Kubernetes object under `outDir`, secrets redacted. */
function writePlan(plan, outDir) {
    const manifestDir = path.join(outDir, "manifests");
    prepareOutDir(outDir);
    fs.mkdirSync(manifestDir, { recursive: true });
    const planFile = path.join(outDir, "plan.json");
    const doc = {
        project: plan.config.project,
        stack: plan.config.stack,
        target: plan.config.target,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            protect: r.protect || undefined,
            retainOnDelete: r.retainOnDelete || undefined,
            dependencies: r.dependencies.length > 0 ? r.dependencies : undefined,
            inputs: (0, redact_1.redactSecrets)(r.inputs),
        })),
        outputs: (0, redact_1.redactSecrets)(plan.outputs),
    };
    fs.writeFileSync(planFile, JSON.stringify(doc, null, 2) + "\n");
    const manifests = (0, manifests_1.kubernetesManifests)(plan.resources);
    for (const m of manifests) {
        // YAML 1.1 output so file modes like 0440 read back the way Kubernetes (go-yaml) reads them.
        fs.writeFileSync(path.join(manifestDir, m.fileName), (0, yaml_1.stringify)(m.object, { version: "1.1" }));
    }
    const flows = (0, flows_1.stackFlows)(plan.config, manifests.map((m) => m.object));
    const flowsFile = path.join(outDir, "flows.md");
    fs.writeFileSync(flowsFile, (0, flows_1.flowsMarkdown)(plan.config.stack, flows));
    let prometheusRulesFile;
    const config = plan.config;
    if (config.target === "existing" && !config.alerts.prometheusRule) {
        prometheusRulesFile = path.join(outDir, prometheus_rules_1.PROMETHEUS_RULES_FILE);
        const groups = (0, prometheus_rules_1.prometheusRuleGroups)(config.instances, config.alerts.thresholds, config.alerts.evaluationMinutes);
        fs.writeFileSync(prometheusRulesFile, "# X-Road Sidecar alerts (guide §8), generated by npm run plan: load with Prometheus's rule_files.\n" + (0, yaml_1.stringify)({ groups }));
    }
    return {
        planFile,
        manifestDir,
        manifestCount: manifests.length,
        flowsFile,
        flowMismatches: (0, flows_1.mismatches)(flows).length,
        prometheusRulesFile,
    };
}
