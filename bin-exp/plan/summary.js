"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.componentTree = componentTree;
exports.countsByType = countsByType;
/** The component tree, one line per resource, children indented under their parent. */
function componentTree(resources) {
    const children = new Map();
    for (const r of resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const lines = [];
    const walk = (parent, depth) => {
        const list = children.get(parent) ?? [];
        // Components first, then custom resources grouped by type, so the shape of the stack reads at a glance.
        const components = list.filter((r) => !r.custom);
        const byType = new Map();
        for (const r of list.filter((r) => r.custom))
            byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
        for (const c of components) {
            lines.push(`${"  ".repeat(depth)}${c.type} ${c.name}`);
            walk(c.urn, depth + 1);
        }
        for (const [type, n] of [...byType.entries()].sort())
            lines.push(`${"  ".repeat(depth)}${n} × ${type}`);
    };
    const roots = new Set(resources.map((r) => r.urn));
    for (const parent of new Set(resources.map((r) => r.parent)))
        if (parent === undefined || !roots.has(parent))
            walk(parent, 0);
    return lines;
}
/** Resource counts by type, largest first. */
function countsByType(resources) {
    const counts = new Map();
    for (const r of resources)
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
