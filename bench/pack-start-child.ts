/**
 * One measured start of the installed policy pack, run by `npm run bench` in a fresh process:
 * `node -r ts-node/register/transpile-only bench/pack-start-child.ts <installed pack folder>`. Starts the pack as the
 * CLI's shim does (a fresh process of its own), waits for the gRPC port it prints, stops it, and reports the milliseconds.
 */
import { selfReport } from "./child-report";
import { startAsTheCliDoes } from "./policy-package";

async function main(): Promise<void> {
    const [dir] = process.argv.slice(2);
    if (!dir) throw new Error("usage: pack-start-child.ts <installed pack folder>");
    const { child, ready } = startAsTheCliDoes(dir);
    const { ms } = await ready;
    child.kill();
    process.stdout.write(JSON.stringify(selfReport(ms, 0, "pack")) + "\n");
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
