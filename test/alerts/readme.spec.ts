/**
 * The README's "What alerts you and what to do" table is the catalogue's: every alert, what it means and the
 * first three steps, rendered from policy/xroad/detections.ts. Editing one without the other fails here.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { DETECTIONS, alertsTableMarkdown } from "../../policy/xroad/detections";

describe("README: What alerts you and what to do", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

    it("holds the table generated from the catalogue, between its markers", () => {
        const match = /<!-- alerts-table:start[^>]*-->\n([\s\S]*?)\n<!-- alerts-table:end -->/.exec(readme);
        assert.ok(match, "the README has the alerts table markers");
        assert.equal(
            match[1],
            alertsTableMarkdown(),
            "regenerate the table: npx ts-node -e 'console.log(require(\"./policy/xroad/detections\").alertsTableMarkdown())'",
        );
    });

    it("names every alert with its three steps", () => {
        for (const d of DETECTIONS) {
            assert.ok(readme.includes(`\`${d.id}\``), d.id);
            for (const step of d.steps)
                assert.ok(readme.includes(step.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|")), `${d.id}: ${step}`);
        }
    });
});
