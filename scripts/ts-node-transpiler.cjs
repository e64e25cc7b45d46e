// @ts-check
/**
 * ts-node's transpiler for this repository (tsconfig.json "ts-node".transpiler): Sucrase, as before, with its
 * output kept on disk by content hash. Transpiling the ~120 files a plan loads costs about 1 s of CPU at every
 * run (as much as planning a whole stack); a file whose text, name and compiler options have not changed since
 * the last run is read back instead. The key covers everything the output depends on, so an edited file, a
 * changed tsconfig or another Sucrase version can never be served stale output.
 *
 * The cache lives in node_modules/.cache/xroad-sidecar-transpile (the usual home of tool caches; npm ci starts it
 * afresh). XROAD_TRANSPILE_CACHE=0 turns it off (the benchmark uses that to measure a cold run). A cache that
 * cannot be read or written is skipped: the file is transpiled as if there were none.
 *
 * The tools' own hook, scripts/register.cjs, transpiles through this module too, so the Pulumi CLI (ts-node) and
 * `npm run plan` run the same JavaScript from the same cache.
 *
 * This is CommonJS because ts-node loads it before it can load TypeScript.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const sucraseVersion = require("sucrase/package.json").version;

const CACHE_DIR = path.join(__dirname, "..", "node_modules", ".cache", "xroad-sidecar-transpile");
/** Bump when this file changes what it stores. */
const FORMAT = 1;

/** @typedef {typeof import("sucrase/ts-node-plugin")} SucrasePlugin */

/** @param {Parameters<SucrasePlugin["create"]>[0]} createOptions */
function create(createOptions) {
    // Sucrase itself is loaded on the first miss only: a run that hits the cache for every file never loads it.
    /** @type {ReturnType<SucrasePlugin["create"]> | undefined} */
    let sucrase;
    const transpiler = () => (sucrase ??= /** @type {SucrasePlugin} */ (require("sucrase/ts-node-plugin")).create(createOptions));
    if (process.env.XROAD_TRANSPILE_CACHE === "0") return transpiler();
    const settings = settingsOf(createOptions);
    return {
        /**
         * @param {string} input
         * @param {{ fileName: string }} transpileOptions
         */
        transpile(input, transpileOptions) {
            const file = entryFile(settings, transpileOptions.fileName, input);
            const cached = readEntry(file);
            if (cached) return cached;
            const output = transpiler().transpile(input, transpileOptions);
            writeEntry(file, output);
            return output;
        },
    };
}

/**
 * Everything besides the file that the output depends on.
 * @param {Parameters<SucrasePlugin["create"]>[0]} createOptions
 */
function settingsOf(createOptions) {
    return JSON.stringify([FORMAT, sucraseVersion, createOptions.nodeModuleEmitKind ?? null, createOptions.service.config.options]);
}

/**
 * The cache entry of one file's text under one set of settings.
 * @param {string} settings
 * @param {string} fileName
 * @param {string} input
 */
function entryFile(settings, fileName, input) {
    const key = crypto.createHash("sha256").update(settings).update("\0").update(fileName).update("\0").update(input).digest("hex");
    return path.join(CACHE_DIR, `${key}.json`);
}

/**
 * @param {string} file
 * @returns {{ outputText: string, sourceMapText: string } | undefined}
 */
function readEntry(file) {
    try {
        /** @type {unknown} */
        const entry = JSON.parse(fs.readFileSync(file, "utf8"));
        if (
            typeof entry === "object" &&
            entry !== null &&
            "outputText" in entry &&
            typeof entry.outputText === "string" &&
            "sourceMapText" in entry &&
            typeof entry.sourceMapText === "string"
        )
            return { outputText: entry.outputText, sourceMapText: entry.sourceMapText };
    } catch {
        // Missing or unreadable: transpile.
    }
    return undefined;
}

/**
 * Written to a temporary name, then renamed: a parallel run (mocha, a second plan) never reads half an entry.
 * @param {string} file
 * @param {{ outputText: string, sourceMapText?: string }} output
 */
function writeEntry(file, output) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        fs.writeFileSync(temporary, JSON.stringify({ outputText: output.outputText, sourceMapText: output.sourceMapText ?? "" }));
        fs.renameSync(temporary, file);
    } catch {
        // A read-only or full disk only costs the next run the transpile.
        fs.rmSync(temporary, { force: true });
    }
}

/**
 * For the tests: where the entry for this text would be.
 * @param {Parameters<SucrasePlugin["create"]>[0]} createOptions
 * @param {string} fileName
 * @param {string} input
 */
function cacheEntryFor(createOptions, fileName, input) {
    return entryFile(settingsOf(createOptions), fileName, input);
}

module.exports = { create, cacheEntryFor };
