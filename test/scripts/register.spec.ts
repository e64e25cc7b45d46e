import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { npmScriptNodeArgs } from "../npm-script";

const REPO = path.resolve(__dirname, "..", "..");

/** Runs `script` in a fresh process started as `npm run plan` starts; returns what it prints as JSON. */
function inToolProcess(script: string): unknown {
    const [require, hook] = npmScriptNodeArgs("plan");
    assert.equal(require, "-r");
    return JSON.parse(
        execFileSync(process.execPath, [require, hook, "-e", script], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    );
}

describe("scripts/register.cjs: how the tools run their TypeScript", () => {
    it("runs the repository's TypeScript without loading the TypeScript compiler or ts-node", () => {
        const loaded = inToolProcess(`
            const { readArguments } = require("./scripts/arguments");
            const { values } = readArguments(["--stack", "dev"], { stack: { type: "string" } });
            console.log(JSON.stringify({ stack: values.stack, modules: Object.keys(require.cache) }));
        `) as { stack: string; modules: string[] };
        assert.equal(loaded.stack, "dev");
        assert.ok(loaded.modules.some((file) => file.endsWith(path.join("scripts", "arguments.ts"))));
        const compilers = loaded.modules.filter((file) => /node_modules[\\/](typescript|ts-node)[\\/]/.test(file));
        assert.deepEqual(compilers, []);
    });

    it("keeps each statement on its source line, so stack traces need no source map", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-spec-"));
        const file = path.join(dir, "lines.ts");
        // Types, an interface and an import that Sucrase removes or rewrites, above the line that throws.
        const source = [
            'import { join } from "node:path";',
            "type Pair = { left: string; right: string };",
            "interface Named {",
            "    name: string;",
            "}",
            'const pair: Pair = { left: "a", right: join("b", "c") };',
            "const named: Named = { name: pair.left };",
            "throw new Error(named.name);",
        ].join("\n");
        fs.writeFileSync(file, source);
        try {
            const frame = inToolProcess(
                `try { require(${JSON.stringify(file)}); } catch (e) { console.log(JSON.stringify(e.stack.split("\\n")[1])); }`,
            );
            assert.match(String(frame), /lines\.ts:8:\d+/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses TypeScript inside node_modules instead of running it untranspiled", () => {
        assert.throws(
            () => inToolProcess(`require(${JSON.stringify(path.join(REPO, "node_modules", "zod", "src", "index.ts"))})`),
            /not transpiling .*node_modules/,
        );
    });
});
