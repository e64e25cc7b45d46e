import { isLabelKey, isLabelValue } from "../../../config/checker";
import { nameProblem } from "../../../kubernetes-model/name-rules";

/** Characters the Kubernetes provider appends when it autonames an object (`<name>-<8 random>`). */
const KUBERNETES_AUTONAME_CHARS = 8;

type Metadata = { name?: unknown; labels?: unknown };

/**
 * Why the API server would refuse this object's name or labels, or undefined: the rules of
 * kubernetes-model/name-rules.ts (object names) and apimachinery's label syntax.
 */
export function kubernetesObjectProblem(type: string, logicalName: string, inputs: Record<string, unknown>): string | undefined {
    if (!type.startsWith("kubernetes:") || type.startsWith("kubernetes:helm.sh") || type.startsWith("kubernetes:yaml")) return undefined;
    const kind = type.split(":")[2];
    if (!kind || kind.endsWith("Patch") || type.startsWith("kubernetes:index")) return undefined;
    const metadata = (inputs.metadata ?? {}) as Metadata;
    const name = typeof metadata.name === "string" ? metadata.name : `${logicalName}-${"x".repeat(KUBERNETES_AUTONAME_CHARS)}`;
    const problem = nameProblem(kind, name);
    if (problem) return `${type} ${logicalName}: ${problem}`;
    if (typeof metadata.labels === "object" && metadata.labels !== null) {
        for (const [key, value] of Object.entries(metadata.labels as Record<string, unknown>)) {
            if (!isLabelKey(key))
                return `${type} ${logicalName}: metadata.labels: Invalid value: "${key}": a label key must be a qualified name`;
            if (typeof value === "string" && !isLabelValue(value))
                return `${type} ${logicalName}: metadata.labels: Invalid value: "${value}": a valid label must be 63 characters or less, alphanumeric at both ends, with '-', '_' or '.' between`;
        }
    }
    return undefined;
}
