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
const assert = __importStar(require("node:assert/strict"));
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const yaml_1 = require("yaml");
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const write_1 = require("../../plan/write");
const secret_1 = require("../../plan/mocks/secret");
const summary_1 = require("../../plan/summary");
const projectDir = path.resolve(__dirname, "../..");
/** Every string that reached the program (or its outputs) as a secret: what must never be written in plain text. */
function secretStrings(resources, outputs = {}) {
    const found = new Set();
    const collect = (value, insideSecret) => {
        if ((0, secret_1.isSecretValue)(value))
            return collect(value.value, true);
        if (typeof value === "string") {
            if (insideSecret && value.length >= 4)
                found.add(value);
        }
        else if (Array.isArray(value))
            value.forEach((v) => collect(v, insideSecret));
        else if (typeof value === "object" && value !== null)
            Object.values(value).forEach((v) => collect(v, insideSecret));
    };
    resources.forEach((r) => collect(r.inputs, false));
    collect(outputs, false);
    return found;
}
function filesUnder(dir) {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
function tempDir() {
    return fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
}
describe("offline plan", () => {
    const stacks = (0, stack_file_1.listStacks)(projectDir);
    it("has example stacks to plan", () => {
        assert.ok(stacks.includes("existing"), `stacks found: ${stacks.join(", ")}`);
    });
    for (const stack of stacks) {
        describe(`stack ${stack}`, () => {
            let plan;
            let outDir;
            before(async () => {
                plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
                outDir = tempDir();
                (0, write_1.writePlan)(plan, outDir);
            });
            it("registers a tree of components rooted in the stack, every parent known", () => {
                const urns = new Set(plan.resources.map((r) => r.urn));
                assert.equal(plan.resources.filter((r) => r.parent === undefined).length, 1, "one root");
                for (const r of plan.resources)
                    if (r.parent)
                        assert.ok(urns.has(r.parent), `${r.urn} has unknown parent ${r.parent}`);
                assert.ok(plan.resources.some((r) => r.type === "xroad:kubernetes:SidecarInstance"));
                assert.ok((0, summary_1.componentTree)(plan.resources).length > 2);
                assert.equal((0, summary_1.countsByType)(plan.resources).reduce((n, [, c]) => n + c, 0), plan.resources.length);
            });
            it("writes plan.json with urn, type, name, parent and inputs of every resource", () => {
                const doc = JSON.parse(fs.readFileSync(path.join(outDir, "plan.json"), "utf8"));
                assert.equal(doc.resources.length, plan.resources.length);
                for (const r of doc.resources)
                    assert.ok(r.urn && r.type && r.name && r.inputs, JSON.stringify(r).slice(0, 200));
            });
            it("writes one applicable Kubernetes object per manifest file, each with apiVersion, kind and a name", () => {
                const files = fs.readdirSync(path.join(outDir, "manifests"));
                assert.ok(files.length > 0);
                const names = new Set();
                for (const f of files) {
                    const docs = (0, yaml_1.parseAllDocuments)(fs.readFileSync(path.join(outDir, "manifests", f), "utf8"), { version: "1.1" });
                    assert.equal(docs.length, 1, f);
                    const obj = docs[0].toJS();
                    assert.ok(obj.apiVersion && obj.kind && obj.metadata?.name, `${f} lacks apiVersion, kind or metadata.name`);
                    const id = `${obj.kind}/${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
                    assert.ok(!names.has(id), `${id} written twice`);
                    names.add(id);
                }
            });
            it("never writes a secret value in plain text", () => {
                const secrets = secretStrings(plan.resources, plan.outputs);
                secrets.add(stack_file_1.SECURE_PLACEHOLDER);
                const written = filesUnder(outDir).map((f) => [f, fs.readFileSync(f, "utf8")]);
                for (const secret of secrets) {
                    // Also the JSON-escaped form, as a multi-line secret appears inside plan.json.
                    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
                    for (const [file, text] of written)
                        assert.ok(!forms.some((f) => text.includes(f)), `${path.relative(outDir, file)} contains a secret value`);
                }
                assert.ok(written.some(([, text]) => text.includes("[secret]")), "secrets are shown as [secret]");
            });
        });
    }
    it("substitutes secure values it cannot decrypt with a placeholder that stays secret", async () => {
        const text = "config:\n  xroad-sidecar:target: existing\n  xroad-sidecar:secrets:\n    sidecar:\n      tokenPin:\n        secure: v1:AAAABBBBCCCC\n";
        const file = (0, stack_file_1.parseStackFile)(text, "xroad-sidecar", "t", (0, stack_file_1.readProjectFile)(projectDir).config);
        assert.deepEqual(file.secureKeys, ["xroad-sidecar:secrets.sidecar.tokenPin"]);
        const plan = await (0, run_1.planStack)(file);
        assert.ok(secretStrings(plan.resources).has(stack_file_1.SECURE_PLACEHOLDER), "the placeholder reaches resources only as a secret");
        const outDir = tempDir();
        (0, write_1.writePlan)(plan, outDir);
        for (const f of filesUnder(outDir))
            assert.ok(!fs.readFileSync(f, "utf8").includes(stack_file_1.SECURE_PLACEHOLDER), f);
    });
    describe("npm run plan", () => {
        const run = (dir, stack) => (0, child_process_1.spawnSync)(process.execPath, [
            "-r",
            "ts-node/register/transpile-only",
            path.join(projectDir, "scripts/plan.ts"),
            "--stack",
            stack,
            "--project-dir",
            dir,
            "--out",
            path.join(dir, "out"),
        ], {
            cwd: projectDir,
            encoding: "utf8",
        });
        it("exits 2 and names target, the value and what is allowed when the target is unknown", () => {
            const dir = tempDir();
            fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            fs.writeFileSync(path.join(dir, "Pulumi.mars.yaml"), "config:\n  xroad-sidecar:target: mars\n");
            const result = run(dir, "mars");
            assert.equal(result.status, 2, result.stderr);
            assert.match(result.stderr, /xroad-sidecar:target: "mars" is not valid; allowed: one of aws, azure, existing/);
            assert.equal(fs.existsSync(path.join(dir, "out")), false, "nothing is written for an invalid config");
        });
        it("exits 2 for a stack that has no stack file", () => {
            const result = run(projectDir, "no-such-stack");
            assert.equal(result.status, 2);
            assert.match(result.stderr, /no stack file .*Pulumi\.no-such-stack\.yaml/);
        });
    });
});
