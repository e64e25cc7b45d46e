/**
 * One flag convention for every script (scripts/arguments.ts, node:util parseArgs): `--flag value` and `--flag=value`
 * mean the same, a switch takes no value, and an unknown flag, a missing value or a stray argument exits 2 naming it.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { UsageError, readArguments } from "../../scripts/arguments";
import { EXIT, runCheck } from "../../scripts/check";
import { npmScriptNodeArgs } from "../npm-script";

const REPO = path.resolve(__dirname, "..", "..");

/** A script run as `npm run <script> -- <args>` runs it, without npm around it. */
function script(name: string, ...args: string[]): { status: number | null; stderr: string } {
    const r = spawnSync(process.execPath, [...npmScriptNodeArgs(name), ...args], {
        cwd: REPO,
        encoding: "utf8",
    });
    return { status: r.status, stderr: r.stderr };
}

const OPTIONS = { to: { type: "string" }, "dry-run": { type: "boolean" } } as const;

describe("script arguments: one convention (node:util parseArgs)", function () {
    this.timeout(120000);

    it("reads --flag value and --flag=value alike", () => {
        assert.deepEqual({ ...readArguments(["--to", "prod"], OPTIONS).values }, { to: "prod" });
        assert.deepEqual({ ...readArguments(["--to=prod"], OPTIONS).values }, { to: "prod" });
        assert.deepEqual({ ...readArguments(["--to=a=b", "--dry-run"], OPTIONS).values }, { to: "a=b", "dry-run": true });
    });

    it("refuses an unknown flag, a missing value, a value on a switch and a stray argument, naming each", () => {
        const refusal = (argv: string[], allowPositionals = false) => {
            try {
                readArguments(argv, OPTIONS, allowPositionals);
            } catch (e) {
                assert.ok(e instanceof UsageError, String(e));
                return e.message;
            }
            assert.fail(`${argv.join(" ")} was accepted`);
        };
        assert.equal(refusal(["--bogus"]), "unknown option --bogus");
        assert.equal(refusal(["-x"]), "unknown option -x");
        assert.equal(refusal(["--to"]), "--to needs a value");
        assert.equal(refusal(["--to", "--dry-run"]), "--to needs a value");
        assert.equal(refusal(["--dry-run=yes"]), "--dry-run takes no value");
        assert.equal(refusal(["prod"]), "unexpected argument prod");
        assert.deepEqual(readArguments(["prod"], OPTIONS, true).positionals, ["prod"]);
    });

    it("check: --config file and --config=file are the same; an unknown option exits 2 with the usage", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-args-"));
        try {
            fs.writeFileSync(path.join(dir, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\n");
            fs.writeFileSync(path.join(dir, "policy.json"), JSON.stringify({ all: "advisory" }));
            const run = async (...argv: string[]) => {
                const out: string[] = [];
                const err: string[] = [];
                const code = await runCheck(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
                return { code, out: out.join("\n"), err: err.join("\n") };
            };
            const spaced = await run("--json", "--config", path.join(dir, "policy.json"), path.join(dir, "cm.yaml"));
            const inline = await run("--json", `--config=${path.join(dir, "policy.json")}`, path.join(dir, "cm.yaml"));
            assert.equal(spaced.code, inline.code);
            assert.equal(spaced.out, inline.out);
            assert.notEqual(spaced.code, EXIT.incomplete, spaced.err);
            const unknown = await run("--bogus", dir);
            assert.equal(unknown.code, EXIT.incomplete);
            assert.match(
                unknown.err,
                /^unknown option --bogus\nusage: npm run check -- \[--json\] \[--config <policy-config\.json>\] <file\|dir>\.\.\.$/,
            );
            assert.match((await run("--config")).err, /^--config needs a value\n/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("plan, promote and bench refuse unknown flags with exit 2, and read --flag=value", () => {
        const plan = script("plan", "--stack=dev", "--bogus");
        assert.equal(plan.status, 2);
        assert.match(plan.stderr, /^unknown option --bogus\nusage: npm run plan -- --stack <name>/);
        const promote = script("promote", "--from=dev", "--to", "dev");
        assert.equal(promote.status, 2);
        assert.match(promote.stderr, /^--from and --to are both dev\nusage: npm run promote/);
        const dryRun = script("promote", "--from=dev", "--to=prod", "--dry-run=yes");
        assert.equal(dryRun.status, 2);
        assert.match(dryRun.stderr, /^--dry-run takes no value\n/);
        const bench = script("bench", "--runs=0");
        assert.equal(bench.status, 2);
        assert.match(bench.stderr, /^--runs takes a positive integer\nusage: npm run bench/);
        assert.match(script("bench", "--bogus=1").stderr, /^unknown option --bogus\n/);
    });
});
