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
exports.selfReport = selfReport;
exports.loadedPackageFiles = loadedPackageFiles;
exports.parseChildReport = parseChildReport;
const path = __importStar(require("path"));
/** This process's report, to print as its last line. */
function selfReport(planMs, resources, target, subjectCpuMs) {
    const usage = process.resourceUsage();
    const report = {
        planMs,
        resources,
        target,
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    };
    if (subjectCpuMs !== undefined)
        report.subjectCpuMs = subjectCpuMs;
    return report;
}
/** Files loaded so far from node_modules, in the order loading started (require.cache keeps insertion order). */
function loadedPackageFiles() {
    const marker = `${path.sep}node_modules${path.sep}`;
    return Object.keys(require.cache).filter((f) => f.includes(marker));
}
/** Reads a child's report line, failing loudly on anything else (a crash, stray output). */
function parseChildReport(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        throw new Error(`not a bench report: ${line}`);
    }
    const v = (typeof value === "object" && value !== null ? value : {});
    if (typeof v.planMs !== "number" ||
        typeof v.resources !== "number" ||
        typeof v.target !== "string" ||
        typeof v.maxRssKb !== "number" ||
        typeof v.cpuMs !== "number") {
        throw new Error(`not a bench report: ${line}`);
    }
    if (v.subjectCpuMs !== undefined && typeof v.subjectCpuMs !== "number")
        throw new Error(`not a bench report: ${line}`);
    const report = { planMs: v.planMs, resources: v.resources, target: v.target, maxRssKb: v.maxRssKb, cpuMs: v.cpuMs };
    if (v.subjectCpuMs !== undefined)
        report.subjectCpuMs = v.subjectCpuMs;
    return report;
}
