/**
 * Plain Kubernetes manifests as engine resources, read the way `kubectl apply -f` reads them, so the checker
 * judges every object admission would judge:
 *  - `.yaml`, `.yml` and `.json` files under the given directories (walked recursively, in sorted order;
 *    symlinks followed, a directory reached twice walked once); files named directly whatever their extension;
 *  - documents split on `---` lines as apimachinery's YAMLReader does, each parsed alone with go-yaml v2's
 *    YAML 1.1 scalar rules (./yaml11.ts), so `mode: 0644` is octal 420 and multi-line quoted strings kubectl
 *    accepts parse;
 *  - any object with an `items` list is a list (unstructured decoding: `List`, `DeploymentList`, …), unpacked
 *    to any depth; items without apiVersion and kind take the list's (`DeploymentList` items are Deployments).
 * Whatever cannot be read is an error naming the file (and line): a dangling or looping symlink, a binary or
 * non-UTF-8 file, a parse error, a document that is no Kubernetes object, an alias bomb. The rest still loads.
 */
import * as fs from "fs";
import * as path from "path";
import * as jsyaml from "js-yaml";
import { CLUSTER_SCOPED_KINDS, k8sTypeToken } from "../../kubernetes-model/types";
import { Obj, asObj, asString } from "../../kubernetes-model/workloads";
import { deepFreeze } from "./evaluate";
import { EngineResource } from "./types";
import { KUBECTL_YAML_SCHEMA } from "./yaml11";

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
    /** Everything that could not be read or is no Kubernetes object; each one makes the check incomplete. */
    errors: ManifestError[];
    /** Files read and their total size in bytes. */
    files: number;
    bytes: number;
}

export interface LoadOptions {
    /** Called before each file is read, with its size, and the total size of all files found. */
    onFile?: (file: string, bytes: number, totalBytes: number) => void;
}

/** The extensions kubectl picks from a directory (cli-runtime FileExtensions). */
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

/**
 * A node budget per document: without aliases a document has fewer nodes than characters, so anything above
 * this is alias expansion (a "billion laughs" document, or an anchor that contains itself). go-yaml refuses
 * such documents ("excessive aliasing"); js-yaml shares aliased nodes instead of copying them, so the
 * expansion is counted here before anything walks the value.
 */
const ALIAS_EXPANSION_FACTOR = 10;
const MIN_NODE_BUDGET = 100_000;

/** Nesting deeper than this is no manifest (and would overflow the stack of recursive walkers). */
const MAX_LIST_DEPTH = 100;

function errorCode(e: unknown): string {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** Manifest files under the given files and directories, with their sizes; unreadable entries become errors. */
function manifestFiles(inputs: string[], errors: ManifestError[]): { file: string; bytes: number }[] {
    const out: { file: string; bytes: number }[] = [];
    const seenDirs = new Set<string>();
    const walk = (p: string, named: boolean) => {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(p);
        } catch (e) {
            const code = errorCode(e);
            const why = code === "ENOENT" && !named ? "dangling symlink" : code === "ELOOP" ? "symlink loop" : code;
            errors.push({ file: p, message: `cannot read: ${why}` });
            return;
        }
        if (stat.isDirectory()) {
            let real: string;
            let entries: string[];
            try {
                real = fs.realpathSync(p);
                entries = fs.readdirSync(p).sort();
            } catch (e) {
                errors.push({ file: p, message: `cannot read directory: ${errorCode(e)}` });
                return;
            }
            if (seenDirs.has(real)) return;
            seenDirs.add(real);
            for (const entry of entries) {
                const child = path.join(p, entry);
                let isDir = false;
                try {
                    isDir = fs.statSync(child).isDirectory();
                } catch {
                    // Reported by walk() if it is a manifest name (a dangling editor lock file `.#x.yaml` is).
                }
                if (isDir || MANIFEST_EXTENSION.test(entry)) walk(child, false);
            }
        } else if (!stat.isFile()) {
            errors.push({ file: p, message: "cannot read: not a regular file" });
        } else out.push({ file: p, bytes: stat.size });
    };
    for (const input of inputs) walk(input, true);
    return out;
}

/** Text of a manifest file, or why it is none: kubectl's decoders accept UTF-8 text only. */
function readText(file: string): { text: string } | { error: string } {
    let buf: Buffer;
    try {
        buf = fs.readFileSync(file);
    } catch (e) {
        return { error: `cannot read: ${errorCode(e)}` };
    }
    if (buf.includes(0)) return { error: "binary file (NUL bytes), not YAML or JSON" };
    let text: string;
    try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch {
        return { error: "not UTF-8 text (binary file?)" };
    }
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

interface Chunk {
    text: string;
    /** 1-based line of the chunk's first line in the file. */
    startLine: number;
    /** 1-based line of its first content line (not blank, not a comment), for messages. */
    contentLine: number;
    /** Set when the separator line itself is invalid. */
    error?: string;
}

/**
 * Documents as apimachinery's YAMLReader splits them: a line starting with `---` ends the document before it;
 * only spaces or a comment may follow the `---` ("invalid Yaml document separator" otherwise).
 */
function splitDocuments(text: string): Chunk[] {
    const chunks: Chunk[] = [];
    let start = 0;
    let startLine = 1;
    let line = 1;
    let pos = 0;
    let contentLine = 0;
    let pendingError: string | undefined;
    const close = (end: number) => {
        chunks.push({ text: text.slice(start, end), startLine, contentLine: contentLine || startLine, error: pendingError });
        pendingError = undefined;
    };
    while (pos < text.length) {
        let eol = text.indexOf("\n", pos);
        if (eol < 0) eol = text.length;
        if (text.startsWith("---", pos)) {
            const rest = text.slice(pos + 3, eol).trim();
            close(pos);
            if (rest !== "" && !rest.startsWith("#")) pendingError = `invalid YAML document separator: ${rest.slice(0, 40)}`;
            start = eol + 1;
            startLine = line + 1;
            contentLine = pendingError ? line : 0;
        } else if (contentLine === 0) {
            const first = /[^ \t\r]/.exec(text.slice(pos, eol));
            if (first && first[0] !== "#") contentLine = line;
        }
        pos = eol + 1;
        line++;
    }
    close(text.length);
    return chunks.filter((c) => c.error !== undefined || /[^\s]/.test(c.text.replace(/^[ \t]*#.*$/gm, "")));
}

/** Counts nodes as a deep walk would meet them, stopping at `budget`; true when the value stays within it. */
function withinBudget(value: unknown, budget: number): boolean {
    let left = budget;
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (--left < 0) return false;
        if (Array.isArray(v)) for (const x of v) stack.push(x);
        else if (v !== null && typeof v === "object") for (const k in v) stack.push((v as Obj)[k]);
    }
    return true;
}

/** A parsed document (or JSON value), or the error that stops it. */
function parseChunk(chunk: Chunk, file: string): { value: unknown } | ManifestError {
    if (chunk.error) return { file, line: chunk.contentLine, message: chunk.error };
    let value: unknown;
    try {
        value = jsyaml.load(chunk.text, { schema: KUBECTL_YAML_SCHEMA, filename: file });
    } catch (e) {
        if (e instanceof jsyaml.YAMLException) {
            const mark = (e as jsyaml.YAMLException & { mark?: { line?: number } }).mark;
            return {
                file,
                line: mark?.line !== undefined ? chunk.startLine + mark.line : chunk.contentLine,
                message: `invalid YAML: ${e.reason}`,
            };
        }
        throw e;
    }
    if (!withinBudget(value, Math.max(MIN_NODE_BUDGET, ALIAS_EXPANSION_FACTOR * chunk.text.length))) {
        return { file, line: chunk.contentLine, message: "invalid YAML: excessive aliasing (aliases expand the document beyond its size)" };
    }
    return { value };
}

/** The documents of a file: a JSON file as JSON (kubectl's decoder sniffs `{`), everything else as YAML documents. */
function documents(text: string, file: string): ({ value: unknown; line: number } | ManifestError)[] {
    if (/^\s*[{[]/.test(text)) {
        try {
            return [{ value: JSON.parse(text) as unknown, line: 1 }];
        } catch {
            // Not one JSON value (JSON documents between `---` lines, or YAML flow style): read as YAML.
        }
    }
    return splitDocuments(text).map((chunk) => {
        const parsed = parseChunk(chunk, file);
        return "value" in parsed ? { value: parsed.value, line: chunk.contentLine } : parsed;
    });
}

/** Loads every object of every file; each error names its file (and line), and the rest still loads. */
export function loadManifests(inputs: string[], options: LoadOptions = {}): LoadedManifests {
    const errors: ManifestError[] = [];
    const resources: EngineResource[] = [];
    const objects = new Map<string, ManifestObject>();
    const files = manifestFiles(inputs, errors);
    const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
    let bytes = 0;

    const add = (obj: Obj, file: string, line: number) => {
        const apiVersion = asString(obj.apiVersion) ?? "";
        const kind = asString(obj.kind) ?? "";
        const metadata = asObj(obj.metadata) ?? {};
        const name = asString(metadata.name) ?? asString(metadata.generateName) ?? "";
        const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? undefined : (asString(metadata.namespace) ?? "default");
        const type = k8sTypeToken(apiVersion, kind);
        const urn = `urn:pulumi:check::manifests::${type}::${file}:${line}:${resources.length}`;
        // Frozen in place: the engine shares it with every policy instead of copying it.
        resources.push({ type, name: name || `${kind.toLowerCase()}-${resources.length}`, urn, props: deepFreeze(obj) });
        objects.set(urn, { kind, namespace, name, file, line });
    };

    // kubectl's unstructured decoding: `items` makes a list, whatever the kind; FlattenListVisitor unpacks nested lists.
    const visit = (value: unknown, file: string, line: number, depth: number, where: string) => {
        const obj = asObj(value);
        if (obj && Object.prototype.hasOwnProperty.call(obj, "items") && obj.items !== null) {
            if (!Array.isArray(obj.items)) {
                errors.push({ file, line, message: `${where}items is not a list` });
                return;
            }
            if (depth >= MAX_LIST_DEPTH) {
                errors.push({ file, line, message: `${where}lists nested deeper than ${MAX_LIST_DEPTH}` });
                return;
            }
            const listKind = asString(obj.kind) ?? "";
            const itemKind = listKind.endsWith("List") ? listKind.slice(0, -"List".length) : listKind;
            obj.items.forEach((item: unknown, i: number) => {
                const itemObj = asObj(item);
                // Typed lists (DeploymentList) leave apiVersion and kind off their items; decodeToList sets the list's.
                const typed =
                    itemObj &&
                    itemObj.apiVersion === undefined &&
                    itemObj.kind === undefined &&
                    itemKind !== "" &&
                    obj.apiVersion !== undefined
                        ? { apiVersion: obj.apiVersion, kind: itemKind, ...itemObj }
                        : item;
                visit(typed, file, line, depth + 1, `${where}items[${i}]: `);
            });
            return;
        }
        if (!obj || !asString(obj.apiVersion) || !asString(obj.kind)) {
            errors.push({ file, line, message: `${where}not a Kubernetes object (no apiVersion and kind)` });
            return;
        }
        add(obj, file, line);
    };

    for (const { file, bytes: size } of files) {
        options.onFile?.(file, bytes, totalBytes);
        bytes += size;
        const read = readText(file);
        if ("error" in read) {
            errors.push({ file, message: read.error });
            continue;
        }
        for (const doc of documents(read.text, file)) {
            if (!("value" in doc)) errors.push(doc);
            else if (doc.value !== null && doc.value !== undefined) visit(doc.value, file, doc.line, 0, "");
        }
    }
    return { resources, objects, errors, files: files.length, bytes };
}
