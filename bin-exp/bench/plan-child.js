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
 * One measured plan, run by `npm run bench` in a fresh process:
 * `node -r ts-node/register/transpile-only bench/plan-child.ts <projectDir> <stack> <outDir> [<modulesFile>]`.
 * Does what `npm run plan` does (read the stack file, plan under mocks, write plan.json and manifests,
 * run the policy self-check) and prints one JSON line with the in-process time. With <modulesFile>, also writes the files it
 * loaded from node_modules, in load order, for the floor process to load the same ones.
 */
// First, before anything imports the Pulumi SDK: defers its eager load of npm's Arborist (see the file).
require("../policy/defer-npm-arborist");
const fs = __importStar(require("fs"));
const stack_file_1 = require("../plan/stack-file");
const run_1 = require("../plan/run");
const write_1 = require("../plan/write");
const self_check_1 = require("../plan/self-check");
const native_stack_traces_1 = require("../plan/native-stack-traces");
const child_report_1 = require("./child-report");
const arguments_1 = require("../scripts/arguments");
async function main() {
    const { positionals: [projectDir, stack, outDir, modulesFile], } = (0, arguments_1.readArguments)(process.argv.slice(2), {}, true);
    if (!projectDir || !stack || !outDir)
        throw new Error("usage: plan-child.ts <projectDir> <stack> <outDir> [<modulesFile>]");
    (0, native_stack_traces_1.useNativeStackTraces)();
    const started = process.hrtime.bigint();
    const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
    (0, write_1.writePlan)(plan, outDir);
    await (0, self_check_1.selfCheck)(plan);
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (modulesFile)
        fs.writeFileSync(modulesFile, JSON.stringify((0, child_report_1.loadedPackageFiles)()));
    process.stdout.write(JSON.stringify((0, child_report_1.selfReport)(planMs, plan.resources.length, plan.config.target)) + "\n");
}
main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
