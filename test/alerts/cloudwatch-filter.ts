/**
 * An evaluator of CloudWatch Logs JSON filter patterns, written from the CloudWatch Logs user guide ("Filter
 * pattern syntax for metric filters, subscription filters, filter log events, and Live Tail", JSON log events):
 * `{ <expr> }` with `$.a.b` selectors, `=` and `!=` on quoted strings (where `*` is a wildcard) or numbers, and
 * `&&`, `||` and parentheses. It parses the pattern string the program generated, independently of the
 * generator, so a test that evaluates it against real audit events checks what CloudWatch would match.
 */
import { textOf } from "../../kubernetes-model/workloads";
type Token = { kind: "punct" | "string" | "number" | "selector" | "word"; text: string };

function tokenize(pattern: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (/\s/.test(c)) {
            i++;
        } else if (pattern.startsWith("&&", i) || pattern.startsWith("||", i) || pattern.startsWith("!=", i)) {
            tokens.push({ kind: "punct", text: pattern.slice(i, i + 2) });
            i += 2;
        } else if ("{}()=".includes(c)) {
            tokens.push({ kind: "punct", text: c });
            i++;
        } else if (c === '"') {
            let text = "";
            i++;
            while (i < pattern.length && pattern[i] !== '"') {
                if (pattern[i] === "\\") i++;
                text += pattern[i++];
            }
            if (pattern[i] !== '"') throw new Error(`unterminated string in ${pattern}`);
            i++;
            tokens.push({ kind: "string", text });
        } else if (c === "$") {
            const m = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+/.exec(pattern.slice(i));
            if (!m) throw new Error(`bad selector at ${pattern.slice(i)}`);
            tokens.push({ kind: "selector", text: m[0] });
            i += m[0].length;
        } else if (/[-0-9]/.test(c)) {
            const m = /^-?\d+(\.\d+)?/.exec(pattern.slice(i));
            if (!m) throw new Error(`bad number at ${pattern.slice(i)}`);
            tokens.push({ kind: "number", text: m[0] });
            i += m[0].length;
        } else {
            throw new Error(`unexpected ${JSON.stringify(c)} at ${i} in ${pattern}`);
        }
    }
    return tokens;
}

type Node =
    | { kind: "logic"; op: "and" | "or"; left: Node; right: Node }
    | { kind: "compare"; op: "=" | "!="; selector: string; value: string | number; quoted: boolean };

function parse(pattern: string): Node {
    const tokens = tokenize(pattern);
    let pos = 0;
    const peek = (): Token | undefined => tokens[pos];
    const expect = (text: string): void => {
        const t = tokens[pos++];
        if (!t || t.text !== text) throw new Error(`expected ${text}, found ${t?.text ?? "end"} in ${pattern}`);
    };
    const comparison = (): Node => {
        const t = peek();
        if (t?.text === "(") {
            pos++;
            const inner = or();
            expect(")");
            return inner;
        }
        if (t?.kind !== "selector") throw new Error(`expected a selector, found ${t?.text ?? "end"} in ${pattern}`);
        pos++;
        const op = tokens[pos++];
        if (!op || (op.text !== "=" && op.text !== "!=")) throw new Error(`expected = or != after ${t.text}`);
        const value = tokens[pos++];
        if (!value || (value.kind !== "string" && value.kind !== "number")) throw new Error(`expected a value after ${t.text} ${op.text}`);
        return {
            kind: "compare",
            op: op.text,
            selector: t.text,
            value: value.kind === "number" ? Number(value.text) : value.text,
            quoted: value.kind === "string",
        };
    };
    const and = (): Node => {
        let left = comparison();
        while (peek()?.text === "&&") {
            pos++;
            left = { kind: "logic", op: "and", left, right: comparison() };
        }
        return left;
    };
    const or = (): Node => {
        let left = and();
        while (peek()?.text === "||") {
            pos++;
            left = { kind: "logic", op: "or", left, right: and() };
        }
        return left;
    };
    expect("{");
    const tree = or();
    expect("}");
    if (pos !== tokens.length) throw new Error(`trailing tokens in ${pattern}`);
    return tree;
}

function select(event: unknown, selector: string): unknown {
    let value: unknown = event;
    for (const m of selector.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)) {
        if (value === null || typeof value !== "object") return undefined;
        value = m[1] !== undefined ? (value as Record<string, unknown>)[m[1]] : (value as unknown[])[Number(m[2])];
    }
    return value;
}

const wildcard = (glob: string): RegExp =>
    new RegExp(
        `^${glob
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            // A wildcard matches any characters, the line's trailing newline included.
            .join("[\\s\\S]*")}$`,
    );

function evaluate(node: Node, event: unknown): boolean {
    if (node.kind === "logic")
        return node.op === "and"
            ? evaluate(node.left, event) && evaluate(node.right, event)
            : evaluate(node.left, event) || evaluate(node.right, event);
    const actual = select(event, node.selector);
    // A missing field matches neither = nor != (CloudWatch compares only fields the event has).
    if (actual === undefined || actual === null || typeof actual === "object") return false;
    const equal =
        typeof node.value === "number" ? typeof actual === "number" && actual === node.value : wildcard(node.value).test(textOf(actual));
    return node.op === "=" ? equal : !equal;
}

/** Whether CloudWatch Logs would count this JSON log event under the filter pattern. */
export function filterMatches(pattern: string, event: unknown): boolean {
    return evaluate(parse(pattern), event);
}
