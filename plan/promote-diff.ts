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

type DiffOp = { kind: " " | "-" | "+"; line: string; oldNo: number; newNo: number };

/** Longest-common-subsequence line diff; stack files are small, so the quadratic table is fine. */
function diffOps(a: string[], b: string[]): DiffOp[] {
    const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const ops: DiffOp[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: " ", line: a[i++], oldNo: i, newNo: ++j });
        // Removals before additions, as diff(1) prints them.
        else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
            ops.push({ kind: "-", line: a[i++], oldNo: i, newNo: j });
        else ops.push({ kind: "+", line: b[j++], oldNo: i, newNo: j });
    }
    return ops;
}

/**
 * A unified diff (`---`/`+++`, `@@` hunks with `context` lines around each change) of two texts;
 * empty when they are equal.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 2): string[] {
    if (oldText === newText) return [];
    const split = (t: string) => (t.endsWith("\n") ? t.slice(0, -1) : t).split("\n");
    const ops = diffOps(split(oldText), split(newText));
    const changed = ops.map((op, k) => (op.kind !== " " ? k : -1)).filter((k) => k >= 0);
    const out = [`--- ${oldName}`, `+++ ${newName}`];
    let k = 0;
    while (k < changed.length) {
        const start = Math.max(0, changed[k] - context);
        let end = changed[k];
        while (k < changed.length && changed[k] <= end + 2 * context + 1) end = changed[k++];
        const stop = Math.min(ops.length - 1, end + context);
        const hunk = ops.slice(start, stop + 1);
        const oldStart = hunk.find((o) => o.kind !== "+")?.oldNo ?? hunk[0].oldNo;
        const newStart = hunk.find((o) => o.kind !== "-")?.newNo ?? hunk[0].newNo;
        const oldCount = hunk.filter((o) => o.kind !== "+").length;
        const newCount = hunk.filter((o) => o.kind !== "-").length;
        out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
        for (const o of hunk) out.push(`${o.kind}${o.line}`);
    }
    return out;
}
