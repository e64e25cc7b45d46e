// @ts-check
/**
 * How this repository's own tools run their TypeScript: `node -r ./scripts/register.cjs scripts/plan.ts` (the npm
 * scripts, the benchmark's children and mocha all start this way).
 *
 * ts-node, which did this before, loads the TypeScript compiler at every start even when it only transpiles (it
 * reads tsconfig.json with it): about 170 ms of CPU before a tool does anything, a fifth of planning a stack.
 * This hook does only what the tools need: `.ts` files outside node_modules are turned into CommonJS by the same
 * Sucrase transpiler ts-node is configured with (scripts/ts-node-transpiler.cjs), read back from its on-disk
 * cache when the text has not changed, so a warm start loads neither TypeScript nor Sucrase. Nothing is
 * type-checked here; `npm run typecheck` does that.
 *
 * ts-node stays for the Pulumi CLI, which starts index.ts with it (tsconfig.json "ts-node" names the same
 * transpiler). Sucrase keeps every statement on its line, so stack traces point at the right lines without
 * source maps.
 */
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const { create } = require("./ts-node-transpiler.cjs");

const REPOSITORY = path.join(__dirname, "..");

/**
 * The compiler options the transpiler reads, from tsconfig.json, in the form ts-node hands them over (the module
 * kind as TypeScript's enum number).
 */
function compilerOptions() {
    /** @type {{ compilerOptions: { module?: string, esModuleInterop?: boolean } }} */
    const tsconfig = JSON.parse(fs.readFileSync(path.join(REPOSITORY, "tsconfig.json"), "utf8"));
    const { module, esModuleInterop } = tsconfig.compilerOptions;
    // TypeScript's ModuleKind.CommonJS; this hook loads CommonJS only, like the tools.
    if (module?.toLowerCase() !== "commonjs") throw new Error(`scripts/register.cjs: tsconfig.json module is ${module}, expected commonjs`);
    return { module: 1, esModuleInterop: esModuleInterop === true };
}

const transpiler = create({ service: { config: { options: compilerOptions() } } });

/** @type {Record<string, (module: NodeJS.Module & { _compile(code: string, fileName: string): void }, fileName: string) => void>} */
// @ts-expect-error Module._extensions is Node's loader table; it has no public type.
const extensions = Module._extensions;

extensions[".ts"] = (module, fileName) => {
    if (fileName.split(path.sep).includes("node_modules"))
        throw new Error(`scripts/register.cjs: not transpiling ${fileName} in node_modules`);
    const source = fs.readFileSync(fileName, "utf8");
    module._compile(transpiler.transpile(source, { fileName }).outputText, fileName);
};
