import { parseDocument } from "yaml";
import { PlannedResource } from "../plan/run";
import { unwrapSecrets } from "../plan/redact";

/** Resources of one type, with their inputs as plain values (secrets unwrapped). */
export function ofType(resources: PlannedResource[], type: string): (PlannedResource & { props: Record<string, any> })[] {
    return resources.filter((r) => r.type === type).map((r) => ({ ...r, props: unwrapSecrets(r.inputs) as Record<string, any> }));
}

/** The single resource of a type whose name matches; fails loudly when there is not exactly one. */
export function one(resources: PlannedResource[], type: string, name?: string | RegExp): PlannedResource & { props: Record<string, any> } {
    const found = ofType(resources, type).filter(
        (r) => name === undefined || (typeof name === "string" ? r.name === name : name.test(r.name)),
    );
    if (found.length !== 1) {
        throw new Error(
            `expected exactly one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
        );
    }
    return found[0];
}

/** One change to a stack file's `config:` map: the path below `config` (keys and list indexes) and the new value. */
export type ConfigEdit = [path: (string | number)[], value: unknown];

/** The stack file's text with the edits applied through yaml's Document API (every other value stays as it is). */
export function withConfigEdits(text: string, edits: ConfigEdit[] = []): string {
    const doc = parseDocument(text);
    for (const [keys, value] of edits) doc.setIn(["config", ...keys], value);
    return doc.toString();
}
