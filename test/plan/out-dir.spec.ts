import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OutDirError, PLAN_MARKER, prepareOutDir } from "../../plan/write";

/** `npm run plan -- --out DIR` never deletes what the plan did not write (issue 14). */
describe("the plan's output folder", () => {
    let root: string;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-out-"))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("creates a missing folder and marks it", () => {
        const out = path.join(root, "new", "plan");
        prepareOutDir(out);
        assert.deepEqual(fs.readdirSync(out), [PLAN_MARKER]);
    });

    it("refuses a non-empty folder it did not write, and deletes nothing", () => {
        fs.writeFileSync(path.join(root, "thesis.tex"), "years of work");
        assert.throws(
            () => prepareOutDir(root),
            (e) => e instanceof OutDirError && e.message.includes("nothing was deleted"),
        );
        assert.equal(fs.readFileSync(path.join(root, "thesis.tex"), "utf8"), "years of work");
    });

    it("replaces a folder a previous plan wrote", () => {
        prepareOutDir(root);
        fs.mkdirSync(path.join(root, "manifests"));
        fs.writeFileSync(path.join(root, "manifests", "old.yaml"), "kind: Old\n");
        prepareOutDir(root);
        assert.deepEqual(fs.readdirSync(root), [PLAN_MARKER]);
    });
});
