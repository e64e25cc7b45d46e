import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureChild } from "../../bench/measure";

const REPO = path.resolve(__dirname, "..", "..");

describe("bench: the SDK registration bound", function () {
    this.timeout(120_000);
    let tmp: string;
    before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-bench-registration-"))));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("registers every resource of the plan through Pulumi's mock runtime, and refuses what is no plan", () => {
        const outDir = path.join(tmp, "plan");
        const modulesFile = path.join(tmp, "modules.json");
        const plan = measureChild(REPO, path.join("bench", "plan-child.ts"), [REPO, "existing", outDir, modulesFile]);
        const planFile = path.join(outDir, "plan.json");
        const recorded = (JSON.parse(fs.readFileSync(planFile, "utf8")) as { resources: unknown[] }).resources.length;
        assert.equal(recorded, plan.report.resources);

        const replay = measureChild(REPO, path.join("bench", "registration-child.ts"), [modulesFile, planFile]);
        // What the mock monitor received: the plan's resources, root stack included, none lost on the way.
        assert.equal(replay.report.resources, recorded);
        assert.equal(replay.report.target, "registration");

        const notAPlan = path.join(tmp, "not-a-plan.json");
        fs.writeFileSync(notAPlan, JSON.stringify({ resources: "none" }));
        assert.throws(() => measureChild(REPO, path.join("bench", "registration-child.ts"), [modulesFile, notAPlan]), /is no plan\.json/);
    });
});
