import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "..", "..");

/** A throwaway project directory with the real Pulumi.yaml and the given stack files, so tests never touch the real ones. */
export function tempProject(stacks: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-promote-"));
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    for (const [stack, text] of Object.entries(stacks)) fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
    return dir;
}

export function readStack(dir: string, stack: string): string {
    return fs.readFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "utf8");
}

export function removeProject(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}

/** A small stack on an existing cluster (one single-pod Sidecar) with the given release lines. */
export function existingStack(releaseLines: string[], extra: string[] = []): string {
    return [
        "config:",
        "  xroad-sidecar:target: existing",
        ...(releaseLines.length > 0 ? ["  xroad-sidecar:release:", ...releaseLines.map((l) => `    ${l}`)] : []),
        ...extra,
        "",
    ].join("\n");
}
