/**
 * The policy pack as the Pulumi CLI gets it: built (`npm run build` in policy/, tsc), packed with `npm pack`,
 * extracted into an empty folder and installed with its production dependencies, then started the way the CLI's
 * `pulumi-analyzer-policy` shim starts a Node.js pack: `node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack
 * <engine address> <pack folder>`, resolved from the pack folder. Used by the package test and by `npm run bench`.
 */
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export interface InstalledPack {
    /** The installed package folder (what the CLI runs). */
    dir: string;
    /** Paths inside the tarball, sorted. */
    files: string[];
}

/** Builds, packs and installs the pack under `work` (an empty folder); needs the npm registry or its cache. */
export function packAndInstall(policyDir: string, work: string): InstalledPack {
    // What `npm pack` runs as prepack; run once here so the pack itself can skip scripts.
    execFileSync(NPM, ["run", "build"], { cwd: policyDir, stdio: "pipe" });
    const out = execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: policyDir, encoding: "utf8" });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const installDir = path.join(work, "installed");
    fs.mkdirSync(installDir, { recursive: true });
    execFileSync("tar", ["xzf", path.join(work, packed.filename), "-C", installDir]);
    const dir = path.join(installDir, "package");
    // A production-only install of the declared dependencies, as for a pack downloaded from the service.
    execFileSync(NPM, ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"], {
        cwd: dir,
        stdio: "pipe",
    });
    return { dir, files: packed.files.map((f) => f.path).sort() };
}

/**
 * Starts the installed pack as the CLI's shim does; `ready` resolves with the gRPC port it prints and the milliseconds
 * until then; `stderr()` is what the pack wrote so far. `env` adds variables to the pack's environment.
 */
export function startAsTheCliDoes(
    packDir: string,
    env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; ready: Promise<{ port: number; ms: number }>; stderr: () => string } {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", packDir], {
        cwd: packDir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const ready = new Promise<{ port: number; ms: number }>((resolve, reject) => {
        child.stdout.on("data", (d) => {
            const m = /^(\d+)\s*$/m.exec(String(d));
            if (m) resolve({ port: Number(m[1]), ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
        child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
    });
    return { child, ready, stderr: () => stderr };
}
