/**
 * The policy pack is a publishable package: `npm pack` in policy/ gives a tarball of precompiled JavaScript (no specs,
 * no test helpers, no TypeScript), which installs into an empty folder with its declared dependencies only (the
 * registry is reachable) and starts exactly as the Pulumi CLI's `pulumi-analyzer-policy` shim starts a pack: the
 * shim resolves `@pulumi/pulumi/cmd/run-policy-pack` from the pack folder and runs it with the engine address and
 * the folder. Over the policy gRPC protocol it then describes its 38+ policies and judges a privileged pod mandatory.
 */
import * as assert from "node:assert/strict";
import { ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packAndInstall, startAsTheCliDoes } from "../../bench/policy-package";
import { allPolicies } from "../../policy/policies";

import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerConnection, struct } from "../../policy/testing/analyzer-client";

const ROOT = path.resolve(__dirname, "..", "..");

/** The fields of a package.json this test reads. */
interface PackageJson {
    main: string;
    dependencies: Record<string, string>;
}
const POLICY_DIR = path.join(ROOT, "policy");

describe("the policy pack as a published package", function () {
    this.timeout(600000);
    let work: string;
    let packDir: string;
    let files: string[];
    let child: ChildProcess | undefined;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-pack-"));
        ({ dir: packDir, files } = packAndInstall(POLICY_DIR, work));
    });

    after(() => {
        child?.kill();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("packs precompiled JavaScript, PulumiPolicy.yaml, README and configs; no specs, test helpers or TypeScript", () => {
        for (const f of [
            "PulumiPolicy.yaml",
            "README.md",
            "package.json",
            "bin/policy/index.js",
            "bin/policy/policies.js",
            // The shared Kubernetes model (../kubernetes-model), compiled in beside the policies that import it.
            "bin/kubernetes-model/workloads.js",
            "bin/kubernetes-model/quantity.js",
            "config/prod.json",
            "config/dev.json",
        ])
            assert.ok(files.includes(f), `${f} missing from ${files.join(", ")}`);
        assert.deepEqual(
            files.filter((f) => /\.ts$|\.spec\.|(^|\/)testing\//.test(f)),
            [],
        );
        const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as PackageJson;
        assert.equal(pkg.main, "bin/policy/index.js");
        assert.deepEqual(Object.keys(pkg.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi", "js-yaml"]);
        const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
        for (const [name, version] of Object.entries(pkg.dependencies))
            assert.equal(version, root.dependencies[name], `${name} pinned as in the project`);
    });

    it("imports nothing from outside its folder", () => {
        for (const f of files.filter((x) => x.endsWith(".js"))) {
            const text = fs.readFileSync(path.join(packDir, f), "utf8");
            for (const m of text.matchAll(/require\("(\.[^"]+)"\)/g)) {
                const target = path.resolve(path.dirname(path.join(packDir, f)), m[1]);
                assert.ok(target.startsWith(packDir + path.sep), `${f} requires ${m[1]}`);
            }
        }
    });

    it("starts through the CLI's run-policy-pack path, without loading npm's Arborist, and answers the policy gRPC protocol", async () => {
        // NODE_DEBUG=module makes Node log each module it loads: `load "<file>" for module "<id>"`.
        const started = startAsTheCliDoes(packDir, { NODE_DEBUG: "module" });
        child = started.child;
        const { port } = await started.ready;
        const loads = [...started.stderr().matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => m[1]);
        assert.ok(
            loads.some((f) => f.includes(`${path.sep}@pulumi${path.sep}policy${path.sep}`)),
            "module loads are logged",
        );
        // policy/defer-npm-arborist.ts: the SDK imports Arborist eagerly, which costs more start-up than the rest of it.
        assert.deepEqual(
            loads.filter((f) => f.includes(`${path.sep}@npmcli${path.sep}arborist${path.sep}`)),
            [],
        );
        const client = new AnalyzerConnection(port);

        const info = await client.info();
        const names: string[] = info.getPoliciesList().map((p) => p.getName());
        assert.ok(names.length >= 38, `${names.length} policies`);
        assert.deepEqual([...names].sort(), allPolicies.map((p) => p.name).sort());

        const req = new analyzerPb.AnalyzeRequest();
        req.setType("kubernetes:core/v1:Pod");
        req.setName("p");
        req.setUrn("urn:pulumi:dev::proj::kubernetes:core/v1:Pod::p");
        req.setProperties(
            struct({
                apiVersion: "v1",
                kind: "Pod",
                metadata: { name: "p", namespace: "apps" },
                spec: { containers: [{ name: "c", image: "i", securityContext: { privileged: true } }] },
            }),
        );
        const options = new analyzerPb.AnalyzerResourceOptions();
        options.setProtect(false);
        req.setOptions(options);
        const res = await client.analyze(req);
        const baseline = res.getDiagnosticsList().filter((d) => d.getPolicyname() === "pod-security-baseline");
        assert.equal(baseline.length, 1);
        assert.equal(baseline[0].getEnforcementlevel(), 1, "mandatory");
        assert.match(baseline[0].getMessage(), /privileged/);
        client.close();
    });
});
