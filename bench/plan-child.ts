/**
 * One measured plan, run by `npm run bench` in a fresh process:
 * `node -r ./scripts/register.cjs bench/plan-child.ts <projectDir> <stack> <outDir> [<modulesFile>]`.
 * Does what `npm run plan` does (read the stack file, plan under mocks, write plan.json and manifests,
 * run the policy self-check) and prints one JSON line with the in-process time. With <modulesFile>, also writes the files it
 * loaded from node_modules, in load order, for the floor process to load the same ones.
 */
// First, before anything imports the Pulumi SDK: defers its eager load of npm's Arborist (see the file).
import "../policy/defer-npm-arborist";
import * as fs from "fs";
import { readStackFile } from "../plan/stack-file";
import { planStack } from "../plan/run";
import { writePlan } from "../plan/write";
import { selfCheck } from "../plan/self-check";
import { useNativeStackTraces } from "../plan/native-stack-traces";
import { loadedPackageFiles, selfReport } from "./child-report";
import { readArguments } from "../scripts/arguments";

async function main(): Promise<void> {
    const {
        positionals: [projectDir, stack, outDir, modulesFile],
    } = readArguments(process.argv.slice(2), {}, true);
    if (!projectDir || !stack || !outDir) throw new Error("usage: plan-child.ts <projectDir> <stack> <outDir> [<modulesFile>]");
    useNativeStackTraces();
    const started = process.hrtime.bigint();
    const plan = await planStack(readStackFile(projectDir, stack));
    writePlan(plan, outDir);
    await selfCheck(plan);
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (modulesFile) fs.writeFileSync(modulesFile, JSON.stringify(loadedPackageFiles()));
    process.stdout.write(JSON.stringify(selfReport(planMs, plan.resources.length, plan.config.target)) + "\n");
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
