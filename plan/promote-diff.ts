import { structuredPatch } from "diff";
import { RELEASE_KEYS, ReleaseConfig, EKS_ADDONS } from "../config/release";

/** One release setting whose value a promotion changes (or keeps, when `before === after`). */
export interface ReleaseChange {
    /** Dotted key inside `xroad-sidecar:release`, for example `eksAddonVersions.coredns`. */
    key: string;
    /** undefined: not pinned (the add-on default). */
    before?: string;
    after?: string;
}

/** Every release setting, flattened, before and after; unchanged ones included so the table shows the whole release. */
export function releaseChanges(before: ReleaseConfig, after: ReleaseConfig): ReleaseChange[] {
    const rows: ReleaseChange[] = [];
    for (const key of RELEASE_KEYS) {
        if (key === "eksAddonVersions") {
            for (const addon of EKS_ADDONS) {
                const b = before.eksAddonVersions[addon];
                const a = after.eksAddonVersions[addon];
                if (a !== undefined || b !== undefined) rows.push({ key: `${key}.${addon}`, before: b, after: a });
            }
        } else {
            rows.push({ key, before: before[key], after: after[key] });
        }
    }
    return rows;
}

export function isChange(row: ReleaseChange): boolean {
    return row.before !== row.after;
}

/** `key  before → after` lines, changed settings marked with `*`. */
export function formatChangeTable(rows: ReleaseChange[]): string[] {
    const show = (v: string | undefined) => v ?? "(default)";
    const width = Math.max(...rows.map((r) => r.key.length));
    const beforeWidth = Math.max(...rows.map((r) => show(r.before).length));
    return rows.map((r) => `${isChange(r) ? "*" : " "} ${r.key.padEnd(width)}  ${show(r.before).padEnd(beforeWidth)}  →  ${show(r.after)}`);
}

/**
 * A unified diff (`---`/`+++`, `@@` hunks with `context` lines around each change) of two texts, by the `diff`
 * package; empty when they are equal. A missing final newline is not reported (stack files are compared as lines).
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 2): string[] {
    if (oldText === newText) return [];
    const patch = structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context });
    const out = [`--- ${oldName}`, `+++ ${newName}`];
    for (const hunk of patch.hunks) {
        out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
        out.push(...hunk.lines.filter((line) => !line.startsWith("\\")));
    }
    return out;
}
