/**
 * `npm run check -- [--json] [--config <policy-config.json>] <file|dir>...`: evaluates plain Kubernetes YAML
 * with the same policies the CrossGuard pack runs on previews, namespace-wide rules across all files given.
 * One line per violation (`policy kind/namespace/name: message`), or `--json`: [{policy, level, kind, namespace, name, message}].
 * Exit codes: 1 a mandatory violation, 0 clean (advisories only), 2 unreadable or invalid YAML or bad usage
 * (2 wins: the valid documents are still checked and reported, but a partial check is never "clean").
 */
import * as fs from "fs";
import { evaluate } from "../policy/engine/evaluate";
import { loadManifests, ManifestObject } from "../policy/engine/manifests";
import { PolicyPackConfig } from "../policy/engine/types";
import { allPolicies } from "../policy/policies";

export interface CheckFinding {
    policy: string;
    level: "advisory" | "mandatory";
    kind: string;
    namespace: string | null;
    name: string;
    message: string;
}

export interface CheckIO {
    out(line: string): void;
    err(line: string): void;
}

const CONSOLE: CheckIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

class UsageError extends Error {}

function usage(message: string): never {
    throw new UsageError(`${message}\nusage: npm run check -- [--json] [--config <policy-config.json>] <file|dir>...`);
}

function objectLabel(o: { kind: string; namespace: string | null; name: string }): string {
    return o.namespace === null ? `${o.kind}/${o.name}` : `${o.kind}/${o.namespace}/${o.name}`;
}

/** The whole command: parses argv, checks, prints through `io`, returns the exit code. */
export async function runCheck(argv: string[], io: CheckIO = CONSOLE): Promise<number> {
    try {
        return await check(argv, io);
    } catch (e) {
        if (e instanceof UsageError) {
            io.err(e.message);
            return 2;
        }
        throw e;
    }
}

async function check(argv: string[], io: CheckIO): Promise<number> {
    let json = false;
    let configFile: string | undefined;
    const inputs: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--json") json = true;
        else if (a === "--config") configFile = argv[++i] ?? usage("--config needs a file");
        else if (a.startsWith("-")) usage(`unknown option ${a}`);
        else inputs.push(a);
    }
    if (inputs.length === 0) usage("no files or directories given");
    let config: PolicyPackConfig | undefined;
    if (configFile) {
        try {
            config = JSON.parse(fs.readFileSync(configFile, "utf8")) as PolicyPackConfig;
        } catch (e) {
            io.err(`${configFile}: ${(e as Error).message}`);
            return 2;
        }
    }

    const loaded = loadManifests(inputs);
    for (const s of loaded.skipped) io.err(`${s.file}:${s.line}: ${s.message}`);
    for (const e of loaded.errors) io.err(`${e.file}${e.line !== undefined ? `:${e.line}` : ""}: invalid YAML: ${e.message}`);

    const { violations } = await evaluate(allPolicies, loaded.resources, { config });
    const order = new Map(loaded.resources.map((r, i) => [r.urn, i]));
    const findings: (CheckFinding & { index: number })[] = violations.map((v) => {
        const o: ManifestObject | undefined = v.urn ? loaded.objects.get(v.urn) : undefined;
        return {
            policy: v.policy,
            level: v.level,
            kind: o?.kind ?? "",
            namespace: o?.namespace ?? null,
            name: o?.name ?? "",
            message: v.message,
            index: v.urn ? (order.get(v.urn) ?? -1) : -1,
        };
    });
    findings.sort((a, b) => a.index - b.index || a.policy.localeCompare(b.policy));
    const out: CheckFinding[] = findings.map(({ index: _i, ...f }) => f);

    if (json) io.out(JSON.stringify(out, null, 2));
    else {
        for (const f of out) io.out(`${f.policy} ${objectLabel(f)}: ${f.level === "advisory" ? "(advisory) " : ""}${f.message}`);
        const mandatory = out.filter((f) => f.level === "mandatory").length;
        io.err(
            `${loaded.resources.length} objects checked: ${mandatory} mandatory, ${out.length - mandatory} advisory violations${loaded.errors.length ? `, ${loaded.errors.length} YAML errors` : ""}.`,
        );
    }
    if (loaded.errors.length > 0) return 2;
    return out.some((f) => f.level === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    runCheck(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
            process.exit(2);
        },
    );
}
