"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kubernetesObjectProblem = kubernetesObjectProblem;
const checker_1 = require("../../../config/checker");
const name_rules_1 = require("../../../policy/kubernetes/name-rules");
/** Characters the Kubernetes provider appends when it autonames an object (`<name>-<8 random>`). */
const KUBERNETES_AUTONAME_CHARS = 8;
/**
 * Why the API server would refuse this object's name or labels, or undefined: the rules of
 * policy/kubernetes/name-rules.ts (object names) and apimachinery's label syntax.
 */
function kubernetesObjectProblem(type, logicalName, inputs) {
    if (!type.startsWith("kubernetes:") || type.startsWith("kubernetes:helm.sh") || type.startsWith("kubernetes:yaml"))
        return undefined;
    const kind = type.split(":")[2];
    if (!kind || kind.endsWith("Patch") || type.startsWith("kubernetes:index"))
        return undefined;
    const metadata = (inputs.metadata ?? {});
    const name = typeof metadata.name === "string" ? metadata.name : `${logicalName}-${"x".repeat(KUBERNETES_AUTONAME_CHARS)}`;
    const problem = (0, name_rules_1.nameProblem)(kind, name);
    if (problem)
        return `${type} ${logicalName}: ${problem}`;
    if (typeof metadata.labels === "object" && metadata.labels !== null) {
        for (const [key, value] of Object.entries(metadata.labels)) {
            if (!(0, checker_1.isLabelKey)(key))
                return `${type} ${logicalName}: metadata.labels: Invalid value: "${key}": a label key must be a qualified name`;
            if (typeof value === "string" && !(0, checker_1.isLabelValue)(value))
                return `${type} ${logicalName}: metadata.labels: Invalid value: "${value}": a valid label must be 63 characters or less, alphanumeric at both ends, with '-', '_' or '.' between`;
        }
    }
    return undefined;
}
