import * as assert from "node:assert/strict";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

interface Transpiler {
    transpile(input: string, options: { fileName: string }): { outputText: string; sourceMapText?: string };
}
interface CreateOptions {
    nodeModuleEmitKind?: string;
    service: { config: { options: Record<string, unknown> } };
}
interface TranspilerModule {
    create(options: CreateOptions): Transpiler;
    cacheEntryFor(options: CreateOptions, fileName: string, input: string): string;
}

// The module ts-node itself loads (tsconfig.json "ts-node".transpiler); CommonJS, so it is required.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transpilerModule = require("../../scripts/ts-node-transpiler.cjs") as TranspilerModule;

describe("ts-node transpiler: Sucrase output cached by content", () => {
    // CommonJS (module 1) with esModuleInterop, as tsconfig.json has it.
    const options: CreateOptions = { service: { config: { options: { module: 1, esModuleInterop: true } } } };
    // A file name no real run uses, so the test's entries never meet the repository's.
    const fileName = `/nonexistent/transpiler-spec-${crypto.randomUUID()}.ts`;
    const source = 'import { join } from "path";\nexport const where: string = join("a", "b");\n';
    const written: string[] = [];
    const transpile = (input: string): string => {
        written.push(transpilerModule.cacheEntryFor(options, fileName, input));
        return transpilerModule.create(options).transpile(input, { fileName }).outputText;
    };
    after(() => written.forEach((file) => fs.rmSync(file, { force: true })));

    it("transpiles TypeScript to CommonJS and stores the output under the text's key", () => {
        const output = transpile(source);
        assert.match(output, /require\(['"]path['"]\)/);
        assert.doesNotMatch(output, /: string/);
        const entry = JSON.parse(fs.readFileSync(transpilerModule.cacheEntryFor(options, fileName, source), "utf8")) as {
            outputText: string;
        };
        assert.equal(entry.outputText, output);
    });

    it("serves a stored entry instead of transpiling again", () => {
        transpile(source);
        const entryFile = transpilerModule.cacheEntryFor(options, fileName, source);
        fs.writeFileSync(entryFile, JSON.stringify({ outputText: "/* from the cache */", sourceMapText: "{}" }));
        assert.equal(transpile(source), "/* from the cache */");
    });

    it("never serves an entry to an edited file or under other compiler options", () => {
        const entryFile = transpilerModule.cacheEntryFor(options, fileName, source);
        fs.writeFileSync(entryFile, JSON.stringify({ outputText: "/* stale */", sourceMapText: "{}" }));
        assert.doesNotMatch(transpile(source.replace('"b"', '"c"')), /stale/);
        const otherOptions: CreateOptions = { service: { config: { options: { module: 1, esModuleInterop: false } } } };
        assert.notEqual(transpilerModule.cacheEntryFor(otherOptions, fileName, source), entryFile);
    });

    it("transpiles past an unreadable entry and replaces it", () => {
        const edited = `${source}// unreadable entry\n`;
        const entryFile = transpilerModule.cacheEntryFor(options, fileName, edited);
        fs.mkdirSync(path.dirname(entryFile), { recursive: true });
        fs.writeFileSync(entryFile, "{ not json");
        const output = transpile(edited);
        assert.match(output, /require\(['"]path['"]\)/);
        assert.equal((JSON.parse(fs.readFileSync(entryFile, "utf8")) as { outputText: string }).outputText, output);
    });
});
