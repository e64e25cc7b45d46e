"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.selectorMatches = selectorMatches;
exports.isEmptySelector = isEmptySelector;
/** Kubernetes LabelSelector semantics: matchLabels AND matchExpressions (In, NotIn, Exists, DoesNotExist). */
const workloads_1 = require("./workloads");
/** An empty or absent selector object selects everything; `undefined` (selector missing) is the caller's decision. */
function selectorMatches(selector, labels) {
    if (!selector)
        return true;
    const matchLabels = (0, workloads_1.asObj)(selector.matchLabels) ?? {};
    for (const [k, v] of Object.entries(matchLabels))
        if (labels[k] !== v)
            return false;
    for (const expr of (0, workloads_1.asArray)(selector.matchExpressions)) {
        const key = (0, workloads_1.asString)(expr.key) ?? "";
        const values = Array.isArray(expr.values) ? expr.values.filter((x) => typeof x === "string") : [];
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (expr.operator) {
            case "In":
                if (!has || !values.includes(labels[key]))
                    return false;
                break;
            case "NotIn":
                if (has && values.includes(labels[key]))
                    return false;
                break;
            case "Exists":
                if (!has)
                    return false;
                break;
            case "DoesNotExist":
                if (has)
                    return false;
                break;
            default:
                return false;
        }
    }
    return true;
}
/** True when the selector has neither matchLabels nor matchExpressions. */
function isEmptySelector(selector) {
    if (!selector)
        return true;
    return Object.keys((0, workloads_1.asObj)(selector.matchLabels) ?? {}).length === 0 && (0, workloads_1.asArray)(selector.matchExpressions).length === 0;
}
