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
 * `npm run check` fails closed: no manifest value lowers a policy's level, every object admission would judge is
 * judged (typed and nested lists, PodTemplate, JSON files), unreadable input is reported per file while the rest is
 * still checked, nothing-to-check has its own exit code, and --config is validated like stack config.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const check_input_1 = require("../../bench/check-input");
const check_1 = require("../../scripts/check");
const SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ROOT = path.resolve(__dirname, "..", "..");
const PROD_CONFIG = path.join(ROOT, "policy", "config", "prod.json");
async function check(...argv) {
    const out = [];
    const err = [];
    const code = await (0, check_1.runCheck)(["--json", ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
    const findings = out.length ? JSON.parse(out.join("\n")) : [];
    const pairs = findings.map((f) => `${f.level} ${f.policy} ${f.kind}/${f.namespace === null ? "" : `${f.namespace}/`}${f.name}`).sort();
    return { code, findings, err, pairs };
}
let dir;
function write(name, content) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}
const RESOURCES = `resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}`;
/** A namespace with PSA baseline and a default deny, so a pod in it has nothing else to report. */
const NAMESPACE_OK = `apiVersion: v1
kind: Namespace
metadata: {name: ok, labels: {pod-security.kubernetes.io/enforce: baseline}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ok}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
const PRIVILEGED_SPEC = `{hostNetwork: true, containers: [{name: c, image: i, securityContext: {privileged: true}, ${RESOURCES}}]}`;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-spec-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
describe("npm run check fails closed", () => {
    describe("no manifest value lowers a policy's level (the unknown sentinel is a plain string outside a preview)", () => {
        it("a privileged host-network pod with the sentinel in an annotation is still a mandatory violation, with and without prod.json", async () => {
            write("ns.yaml", NAMESPACE_OK);
            write("pod.yaml", `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ok, annotations: {note: "${SENTINEL}"}, labels: {x: "${SENTINEL}"}}\nspec: ${PRIVILEGED_SPEC}\n`);
            for (const args of [[dir], ["--config", PROD_CONFIG, dir]]) {
                const r = await check(...args);
                assert.equal(r.code, check_1.EXIT.mandatory, r.err.join("\n"));
                assert.deepEqual(r.pairs, ["mandatory pod-security-baseline Pod/ok/p"]);
                assert.ok(!r.findings.some((f) => /during preview/.test(f.message)));
            }
        });
        it("the sentinel on an unrelated NetworkPolicy leaves the default-deny rule mandatory for every namespace", async () => {
            write("all.yaml", `apiVersion: v1\nkind: Namespace\nmetadata: {name: app, labels: {pod-security.kubernetes.io/enforce: baseline}}\n---\n` +
                `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: app}\nspec: {containers: [{name: c, image: i, ${RESOURCES}}]}\n---\n` +
                `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: other, namespace: elsewhere}\nspec: {podSelector: {matchLabels: {a: "${SENTINEL}"}}, policyTypes: "${SENTINEL}"}\n`);
            const r = await check(dir);
            assert.equal(r.code, check_1.EXIT.mandatory);
            assert.ok(r.pairs.includes("mandatory k8s-namespace-default-deny-ingress Namespace/app"), r.pairs.join("\n"));
            assert.ok(r.findings.every((f) => !/can't run policy/.test(f.message)));
        });
    });
    describe("every object admission judges is judged", () => {
        it("unpacks typed lists (DeploymentList items without apiVersion/kind), generic Lists, and lists nested to any depth", async () => {
            write("ns.yaml", NAMESPACE_OK);
            const deployment = (name) => ({
                metadata: { name, namespace: "ok" },
                spec: {
                    selector: { matchLabels: { a: name } },
                    template: { metadata: { labels: { a: name } }, spec: { hostPID: true, containers: [{ name: "c", image: "i" }] } },
                },
            });
            write("typed.yaml", JSON.stringify({ apiVersion: "apps/v1", kind: "DeploymentList", items: [deployment("typed")] }));
            const pod = (name) => ({
                apiVersion: "v1",
                kind: "Pod",
                metadata: { name, namespace: "ok" },
                spec: { hostIPC: true, containers: [{ name: "c", image: "i" }] },
            });
            const list = (...items) => ({ apiVersion: "v1", kind: "List", items });
            write("nested.yml", JSON.stringify(list(pod("depth1"), list(pod("depth2"), list(list(pod("depth4")), { apiVersion: "apps/v1", kind: "DeploymentList", items: [deployment("in-list")] })))));
            const r = await check(dir);
            const baseline = r.pairs.filter((p) => p.includes("pod-security-baseline "));
            assert.deepEqual(baseline, [
                "mandatory pod-security-baseline Deployment/ok/in-list",
                "mandatory pod-security-baseline Deployment/ok/typed",
                "mandatory pod-security-baseline Pod/ok/depth1",
                "mandatory pod-security-baseline Pod/ok/depth2",
                "mandatory pod-security-baseline Pod/ok/depth4",
            ]);
            assert.equal(r.code, check_1.EXIT.mandatory);
        });
        it("judges PodTemplate objects (PSA warns on them) and reads .json files inside folders", async () => {
            write("ns.yaml", NAMESPACE_OK);
            write("sub/templates.json", JSON.stringify({
                apiVersion: "v1",
                kind: "PodTemplate",
                metadata: { name: "tpl", namespace: "ok" },
                template: {
                    spec: {
                        hostNetwork: true,
                        containers: [
                            {
                                name: "c",
                                image: "i",
                                env: [{ name: "DB_PASS", value: "x" }],
                                resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } },
                            },
                        ],
                    },
                },
            }));
            const r = await check(dir);
            assert.deepEqual(r.pairs.filter((p) => p.includes("PodTemplate")), ["mandatory k8s-no-plaintext-secret-env PodTemplate/ok/tpl", "mandatory pod-security-baseline PodTemplate/ok/tpl"]);
            // A PodTemplate runs no pod: it does not make its namespace "run workloads".
            assert.ok(!r.pairs.some((p) => p.includes("k8s-workload-namespace-psa")));
        });
    });
    describe("unreadable input is reported per file with its name; the rest is still checked; exit 2", () => {
        it("dangling and looping symlinks, a parse error, a binary file, an alias bomb, a document that is no object", async () => {
            write("ns.yaml", NAMESPACE_OK);
            write("pod.yaml", `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ok}\nspec: ${PRIVILEGED_SPEC}\n`);
            fs.symlinkSync("user@host.1234:1700000000", path.join(dir, ".#pod.yaml")); // an editor's lock file
            fs.symlinkSync("loop-b.yaml", path.join(dir, "loop-a.yaml"));
            fs.symlinkSync("loop-a.yaml", path.join(dir, "loop-b.yaml"));
            fs.symlinkSync(".", path.join(dir, "self")); // a directory cycle is walked once
            write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n");
            write("image.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
            const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
            for (let i = 1; i < 9; i++) {
                const prev = String.fromCharCode(96 + i);
                laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(",")}]`);
            }
            write("bomb.yaml", `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb, namespace: ok}\ndata:\n  ${laughs.join("\n  ")}\n`);
            write("self-ref.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s, namespace: ok}\nx: &x [*x]\n");
            write("stack.yaml", "config:\n  xroad-sidecar:target: existing\n");
            const r = await check(dir);
            assert.equal(r.code, check_1.EXIT.incomplete);
            assert.deepEqual(r.pairs, ["mandatory pod-security-baseline Pod/ok/p"]); // still checked
            const expect = (re) => assert.ok(r.err.some((l) => re.test(l)), `${re} not in\n${r.err.join("\n")}`);
            expect(/\.#pod\.yaml: cannot read: dangling symlink$/);
            expect(/loop-a\.yaml: cannot read: symlink loop$/);
            expect(/loop-b\.yaml: cannot read: symlink loop$/);
            expect(/broken\.yaml:5: invalid YAML: bad indentation/);
            expect(/image\.yaml: binary file/);
            expect(/bomb\.yaml:1: invalid YAML: excessive aliasing/);
            expect(/self-ref\.yaml:1: invalid YAML: excessive aliasing/);
            expect(/stack\.yaml:1: not a Kubernetes object/);
            assert.equal(r.err.filter((l) => /pod\.yaml/.test(l) && !/\.#pod/.test(l)).length, 0, "the pod is read once, not through the directory cycle");
        });
        it("a file given directly that cannot be read, and invalid document separators", async () => {
            write("sep.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- !!map\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
            const r = await check(path.join(dir, "sep.yaml"), path.join(dir, "missing.yaml"));
            assert.equal(r.code, check_1.EXIT.incomplete);
            assert.ok(r.err.some((l) => /missing\.yaml: cannot read: ENOENT/.test(l)));
            assert.ok(r.err.some((l) => /sep\.yaml:4: invalid YAML document separator: !!map/.test(l)));
            assert.deepEqual(r.pairs, ["mandatory k8s-namespace-psa-enforce Namespace/a"]);
        });
    });
    describe("checking zero objects is not success (exit 3)", () => {
        it("an empty file, a comments-only file, an empty directory, an empty List", async () => {
            for (const [name, content] of [
                ["empty.yaml", ""],
                ["comments.yaml", "# nothing\n---\n# here\n"],
                ["list.yaml", "apiVersion: v1\nkind: List\nitems: []\n"],
            ]) {
                const r = await check(write(name, content));
                assert.equal(r.code, check_1.EXIT.nothingChecked, name);
                assert.ok(r.err.some((l) => /no Kubernetes objects found/.test(l)));
            }
            fs.mkdirSync(path.join(dir, "empty"));
            assert.equal((await check(path.join(dir, "empty"))).code, check_1.EXIT.nothingChecked);
        });
    });
    describe("--config is validated like stack config", () => {
        for (const [what, config, message] of [
            [
                "an unknown policy name",
                { "k8s-no-default-namepsace": "mandatory" },
                /k8s-no-default-namepsace: not a policy of this pack.*did you mean k8s-no-default-namespace/,
            ],
            ["an invalid level", { all: "strict" }, /all: "strict" is not valid; allowed: one of advisory, mandatory, remediate, disabled/],
            [
                "an invalid enforcementLevel",
                { "k8s-no-default-namespace": { enforcementLevel: "Mandatory" } },
                /k8s-no-default-namespace\.enforcementLevel: "Mandatory" is not valid/,
            ],
            [
                "an unknown setting",
                { "k8s-no-plaintext-secret-env": { extraNames: ["X"] } },
                /k8s-no-plaintext-secret-env\.extraNames: \["X"\] is not valid; allowed: enforcementLevel, extraSensitiveNames, sensitiveNamePattern/,
            ],
            [
                "a setting of the wrong type",
                { "k8s-hpa-scale-down-stabilization": { minimumSeconds: "300" } },
                /minimumSeconds: "300" is not valid; allowed: a value of type integer/,
            ],
            ["not an object", ["mandatory"], /allowed: an object of policy names/],
        ]) {
            it(`rejects ${what} before checking anything (exit 2)`, async () => {
                write("ns.yaml", NAMESPACE_OK);
                const r = await check("--config", write("config.json", JSON.stringify(config)), dir);
                assert.equal(r.code, check_1.EXIT.incomplete);
                assert.deepEqual(r.findings, []);
                assert.ok(r.err.some((l) => message.test(l)), r.err.join("\n"));
            });
        }
        it("accepts the repository's own policy configs", async () => {
            write("ns.yaml", NAMESPACE_OK);
            write("pod.yaml", `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ok}\nspec: {containers: [{name: c, image: i, ${RESOURCES}}]}\n`);
            for (const file of ["dev.json", "prod.json"]) {
                const r = await check("--config", path.join(ROOT, "policy", "config", file), dir);
                assert.equal(r.code, check_1.EXIT.clean, r.err.join("\n"));
            }
        });
    });
    describe("reads YAML as kubectl does (go-yaml v2, YAML 1.1)", () => {
        it("accepts multi-line quoted strings with less-indented or tab-led continuation lines, and YAML 1.1 scalars", async () => {
            write("ns.yaml", NAMESPACE_OK);
            write("pod.yaml", [
                "apiVersion: v1",
                "kind: Pod",
                "metadata:",
                "  name: p",
                "  namespace: ok",
                "  annotations:",
                '    double: "line one',
                '  line two"',
                "    single: 'line one",
                "line two'",
                '    tabbed: "a',
                '\tb"',
                "spec:",
                "  hostNetwork: yes",
                `  containers: [{name: c, image: i, ${RESOURCES}}]`,
                "--- # a comment after the separator",
                "apiVersion: v1",
                "kind: Pod",
                "metadata: {name: q, namespace: ok}",
                "spec:",
                `  containers: [{name: c, image: i, securityContext: {privileged: On}, ${RESOURCES}}]`,
            ].join("\n"));
            const r = await check(dir);
            assert.equal(r.code, check_1.EXIT.mandatory, r.err.join("\n"));
            assert.deepEqual(r.pairs, ["mandatory pod-security-baseline Pod/ok/p", "mandatory pod-security-baseline Pod/ok/q"]);
            assert.match(r.findings[0].message, /host namespaces \(hostNetwork=true\)/);
        });
    });
});
describe("npm run check shows progress on stderr for large inputs", () => {
    async function progressOf(isTTY) {
        write("ns.yaml", NAMESPACE_OK);
        let text = "";
        await (0, check_1.runCheck)([dir], {
            out: () => undefined,
            err: () => undefined,
            progress: { isTTY, write: (t) => (text += t) },
            progressMinBytes: 1,
        });
        return text;
    }
    it("plain lines when stderr is no terminal", async () => {
        const lines = (await progressOf(false)).split("\n").filter((l) => l !== "");
        assert.ok(lines.some((l) => /^reading .* MB \(100%\)$/.test(l)), lines.join("\n"));
        assert.ok(lines.some((l) => /^checking policies \d+\/\d+ \(100%\)$/.test(l)), lines.join("\n"));
        assert.ok(lines.every((l) => !l.includes("\r")));
    });
    it("one line redrawn in place on a terminal, cleared before the report", async () => {
        const text = await progressOf(true);
        // \r and the ANSI erase-line sequence (ESC [2K) start the progress line.
        // eslint-disable-next-line no-control-regex
        assert.match(text, /^\r\x1b\[2Kreading/);
        assert.ok(text.endsWith("\r\x1b[2K"));
        assert.ok(!text.includes("\n"));
    });
    it("nothing for small inputs", async () => {
        write("ns.yaml", NAMESPACE_OK);
        let text = "";
        await (0, check_1.runCheck)([dir], { out: () => undefined, err: () => undefined, progress: { isTTY: false, write: (t) => (text += t) } });
        assert.equal(text, "");
    });
});
describe("npm run bench's checker input", () => {
    it("is valid, policy-clean Kubernetes YAML of the requested size, about 450 bytes per object", async () => {
        const input = (0, check_input_1.writeCheckInput)(path.join(dir, "bench"), 0.3);
        assert.ok(input.bytes >= 0.3e6 && input.bytes < 0.32e6, String(input.bytes));
        assert.ok(input.bytes / input.objects > 350 && input.bytes / input.objects < 600);
        const r = await check(input.dir);
        assert.equal(r.code, check_1.EXIT.clean, r.err.join("\n"));
        assert.deepEqual(r.findings, []);
    });
});
