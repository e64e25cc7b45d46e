import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType, validateStackResourcesOfType } from "@pulumi/policy";
import { evaluate } from "./evaluate";
import { policyConfig, resolveLevel } from "./config";
import { FakeResource, UNKNOWN, run, toEngine, urnOf } from "../testing/harness";

const NS = "kubernetes:core/v1:Namespace";

const reportsAlways: ResourceValidationPolicy = {
    name: "reports-always",
    description: "test",
    validateResource: (args, report) => report(`saw ${args.type}`),
};

/** The props these test policies read: a Kubernetes object's metadata. */
interface Manifest {
    metadata: { name?: string; labels?: Record<string, string> };
}

describe("policy engine (Pulumi policy server semantics)", () => {
    const ns: FakeResource = { type: NS, name: "ns", props: { metadata: { name: "a" } } };

    it("resolves the level: config, then policy, then pack; advisory by default", async () => {
        const p: ResourceValidationPolicy = { ...reportsAlways };
        assert.equal(resolveLevel(p), "advisory");
        assert.equal(resolveLevel(p, undefined, "mandatory"), "mandatory");
        assert.equal(resolveLevel({ ...p, enforcementLevel: "mandatory" }, undefined, "advisory"), "mandatory");
        assert.equal(resolveLevel({ ...p, enforcementLevel: "mandatory" }, { "reports-always": "advisory" }), "advisory");
        assert.equal(resolveLevel({ ...p, enforcementLevel: "advisory" }, { all: "mandatory" }), "mandatory");
        assert.equal(
            resolveLevel({ ...p, enforcementLevel: "advisory" }, { all: "mandatory", "reports-always": { enforcementLevel: "disabled" } }),
            "disabled",
        );
        assert.equal((await run(p, ns)).violations[0].level, "advisory");
        assert.equal((await run(p, ns, { level: "mandatory" })).violations[0].level, "mandatory");
    });

    it("skips disabled policies and reports remediate as mandatory", async () => {
        assert.deepEqual((await run(reportsAlways, ns, { level: "disabled" })).violations, []);
        const r = await run(reportsAlways, ns, { level: "remediate" });
        assert.equal(r.violations[0].level, "mandatory");
        assert.equal(r.violations[0].urn, urnOf(NS, "ns"));
    });

    it("takes the __pulumiType fast path: the validation is not called for other types", async () => {
        let calls = 0;
        const typed: ResourceValidationPolicy = {
            name: "typed",
            description: "test",
            validateResource: validateResourceOfType(k8s.core.v1.Namespace, (_props, _args, report) => {
                calls++;
                report("namespace");
            }),
        };
        const r = await run(typed, [ns, { type: "kubernetes:core/v1:Secret", name: "s", props: {} }]);
        assert.equal(calls, 1);
        assert.deepEqual(
            r.violations.map((v) => v.message),
            ["namespace"],
        );
        assert.match(r.notApplicable[0].reason, /only applies to resources of type 'kubernetes:core\/v1:Namespace'/);
    });

    it("turns a read of an unknown value into an advisory 'can't run during preview', even for a mandatory policy", async () => {
        const readsName: ResourceValidationPolicy = {
            name: "reads-name",
            description: "test",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if ((args.props as Manifest).metadata.name !== "a") report("bad");
            },
        };
        const r = await run(readsName, { type: NS, props: { metadata: { name: UNKNOWN.string } } });
        assert.equal(r.violations.length, 1);
        assert.equal(r.violations[0].level, "advisory");
        assert.equal(r.violations[0].unknownAtPreview, true);
        assert.match(
            r.violations[0].message,
            /can't run policy 'reads-name' during preview: string value at \.metadata\.name can't be known during preview/,
        );
    });

    it("outside a preview, reads an unknown sentinel as the plain string it is: the level stays mandatory (fail closed)", async () => {
        const readsName: ResourceValidationPolicy = {
            name: "reads-name",
            description: "test",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if ((args.props as Manifest).metadata.name !== "a") report("bad");
            },
        };
        const readsAll: StackValidationPolicy = {
            name: "reads-all",
            description: "test",
            enforcementLevel: "mandatory",
            validateStack: (args, report) => {
                for (const r of args.resources) if ((r.props as Manifest).metadata.labels !== undefined) report("labelled", r.urn);
            },
        };
        const resources = [toEngine({ type: NS, name: "u", props: { metadata: { name: UNKNOWN.string, labels: UNKNOWN.object } } })];
        for (const options of [{}, { preview: false }]) {
            const r = await evaluate([readsName, readsAll], resources, options);
            assert.deepEqual(
                r.violations.map((v) => [v.policy, v.level, v.unknownAtPreview ?? false, v.message]),
                [
                    ["reads-name", "mandatory", false, "bad"],
                    ["reads-all", "mandatory", false, "labelled"],
                ],
            );
        }
        // Under preview (the pack as the CLI runs it) the same reads are advisory can't-run diagnostics.
        const preview = await evaluate([readsName, readsAll], resources, { preview: true });
        assert.deepEqual(
            preview.violations.map((v) => [v.policy, v.level, v.unknownAtPreview]),
            [
                ["reads-name", "advisory", true],
                ["reads-all", "advisory", true],
            ],
        );
    });

    it("outside a preview, shares frozen props: a policy that writes to them fails loudly instead of changing the next one's view", async () => {
        const writes: ResourceValidationPolicy = {
            name: "writes",
            description: "t",
            validateResource: (args) => {
                (args.props as Manifest).metadata.name = "changed";
            },
        };
        await assert.rejects(evaluate([writes], [toEngine(ns)]), /Error validating resource .* with policy 'writes': TypeError/);
    });

    it("lets proxied arrays use filter/map (SDK 1.21 proxy fix) and records notApplicable", async () => {
        const p: ResourceValidationPolicy = {
            name: "arrays",
            description: "test",
            validateResource: (args, report) => {
                if (args.type !== NS) args.notApplicable("namespaces only");
                const labels = (args.props.list as string[]).filter((x) => x !== "b").map((x) => x.toUpperCase());
                report(labels.join(","));
            },
        };
        const r = await run(p, [
            { type: NS, name: "n", props: { list: ["a", "b", "c"] } },
            { type: "other:x:Y", name: "o", props: {} },
        ]);
        assert.deepEqual(
            r.violations.map((v) => v.message),
            ["A,C"],
        );
        assert.deepEqual(
            r.notApplicable.map((n) => n.reason),
            ["namespaces only"],
        );
    });

    it("merges configSchema defaults under the configured values, without enforcementLevel", () => {
        const p: ResourceValidationPolicy = {
            ...reportsAlways,
            configSchema: { properties: { a: { type: "number", default: 1 }, b: { type: "string", default: "x" } } },
        };
        assert.deepEqual(policyConfig(p), { a: 1, b: "x" });
        assert.deepEqual(policyConfig(p, { "reports-always": { enforcementLevel: "mandatory", a: 5 } }), { a: 5, b: "x" });
    });

    it("propagates other exceptions as errors, like the server fails the preview", async () => {
        const throws: ResourceValidationPolicy = {
            name: "throws",
            description: "t",
            validateResource: () => {
                throw new Error("boom");
            },
        };
        await assert.rejects(run(throws, ns), /Error validating resource .* with policy 'throws': Error: boom/);
    });

    it("gives stack policies PolicyResources with parent, dependencies and propertyDependencies resolved", async () => {
        const seen: string[] = [];
        const p: StackValidationPolicy = {
            name: "stack",
            description: "t",
            validateStack: (args) => {
                const child = args.resources.find((r) => r.name === "child")!;
                seen.push(
                    child.parent?.name ?? "-",
                    child.dependencies.map((d) => d.name).join(","),
                    (child.propertyDependencies.spec ?? []).map((d) => d.name).join(","),
                );
            },
        };
        const parent = toEngine({ type: "x:y:Parent", name: "parent", props: {} });
        const dep = toEngine({ type: "x:y:Dep", name: "dep", props: {} });
        const child = toEngine({
            type: "x:y:Child",
            name: "child",
            props: {},
            parent: parent.urn,
            dependsOn: [dep.urn, "urn:missing"],
            propDeps: { spec: [dep.urn] },
        });
        await evaluate([p], [parent, dep, child]);
        assert.deepEqual(seen, ["parent", "dep", "dep"]);
    });

    it("skips a typed stack policy when the stack has no resource of its type, and runs it otherwise", async () => {
        let calls = 0;
        const p: StackValidationPolicy = {
            name: "typed-stack",
            description: "t",
            validateStack: validateStackResourcesOfType(k8s.core.v1.Namespace, (namespaces, _args, report) => {
                calls++;
                report(`${namespaces.length} namespaces`);
            }),
        };
        const none = await evaluate([p], [toEngine({ type: "kubernetes:core/v1:Secret", name: "s", props: {} })]);
        assert.equal(calls, 0);
        assert.match(none.notApplicable[0].reason, /only applies to resources of type 'kubernetes:core\/v1:Namespace'/);
        const some = await evaluate([p], [toEngine(ns), toEngine({ type: "kubernetes:core/v1:Secret", name: "s2", props: {} })]);
        assert.deepEqual(
            some.violations.map((v) => v.message),
            ["1 namespaces"],
        );
    });

    it("runs remediation-only policies as not applicable, like the server's Analyze", async () => {
        const remediationOnly: ResourceValidationPolicy = { name: "fixes", description: "t", remediateResource: () => undefined };
        const r = await run(remediationOnly, ns);
        assert.deepEqual(r.violations, []);
        assert.equal(r.notApplicable[0].reason, "Policy does not implement validateResource");
    });
});
