/**
 * An evaluator of the KQL subset the scheduled query rules use, written from the Kusto reference: a table,
 * `| where` with `and`, `or`, `not()`, parentheses, `in (...)` (case-sensitive), `==` (case-sensitive),
 * `startswith` (case-insensitive), `tostring()`/`toint()` over dynamic columns, and a final `| project`. It
 * parses the query text the program generated, so the tests check what Log Analytics would return.
 */
import type { AuditEvent } from "./audit-events";
import { textOf } from "../../kubernetes-model/workloads";

/** An AKSAudit / AKSAuditAdmin row as the AKS diagnostic setting writes an audit event (resource-specific tables). */
export function aksAuditRow(event: AuditEvent): Record<string, unknown> {
    return {
        Verb: event.verb,
        User: event.user,
        ObjectRef: event.objectRef ?? {},
        ResponseStatus: event.responseStatus,
        RequestObject: event.requestObject ?? {},
        SourceIps: event.sourceIPs,
        RequestUri: event.requestURI,
        Level: event.level,
        AuditId: event.auditID,
    };
}

type Token = { kind: "word" | "string" | "number" | "punct"; text: string };

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) i++;
        else if (text.startsWith("==", i) || text.startsWith("!=", i)) {
            tokens.push({ kind: "punct", text: text.slice(i, i + 2) });
            i += 2;
        } else if ("(),.|=".includes(c)) {
            tokens.push({ kind: "punct", text: c });
            i++;
        } else if (c === '"') {
            let s = "";
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === "\\") i++;
                s += text[i++];
            }
            i++;
            tokens.push({ kind: "string", text: s });
        } else if (/\d/.test(c)) {
            const m = /^\d+/.exec(text.slice(i))!;
            tokens.push({ kind: "number", text: m[0] });
            i += m[0].length;
        } else if (/[A-Za-z_]/.test(c)) {
            const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
            tokens.push({ kind: "word", text: m[0] });
            i += m[0].length;
        } else throw new Error(`unexpected ${JSON.stringify(c)} in KQL: ${text}`);
    }
    return tokens;
}

type Row = Record<string, unknown>;
type Expr = (row: Row) => unknown;

function parsePredicate(tokens: Token[], source: string): (row: Row) => boolean {
    let pos = 0;
    const peek = (): Token | undefined => tokens[pos];
    const expect = (text: string): void => {
        const t = tokens[pos++];
        if (!t || t.text !== text) throw new Error(`expected ${text}, found ${t?.text ?? "end"} in ${source}`);
    };
    const path = (): Expr => {
        const first = tokens[pos++];
        if (first?.kind !== "word") throw new Error(`expected a column in ${source}`);
        const steps = [first.text];
        while (peek()?.text === ".") {
            pos++;
            steps.push(tokens[pos++].text);
        }
        return (row) => steps.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Row)[k] : undefined), row);
    };
    const operand = (): Expr => {
        const t = peek();
        if (t?.kind === "word" && (t.text === "tostring" || t.text === "toint") && tokens[pos + 1]?.text === "(") {
            pos += 2;
            const inner = path();
            expect(")");
            return t.text === "tostring"
                ? (row) => textOf(inner(row))
                : (row) => {
                      const v = Number(inner(row));
                      return Number.isInteger(v) ? v : null;
                  };
        }
        return path();
    };
    const literal = (): string | number => {
        const t = tokens[pos++];
        if (t?.kind === "string") return t.text;
        if (t?.kind === "number") return Number(t.text);
        throw new Error(`expected a literal, found ${t?.text ?? "end"} in ${source}`);
    };
    const unary = (): ((row: Row) => boolean) => {
        const t = peek();
        if (t?.text === "not" && tokens[pos + 1]?.text === "(") {
            pos += 2;
            const inner = or();
            expect(")");
            return (row) => !inner(row);
        }
        if (t?.text === "(") {
            pos++;
            const inner = or();
            expect(")");
            return inner;
        }
        const left = operand();
        const op = tokens[pos++];
        if (op?.text === "in") {
            expect("(");
            const values = [literal()];
            while (peek()?.text === ",") {
                pos++;
                values.push(literal());
            }
            expect(")");
            return (row) => values.includes(left(row) as string | number);
        }
        if (op?.text === "==") {
            const value = literal();
            return (row) => left(row) === value;
        }
        if (op?.text === "startswith") {
            const value = String(literal()).toLowerCase();
            return (row) => textOf(left(row)).toLowerCase().startsWith(value);
        }
        throw new Error(`unsupported operator ${op?.text ?? "end"} in ${source}`);
    };
    const and = (): ((row: Row) => boolean) => {
        let left = unary();
        while (peek()?.text === "and") {
            pos++;
            const l = left;
            const r = unary();
            left = (row) => l(row) && r(row);
        }
        return left;
    };
    const or = (): ((row: Row) => boolean) => {
        let left = and();
        while (peek()?.text === "or") {
            pos++;
            const l = left;
            const r = and();
            left = (row) => l(row) || r(row);
        }
        return left;
    };
    const predicate = or();
    if (pos !== tokens.length)
        throw new Error(
            `trailing tokens after the where clause: ${tokens
                .slice(pos)
                .map((t) => t.text)
                .join(" ")}`,
        );
    return predicate;
}

/** The parsed query: its table and the rows its where clause keeps. */
export function runKql(query: string, tables: Record<string, Row[]>): { table: string; rows: Row[] } {
    const stages = query.split(/\n\|\s*/);
    const table = stages[0].trim();
    if (!(table in tables)) throw new Error(`unknown table ${table}`);
    let rows = tables[table];
    for (const stage of stages.slice(1)) {
        if (stage.startsWith("where ")) {
            const clause = stage.slice("where ".length);
            const predicate = parsePredicate(tokenize(clause), clause);
            rows = rows.filter(predicate);
        } else if (!stage.startsWith("project ")) throw new Error(`unsupported stage: ${stage}`);
    }
    return { table, rows };
}
