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
 * One measured start of the installed policy pack, run by `npm run bench` in a fresh process:
 * `node -r ts-node/register/transpile-only bench/pack-start-child.ts <installed pack folder>`. Starts the pack as the
 * CLI's shim does (a fresh process of its own), waits for the gRPC port it prints, stops it, and reports the milliseconds
 * and, on Linux, the pack process's own CPU time until then (steady when other processes compete for the CPUs).
 */
const fs = __importStar(require("fs"));
const child_report_1 = require("./child-report");
const policy_package_1 = require("./policy-package");
const arguments_1 = require("../scripts/arguments");
/** User plus system CPU milliseconds of a running process, from /proc/<pid>/stat (fields 14 and 15), or undefined. */
function processCpuMs(pid) {
    let stat;
    try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    }
    catch {
        return undefined; // not Linux
    }
    // The command name (field 2) is in parentheses and may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node.js supports
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / ticksPerSecond : undefined;
}
async function main() {
    const { positionals: [dir], } = (0, arguments_1.readArguments)(process.argv.slice(2), {}, true);
    if (!dir)
        throw new Error("usage: pack-start-child.ts <installed pack folder>");
    const { child, ready } = (0, policy_package_1.startAsTheCliDoes)(dir);
    const { ms } = await ready;
    const cpuMs = child.pid === undefined ? undefined : processCpuMs(child.pid);
    child.kill();
    process.stdout.write(JSON.stringify((0, child_report_1.selfReport)(ms, 0, "pack", cpuMs)) + "\n");
}
main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
