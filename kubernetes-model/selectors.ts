/** Kubernetes LabelSelector semantics: matchLabels AND matchExpressions (In, NotIn, Exists, DoesNotExist). */
import { Obj, asArray, asObj, asString } from "./workloads";

/** An empty or absent selector object selects everything; `undefined` (selector missing) is the caller's decision. */
export function selectorMatches(selector: Obj | undefined, labels: Record<string, string>): boolean {
    if (!selector) return true;
    const matchLabels = asObj(selector.matchLabels) ?? {};
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
    for (const expr of asArray(selector.matchExpressions)) {
        const key = asString(expr.key) ?? "";
        const values = Array.isArray(expr.values) ? expr.values.filter((x: unknown): x is string => typeof x === "string") : [];
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (expr.operator) {
            case "In":
                if (!has || !values.includes(labels[key])) return false;
                break;
            case "NotIn":
                if (has && values.includes(labels[key])) return false;
                break;
            case "Exists":
                if (!has) return false;
                break;
            case "DoesNotExist":
                if (has) return false;
                break;
            default:
                return false;
        }
    }
    return true;
}

/** True when the selector has neither matchLabels nor matchExpressions. */
export function isEmptySelector(selector: Obj | undefined): boolean {
    if (!selector) return true;
    return Object.keys(asObj(selector.matchLabels) ?? {}).length === 0 && asArray(selector.matchExpressions).length === 0;
}
