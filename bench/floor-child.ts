/**
 * The floor of `npm run bench`: a fresh process started exactly like a plan
 * (`node -r ./scripts/register.cjs`) that loads the same files from node_modules the plan
 * of that stack loaded (the Pulumi SDKs, including the submodules they load lazily, yaml)
 * and registers nothing. `node … bench/floor-child.ts <modulesFile>`.
 */
// As in the plan it is measured against (bench/plan-child.ts).
import "../policy/defer-npm-arborist";
import * as fs from "fs";
import { selfReport } from "./child-report";
import { readArguments } from "../scripts/arguments";

const {
    positionals: [modulesFile],
} = readArguments(process.argv.slice(2), {}, true);
if (!modulesFile) throw new Error("usage: floor-child.ts <modulesFile>");
const started = process.hrtime.bigint();
const files: unknown = JSON.parse(fs.readFileSync(modulesFile, "utf8"));
if (!Array.isArray(files)) throw new Error(`${modulesFile} is not a list of files`);
// The floor loads exactly the files the plan loaded, by path: a dynamic require is the point.
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const file of files) require(String(file));
process.stdout.write(JSON.stringify(selfReport(Number(process.hrtime.bigint() - started) / 1e6, 0, "floor")) + "\n");
