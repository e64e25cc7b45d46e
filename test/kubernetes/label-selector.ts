import { selectorMatches as policySelectorMatches } from "../../kubernetes-model/selectors";

/** A Kubernetes LabelSelector as it appears in manifests (matchLabels and matchExpressions). */
export interface LabelSelector {
    matchLabels?: Record<string, string>;
    // operator is a string as in the SDK's output type: the matcher rejects an unknown one as the API server does.
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * Whether a LabelSelector selects an object with these labels, with the API server's semantics.
 * The tests use the policy pack's own matcher, so components and policies agree on one reading.
 */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
    return policySelectorMatches({ ...selector }, labels ?? {});
}

/** A Service's `spec.selector` is a plain map: the same as matchLabels; an empty one selects nothing useful. */
export function serviceSelects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
    return Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, labels);
}
