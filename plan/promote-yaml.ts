import { CST, Document, Pair, YAMLMap, isMap, isNode, isPair, isScalar, isSeq, parse, parseDocument } from "yaml";
import { CONFIG_NAMESPACE } from "../config";
import { EKS_ADDONS, RELEASE_KEYS, ReleaseConfig } from "../config/release";

/** The stack-file key that holds the release-pinned settings. */
export const RELEASE_CONFIG_KEY = `${CONFIG_NAMESPACE}:release`;

/** A release as it is written to a stack file: every key explicit, in `RELEASE_KEYS` order. */
type ReleaseTree = { [key: string]: string | ReleaseTree };

function releaseTree(release: ReleaseConfig): ReleaseTree {
    const tree: ReleaseTree = {};
    for (const key of RELEASE_KEYS) {
        if (key === "eksAddonVersions") {
            const addons: ReleaseTree = {};
            for (const name of EKS_ADDONS) {
                const version = release.eksAddonVersions[name];
                if (version !== undefined) addons[name] = version;
            }
            tree[key] = addons;
        } else {
            tree[key] = release[key];
        }
    }
    return tree;
}

/** One text replacement in the original file; the rest of the file is never re-rendered. */
interface Edit {
    start: number;
    end: number;
    text: string;
}

/**
 * Sets a scalar token to `value` through the yaml CST and returns its new source: in the quoting the token has
 * (plain for a new one), and double-quoted when a plain value would read back as another type (`1.34` a number,
 * `""` null), which the CST does not check.
 */
function setScalar(token: CST.FlowScalar | CST.BlockScalar, value: string): string {
    CST.setScalarValue(token, value);
    if (token.type === "scalar" && parse(token.source) !== value) CST.setScalarValue(token, value, { type: "QUOTE_DOUBLE" });
    return token.source;
}

/** A scalar as a new value is written. */
function renderScalar(value: string): string {
    return setScalar(CST.createScalarToken("", { indent: 0 }), value);
}

/**
 * Rewrites a scalar value where it stands, through its CST token: only the scalar's own bytes change; its anchor
 * or tag, its quoting, the spacing and comment after it stay. Undefined for a value that is no flow scalar.
 */
function replaceScalar(pair: Pair, value: string): Edit | undefined {
    const token = isScalar(pair.value) ? pair.value.srcToken : undefined;
    if (!CST.isScalar(token) || token.type === "block-scalar") return undefined;
    const start = token.offset;
    const end = start + token.source.length;
    return { start, end, text: setScalar(token, value) };
}

function renderFlow(tree: ReleaseTree): string {
    const doc = new Document(tree);
    if (isMap(doc.contents)) doc.contents.flow = true;
    return doc.toString({ lineWidth: 0 }).replace(/\n$/, "");
}

function renderBlock(key: string, tree: ReleaseTree, indentStep: number, column: number): string {
    const doc = new Document({ [key]: tree });
    const pad = " ".repeat(column);
    return doc
        .toString({ lineWidth: 0, indent: indentStep })
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => pad + line)
        .join("\n");
}

function keyName(pair: Pair): string | undefined {
    return isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

function columnOf(text: string, offset: number): number {
    return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function nodeRange(node: unknown): [number, number, number] | undefined {
    return isNode(node) ? (node.range ?? undefined) : undefined;
}

/** Where a node's own content ends: the end of its last scalar (a block collection's range runs on to the next key, comments included). */
function contentEnd(node: unknown): number {
    if ((isMap(node) || isSeq(node)) && node.items.length > 0) {
        const last: unknown = node.items[node.items.length - 1];
        return contentEnd(isPair(last) ? (last.value ?? last.key) : last);
    }
    const range = nodeRange(node);
    if (!range) throw new Error("stack file node without a source position");
    return range[1];
}

/** The end of the line where a pair's content ends (its trailing comment included, later comment lines not). */
function endOfPairLine(text: string, pair: Pair): number {
    const newline = text.indexOf("\n", contentEnd(pair.value ?? pair.key));
    return newline === -1 ? text.length : newline + 1;
}

/** Text inserted at `at` as whole lines, with a newline first when `at` is the end of an unterminated last line. */
function insertLines(text: string, at: number, lines: string): Edit {
    const needsNewline = at === text.length && text.length > 0 && !text.endsWith("\n");
    return { start: at, end: at, text: (needsNewline ? "\n" : "") + lines + "\n" };
}

/** Replaces a value (a block scalar, flow map, JSON string, alias or nothing) on its key's line by a flow rendering of `value`. */
function replaceInline(text: string, pair: Pair, value: string | ReleaseTree): Edit {
    const range = nodeRange(pair.value) ?? nodeRange(pair.key);
    if (!range) throw new Error("stack file node without a source position");
    const valueRange = nodeRange(pair.value);
    const start = valueRange ? valueRange[0] : range[1];
    const end = valueRange ? valueRange[1] : range[1];
    const rendered = typeof value === "string" ? renderScalar(value) : renderFlow(value);
    const space = text[start - 1] === ":" ? " " : "";
    return { start, end, text: space + rendered };
}

/** Replaces a non-empty block map by a flow one on its key's line (`eksAddonVersions: {}`); its inner lines go. */
function replaceBlockInline(text: string, pair: Pair, value: ReleaseTree): Edit {
    const keyRange = nodeRange(pair.key);
    if (!keyRange) throw new Error("stack file node without a source position");
    const lineEnd = endOfPairLine(text, pair);
    return { start: keyRange[1], end: text[lineEnd - 1] === "\n" ? lineEnd - 1 : lineEnd, text: `: ${renderFlow(value)}` };
}

/**
 * Brings a block map to `desired` with the smallest edits: changed scalars are replaced where they
 * stand (their comments and quoting stay), missing keys are appended after the map's last line,
 * keys that `desired` no longer has are removed with their line.
 */
function syncBlockMap(text: string, map: YAMLMap, desired: ReleaseTree, step: number, edits: Edit[]): void {
    const first = map.items[0];
    const firstKey = nodeRange(first.key);
    if (!firstKey) throw new Error("stack file node without a source position");
    const column = columnOf(text, firstKey[0]);
    const missing: string[] = [];
    for (const [key, value] of Object.entries(desired)) {
        const pair = map.items.find((p) => keyName(p) === key);
        if (!pair) {
            missing.push(key);
        } else if (typeof value === "string") {
            const current = isScalar(pair.value) ? pair.value.value : undefined;
            const currentText =
                typeof current === "string" || typeof current === "number" || typeof current === "boolean" ? String(current) : undefined;
            if (currentText !== value) edits.push(replaceScalar(pair, value) ?? replaceInline(text, pair, value));
        } else if (isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
            if (Object.keys(value).length > 0) syncBlockMap(text, pair.value, value, step, edits);
            else edits.push(replaceBlockInline(text, pair, value));
        } else if (!(isMap(pair.value) && pair.value.items.length === 0 && Object.keys(value).length === 0)) {
            edits.push(replaceInline(text, pair, value));
        }
    }
    const removed = map.items.filter((p) => {
        const key = keyName(p);
        return key === undefined || !Object.prototype.hasOwnProperty.call(desired, key);
    });
    for (const pair of removed) {
        const keyRange = nodeRange(pair.key);
        if (!keyRange) throw new Error("stack file node without a source position");
        const lineStart = text.lastIndexOf("\n", keyRange[0] - 1) + 1;
        edits.push({ start: lineStart, end: endOfPairLine(text, pair), text: "" });
    }
    if (missing.length > 0) {
        const lines = missing.map((key) => {
            const value = desired[key];
            return typeof value === "string" || Object.keys(value).length === 0
                ? `${" ".repeat(column)}${key}: ${typeof value === "string" ? renderScalar(value) : "{}"}`
                : renderBlock(key, value, step, column);
        });
        edits.push(insertLines(text, endOfPairLine(text, map.items[map.items.length - 1]), lines.join("\n")));
    }
}

/**
 * Applies non-overlapping edits from the end of the text backwards, so earlier offsets stay valid.
 * Insertions at the same offset keep the order they were made in (a nested map's new keys before
 * the keys its parent appends after it).
 */
function applyEdits(text: string, edits: Edit[]): string {
    const sorted = edits
        .map((edit, order) => ({ edit, order }))
        .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.order - a.order);
    let out = text;
    for (const { edit } of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
}

/**
 * Returns the stack file `text` with its `xroad-sidecar:release` object set to `release`. Only the
 * release's own values change: every other setting, every comment, blank line, indentation and
 * quoting in the file stays byte for byte (the file is parsed with the yaml Document API to locate
 * nodes, and only their source ranges are rewritten). Adds the key when the file has none.
 */
export function setReleaseInStackFile(text: string, release: ReleaseConfig): string {
    // Source tokens kept: a changed scalar is rewritten through its CST token (replaceScalar).
    const doc = parseDocument(text, { keepSourceTokens: true });
    if (doc.errors.length > 0) throw new Error(`stack file is not valid YAML: ${doc.errors[0].message}`);
    const root = doc.contents;
    const desired = releaseTree(release);
    if (!isMap(root)) throw new Error("stack file has no top-level mapping");
    const configPair = root.items.find((p) => keyName(p) === "config");
    const config = configPair?.value;
    if (!configPair || !isMap(config) || config.flow || config.items.length === 0) {
        throw new Error("stack file has no block `config:` mapping to hold the release");
    }
    const releasePairs = config.items.filter((p) => keyName(p) === RELEASE_CONFIG_KEY || keyName(p) === "release");
    if (releasePairs.length > 1) throw new Error(`stack file sets the release twice (${releasePairs.map(keyName).join(", ")})`);
    const pair = releasePairs[0];
    const edits: Edit[] = [];
    if (!pair) {
        const firstKey = nodeRange(config.items[0].key);
        if (!firstKey) throw new Error("stack file node without a source position");
        const column = columnOf(text, firstKey[0]);
        edits.push(
            insertLines(
                text,
                endOfPairLine(text, config.items[config.items.length - 1]),
                renderBlock(RELEASE_CONFIG_KEY, desired, Math.max(2, column), column),
            ),
        );
    } else if (isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
        // New nested maps are indented by the step the file's release already uses.
        const keyStart = nodeRange(pair.key)?.[0];
        const childStart = nodeRange(pair.value.items[0].key)?.[0];
        if (keyStart === undefined || childStart === undefined) throw new Error("stack file node without a source position");
        syncBlockMap(text, pair.value, desired, Math.max(1, columnOf(text, childStart) - columnOf(text, keyStart)), edits);
    } else {
        edits.push(replaceInline(text, pair, desired));
    }
    return applyEdits(text, edits);
}
