/** A Kubernetes LabelSelector as it appears in manifests (matchLabels and matchExpressions). */
export interface LabelSelector {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] }[];
}

/**
 * Whether a LabelSelector selects an object with these labels, with the API server's semantics:
 * every matchLabels pair and every expression must hold; an empty selector selects everything.
 */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
    const l = labels ?? {};
    for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
    for (const e of selector.matchExpressions ?? []) {
        const has = Object.prototype.hasOwnProperty.call(l, e.key);
        switch (e.operator) {
            case "In":
                if (!has || !(e.values ?? []).includes(l[e.key])) return false;
                break;
            case "NotIn":
                if (has && (e.values ?? []).includes(l[e.key])) return false;
                break;
            case "Exists":
                if (!has) return false;
                break;
            case "DoesNotExist":
                if (has) return false;
                break;
        }
    }
    return true;
}

/** A Service's `spec.selector` is a plain map: the same as matchLabels. */
export function serviceSelects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
    return Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, labels);
}
