import * as assert from "node:assert/strict";
import * as path from "path";
import { spawnSync } from "child_process";
import { existingStack, readStack, removeProject, tempProject } from "./project";
import { npmScriptNodeArgs } from "../npm-script";

const REPO = path.resolve(__dirname, "..", "..");

/** `npm run promote -- <args>` on a throwaway project, without npm around it. */
function promote(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [...npmScriptNodeArgs("promote"), "--cwd", dir, ...args], { cwd: REPO, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PROD = [
    "# prod: promoted from dev",
    "config:",
    "  xroad-sidecar:target: existing  # on-prem cluster",
    "  xroad-sidecar:release:",
    "    sidecarVersion: 7.7.0  # running",
    "  xroad-sidecar:environment: production",
    "  xroad-sidecar:instances: [{network: {consumerNamespaces: [apps]}}]",
    "",
].join("\n");

describe("promote: npm run promote", function () {
    this.timeout(120000);
    let dir: string;
    afterEach(() => removeProject(dir));

    it("prints the diff and writes nothing on --dry-run, then writes the release with the real policy self-check passing", () => {
        dir = tempProject({ dev: existingStack(["sidecarVersion: 7.8.0"]), prod: PROD });
        const dry = promote(dir, "--from", "dev", "--to", "prod", "--dry-run");
        assert.equal(dry.status, 0, dry.stderr);
        // The columns are the target's value now and after: the header says so, whichever way the stacks are named.
        assert.match(dry.stdout, /^Promoting the release of stack dev to stack prod: each setting of prod as it is → as it would be/m);
        assert.match(dry.stdout, /\* sidecarVersion +7\.7\.0 +→ +7\.8\.0/);
        assert.match(dry.stdout, /^- {4}sidecarVersion: 7\.7\.0 {2}# running$/m);
        assert.match(dry.stdout, /^\+ {4}sidecarVersion: 7\.8\.0 {2}# running$/m);
        assert.match(dry.stdout, /Dry run: .*Pulumi\.prod\.yaml not written/);
        assert.equal(readStack(dir, "prod"), PROD);

        const real = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(real.status, 0, real.stderr);
        const written = readStack(dir, "prod").split("\n");
        assert.equal(written[4], "    sidecarVersion: 7.8.0  # running");
        assert.deepEqual(
            [...written.slice(0, 4), ...written.slice(5)].filter((l) => !l.startsWith("    ")),
            PROD.split("\n").filter((l) => !l.startsWith("    ")),
        );
    });

    it("exits 1 and writes nothing when the target would go back to an older X-Road", () => {
        dir = tempProject({ dev: existingStack(["sidecarVersion: 7.6.0"]), prod: PROD });
        const r = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /Refused: nothing written/);
        assert.match(r.stderr, /stack prod runs X-Road 7\.7\.0 and dev has 7\.6\.0: X-Road upgrades only go forward/);
        assert.equal(readStack(dir, "prod"), PROD);
    });

    it("exits 2 with the config error for an invalid stack, and for bad usage", () => {
        dir = tempProject({ dev: existingStack(["sidecarVersion: latest"]), prod: PROD });
        const r = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /xroad-sidecar:release\.sidecarVersion: "latest" is not valid; allowed: a version MAJOR\.MINOR\.PATCH/);
        const usage = promote(dir, "--from", "dev");
        assert.equal(usage.status, 2);
        assert.match(usage.stderr, /missing --to\nusage: npm run promote -- --from <stack> --to <stack> \[--dry-run\]/);
    });
});
