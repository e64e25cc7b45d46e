/**
 * Plain Kubernetes YAML as engine resources: multi-document files, `kind: List`, and YAML 1.1 scalars as
 * Kubernetes (go-yaml) reads them, so `mode: 0644` is octal 420, not decimal 644.
 */
import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseAllDocuments } from "yaml";
import { CLUSTER_SCOPED_KINDS, k8sTypeToken } from "../kubernetes/types";
import { asObj, asString } from "../kubernetes/workloads";
import { EngineResource } from "./types";

export interface ManifestObject {
    kind: string;
    /** Namespace the object lands in (`default` when unset, as kubectl applies it); undefined for cluster-scoped kinds. */
    namespace?: string;
    name: string;
    file: string;
    line: number;
}

export interface ManifestError {
    file: string;
    line?: number;
    message: string;
}

export interface LoadedManifests {
    resources: EngineResource[];
    /** The object each resource URN came from. */
    objects: Map<string, ManifestObject>;
    errors: ManifestError[];
    /** Documents skipped because they are no Kubernetes object (no apiVersion/kind). */
    skipped: ManifestError[];
}

/** `.yaml`/`.yml` files under the given files and directories, directories walked in sorted order. */
export function manifestFiles(inputs: string[], errors: ManifestError[]): string[] {
    const out: string[] = [];
    const walk = (p: string) => {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(p);
        } catch (e) {
            errors.push({ file: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
            return;
        }
        if (stat.isDirectory()) {
            for (const entry of fs.readdirSync(p).sort()) {
                const child = path.join(p, entry);
                if (fs.statSync(child).isDirectory() || /\.ya?ml$/i.test(entry)) walk(child);
            }
        } else out.push(p);
    };
    inputs.forEach(walk);
    return out;
}

/** Parses every document of every file; invalid documents become errors naming file and line, the rest still load. */
export function loadManifests(inputs: string[]): LoadedManifests {
    const errors: ManifestError[] = [];
    const skipped: ManifestError[] = [];
    const resources: EngineResource[] = [];
    const objects = new Map<string, ManifestObject>();
    for (const file of manifestFiles(inputs, errors)) {
        let text: string;
        try {
            text = fs.readFileSync(file, "utf8");
        } catch (e) {
            errors.push({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
            continue;
        }
        const lineCounter = new LineCounter();
        const docs = parseAllDocuments(text, { version: "1.1", lineCounter });
        const list = Array.isArray(docs) ? docs : [docs];
        for (const doc of list) {
            // The first line of the document's content (after any `---`).
            const docLine = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0).line;
            if (doc.errors.length > 0) {
                for (const err of doc.errors)
                    errors.push({
                        file,
                        line: err.linePos?.[0]?.line ?? docLine,
                        message: err.message.split("\n")[0].replace(/:\s*$/, ""),
                    });
                continue;
            }
            const value: unknown = doc.toJS({ maxAliasCount: 100 });
            if (value === null || value === undefined) continue;
            const items =
                asString(asObj(value)?.kind) === "List" && Array.isArray(asObj(value)?.items)
                    ? (asObj(value)?.items as unknown[])
                    : [value];
            for (const item of items) {
                const obj = asObj(item);
                const apiVersion = asString(obj?.apiVersion);
                const kind = asString(obj?.kind);
                if (!obj || !apiVersion || !kind) {
                    skipped.push({ file, line: docLine, message: "not a Kubernetes object (no apiVersion and kind); skipped" });
                    continue;
                }
                const metadata = asObj(obj.metadata) ?? {};
                const name = asString(metadata.name) ?? asString(metadata.generateName) ?? "";
                const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? undefined : (asString(metadata.namespace) ?? "default");
                const type = k8sTypeToken(apiVersion, kind);
                const urn = `urn:pulumi:check::manifests::${type}::${file}:${docLine}:${resources.length}`;
                resources.push({ type, name: name || `${kind.toLowerCase()}-${resources.length}`, urn, props: obj });
                objects.set(urn, { kind, namespace, name, file, line: docLine });
            }
        }
    }
    return { resources, objects, errors, skipped };
}
