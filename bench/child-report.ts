import * as path from "path";

/** What a measured child process prints as its last stdout line. */
export interface ChildReport {
    /** Time inside the process from its first line of work to the end (plan and write, or loading the floor's modules). */
    planMs: number;
    resources: number;
    target: string;
    /** Peak resident set size the process saw of itself, in KiB (a fallback when /usr/bin/time is missing). */
    maxRssKb: number;
    /** User plus system CPU time of the process so far (same fallback). */
    cpuMs: number;
    /** CPU time of the process this child started and measured (the policy pack), where Linux's /proc shows it. */
    subjectCpuMs?: number;
}

/** This process's report, to print as its last line. */
export function selfReport(planMs: number, resources: number, target: string, subjectCpuMs?: number): ChildReport {
    const usage = process.resourceUsage();
    const report: ChildReport = {
        planMs,
        resources,
        target,
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    };
    if (subjectCpuMs !== undefined) report.subjectCpuMs = subjectCpuMs;
    return report;
}

/** Files loaded so far from node_modules, in the order loading started (require.cache keeps insertion order). */
export function loadedPackageFiles(): string[] {
    const marker = `${path.sep}node_modules${path.sep}`;
    return Object.keys(require.cache).filter((f) => f.includes(marker));
}

/** Reads a child's report line, failing loudly on anything else (a crash, stray output). */
export function parseChildReport(line: string): ChildReport {
    let value: unknown;
    try {
        value = JSON.parse(line);
    } catch {
        throw new Error(`not a bench report: ${line}`);
    }
    const v = (typeof value === "object" && value !== null ? value : {}) as Partial<Record<keyof ChildReport, unknown>>;
    if (
        typeof v.planMs !== "number" ||
        typeof v.resources !== "number" ||
        typeof v.target !== "string" ||
        typeof v.maxRssKb !== "number" ||
        typeof v.cpuMs !== "number"
    ) {
        throw new Error(`not a bench report: ${line}`);
    }
    if (v.subjectCpuMs !== undefined && typeof v.subjectCpuMs !== "number") throw new Error(`not a bench report: ${line}`);
    const report: ChildReport = { planMs: v.planMs, resources: v.resources, target: v.target, maxRssKb: v.maxRssKb, cpuMs: v.cpuMs };
    if (v.subjectCpuMs !== undefined) report.subjectCpuMs = v.subjectCpuMs;
    return report;
}
