/**
 * Items grouped by `key`, each group in input order: one pass, for code that would otherwise filter the whole list
 * once per key (the pack's per-namespace policies, the plan's flow matrix and component tree).
 */
export function groupBy<Item, Key>(items: Iterable<Item>, key: (item: Item) => Key): Map<Key, Item[]> {
    const groups = new Map<Key, Item[]>();
    for (const item of items) {
        const groupKey = key(item);
        const group = groups.get(groupKey);
        if (group) group.push(item);
        else groups.set(groupKey, [item]);
    }
    return groups;
}
