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
exports.packAndInstall = packAndInstall;
exports.startAsTheCliDoes = startAsTheCliDoes;
/**
 * The policy pack as the Pulumi CLI gets it: built (`npm run build` in policy/, tsc), packed with `npm pack`,
 * extracted into an empty folder and installed with its production dependencies, then started the way the CLI's
 * `pulumi-analyzer-policy` shim starts a Node.js pack: `node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack
 * <engine address> <pack folder>`, resolved from the pack folder. Used by the package test and by `npm run bench`.
 */
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
/** Builds, packs and installs the pack under `work` (an empty folder); needs the npm registry or its cache. */
function packAndInstall(policyDir, work) {
    // What `npm pack` runs as prepack; run once here so the pack itself can skip scripts.
    (0, child_process_1.execFileSync)(NPM, ["run", "build"], { cwd: policyDir, stdio: "pipe" });
    const out = (0, child_process_1.execFileSync)(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: policyDir, encoding: "utf8" });
    const [packed] = JSON.parse(out);
    const installDir = path.join(work, "installed");
    fs.mkdirSync(installDir, { recursive: true });
    (0, child_process_1.execFileSync)("tar", ["xzf", path.join(work, packed.filename), "-C", installDir]);
    const dir = path.join(installDir, "package");
    // A production-only install of the declared dependencies, as for a pack downloaded from the service.
    (0, child_process_1.execFileSync)(NPM, ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"], {
        cwd: dir,
        stdio: "pipe",
    });
    return { dir, files: packed.files.map((f) => f.path).sort() };
}
/**
 * Starts the installed pack as the CLI's shim does; `ready` resolves with the gRPC port it prints and the milliseconds
 * until then; `stderr()` is what the pack wrote so far. `env` adds variables to the pack's environment.
 */
function startAsTheCliDoes(packDir, env = {}) {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const started = process.hrtime.bigint();
    const child = (0, child_process_1.spawn)(process.execPath, [runner, "127.0.0.1:0", packDir], {
        cwd: packDir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const ready = new Promise((resolve, reject) => {
        child.stdout.on("data", (d) => {
            const m = /^(\d+)\s*$/m.exec(String(d));
            if (m)
                resolve({ port: Number(m[1]), ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
        child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
    });
    return { child, ready, stderr: () => stderr };
}
