import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..");

/**
 * The node arguments of `npm run <name>` as package.json declares it (`node <args>`), so a test that starts a
 * tool without npm around it starts it exactly as the README's command does, and fails when that wiring breaks.
 * Relative paths stay relative to the repository root: spawn with `cwd` there.
 */
export function npmScriptNodeArgs(name: string): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const [command, ...args] = (manifest.scripts[name] ?? "").split(/\s+/);
    if (command !== "node") throw new Error(`package.json scripts.${name} does not start with node: ${manifest.scripts[name]}`);
    return args;
}
