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
import "../policy/defer-npm-arborist";
import * as path from "path";
import { ConfigValidationError } from "../config";
import { StackFileError } from "../plan/stack-file";
import { formatChangeTable, isChange } from "../plan/promote-diff";
import { PolicyCheck, StackNotFoundError, preparePromotion, writePromotion } from "../plan/promote";
import { useNativeStackTraces } from "../plan/native-stack-traces";

/** The policy pack loads only when a plan is checked: usage and config errors answer at once. */
import { UsageError, readArguments } from "./arguments";

const selfCheck: PolicyCheck = async (plan, environment) => (await import("../plan/self-check")).selfCheck(plan, environment);

const USAGE = "usage: npm run promote -- --from <stack> --to <stack> [--dry-run] [--cwd <project dir>]";

interface Args {
    from: string;
    to: string;
    dryRun: boolean;
    /** Directory with Pulumi.yaml and the stack files; the project root by default. */
    projectDir: string;
}

function parseArgs(argv: string[]): Args | string {
    let values;
    try {
        ({ values } = readArguments(argv, {
            from: { type: "string" },
            to: { type: "string" },
            "dry-run": { type: "boolean" },
            cwd: { type: "string" },
        }));
    } catch (e) {
        if (e instanceof UsageError) return e.message;
        throw e;
    }
    const { from, to } = values;
    if (!from) return "missing --from";
    if (!to) return "missing --to";
    if (from === to) return `--from and --to are both ${from}`;
    return { from, to, dryRun: values["dry-run"] === true, projectDir: path.resolve(values.cwd ?? path.resolve(__dirname, "..")) };
}

async function main(): Promise<number> {
    useNativeStackTraces();
    const args = parseArgs(process.argv.slice(2));
    if (typeof args === "string") {
        console.error(`${args}\n${USAGE}`);
        return 2;
    }
    const { projectDir } = args;
    let promotion;
    try {
        promotion = await preparePromotion({ projectDir, from: args.from, to: args.to, policyCheck: selfCheck });
    } catch (e) {
        if (e instanceof ConfigValidationError) {
            console.error(`Cannot promote from ${args.from} to ${args.to}: ${e.message}`); // the message names the invalid stack
            return 2;
        }
        if (e instanceof StackNotFoundError || e instanceof StackFileError) {
            console.error(e.message);
            return 2;
        }
        throw e;
    }

    const changed = promotion.changes.filter(isChange).length;
    console.log(
        `Promoting the release of stack ${args.from} to stack ${args.to}: each setting of ${args.to} as it is → as it would be (${changed === 0 ? "no setting changes" : `${changed} setting${changed === 1 ? "" : "s"} change`}; * marks a change):`,
    );
    for (const line of formatChangeTable(promotion.changes)) console.log(`  ${line}`);
    if (promotion.diff.length > 0) {
        console.log("");
        for (const line of promotion.diff) console.log(line);
    }
    if (promotion.refusals.length > 0) {
        console.error(`\nRefused: nothing written to ${path.relative(process.cwd(), promotion.targetFile)}.`);
        for (const r of promotion.refusals) console.error(`  - ${r.message}`);
        return 1;
    }
    if (promotion.diff.length === 0) {
        console.log(`\nStack ${args.to} already pins this release; nothing to write.`);
        return 0;
    }
    if (changed === 0) console.log(`\nThe same release; the defaults stack ${args.to} relied on are written out explicitly.`);
    if (args.dryRun) {
        console.log(`\nDry run: ${path.relative(process.cwd(), promotion.targetFile)} not written.`);
        return 0;
    }
    writePromotion(promotion);
    console.log(
        `\nWrote ${path.relative(process.cwd(), promotion.targetFile)}. Next: npm run build:policy, then pulumi up --stack ${args.to} --policy-pack policy --policy-pack-config policy/config/<dev.json or prod.json, by the stack's environment>`,
    );
    return 0;
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exit(1);
    },
);
