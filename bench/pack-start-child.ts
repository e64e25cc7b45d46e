/**
 * One measured start of the installed policy pack, run by `npm run bench` in a fresh process:
 * `node -r ./scripts/register.cjs bench/pack-start-child.ts <installed pack folder>`. Starts the pack as the
 * CLI's shim does (a fresh process of its own), waits for the gRPC port it prints, stops it, and reports the milliseconds
 * and, on Linux, the pack process's own CPU time until then (steady when other processes compete for the CPUs).
 */
import * as fs from "fs";
import { selfReport } from "./child-report";
import { startAsTheCliDoes } from "./policy-package";
import { readArguments } from "../scripts/arguments";

/** User plus system CPU milliseconds of a running process, from /proc/<pid>/stat (fields 14 and 15), or undefined. */
function processCpuMs(pid: number): number | undefined {
    let stat: string;
    try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
        return undefined; // not Linux
    }
    // The command name (field 2) is in parentheses and may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node.js supports
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / ticksPerSecond : undefined;
}

async function main(): Promise<void> {
    const {
        positionals: [dir],
    } = readArguments(process.argv.slice(2), {}, true);
    if (!dir) throw new Error("usage: pack-start-child.ts <installed pack folder>");
    const { child, ready } = startAsTheCliDoes(dir);
    const { ms } = await ready;
    const cpuMs = child.pid === undefined ? undefined : processCpuMs(child.pid);
    child.kill();
    process.stdout.write(JSON.stringify(selfReport(ms, 0, "pack", cpuMs)) + "\n");
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
