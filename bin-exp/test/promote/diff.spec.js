"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const release_1 = require("../../config/release");
const promote_diff_1 = require("../../plan/promote-diff");
describe("promote: diff output", () => {
    it("shows a changed line with its context in a unified hunk", () => {
        const before = ["a", "b", "c", "d", "e", "f", "g"].join("\n") + "\n";
        const after = ["a", "b", "c", "D", "e", "f", "g"].join("\n") + "\n";
        assert.deepEqual((0, promote_diff_1.unifiedDiff)(before, after, "old", "new"), [
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
        assert.deepEqual((0, promote_diff_1.unifiedDiff)("a\nb\n", "a\nb\nc\n", "old", "new"), ["--- old", "+++ new", "@@ -1,2 +1,3 @@", " a", " b", "+c"]);
        assert.deepEqual((0, promote_diff_1.unifiedDiff)("a\n", "a\n", "old", "new"), []);
    });
    it("compares lines, not the final newline: no `\\ No newline at end of file` marker", () => {
        assert.deepEqual((0, promote_diff_1.unifiedDiff)("a\nb", "a\nc", "old", "new"), ["--- old", "+++ new", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]);
    });
    it("splits distant changes into separate hunks", () => {
        const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
        const changed = lines.map((l, i) => (i === 1 || i === 18 ? l.toUpperCase() : l));
        const hunks = (0, promote_diff_1.unifiedDiff)(lines.join("\n"), changed.join("\n"), "old", "new").filter((l) => l.startsWith("@@"));
        assert.deepEqual(hunks, ["@@ -1,4 +1,4 @@", "@@ -17,4 +17,4 @@"]);
    });
    it("tabulates every release setting and marks the changed ones", () => {
        const rows = (0, promote_diff_1.releaseChanges)(release_1.RELEASE_DEFAULTS, {
            ...release_1.RELEASE_DEFAULTS,
            sidecarVersion: "7.9.0",
            eksAddonVersions: { coredns: "v1.12.3-eksbuild.1" },
        });
        const table = (0, promote_diff_1.formatChangeTable)(rows);
        assert.equal(rows.length, 11, "the ten plain settings plus the one pinned add-on");
        assert.deepEqual(table.filter((l) => l.startsWith("*")).map((l) => l.replace(/\s+/g, " ")), ["* sidecarVersion 7.8.0 → 7.9.0", "* eksAddonVersions.coredns (default) → v1.12.3-eksbuild.1"]);
    });
});
