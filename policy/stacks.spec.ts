/**
 * Every example stack of the project (Pulumi.<stack>.yaml) planned under mocks passes every mandatory policy
 * of its environment's policy config: the offline plan's self-check exits 0 for all of them.
 */
import * as assert from "node:assert/strict";
import * as path from "path";
import { planStack } from "../plan/run";
import { selfCheck } from "../plan/self-check";
import { listStacks, readStackFile } from "../plan/stack-file";

const projectDir = path.resolve(__dirname, "..");

describe("self-check of every example stack", function () {
    this.timeout(300000);
    const stacks = listStacks(projectDir);

    it("has example stacks to check", () => assert.ok(stacks.length > 0));

    for (const stack of stacks) {
        it(`${stack}: no mandatory violation`, async () => {
            const plan = await planStack(readStackFile(projectDir, stack));
            const report = await selfCheck(plan);
            assert.ok(plan.resources.length > 0);
            assert.deepEqual(
                report.mandatory.map((v) => `${v.policy} ${v.type ?? ""} ${v.name ?? ""}: ${v.message}`),
                [],
            );
        });
    }
});
