import * as assert from "node:assert/strict";
import { RELEASE_DEFAULTS } from "../../config/release";
import { formatChangeTable, releaseChanges, unifiedDiff } from "../../plan/promote-diff";

describe("promote: diff output", () => {
    it("shows a changed line with its context in a unified hunk", () => {
        const before = ["a", "b", "c", "d", "e", "f", "g"].join("\n") + "\n";
        const after = ["a", "b", "c", "D", "e", "f", "g"].join("\n") + "\n";
        assert.deepEqual(unifiedDiff(before, after, "old", "new"), [
            "--- old",
            "+++ new",
            "@@ -2,5 +2,5 @@",
            " b",
            " c",
            "-d",
            "+D",
            " e",
            " f",
        ]);
    });

    it("shows appended lines, and nothing for equal texts", () => {
        assert.deepEqual(unifiedDiff("a\nb\n", "a\nb\nc\n", "old", "new"), ["--- old", "+++ new", "@@ -1,2 +1,3 @@", " a", " b", "+c"]);
        assert.deepEqual(unifiedDiff("a\n", "a\n", "old", "new"), []);
    });

    it("compares lines, not the final newline: no `\\ No newline at end of file` marker", () => {
        assert.deepEqual(unifiedDiff("a\nb", "a\nc", "old", "new"), ["--- old", "+++ new", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]);
    });

    it("splits distant changes into separate hunks", () => {
        const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
        const changed = lines.map((l, i) => (i === 1 || i === 18 ? l.toUpperCase() : l));
        const hunks = unifiedDiff(lines.join("\n"), changed.join("\n"), "old", "new").filter((l) => l.startsWith("@@"));
        assert.deepEqual(hunks, ["@@ -1,4 +1,4 @@", "@@ -17,4 +17,4 @@"]);
    });

    it("tabulates every release setting and marks the changed ones", () => {
        const rows = releaseChanges(RELEASE_DEFAULTS, {
            ...RELEASE_DEFAULTS,
            sidecarVersion: "7.9.0",
            eksAddonVersions: { coredns: "v1.12.3-eksbuild.1" },
        });
        const table = formatChangeTable(rows);
        assert.equal(rows.length, 11, "the ten plain settings plus the one pinned add-on");
        assert.deepEqual(
            table.filter((l) => l.startsWith("*")).map((l) => l.replace(/\s+/g, " ")),
            ["* sidecarVersion 7.8.0 → 7.9.0", "* eksAddonVersions.coredns (default) → v1.12.3-eksbuild.1"],
        );
    });
});
