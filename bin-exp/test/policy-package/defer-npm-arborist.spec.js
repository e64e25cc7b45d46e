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
 * policy/defer-npm-arborist.ts keeps `@pulumi/pulumi` from loading npm's Arborist at import time, without changing
 * what code that uses Arborist gets. Checked in a fresh process (the test process has loaded the SDK already).
 */
const assert = __importStar(require("node:assert/strict"));
const child_process_1 = require("child_process");
const path = __importStar(require("path"));
const ROOT = path.resolve(__dirname, "..", "..");
/** Runs `script` in a fresh `node -r ts-node/register/transpile-only` process from the repository root; returns its JSON. */
function inFreshProcess(script) {
    const out = (0, child_process_1.execFileSync)(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: ROOT, encoding: "utf8" });
    return JSON.parse(out);
}
const LOADED_ARBORIST_FILES = `Object.keys(require.cache).filter((f) => f.includes("/@npmcli/arborist/lib/arborist/") || f.includes("/pacote/")).length`;
describe("deferring the Pulumi SDK's load of npm's Arborist", function () {
    this.timeout(120000);
    it("without it, importing the SDK loads Arborist and pacote (what the deferral is for)", () => {
        const result = inFreshProcess(`require("@pulumi/pulumi"); console.log(JSON.stringify({ loaded: ${LOADED_ARBORIST_FILES} }));`);
        assert.ok(Number(result.loaded) > 10, `${String(result.loaded)} files`);
    });
    it("with it, the SDK loads without Arborist, and the first use of Arborist gets the real module", () => {
        const result = inFreshProcess(`
            const { deferredArboristFile } = require("./policy/defer-npm-arborist");
            require("@pulumi/pulumi");
            const atStart = ${LOADED_ARBORIST_FILES};
            const namespace = require.cache[deferredArboristFile].exports;
            const viaSdk = require(require.resolve("@npmcli/arborist", { paths: [require("path").dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
            const arborist = namespace.Arborist;
            console.log(JSON.stringify({
                deferred: typeof deferredArboristFile,
                atStart,
                sameNamespace: viaSdk === namespace,
                arborist: typeof arborist,
                isReal: arborist === require.cache[deferredArboristFile].exports.Arborist && arborist.name,
                afterUse: ${LOADED_ARBORIST_FILES},
            }));`);
        assert.equal(result.deferred, "string");
        assert.equal(result.atStart, 0);
        assert.equal(result.sameNamespace, true, "the SDK's require gets the deferred namespace");
        assert.equal(result.arborist, "function");
        assert.equal(result.isReal, "Arborist");
        assert.ok(Number(result.afterUse) > 10, `${String(result.afterUse)} files after first use`);
    });
});
