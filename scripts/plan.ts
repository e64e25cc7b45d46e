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
import "../policy/defer-npm-arborist";
import * as path from "path";
import { ConfigValidationError } from "../config";
import { ProviderRuleError } from "../plan/mocks";
import { readStackFile } from "../plan/stack-file";
import { planStack } from "../plan/run";
import { OutDirError, writePlan } from "../plan/write";
import { sidecarPods, totalRequests } from "../config/capacity";
import { componentTree, countsByType } from "../plan/summary";
import { useNativeStackTraces } from "../plan/native-stack-traces";
import { formatSelfCheck, selfCheck } from "../plan/self-check";
import { UsageError, readArguments } from "./arguments";

function usage(message: string): never {
    console.error(`${message}\nusage: npm run plan -- --stack <name> [--out <dir>] [--project-dir <dir>]`);
    process.exit(2);
}

function parseArgs(argv: string[]): { stack: string; out?: string; projectDir?: string } {
    let values;
    try {
        ({ values } = readArguments(argv, {
            stack: { type: "string", short: "s" },
            out: { type: "string" },
            "project-dir": { type: "string" },
        }));
    } catch (e) {
        if (e instanceof UsageError) usage(e.message);
        throw e;
    }
    if (!values.stack) usage("missing --stack");
    return { stack: values.stack, out: values.out, projectDir: values["project-dir"] };
}

async function main(): Promise<number> {
    useNativeStackTraces();
    const args = parseArgs(process.argv.slice(2));
    const projectDir = path.resolve(args.projectDir ?? path.join(__dirname, ".."));
    const started = process.hrtime.bigint();
    let stackFile;
    try {
        stackFile = readStackFile(projectDir, args.stack);
    } catch (e) {
        console.error((e as Error).message);
        return 2;
    }
    let plan;
    try {
        plan = await planStack(stackFile);
    } catch (e) {
        if (e instanceof ConfigValidationError) {
            console.error(e.message);
            return 2;
        }
        if (e instanceof ProviderRuleError) {
            console.error(`Stack ${args.stack}: ${e.message}`);
            return 2;
        }
        throw e;
    }
    const outDir = path.resolve(args.out ?? path.join(projectDir, "out", args.stack));
    let written;
    try {
        written = writePlan(plan, outDir);
    } catch (e) {
        if (e instanceof OutDirError) {
            console.error(e.message);
            return 2;
        }
        throw e;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;

    console.log(`Offline plan of stack ${args.stack} (target ${plan.config.target}), under Pulumi mocks: nothing was created.`);
    for (const warning of plan.config.warnings) console.log(`Warning: ${warning}`);
    if (plan.config.target === "existing") {
        // The program does not know this cluster's nodes; say what they must hold (guide §11).
        const need = totalRequests(sidecarPods(plan.config.instances));
        console.log(
            `Capacity: your nodes must hold ${need.pods} Sidecar pods at once (primary, maxReplicas secondaries and a rollout surge per instance): ${need.cpu} and ${need.memory} of requests in all, the largest ${need.largest}.`,
        );
    }
    if (stackFile.secureKeys.length > 0) {
        console.log(
            `Note: ${stackFile.secureKeys.length} secure value(s) cannot be decrypted offline (${stackFile.secureKeys.join(", ")}); a placeholder stands in, still secret.`,
        );
    }
    console.log("\nComponent tree:");
    for (const line of componentTree(plan.resources)) console.log(`  ${line}`);
    console.log(`\nResources by type (${plan.resources.length} in all):`);
    for (const [type, n] of countsByType(plan.resources)) console.log(`  ${String(n).padStart(4)}  ${type}`);
    console.log(
        `\nWrote ${path.relative(process.cwd(), written.planFile)} and ${written.manifestCount} manifests in ${path.relative(process.cwd(), written.manifestDir)}/ (${ms.toFixed(0)} ms).`,
    );
    console.log(
        `Network flows per instance: ${path.relative(process.cwd(), written.flowsFile)} (${written.flowMismatches === 0 ? "every flow as configured" : `${written.flowMismatches} flow(s) NOT as configured`}).`,
    );
    if (written.prometheusRulesFile)
        console.log(`Alerting rules for your Prometheus (guide §8): ${path.relative(process.cwd(), written.prometheusRulesFile)}.`);

    const report = await selfCheck(plan);
    console.log("");
    for (const line of formatSelfCheck(report, plan.config.environment)) console.log(line);
    return report.mandatory.length > 0 ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exit(1);
    },
);
