import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { PlannedResource, planStack } from "../../plan/run";
import { SECURE_PLACEHOLDER, listStacks, parseStackFile, readProjectFile, readStackFile } from "../../plan/stack-file";
import { writePlan } from "../../plan/write";
import { isSecretValue } from "../../plan/mocks/secret";
import { componentTree, countsByType } from "../../plan/summary";
import { npmScriptNodeArgs } from "../npm-script";
import { ofType } from "../plan-helpers";

const projectDir = path.resolve(__dirname, "../..");

/** Every string that reached the program (or its outputs) as a secret: what must never be written in plain text. */
function secretStrings(resources: PlannedResource[], outputs: Record<string, unknown> = {}): Set<string> {
    const found = new Set<string>();
    const collect = (value: unknown, insideSecret: boolean) => {
        if (isSecretValue(value)) return collect(value.value, true);
        if (typeof value === "string") {
            if (insideSecret && value.length >= 4) found.add(value);
        } else if (Array.isArray(value)) value.forEach((v) => collect(v, insideSecret));
        else if (typeof value === "object" && value !== null) Object.values(value).forEach((v) => collect(v, insideSecret));
    };
    resources.forEach((r) => collect(r.inputs, false));
    collect(outputs, false);
    return found;
}

function filesUnder(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "xroad-plan-"));
}

describe("offline plan", () => {
    const stacks = listStacks(projectDir);

    it("has example stacks to plan", () => {
        assert.ok(stacks.includes("existing"), `stacks found: ${stacks.join(", ")}`);
    });

    for (const stack of stacks) {
        describe(`stack ${stack}`, () => {
            let plan: Awaited<ReturnType<typeof planStack>>;
            let outDir: string;

            before(async () => {
                plan = await planStack(readStackFile(projectDir, stack));
                outDir = tempDir();
                writePlan(plan, outDir);
            });

            it("registers a tree of components rooted in the stack, every parent known", () => {
                const urns = new Set(plan.resources.map((r) => r.urn));
                assert.equal(plan.resources.filter((r) => r.parent === undefined).length, 1, "one root");
                for (const r of plan.resources) if (r.parent) assert.ok(urns.has(r.parent), `${r.urn} has unknown parent ${r.parent}`);
                assert.ok(plan.resources.some((r) => r.type === "xroad:kubernetes:SidecarInstance"));
                assert.ok(componentTree(plan.resources).length > 2);
                assert.equal(
                    countsByType(plan.resources).reduce((n, [, c]) => n + c, 0),
                    plan.resources.length,
                );
            });

            it("writes plan.json with urn, type, name, parent and inputs of every resource", () => {
                const doc = JSON.parse(fs.readFileSync(path.join(outDir, "plan.json"), "utf8")) as {
                    resources: { urn: string; type: string; name: string; inputs: unknown }[];
                };
                assert.equal(doc.resources.length, plan.resources.length);
                for (const r of doc.resources) assert.ok(r.urn && r.type && r.name && r.inputs, JSON.stringify(r).slice(0, 200));
            });

            it("writes an input that refers to another resource as that resource's URN, never the SDK's object", () => {
                const text = fs.readFileSync(path.join(outDir, "plan.json"), "utf8");
                assert.doesNotMatch(text, /__pulumiResource|Calling \[toJSON\]/);
                const urns = new Set(plan.resources.map((r) => r.urn));
                const references = (value: unknown): unknown[] =>
                    Array.isArray(value)
                        ? value.flatMap(references)
                        : typeof value === "object" && value !== null
                          ? "resourceReference" in value
                              ? [value.resourceReference]
                              : Object.values(value).flatMap(references)
                          : [];
                for (const r of plan.resources)
                    for (const urn of references(r.inputs)) assert.ok(urns.has(String(urn)), `${r.urn}: ${String(urn)}`);
                // pulumi-eks takes its control-plane role as a resource (AWS stacks only).
                const cluster = plan.resources.find((r) => r.type === "eks:index:Cluster");
                if (cluster) assert.match(String(references(cluster.inputs.serviceRole)[0]), /aws:iam\/role:Role::.*-eks-control-plane$/);
            });

            it("writes one applicable Kubernetes object per manifest file, each with apiVersion, kind and a name", () => {
                const files = fs.readdirSync(path.join(outDir, "manifests"));
                assert.ok(files.length > 0);
                const names = new Set<string>();
                for (const f of files) {
                    const docs = parseAllDocuments(fs.readFileSync(path.join(outDir, "manifests", f), "utf8"), { version: "1.1" });
                    assert.equal(docs.length, 1, f);
                    const obj = docs[0].toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
                    assert.ok(obj.apiVersion && obj.kind && obj.metadata?.name, `${f} lacks apiVersion, kind or metadata.name`);
                    const id = `${obj.kind}/${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
                    assert.ok(!names.has(id), `${id} written twice`);
                    names.add(id);
                }
            });

            it("guards each archiver's ServiceAccount with an admission policy bound to its namespace, and only those", () => {
                const archivers = ofType(plan.resources, "kubernetes:batch/v1:CronJob").map((c) => ({
                    namespace: c.props.metadata.namespace,
                    serviceAccount: c.props.spec.jobTemplate.spec.template.spec.serviceAccountName,
                }));
                const policies = ofType(plan.resources, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy");
                const bindings = ofType(plan.resources, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding");
                assert.equal(policies.length, archivers.length);
                assert.equal(bindings.length, archivers.length);
                for (const { namespace, serviceAccount } of archivers) {
                    const name = `${namespace}-archiver-identity`;
                    const policy = policies.find((p) => p.props.metadata.name === name);
                    const binding = bindings.find((b) => b.props.metadata.name === name);
                    assert.ok(policy && binding, `${name} for the archiver in ${namespace}`);
                    assert.equal(policy.props.spec.failurePolicy, "Fail");
                    assert.deepEqual(policy.props.spec.matchConstraints.namespaceSelector.matchLabels, {
                        "kubernetes.io/metadata.name": namespace,
                    });
                    assert.ok(policy.props.spec.variables.some((v) => v.expression.includes(JSON.stringify(serviceAccount))));
                    assert.equal(binding.props.spec.policyName, name);
                    assert.deepEqual(binding.props.spec.validationActions, ["Deny", "Audit"]);
                }
                if (stack !== "existing") assert.ok(archivers.length > 0, "the cloud stacks archive");
            });

            it("never writes a secret value in plain text", () => {
                const secrets = secretStrings(plan.resources, plan.outputs);
                secrets.add(SECURE_PLACEHOLDER);
                const written = filesUnder(outDir).map((f) => [f, fs.readFileSync(f, "utf8")] as const);
                for (const secret of secrets) {
                    // Also the JSON-escaped form, as a multi-line secret appears inside plan.json.
                    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
                    for (const [file, text] of written)
                        assert.ok(!forms.some((f) => text.includes(f)), `${path.relative(outDir, file)} contains a secret value`);
                }
                assert.ok(
                    written.some(([, text]) => text.includes("[secret]")),
                    "secrets are shown as [secret]",
                );
            });
        });
    }

    it("substitutes secure values it cannot decrypt with a placeholder that stays secret", async () => {
        const text =
            "config:\n  xroad-sidecar:target: existing\n  xroad-sidecar:secrets:\n    sidecar:\n      tokenPin:\n        secure: v1:AAAABBBBCCCC\n";
        const file = parseStackFile(text, "xroad-sidecar", "t", readProjectFile(projectDir).config);
        assert.deepEqual(file.secureKeys, ["xroad-sidecar:secrets.sidecar.tokenPin"]);
        const plan = await planStack(file);
        assert.ok(secretStrings(plan.resources).has(SECURE_PLACEHOLDER), "the placeholder reaches resources only as a secret");
        const outDir = tempDir();
        writePlan(plan, outDir);
        for (const f of filesUnder(outDir)) assert.ok(!fs.readFileSync(f, "utf8").includes(SECURE_PLACEHOLDER), f);
    });

    describe("npm run plan", () => {
        const run = (dir: string, stack: string) =>
            spawnSync(
                process.execPath,
                [...npmScriptNodeArgs("plan"), "--stack", stack, "--project-dir", dir, "--out", path.join(dir, "out")],
                {
                    cwd: projectDir,
                    encoding: "utf8",
                },
            );

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
