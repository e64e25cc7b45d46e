import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { ChildReport, parseChildReport } from "./child-report";

/** GNU time, when installed, measures the child's peak RSS from outside; otherwise the child reports its own. */
const GNU_TIME = "/usr/bin/time";

export type RssSource = "/usr/bin/time" | "process.resourceUsage";

export function rssSource(): RssSource {
    return fs.existsSync(GNU_TIME) ? "/usr/bin/time" : "process.resourceUsage";
}

/** One run of a child process: wall time seen by the parent (start-up included), CPU time and peak memory. */
export interface Run {
    wallMs: number;
    /** User plus system CPU time: unlike wall time, barely inflated when other processes compete for the CPUs. */
    cpuMs: number;
    peakMb: number;
    report: ChildReport;
}

/**
 * Runs `node -r scripts/register.cjs <script> <args>` in a fresh process, from the
 * repository root, the way `npm run plan` starts (transpiled, not type-checked), without npm around it.
 * `env` adds to this process's environment.
 */
export function measureChild(repoDir: string, script: string, args: string[], env: Record<string, string> = {}): Run {
    const node = [process.execPath, "-r", path.join(repoDir, "scripts", "register.cjs"), path.join(repoDir, script), ...args];
    const timeFile = path.join(os.tmpdir(), `xroad-bench-time-${process.pid}.txt`);
    const useTime = rssSource() === "/usr/bin/time";
    const [command, ...commandArgs] = useTime ? [GNU_TIME, "-f", "%M %U %S", "-o", timeFile, ...node] : node;
    const started = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
        cwd: repoDir,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, ...env },
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
        throw new Error(`${script} ${args.join(" ")} exited ${result.status ?? result.signal}:\n${result.stderr}`);
    }
    const report = parseChildReport(result.stdout.trim().split("\n").pop() ?? "");
    let peakKb = report.maxRssKb;
    let cpuMs = report.cpuMs;
    if (useTime) {
        const [rss, user, system] = (fs.readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number);
        fs.rmSync(timeFile, { force: true });
        if ([rss, user, system].some((n) => !Number.isFinite(n))) throw new Error(`unreadable ${GNU_TIME} output for ${script}`);
        peakKb = rss;
        cpuMs = (user + system) * 1000;
    }
    return { wallMs, cpuMs, peakMb: peakKb / 1024, report };
}
