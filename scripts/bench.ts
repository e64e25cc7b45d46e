/**
 * `npm run bench -- [--runs N] [--stacks a,b] [--instances 1,10,50] [--check-mb 1,5,50] [--check-runs N]
 *   [--only plan|check|pack] [--out file]`:
 * how fast and how big the offline plan is, and how fast `npm run check` reads plain manifests.
 *  - For each example stack: the plan's wall time and peak memory (median of N runs, default 5), each
 *    in a fresh process started like `npm run plan`, next to the FLOOR: a fresh process that loads the
 *    same node_modules files the plan loaded (the SDKs, yaml, zod) and registers nothing. Ratio plan/floor.
 *    And the SDK REGISTRATION bound: the floor plus registering exactly the plan's resources (from its plan.json)
 *    through Pulumi's mock runtime with echoing mocks and no program (bench/registration-child.ts). No offline plan
 *    of the stack can be faster; its ratio to the floor shows how much of the 1.3× budget the SDK alone takes.
 *  - Growth: the same plan for one existing-target stack with 1, 10 and 50 single-pod Sidecar
 *    instances (generated in a temporary project), as milliseconds and megabytes per added instance
 *    (least-squares slope over the medians), next to the SDK registration bound's slope.
 *  - Checker throughput: `npm run check` (in a fresh process, bench/check-child.ts) over generated manifests
 *    (bench/check-input.ts, ~450 bytes per object) of 1, 5 and 50 MB: MB per second of CPU time, per size, and
 *    `check.throughput` at the largest size. Linear means the same throughput at every size.
 *  - Policy pack start: the pack built, packed and installed as a published pack, started through the CLI's
 *    run-policy-pack path until it serves (`pack.startMs`, median of N fresh processes).
 * Writes out/bench.json and prints a table. Targets: plan ≤ 1.3× floor (wall and CPU); ≤ 20 ms and ≤ 5 MB per added
 * instance; 50 MB checked in under 60 s of CPU time and 1 GB of peak memory;
 * pack start ≤ 1.5 s.
 * Exit codes: 0 measured (targets met or not, see `targetsMet`), 2 usage.
 * Not part of `npm test`: about 10 minutes on two cores.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { listStacks } from "../plan/stack-file";
import { Run, measureChild, rssSource } from "../bench/measure";
import { MIN_VERDICT_RUNS, Sample, perInstanceVerdict, sample, slope } from "../bench/stats";
import { writeCheckInput } from "../bench/check-input";
import { packAndInstall } from "../bench/policy-package";
import { UsageError, readArguments } from "./arguments";

const TARGETS = { floorRatio: 1.3, msPerInstance: 20, mbPerInstance: 5, check50MbSeconds: 60, check50MbPeakMb: 1024, packStartMs: 1500 };
const PLAN_CHILD = path.join("bench", "plan-child.ts");
const CHECK_CHILD = path.join("bench", "check-child.ts");
const PACK_START_CHILD = path.join("bench", "pack-start-child.ts");
const FLOOR_CHILD = path.join("bench", "floor-child.ts");
const REGISTRATION_CHILD = path.join("bench", "registration-child.ts");
const USAGE =
    "usage: npm run bench -- [--runs N] [--stacks a,b] [--instances 1,10,50] [--check-mb 1,5,50] [--check-runs N] [--only plan|check|pack] [--out file]";

interface Args {
    runs: number;
    stacks?: string[];
    instances: number[];
    checkMb: number[];
    checkRuns: number;
    only?: "plan" | "check" | "pack";
    out?: string;
}

function parseArgs(argv: string[]): Args | string {
    let values;
    try {
        ({ values } = readArguments(argv, {
            runs: { type: "string" },
            stacks: { type: "string" },
            instances: { type: "string" },
            out: { type: "string" },
            "check-mb": { type: "string" },
            "check-runs": { type: "string" },
            only: { type: "string" },
        }));
    } catch (e) {
        if (e instanceof UsageError) return e.message;
        throw e;
    }
    const numbers = (list: string) => list.split(",").map(Number);
    const args: Args = {
        runs: values.runs === undefined ? 5 : Number(values.runs),
        instances: values.instances === undefined ? [1, 10, 50] : numbers(values.instances),
        checkMb: values["check-mb"] === undefined ? [1, 5, 50] : numbers(values["check-mb"]),
        checkRuns: values["check-runs"] === undefined ? 3 : Number(values["check-runs"]),
        ...(values.stacks === undefined ? {} : { stacks: values.stacks.split(",").filter((stack) => stack !== "") }),
        ...(values.out === undefined ? {} : { out: values.out }),
    };
    if (values.only !== undefined) {
        const only = values.only;
        if (only !== "plan" && only !== "check" && only !== "pack") return "--only takes plan, check or pack";
        args.only = only;
    }
    if (args.checkMb.length === 0 || args.checkMb.some((n) => !(n > 0))) return "--check-mb takes positive sizes in MB, such as 1,5,50";
    if (!Number.isInteger(args.checkRuns) || args.checkRuns < 1) return "--check-runs takes a positive integer";
    if (!Number.isInteger(args.runs) || args.runs < 1) return "--runs takes a positive integer";
    if (
        args.instances.length < 2 ||
        args.instances.some((n) => !Number.isInteger(n) || n < 1) ||
        new Set(args.instances).size !== args.instances.length
    ) {
        return "--instances takes at least two different positive integers, such as 1,10,50";
    }
    return args;
}

interface Measured {
    wallMs: Sample;
    cpuMs: Sample;
    peakMb: Sample;
    /** Time inside the process, start-up excluded. */
    inProcessMs: Sample;
}

function summarise(runs: Run[]): Measured {
    return {
        wallMs: sample(runs.map((r) => r.wallMs)),
        cpuMs: sample(runs.map((r) => r.cpuMs)),
        peakMb: sample(runs.map((r) => r.peakMb)),
        inProcessMs: sample(runs.map((r) => r.report.planMs)),
    };
}

interface StackResult {
    stack: string;
    target: string;
    resources: number;
    /** node_modules files the plan loaded, and so the floor too. */
    packageFiles: number;
    plan: Measured;
    floor: Measured;
    ratio: { wall: number; cpu: number; memory: number };
    withinTarget: boolean;
    /** The floor plus the SDK registering the plan's resources, without the program (bench/registration-child.ts). */
    sdkRegistration: Measured;
    /** sdkRegistration over the floor: the least ratio any offline plan of this stack can have. */
    sdkRegistrationRatio: { wall: number; cpu: number };
    /**
     * One plan with the transpile cache off (XROAD_TRANSPILE_CACHE=0): what the first run after editing every
     * file costs. The counted runs find the project's TypeScript already transpiled, as every run after the first does.
     */
    coldCache: { wallMs: number; cpuMs: number };
}

function benchStack(repoDir: string, stack: string, runs: number, tmp: string): StackResult {
    const outDir = path.join(tmp, "plan", stack);
    const modulesFile = path.join(tmp, `${stack}.modules.json`);
    // A first, uncounted run lists the files the floor loads and warms the file cache for both.
    const first = measureChild(repoDir, PLAN_CHILD, [repoDir, stack, outDir, modulesFile]);
    measureChild(repoDir, FLOOR_CHILD, [modulesFile]);
    const planFile = path.join(outDir, "plan.json");
    measureChild(repoDir, REGISTRATION_CHILD, [modulesFile, planFile]);
    const plans: Run[] = [];
    const floors: Run[] = [];
    const registrations: Run[] = [];
    for (let i = 0; i < runs; i++) {
        // Interleaved, so drift in the machine's load hits all three alike.
        plans.push(measureChild(repoDir, PLAN_CHILD, [repoDir, stack, outDir]));
        floors.push(measureChild(repoDir, FLOOR_CHILD, [modulesFile]));
        registrations.push(measureChild(repoDir, REGISTRATION_CHILD, [modulesFile, planFile]));
        process.stderr.write(".");
    }
    const cold = measureChild(repoDir, PLAN_CHILD, [repoDir, stack, outDir], { XROAD_TRANSPILE_CACHE: "0" });
    const plan = summarise(plans);
    const floor = summarise(floors);
    const sdkRegistration = summarise(registrations);
    const ratio = {
        wall: plan.wallMs.median / floor.wallMs.median,
        cpu: plan.cpuMs.median / floor.cpuMs.median,
        memory: plan.peakMb.median / floor.peakMb.median,
    };
    const packageFiles = (JSON.parse(fs.readFileSync(modulesFile, "utf8")) as unknown[]).length;
    return {
        stack,
        target: first.report.target,
        resources: first.report.resources,
        packageFiles,
        plan,
        floor,
        ratio,
        // Both ratios: load inflates wall and CPU time differently, so one of them alone could pass by noise.
        withinTarget: runs >= MIN_VERDICT_RUNS && ratio.wall <= TARGETS.floorRatio && ratio.cpu <= TARGETS.floorRatio,
        coldCache: { wallMs: cold.wallMs, cpuMs: cold.cpuMs },
        sdkRegistration,
        sdkRegistrationRatio: {
            wall: sdkRegistration.wallMs.median / floor.wallMs.median,
            cpu: sdkRegistration.cpuMs.median / floor.cpuMs.median,
        },
    };
}

/** A stack on an existing cluster with `count` single-pod Sidecars, each in its own namespace. */
function scaleStack(count: number): string {
    const lines = ["# Generated by npm run bench.", "config:", "  xroad-sidecar:target: existing", "  xroad-sidecar:instances:"];
    for (let i = 1; i <= count; i++) lines.push(`    - name: sidecar-${i}`, "      topology: single");
    return lines.join("\n") + "\n";
}

interface ScalePoint {
    instances: number;
    resources: number;
    plan: Measured;
    sdkRegistration: Measured;
}

interface ScaleResult {
    points: ScalePoint[];
    perInstance: { wallMs: number; cpuMs: number; inProcessMs: number; peakMb: number; resources: number };
    /** The SDK registration bound's cost per added instance: what Pulumi's runtime alone takes for its resources. */
    sdkRegistrationPerInstance: { cpuMs: number; inProcessMs: number };
    /** Per-instance verdicts (perInstanceVerdict): never "yes" on wall-time noise or too few runs. */
    withinTarget: { ms: boolean; mb: boolean; judged: boolean };
}

function benchScaling(repoDir: string, counts: number[], runs: number, tmp: string): ScaleResult {
    const projectDir = path.join(tmp, "scale-project");
    fs.mkdirSync(projectDir, { recursive: true });
    fs.copyFileSync(path.join(repoDir, "Pulumi.yaml"), path.join(projectDir, "Pulumi.yaml"));
    const points: ScalePoint[] = [];
    for (const count of counts) {
        const stack = `scale-${count}`;
        fs.writeFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), scaleStack(count));
        const outDir = path.join(tmp, "plan", stack);
        const modulesFile = path.join(tmp, `${stack}.modules.json`);
        const registrationArgs = [modulesFile, path.join(outDir, "plan.json")];
        const first = measureChild(repoDir, PLAN_CHILD, [projectDir, stack, outDir, modulesFile]);
        measureChild(repoDir, REGISTRATION_CHILD, registrationArgs);
        const measured: Run[] = [];
        const registrations: Run[] = [];
        for (let i = 0; i < runs; i++) {
            measured.push(measureChild(repoDir, PLAN_CHILD, [projectDir, stack, outDir]));
            registrations.push(measureChild(repoDir, REGISTRATION_CHILD, registrationArgs));
            process.stderr.write(".");
        }
        points.push({
            instances: count,
            resources: first.report.resources,
            plan: summarise(measured),
            sdkRegistration: summarise(registrations),
        });
    }
    const fit = (y: (p: ScalePoint) => number) => slope(points.map((p) => ({ x: p.instances, y: y(p) })));
    const perInstance = {
        wallMs: fit((p) => p.plan.wallMs.median),
        cpuMs: fit((p) => p.plan.cpuMs.median),
        inProcessMs: fit((p) => p.plan.inProcessMs.median),
        peakMb: fit((p) => p.plan.peakMb.median),
        resources: fit((p) => p.resources),
    };
    return {
        points,
        perInstance,
        sdkRegistrationPerInstance: {
            cpuMs: fit((p) => p.sdkRegistration.cpuMs.median),
            inProcessMs: fit((p) => p.sdkRegistration.inProcessMs.median),
        },
        withinTarget: perInstanceVerdict(perInstance, runs, counts.length, TARGETS),
    };
}

interface CheckPoint {
    megabytes: number;
    bytes: number;
    objects: number;
    files: number;
    wallMs: Sample;
    cpuMs: Sample;
    inProcessMs: Sample;
    peakMb: Sample;
    /** MB (10^6 bytes) per second of the process's CPU time, start-up included: steady under competing load. */
    mbPerCpuSecond: number;
    /** MB per second of in-process time (reading and checking, start-up excluded). */
    mbPerSecond: number;
}

interface CheckResult {
    sizes: CheckPoint[];
    /** mbPerSecond at the largest size: the headline figure. */
    throughput: number;
    /**
     * Throughput at the largest size over throughput at the smallest: 1 or more when time grows no faster than the input
     * (small inputs also pay start-up and JIT warm-up).
     */
    linearity: number;
    withinTarget: boolean;
}

function benchCheck(repoDir: string, sizes: number[], runs: number, tmp: string): CheckResult {
    const points: CheckPoint[] = [];
    for (const megabytes of [...sizes].sort((a, b) => a - b)) {
        const input = writeCheckInput(path.join(tmp, `check-${megabytes}mb`), megabytes);
        const measured: Run[] = [];
        for (let i = 0; i < runs; i++) {
            measured.push(measureChild(repoDir, CHECK_CHILD, [input.dir]));
            process.stderr.write(".");
        }
        fs.rmSync(input.dir, { recursive: true, force: true });
        const cpuMs = sample(measured.map((r) => r.cpuMs));
        const inProcessMs = sample(measured.map((r) => r.report.planMs));
        points.push({
            megabytes,
            bytes: input.bytes,
            objects: input.objects,
            files: input.files,
            wallMs: sample(measured.map((r) => r.wallMs)),
            cpuMs,
            inProcessMs,
            peakMb: sample(measured.map((r) => r.peakMb)),
            mbPerCpuSecond: input.bytes / 1e6 / (cpuMs.median / 1000),
            mbPerSecond: input.bytes / 1e6 / (inProcessMs.median / 1000),
        });
    }
    const largest = points[points.length - 1];
    // The 50 MB target, scaled to the largest size measured.
    const scale = 50 / largest.megabytes;
    return {
        sizes: points,
        throughput: largest.mbPerSecond,
        linearity: largest.mbPerSecond / points[0].mbPerSecond,
        withinTarget:
            largest.cpuMs.median * scale <= TARGETS.check50MbSeconds * 1000 &&
            (largest.megabytes < 50 || largest.peakMb.median <= TARGETS.check50MbPeakMb),
    };
}

interface PackResult {
    /** Median milliseconds from starting the installed pack through the CLI's run-policy-pack path to its gRPC port. */
    startMs: number;
    start: Sample;
    /** The pack process's own CPU time until it serves, where the platform shows it (Linux): steady under load. */
    cpu?: Sample;
    withinTarget: boolean;
}

function benchPackStart(repoDir: string, runs: number, tmp: string): PackResult {
    const work = path.join(tmp, "pack");
    fs.mkdirSync(work, { recursive: true });
    const pack = packAndInstall(path.join(repoDir, "policy"), work);
    measureChild(repoDir, PACK_START_CHILD, [pack.dir]); // uncounted: warms the file cache
    const starts: Run[] = [];
    for (let i = 0; i < runs; i++) {
        starts.push(measureChild(repoDir, PACK_START_CHILD, [pack.dir]));
        process.stderr.write(".");
    }
    const start = sample(starts.map((r) => r.report.planMs));
    const cpuRuns = starts.map((r) => r.report.subjectCpuMs).filter((n): n is number => n !== undefined);
    const cpu = cpuRuns.length === starts.length ? sample(cpuRuns) : undefined;
    // The verdict is on wall time, which load only inflates: noise can turn it to NO, never to yes.
    return { startMs: start.median, start, cpu, withinTarget: runs >= MIN_VERDICT_RUNS && start.median <= TARGETS.packStartMs };
}

function table(rows: string[][]): string[] {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const mb = (n: number) => `${n.toFixed(0)} MB`;

function main(): number {
    const args = parseArgs(process.argv.slice(2));
    if (typeof args === "string") {
        console.error(`${args}\n${USAGE}`);
        return 2;
    }
    const repoDir = path.resolve(__dirname, "..");
    const known = listStacks(repoDir);
    const unknown = (args.stacks ?? []).filter((s) => !known.includes(s));
    if (unknown.length > 0) {
        console.error(`no stack file for ${unknown.join(", ")}; stacks here: ${known.join(", ")}\n${USAGE}`);
        return 2;
    }
    const stacks = args.stacks ?? known;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-bench-"));
    const loadAtStart = os.loadavg()[0];
    try {
        const planParts = args.only === undefined || args.only === "plan";
        const checkParts = args.only === undefined || args.only === "check";
        const packParts = args.only === undefined || args.only === "pack";
        process.stderr.write(
            `Benchmarking ${planParts ? `${stacks.length} stack(s) and plans of ${args.instances.join(", ")} instances, ${plural(args.runs, "run")} each` : ""}${planParts && checkParts ? "; " : ""}${checkParts ? `npm run check over ${args.checkMb.join(", ")} MB, ${plural(args.checkRuns, "run")} each` : ""}; each in a fresh process `,
        );
        const stackResults = planParts ? stacks.map((s) => benchStack(repoDir, s, args.runs, tmp)) : [];
        const scaling = planParts ? benchScaling(repoDir, args.instances, args.runs, tmp) : undefined;
        const check = checkParts ? benchCheck(repoDir, args.checkMb, args.checkRuns, tmp) : undefined;
        const pack = packParts ? benchPackStart(repoDir, args.runs, tmp) : undefined;
        process.stderr.write("\n\n");

        const result = {
            date: new Date().toISOString(),
            machine: {
                loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
                node: process.version,
                platform: `${os.platform()} ${os.arch()}`,
                cpus: os.cpus().length,
                cpuModel: os.cpus()[0]?.model,
                memoryMb: Math.round(os.totalmem() / 1024 / 1024),
            },
            method: {
                runs: args.runs,
                statistic: "median",
                process: "node -r ./scripts/register.cjs (as npm run plan), one fresh process per run, started from the repository root",
                plan: "bench/plan-child.ts: read the stack file, plan under Pulumi mocks, write plan.json and manifests (what npm run plan does)",
                floor: "bench/floor-child.ts: require every node_modules file the plan of that stack loaded, in the same order; register nothing",
                sdkRegistration:
                    "bench/registration-child.ts: the floor's files, then the plan's resources (plan.json) registered through Pulumi's mock runtime with echoing mocks, no program",
                peakMemory: `${rssSource()} (maximum resident set size)`,
                perInstance: "least-squares slope of the medians over the instance counts",
                pack: "bench/pack-start-child.ts: the pack built, packed (npm pack), installed (npm install --omit=dev) and started as the CLI's shim starts it, until it prints its gRPC port",
                check: "bench/check-child.ts: runCheck over generated manifests (bench/check-input.ts); throughput in MB (10^6 bytes) per second",
            },
            targets: TARGETS,
            stacks: stackResults,
            scaling,
            check,
            pack,
            targetsMet:
                stackResults.every((s) => s.withinTarget) &&
                (!scaling || (scaling.withinTarget.ms && scaling.withinTarget.mb)) &&
                (!check || check.withinTarget) &&
                (!pack || pack.withinTarget),
        };
        const outFile = path.resolve(args.out ?? path.join(repoDir, "out", "bench.json"));
        fs.mkdirSync(path.dirname(outFile), { recursive: true });
        fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");

        const load = Math.max(loadAtStart, os.loadavg()[0]);
        if (load > os.cpus().length) {
            console.log(
                `Note: other processes competed for the CPUs (load average up to ${load.toFixed(1)} on ${os.cpus().length}): wall times are inflated; the CPU columns are the steadier figure.\n`,
            );
        }
        if (scaling) printPlan(stackResults, scaling, args.runs);
        if (check) printCheck(check, args.checkRuns);
        if (pack)
            console.log(
                `\nPolicy pack start through the CLI's run-policy-pack path (npm pack, installed, median of ${plural(args.runs, "fresh process", "fresh processes")}): ${ms(pack.startMs)} (min ${ms(pack.start.min)}, max ${ms(pack.start.max)})${pack.cpu ? `, CPU ${ms(pack.cpu.median)}` : ""} — target ≤ ${TARGETS.packStartMs} ms: ${pack.withinTarget ? "yes" : "NO"}`,
            );
        console.log(
            `\nWrote ${path.relative(process.cwd(), outFile)}.${result.targetsMet ? "" : " Some targets are not met (see above)."}`,
        );
        return 0;
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

function printCheck(check: CheckResult, runs: number): void {
    console.log(`\nnpm run check over generated manifests, median of ${plural(runs, "fresh process", "fresh processes")}:\n`);
    const rows = [["size", "objects", "wall", "CPU", "in-process", "MB/s", "MB/CPU-s", "peak"]];
    for (const p of check.sizes)
        rows.push([
            `${p.megabytes} MB`,
            String(p.objects),
            ms(p.wallMs.median),
            ms(p.cpuMs.median),
            ms(p.inProcessMs.median),
            p.mbPerSecond.toFixed(2),
            p.mbPerCpuSecond.toFixed(2),
            mb(p.peakMb.median),
        ]);
    for (const line of table(rows)) console.log(`  ${line}`);
    console.log(
        `\n  throughput ${check.throughput.toFixed(2)} MB/s at ${check.sizes[check.sizes.length - 1].megabytes} MB, ${check.linearity.toFixed(2)}× the ${check.sizes[0].megabytes} MB figure (≥ 1: no super-linear growth)` +
            ` — target 50 MB in < ${TARGETS.check50MbSeconds} s CPU and < ${TARGETS.check50MbPeakMb} MB: ${check.withinTarget ? "yes" : "NO"}`,
    );
}

function printPlan(stackResults: StackResult[], scaling: ScaleResult, runs: number): void {
    console.log(
        `Offline plan, median of ${plural(runs, "fresh process", "fresh processes")} (node ${process.version}, ${os.cpus().length} CPUs):\n`,
    );
    const rows = [
        [
            "stack",
            "target",
            "resources",
            "plan wall",
            "floor wall",
            "ratio",
            `≤ ${TARGETS.floorRatio}×`,
            "plan CPU",
            "floor CPU",
            "ratio",
            "plan peak",
            "floor peak",
            "ratio",
            "SDK reg. wall",
            "ratio",
            "SDK reg. CPU",
            "ratio",
            "cold CPU",
        ],
    ];
    for (const s of stackResults) {
        rows.push([
            s.stack,
            s.target,
            String(s.resources),
            ms(s.plan.wallMs.median),
            ms(s.floor.wallMs.median),
            `${s.ratio.wall.toFixed(2)}×`,
            s.withinTarget ? "yes" : "NO",
            ms(s.plan.cpuMs.median),
            ms(s.floor.cpuMs.median),
            `${s.ratio.cpu.toFixed(2)}×`,
            mb(s.plan.peakMb.median),
            mb(s.floor.peakMb.median),
            `${s.ratio.memory.toFixed(2)}×`,
            ms(s.sdkRegistration.wallMs.median),
            `${s.sdkRegistrationRatio.wall.toFixed(2)}×`,
            ms(s.sdkRegistration.cpuMs.median),
            `${s.sdkRegistrationRatio.cpu.toFixed(2)}×`,
            ms(s.coldCache.cpuMs),
        ]);
    }
    for (const line of table(rows)) console.log(`  ${line}`);
    console.log(
        "\n  SDK reg.: the floor plus Pulumi's mock runtime registering the plan's resources with no program (bench/registration-child.ts):" +
            "\n  no offline plan of the stack can be faster; its ratio is the part of the budget the SDK alone takes.",
    );
    console.log("  cold CPU: one plan with the transpile cache off (XROAD_TRANSPILE_CACHE=0), as after editing every file.");

    console.log(`\nGrowth with the number of Sidecar instances (target existing, single topology):\n`);
    const scaleRows = [["instances", "resources", "plan wall", "CPU", "in-process", "peak", "SDK reg. CPU", "in-process"]];
    for (const p of scaling.points)
        scaleRows.push([
            String(p.instances),
            String(p.resources),
            ms(p.plan.wallMs.median),
            ms(p.plan.cpuMs.median),
            ms(p.plan.inProcessMs.median),
            mb(p.plan.peakMb.median),
            ms(p.sdkRegistration.cpuMs.median),
            ms(p.sdkRegistration.inProcessMs.median),
        ]);
    for (const line of table(scaleRows)) console.log(`  ${line}`);
    const per = scaling.perInstance;
    console.log(
        `\n  per added instance: ${per.wallMs.toFixed(1)} ms wall (${per.cpuMs.toFixed(1)} ms CPU, ${per.inProcessMs.toFixed(1)} ms in-process), ${per.peakMb.toFixed(2)} MB peak, ${per.resources.toFixed(1)} resources` +
            (scaling.withinTarget.judged
                ? ` — targets ≤ ${TARGETS.msPerInstance} ms (CPU and in-process): ${scaling.withinTarget.ms ? "yes" : "NO"}, ≤ ${TARGETS.mbPerInstance} MB: ${scaling.withinTarget.mb ? "yes" : "NO"}`
                : ` — targets not judged: needs --runs ${MIN_VERDICT_RUNS} or more and three instance counts`),
    );
    const sdk = scaling.sdkRegistrationPerInstance;
    console.log(
        `  SDK registration alone, per added instance: ${sdk.cpuMs.toFixed(1)} ms CPU, ${sdk.inProcessMs.toFixed(1)} ms in-process.`,
    );
}

process.exit(main());
