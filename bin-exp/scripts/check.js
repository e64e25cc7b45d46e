"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT = void 0;
exports.runCheck = runCheck;
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
require("../policy/defer-npm-arborist");
const fs = __importStar(require("fs"));
const config_1 = require("../policy/engine/config");
const evaluate_1 = require("../policy/engine/evaluate");
const manifests_1 = require("../policy/engine/manifests");
const policies_1 = require("../policy/policies");
const progress_1 = require("./progress");
const arguments_1 = require("./arguments");
exports.EXIT = { clean: 0, mandatory: 1, incomplete: 2, nothingChecked: 3 };
const CONSOLE = {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    progress: { write: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
};
const USAGE = "usage: npm run check -- [--json] [--config <policy-config.json>] <file|dir>...";
function usage(message) {
    throw new arguments_1.UsageError(message);
}
function objectLabel(o) {
    return o.namespace === null ? `${o.kind}/${o.name}` : `${o.kind}/${o.namespace}/${o.name}`;
}
/** The whole command: parses argv, checks, prints through `io`, returns the exit code. */
async function runCheck(argv, io = CONSOLE) {
    try {
        return await check(argv, io);
    }
    catch (e) {
        if (e instanceof arguments_1.UsageError) {
            io.err(`${e.message}\n${USAGE}`);
            return exports.EXIT.incomplete;
        }
        throw e;
    }
}
async function check(argv, io) {
    const { values, positionals: inputs } = (0, arguments_1.readArguments)(argv, { json: { type: "boolean" }, config: { type: "string" } }, true);
    const json = values.json === true;
    const configFile = values.config;
    if (inputs.length === 0)
        usage("no files or directories given");
    let config;
    if (configFile) {
        let parsed;
        try {
            parsed = JSON.parse(fs.readFileSync(configFile, "utf8"));
        }
        catch (e) {
            io.err(`${configFile}: ${e.message}`);
            return exports.EXIT.incomplete;
        }
        // Validated like stack config: a misspelt policy name or level would otherwise be ignored silently.
        const problems = (0, config_1.validatePolicyPackConfig)(parsed, policies_1.allPolicies);
        if (problems.length > 0) {
            io.err(`${configFile}: invalid policy config:`);
            for (const p of problems)
                io.err(`- ${p}`);
            return exports.EXIT.incomplete;
        }
        config = parsed;
    }
    let progress;
    const loaded = (0, manifests_1.loadManifests)(inputs, {
        onFile: (_file, done, total) => {
            progress ??= new progress_1.Progress(io.progress, total >= (io.progressMinBytes ?? progress_1.PROGRESS_MIN_BYTES));
            progress.update("reading", done, total, progress_1.megabytes);
        },
    });
    if (progress)
        progress.update("reading", loaded.bytes, loaded.bytes, progress_1.megabytes);
    let policiesRun = 0;
    const { violations } = await (0, evaluate_1.evaluate)(policies_1.allPolicies, loaded.resources, {
        config,
        onPolicy: () => progress?.update("checking policies", ++policiesRun, policies_1.allPolicies.length),
    });
    progress?.done();
    for (const e of loaded.errors)
        io.err(`${e.file}${e.line !== undefined ? `:${e.line}` : ""}: ${e.message}`);
    const order = new Map(loaded.resources.map((r, i) => [r.urn, i]));
    const findings = violations.map((v) => {
        const o = v.urn ? loaded.objects.get(v.urn) : undefined;
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
    const out = findings.map(({ index: _i, ...f }) => f);
    if (json)
        io.out(JSON.stringify(out, null, 2));
    else {
        for (const f of out)
            io.out(`${f.policy} ${objectLabel(f)}: ${f.level === "advisory" ? "(advisory) " : ""}${f.message}`);
        const mandatory = out.filter((f) => f.level === "mandatory").length;
        io.err(`${loaded.resources.length} objects checked in ${loaded.files} files: ${mandatory} mandatory, ${out.length - mandatory} advisory violations${loaded.errors.length ? `, ${loaded.errors.length} unreadable (see above; the check is incomplete)` : ""}.`);
    }
    if (loaded.errors.length > 0)
        return exports.EXIT.incomplete;
    if (loaded.resources.length === 0) {
        io.err(`no Kubernetes objects found in ${inputs.join(", ")}: nothing was checked (exit ${exports.EXIT.nothingChecked})`);
        return exports.EXIT.nothingChecked;
    }
    return out.some((f) => f.level === "mandatory") ? exports.EXIT.mandatory : exports.EXIT.clean;
}
if (require.main === module) {
    runCheck(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
        console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exit(exports.EXIT.incomplete);
    });
}
