"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.selectorMatches = selectorMatches;
exports.serviceSelects = serviceSelects;
const selectors_1 = require("../../policy/kubernetes/selectors");
/**
 * Whether a LabelSelector selects an object with these labels, with the API server's semantics.
 * The tests use the policy pack's own matcher, so components and policies agree on one reading.
 */
function selectorMatches(selector, labels) {
    return (0, selectors_1.selectorMatches)({ ...selector }, labels ?? {});
}
/** A Service's `spec.selector` is a plain map: the same as matchLabels; an empty one selects nothing useful. */
function serviceSelects(selector, labels) {
    return Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, labels);
}
