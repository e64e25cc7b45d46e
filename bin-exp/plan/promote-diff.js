"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.releaseChanges = releaseChanges;
exports.isChange = isChange;
exports.formatChangeTable = formatChangeTable;
exports.unifiedDiff = unifiedDiff;
const diff_1 = require("diff");
const release_1 = require("../config/release");
/** Every release setting, flattened, before and after; unchanged ones included so the table shows the whole release. */
function releaseChanges(before, after) {
    const rows = [];
    for (const key of release_1.RELEASE_KEYS) {
        if (key === "eksAddonVersions") {
            for (const addon of release_1.EKS_ADDONS) {
                const b = before.eksAddonVersions[addon];
                const a = after.eksAddonVersions[addon];
                if (a !== undefined || b !== undefined)
                    rows.push({ key: `${key}.${addon}`, before: b, after: a });
            }
        }
        else {
            rows.push({ key, before: before[key], after: after[key] });
        }
    }
    return rows;
}
function isChange(row) {
    return row.before !== row.after;
}
/** `key  before → after` lines, changed settings marked with `*`. */
function formatChangeTable(rows) {
    const show = (v) => v ?? "(default)";
    const width = Math.max(...rows.map((r) => r.key.length));
    const beforeWidth = Math.max(...rows.map((r) => show(r.before).length));
    return rows.map((r) => `${isChange(r) ? "*" : " "} ${r.key.padEnd(width)}  ${show(r.before).padEnd(beforeWidth)}  →  ${show(r.after)}`);
}
/**
 * A unified diff (`---`/`+++`, `@@` hunks with `context` lines around each change) of two texts, by the `diff`
 * package; empty when they are equal. A missing final newline is not reported (stack files are compared as lines).
 */
function unifiedDiff(oldText, newText, oldName, newName, context = 2) {
    if (oldText === newText)
        return [];
    const patch = (0, diff_1.structuredPatch)(oldName, newName, oldText, newText, undefined, undefined, { context });
    const out = [`--- ${oldName}`, `+++ ${newName}`];
    for (const hunk of patch.hunks) {
        out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
        out.push(...hunk.lines.filter((line) => !line.startsWith("\\")));
    }
    return out;
}
