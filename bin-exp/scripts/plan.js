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
/**
 * `npm run plan -- --stack <name> [--out <dir>]`: the offline plan. Runs the real program for
 * Pulumi.<name>.yaml under Pulumi's mock runtime (no CLI, no cloud, no credentials), prints the
 * component tree and resource counts, and writes out/<name>/plan.json, out/<name>/manifests/ and
 * out/<name>/flows.md (what can talk to what, from the NetworkPolicies: plan/flows.ts).
 * `--project-dir` plans the stack files of another directory (tests, benchmarks).
 * Then runs the CrossGuard pack over the planned resources (plan/self-check.ts) and prints its report.
 * Exit codes: 0 planned and compliant, 1 a mandatory policy is violated, 2 invalid configuration or usage.
 */
// First, before anything imports the Pulumi SDK: defers its eager load of npm's Arborist (see the file).
require("../policy/defer-npm-arborist");
const path = __importStar(require("path"));
const config_1 = require("../config");
const mocks_1 = require("../plan/mocks");
const stack_file_1 = require("../plan/stack-file");
const run_1 = require("../plan/run");
const write_1 = require("../plan/write");
const capacity_1 = require("../config/capacity");
const summary_1 = require("../plan/summary");
const native_stack_traces_1 = require("../plan/native-stack-traces");
const self_check_1 = require("../plan/self-check");
const arguments_1 = require("./arguments");
function usage(message) {
    console.error(`${message}\nusage: npm run plan -- --stack <name> [--out <dir>] [--project-dir <dir>]`);
    process.exit(2);
}
function parseArgs(argv) {
    let values;
    try {
        ({ values } = (0, arguments_1.readArguments)(argv, {
            stack: { type: "string", short: "s" },
            out: { type: "string" },
            "project-dir": { type: "string" },
        }));
    }
    catch (e) {
        if (e instanceof arguments_1.UsageError)
            usage(e.message);
        throw e;
    }
    if (!values.stack)
        usage("missing --stack");
    return { stack: values.stack, out: values.out, projectDir: values["project-dir"] };
}
async function main() {
    (0, native_stack_traces_1.useNativeStackTraces)();
    const args = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(args.projectDir ?? path.join(__dirname, ".."));
    const started = process.hrtime.bigint();
    let stackFile;
    try {
        stackFile = (0, stack_file_1.readStackFile)(projectDir, args.stack);
    }
    catch (e) {
        console.error(e.message);
        return 2;
    }
    let plan;
    try {
        plan = await (0, run_1.planStack)(stackFile);
    }
    catch (e) {
        if (e instanceof config_1.ConfigValidationError) {
            console.error(e.message);
            return 2;
        }
        if (e instanceof mocks_1.ProviderRuleError) {
            console.error(`Stack ${args.stack}: ${e.message}`);
            return 2;
        }
        throw e;
    }
    const outDir = path.resolve(args.out ?? path.join(projectDir, "out", args.stack));
    let written;
    try {
        written = (0, write_1.writePlan)(plan, outDir);
    }
    catch (e) {
        if (e instanceof write_1.OutDirError) {
            console.error(e.message);
            return 2;
        }
        throw e;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`Offline plan of stack ${args.stack} (target ${plan.config.target}), under Pulumi mocks: nothing was created.`);
    for (const warning of plan.config.warnings)
        console.log(`Warning: ${warning}`);
    if (plan.config.target === "existing") {
        // The program does not know this cluster's nodes; say what they must hold (guide §11).
        const need = (0, capacity_1.totalRequests)((0, capacity_1.sidecarPods)(plan.config.instances));
        console.log(`Capacity: your nodes must hold ${need.pods} Sidecar pods at once (primary, maxReplicas secondaries and a rollout surge per instance): ${need.cpu} and ${need.memory} of requests in all, the largest ${need.largest}.`);
    }
    if (stackFile.secureKeys.length > 0) {
        console.log(`Note: ${stackFile.secureKeys.length} secure value(s) cannot be decrypted offline (${stackFile.secureKeys.join(", ")}); a placeholder stands in, still secret.`);
    }
    console.log("\nComponent tree:");
    for (const line of (0, summary_1.componentTree)(plan.resources))
        console.log(`  ${line}`);
    console.log(`\nResources by type (${plan.resources.length} in all):`);
    for (const [type, n] of (0, summary_1.countsByType)(plan.resources))
        console.log(`  ${String(n).padStart(4)}  ${type}`);
    console.log(`\nWrote ${path.relative(process.cwd(), written.planFile)} and ${written.manifestCount} manifests in ${path.relative(process.cwd(), written.manifestDir)}/ (${ms.toFixed(0)} ms).`);
    console.log(`Network flows per instance: ${path.relative(process.cwd(), written.flowsFile)} (${written.flowMismatches === 0 ? "every flow as configured" : `${written.flowMismatches} flow(s) NOT as configured`}).`);
    if (written.prometheusRulesFile)
        console.log(`Alerting rules for your Prometheus (guide §8): ${path.relative(process.cwd(), written.prometheusRulesFile)}.`);
    const report = await (0, self_check_1.selfCheck)(plan);
    console.log("");
    for (const line of (0, self_check_1.formatSelfCheck)(report, plan.config.environment))
        console.log(line);
    return report.mandatory.length > 0 ? 1 : 0;
}
main().then((code) => process.exit(code), (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
