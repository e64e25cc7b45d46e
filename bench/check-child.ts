/**
 * One measured `npm run check`, run by `npm run bench` in a fresh process:
 * `node -r ./scripts/register.cjs bench/check-child.ts <dir>`. Checks the folder as `npm run check` does
 * (output discarded) and prints one JSON line with the in-process time and the number of objects.
 */
import { EXIT, runCheck } from "../scripts/check";
import { selfReport } from "./child-report";
import { readArguments } from "../scripts/arguments";

async function main(): Promise<void> {
    const {
        positionals: [dir],
    } = readArguments(process.argv.slice(2), {}, true);
    if (!dir) throw new Error("usage: check-child.ts <dir>");
    let summary = "";
    const started = process.hrtime.bigint();
    const code = await runCheck([dir], { out: () => undefined, err: (l) => (summary = l) });
    const checkMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (code !== EXIT.clean && code !== EXIT.mandatory) throw new Error(`npm run check exited ${code}: ${summary}`);
    const objects = Number(/^(\d+) objects checked/.exec(summary)?.[1] ?? NaN);
    process.stdout.write(JSON.stringify(selfReport(checkMs, objects, "check")) + "\n");
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
