"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * One measured `npm run check`, run by `npm run bench` in a fresh process:
 * `node -r ts-node/register/transpile-only bench/check-child.ts <dir>`. Checks the folder as `npm run check` does
 * (output discarded) and prints one JSON line with the in-process time and the number of objects.
 */
const check_1 = require("../scripts/check");
const child_report_1 = require("./child-report");
const arguments_1 = require("../scripts/arguments");
async function main() {
    const { positionals: [dir], } = (0, arguments_1.readArguments)(process.argv.slice(2), {}, true);
    if (!dir)
        throw new Error("usage: check-child.ts <dir>");
    let summary = "";
    const started = process.hrtime.bigint();
    const code = await (0, check_1.runCheck)([dir], { out: () => undefined, err: (l) => (summary = l) });
    const checkMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (code !== check_1.EXIT.clean && code !== check_1.EXIT.mandatory)
        throw new Error(`npm run check exited ${code}: ${summary}`);
    const objects = Number(/^(\d+) objects checked/.exec(summary)?.[1] ?? NaN);
    process.stdout.write(JSON.stringify((0, child_report_1.selfReport)(checkMs, objects, "check")) + "\n");
}
main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
