/**
 * policy/defer-npm-arborist.ts keeps `@pulumi/pulumi` from loading npm's Arborist at import time, without changing
 * what code that uses Arborist gets. Checked in a fresh process (the test process has loaded the SDK already).
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs `script` in a fresh process started as the tools start (`node -r ./scripts/register.cjs`), from the
 * repository root; returns its JSON.
 */
function inFreshProcess(script: string): Record<string, unknown> {
    const out = execFileSync(process.execPath, ["-r", "./scripts/register.cjs", "-e", script], { cwd: ROOT, encoding: "utf8" });
    return JSON.parse(out) as Record<string, unknown>;
}

const LOADED_ARBORIST_FILES = `Object.keys(require.cache).filter((f) => f.includes("/@npmcli/arborist/lib/arborist/") || f.includes("/pacote/")).length`;

describe("deferring the Pulumi SDK's load of npm's Arborist", function () {
    this.timeout(120000);

    it("without it, importing the SDK loads Arborist and pacote (what the deferral is for)", () => {
        const result = inFreshProcess(`require("@pulumi/pulumi"); console.log(JSON.stringify({ loaded: ${LOADED_ARBORIST_FILES} }));`);
        assert.ok(Number(result.loaded) > 10, `${String(result.loaded)} files`);
    });

    it("with it, the SDK loads without Arborist, and the first use of Arborist gets the real module", () => {
        const result = inFreshProcess(`
            const { deferredArboristFile } = require("./policy/defer-npm-arborist");
            require("@pulumi/pulumi");
            const atStart = ${LOADED_ARBORIST_FILES};
            const namespace = require.cache[deferredArboristFile].exports;
            const viaSdk = require(require.resolve("@npmcli/arborist", { paths: [require("path").dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
            const arborist = namespace.Arborist;
            console.log(JSON.stringify({
                deferred: typeof deferredArboristFile,
                atStart,
                sameNamespace: viaSdk === namespace,
                arborist: typeof arborist,
                isReal: arborist === require.cache[deferredArboristFile].exports.Arborist && arborist.name,
                afterUse: ${LOADED_ARBORIST_FILES},
            }));`);
        assert.equal(result.deferred, "string");
        assert.equal(result.atStart, 0);
        assert.equal(result.sameNamespace, true, "the SDK's require gets the deferred namespace");
        assert.equal(result.arborist, "function");
        assert.equal(result.isReal, "Arborist");
        assert.ok(Number(result.afterUse) > 10, `${String(result.afterUse)} files after first use`);
    });
});
