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
/**
 * `npm run promote -- --from <stack> --to <stack> [--dry-run]`: copies the release-pinned settings
 * (`xroad-sidecar:release`: Sidecar version and image, chart and add-on versions) of one stack into
 * the next one's stack file, leaving every other setting and every comment as it is, and prints the diff.
 * Refuses when the source stack's offline plan has a mandatory policy violation, or when the target
 * would move to an older X-Road version.
 * `--cwd <dir>` works on the project in <dir> instead of this one.
 * Exit codes: 0 promoted (or dry run, or nothing to change), 1 refused, 2 invalid configuration or usage.
 */
// First, before anything imports the Pulumi SDK: defers its eager load of npm's Arborist (see the file).
require("../policy/defer-npm-arborist");
const path = __importStar(require("path"));
const config_1 = require("../config");
const stack_file_1 = require("../plan/stack-file");
const promote_diff_1 = require("../plan/promote-diff");
const promote_1 = require("../plan/promote");
const native_stack_traces_1 = require("../plan/native-stack-traces");
/** The policy pack loads only when a plan is checked: usage and config errors answer at once. */
const arguments_1 = require("./arguments");
const selfCheck = async (plan, environment) => (await Promise.resolve().then(() => __importStar(require("../plan/self-check")))).selfCheck(plan, environment);
const USAGE = "usage: npm run promote -- --from <stack> --to <stack> [--dry-run] [--cwd <project dir>]";
function parseArgs(argv) {
    let values;
    try {
        ({ values } = (0, arguments_1.readArguments)(argv, {
            from: { type: "string" },
            to: { type: "string" },
            "dry-run": { type: "boolean" },
            cwd: { type: "string" },
        }));
    }
    catch (e) {
        if (e instanceof arguments_1.UsageError)
            return e.message;
        throw e;
    }
    const { from, to } = values;
    if (!from)
        return "missing --from";
    if (!to)
        return "missing --to";
    if (from === to)
        return `--from and --to are both ${from}`;
    return { from, to, dryRun: values["dry-run"] === true, projectDir: path.resolve(values.cwd ?? path.resolve(__dirname, "..")) };
}
async function main() {
    (0, native_stack_traces_1.useNativeStackTraces)();
    const args = parseArgs(process.argv.slice(2));
    if (typeof args === "string") {
        console.error(`${args}\n${USAGE}`);
        return 2;
    }
    const { projectDir } = args;
    let promotion;
    try {
        promotion = await (0, promote_1.preparePromotion)({ projectDir, from: args.from, to: args.to, policyCheck: selfCheck });
    }
    catch (e) {
        if (e instanceof config_1.ConfigValidationError) {
            console.error(`Cannot promote from ${args.from} to ${args.to}: ${e.message}`); // the message names the invalid stack
            return 2;
        }
        if (e instanceof promote_1.StackNotFoundError || e instanceof stack_file_1.StackFileError) {
            console.error(e.message);
            return 2;
        }
        throw e;
    }
    const changed = promotion.changes.filter(promote_diff_1.isChange).length;
    console.log(`Release of stack ${args.from} → stack ${args.to} (${changed === 0 ? "no setting changes" : `${changed} setting${changed === 1 ? "" : "s"} change`}; * marks a change):`);
    for (const line of (0, promote_diff_1.formatChangeTable)(promotion.changes))
        console.log(`  ${line}`);
    if (promotion.diff.length > 0) {
        console.log("");
        for (const line of promotion.diff)
            console.log(line);
    }
    if (promotion.refusals.length > 0) {
        console.error(`\nRefused: nothing written to ${path.relative(process.cwd(), promotion.targetFile)}.`);
        for (const r of promotion.refusals)
            console.error(`  - ${r.message}`);
        return 1;
    }
    if (promotion.diff.length === 0) {
        console.log(`\nStack ${args.to} already pins this release; nothing to write.`);
        return 0;
    }
    if (changed === 0)
        console.log(`\nThe same release; the defaults stack ${args.to} relied on are written out explicitly.`);
    if (args.dryRun) {
        console.log(`\nDry run: ${path.relative(process.cwd(), promotion.targetFile)} not written.`);
        return 0;
    }
    (0, promote_1.writePromotion)(promotion);
    console.log(`\nWrote ${path.relative(process.cwd(), promotion.targetFile)}. Next: npm run build:policy, then pulumi up --stack ${args.to} --policy-pack policy --policy-pack-config policy/config/<dev.json or prod.json, by the stack's environment>`);
    return 0;
}
main().then((code) => process.exit(code), (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
