import { PlannedResource } from "./run";
import { groupBy } from "../kubernetes-model/group-by";

/** The component tree, one line per resource, children indented under their parent. */
export function componentTree(resources: PlannedResource[]): string[] {
    const children = groupBy(resources, (r) => r.parent);
    const lines: string[] = [];
    const walk = (parent: string | undefined, depth: number) => {
        const list = children.get(parent) ?? [];
        // Components first, then custom resources grouped by type, so the shape of the stack reads at a glance.
        const components = list.filter((r) => !r.custom);
        const byType = new Map<string, number>();
        for (const r of list.filter((r) => r.custom)) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
        for (const c of components) {
            lines.push(`${"  ".repeat(depth)}${c.type} ${c.name}`);
            walk(c.urn, depth + 1);
        }
        for (const [type, n] of [...byType.entries()].sort()) lines.push(`${"  ".repeat(depth)}${n} × ${type}`);
    };
    const roots = new Set(resources.map((r) => r.urn));
    for (const parent of new Set(resources.map((r) => r.parent))) if (parent === undefined || !roots.has(parent)) walk(parent, 0);
    return lines;
}

/** Resource counts by type, largest first. */
export function countsByType(resources: PlannedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
