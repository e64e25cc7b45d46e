/**
 * `npm run check -- [--json] [--config <policy-config.json>] <file|dir>...`: evaluates plain Kubernetes YAML
 * and JSON with the same policies the CrossGuard pack runs on previews, namespace-wide rules across all files given.
 * One line per violation (`policy kind/namespace/name: message`), or `--json`: [{policy, level, kind, namespace, name, message}].
 * Exit codes:
 *  0 clean (advisories only);
 *  1 a mandatory violation;
 *  2 incomplete or unusable: an unreadable file or document (named on stderr), bad usage, an invalid --config
 *    (2 wins: the readable objects are still checked and reported, but a partial check is never "clean");
 *  3 nothing to check: the inputs hold no Kubernetes object, so there is no verdict (a CI gate must not pass on nothing).
 * Outside a Pulumi preview no value is unknown: the SDK's unknown sentinel is an ordinary string here and never
 * makes a policy advisory. Inputs over a few MB show progress on stderr.
 */
// First, before anything imports the Pulumi SDK: defers its eager load of npm's Arborist (see the file).
import "../policy/defer-npm-arborist";
import * as fs from "fs";
import { validatePolicyPackConfig } from "../policy/engine/config";
import { evaluate } from "../policy/engine/evaluate";
import { loadManifests, ManifestObject } from "../policy/engine/manifests";
import { PolicyFinding, PolicyPackConfig } from "../policy/engine/types";
import { allPolicies } from "../policy/policies";
import { PROGRESS_MIN_BYTES, Progress, ProgressSink, megabytes } from "./progress";
import { UsageError, readArguments } from "./arguments";

export const EXIT = { clean: 0, mandatory: 1, incomplete: 2, nothingChecked: 3 } as const;

export interface CheckIO {
    out(line: string): void;
    err(line: string): void;
    /** Where progress goes (stderr); none: no progress. */
    progress?: ProgressSink;
    /** Input size from which progress is shown (default PROGRESS_MIN_BYTES). */
    progressMinBytes?: number;
}

const CONSOLE: CheckIO = {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    progress: { write: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
};

const USAGE = "usage: npm run check -- [--json] [--config <policy-config.json>] <file|dir>...";

function usage(message: string): never {
    throw new UsageError(message);
}

/** A finding as `--json` prints it: the policy's verdict on the object it names (kind, namespace or null, name). */
function reported(finding: PolicyFinding, object: ManifestObject | undefined) {
    return {
        policy: finding.policy,
        level: finding.level,
        kind: object?.kind ?? "",
        namespace: object?.namespace ?? null,
        name: object?.name ?? "",
        message: finding.message,
    };
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
            io.err(`${e.message}\n${USAGE}`);
            return EXIT.incomplete;
        }
        throw e;
    }
}

async function check(argv: string[], io: CheckIO): Promise<number> {
    const { values, positionals: inputs } = readArguments(argv, { json: { type: "boolean" }, config: { type: "string" } }, true);
    const json = values.json === true;
    const configFile = values.config;
    if (inputs.length === 0) usage("no files or directories given");
    let config: PolicyPackConfig | undefined;
    if (configFile) {
        let parsed: unknown;
        try {
            parsed = JSON.parse(fs.readFileSync(configFile, "utf8"));
        } catch (e) {
            io.err(`${configFile}: ${(e as Error).message}`);
            return EXIT.incomplete;
        }
        // Validated like stack config: a misspelt policy name or level would otherwise be ignored silently.
        const problems = validatePolicyPackConfig(parsed, allPolicies);
        if (problems.length > 0) {
            io.err(`${configFile}: invalid policy config:`);
            for (const p of problems) io.err(`- ${p}`);
            return EXIT.incomplete;
        }
        config = parsed as PolicyPackConfig;
    }

    let progress: Progress | undefined;
    const loaded = loadManifests(inputs, {
        onFile: (_file, done, total) => {
            progress ??= new Progress(io.progress, total >= (io.progressMinBytes ?? PROGRESS_MIN_BYTES));
            progress.update("reading", done, total, megabytes);
        },
    });
    if (progress) progress.update("reading", loaded.bytes, loaded.bytes, megabytes);
    let policiesRun = 0;
    const { violations } = await evaluate(allPolicies, loaded.resources, {
        config,
        onPolicy: () => progress?.update("checking policies", ++policiesRun, allPolicies.length),
    });
    progress?.done();
    for (const e of loaded.errors) io.err(`${e.file}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`);
    const order = new Map(loaded.resources.map((r, i) => [r.urn, i]));
    // In the order of the objects in the input, then by policy.
    const position = (finding: PolicyFinding) => (finding.urn ? (order.get(finding.urn) ?? -1) : -1);
    const sorted = [...violations].sort((a, b) => position(a) - position(b) || a.policy.localeCompare(b.policy));
    const out = sorted.map((finding) => reported(finding, finding.urn ? loaded.objects.get(finding.urn) : undefined));

    if (json) io.out(JSON.stringify(out, null, 2));
    else {
        for (const f of out) io.out(`${f.policy} ${objectLabel(f)}: ${f.level === "advisory" ? "(advisory) " : ""}${f.message}`);
        const mandatory = out.filter((f) => f.level === "mandatory").length;
        io.err(
            `${loaded.resources.length} objects checked in ${loaded.files} files: ${mandatory} mandatory, ${out.length - mandatory} advisory violations${loaded.errors.length ? `, ${loaded.errors.length} unreadable (see above; the check is incomplete)` : ""}.`,
        );
    }
    if (loaded.errors.length > 0) return EXIT.incomplete;
    if (loaded.resources.length === 0) {
        io.err(`no Kubernetes objects found in ${inputs.join(", ")}: nothing was checked (exit ${EXIT.nothingChecked})`);
        return EXIT.nothingChecked;
    }
    return out.some((f) => f.level === "mandatory") ? EXIT.mandatory : EXIT.clean;
}

if (require.main === module) {
    runCheck(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
            process.exit(EXIT.incomplete);
        },
    );
}
