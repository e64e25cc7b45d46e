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
exports.rssSource = rssSource;
exports.measureChild = measureChild;
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const child_process_1 = require("child_process");
const child_report_1 = require("./child-report");
/** GNU time, when installed, measures the child's peak RSS from outside; otherwise the child reports its own. */
const GNU_TIME = "/usr/bin/time";
function rssSource() {
    return fs.existsSync(GNU_TIME) ? "/usr/bin/time" : "process.resourceUsage";
}
/**
 * Runs `node -r ts-node/register/transpile-only <script> <args>` in a fresh process, from the
 * repository root, the way `npm run plan` starts (ts-node, no type-checking), without npm around it.
 */
function measureChild(repoDir, script, args) {
    const node = [process.execPath, "-r", "ts-node/register/transpile-only", path.join(repoDir, script), ...args];
    const timeFile = path.join(os.tmpdir(), `xroad-bench-time-${process.pid}.txt`);
    const useTime = rssSource() === "/usr/bin/time";
    const [command, ...commandArgs] = useTime ? [GNU_TIME, "-f", "%M %U %S", "-o", timeFile, ...node] : node;
    const started = process.hrtime.bigint();
    const result = (0, child_process_1.spawnSync)(command, commandArgs, { cwd: repoDir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
        throw new Error(`${script} ${args.join(" ")} exited ${result.status ?? result.signal}:\n${result.stderr}`);
    }
    const report = (0, child_report_1.parseChildReport)(result.stdout.trim().split("\n").pop() ?? "");
    let peakKb = report.maxRssKb;
    let cpuMs = report.cpuMs;
    if (useTime) {
        const [rss, user, system] = (fs.readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number);
        fs.rmSync(timeFile, { force: true });
        if ([rss, user, system].some((n) => !Number.isFinite(n)))
            throw new Error(`unreadable ${GNU_TIME} output for ${script}`);
        peakKb = rss;
        cpuMs = (user + system) * 1000;
    }
    return { wallMs, cpuMs, peakMb: peakKb / 1024, report };
}
