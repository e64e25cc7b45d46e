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
const k8s = __importStar(require("@pulumi/kubernetes"));
const policy_1 = require("@pulumi/policy");
const evaluate_1 = require("./evaluate");
const config_1 = require("./config");
const harness_1 = require("../testing/harness");
const NS = "kubernetes:core/v1:Namespace";
const reportsAlways = {
    name: "reports-always",
    description: "test",
    validateResource: (args, report) => report(`saw ${args.type}`),
};
describe("policy engine (Pulumi policy server semantics)", () => {
    const ns = { type: NS, name: "ns", props: { metadata: { name: "a" } } };
    it("resolves the level: config, then policy, then pack; advisory by default", async () => {
        const p = { ...reportsAlways };
        assert.equal((0, config_1.resolveLevel)(p), "advisory");
        assert.equal((0, config_1.resolveLevel)(p, undefined, "mandatory"), "mandatory");
        assert.equal((0, config_1.resolveLevel)({ ...p, enforcementLevel: "mandatory" }, undefined, "advisory"), "mandatory");
        assert.equal((0, config_1.resolveLevel)({ ...p, enforcementLevel: "mandatory" }, { "reports-always": "advisory" }), "advisory");
        assert.equal((0, config_1.resolveLevel)({ ...p, enforcementLevel: "advisory" }, { all: "mandatory" }), "mandatory");
        assert.equal((0, config_1.resolveLevel)({ ...p, enforcementLevel: "advisory" }, { all: "mandatory", "reports-always": { enforcementLevel: "disabled" } }), "disabled");
        assert.equal((await (0, harness_1.run)(p, ns)).violations[0].level, "advisory");
        assert.equal((await (0, harness_1.run)(p, ns, { level: "mandatory" })).violations[0].level, "mandatory");
    });
    it("skips disabled policies and reports remediate as mandatory", async () => {
        assert.deepEqual((await (0, harness_1.run)(reportsAlways, ns, { level: "disabled" })).violations, []);
        const r = await (0, harness_1.run)(reportsAlways, ns, { level: "remediate" });
        assert.equal(r.violations[0].level, "mandatory");
        assert.equal(r.violations[0].urn, (0, harness_1.urnOf)(NS, "ns"));
    });
    it("takes the __pulumiType fast path: the validation is not called for other types", async () => {
        let calls = 0;
        const typed = {
            name: "typed",
            description: "test",
            validateResource: (0, policy_1.validateResourceOfType)(k8s.core.v1.Namespace, (_props, _args, report) => {
                calls++;
                report("namespace");
            }),
        };
        const r = await (0, harness_1.run)(typed, [ns, { type: "kubernetes:core/v1:Secret", name: "s", props: {} }]);
        assert.equal(calls, 1);
        assert.deepEqual(r.violations.map((v) => v.message), ["namespace"]);
        assert.match(r.notApplicable[0].reason, /only applies to resources of type 'kubernetes:core\/v1:Namespace'/);
    });
    it("turns a read of an unknown value into an advisory 'can't run during preview', even for a mandatory policy", async () => {
        const readsName = {
            name: "reads-name",
            description: "test",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if (args.props.metadata.name !== "a")
                    report("bad");
            },
        };
        const r = await (0, harness_1.run)(readsName, { type: NS, props: { metadata: { name: harness_1.UNKNOWN.string } } });
        assert.equal(r.violations.length, 1);
        assert.equal(r.violations[0].level, "advisory");
        assert.equal(r.violations[0].unknownAtPreview, true);
        assert.match(r.violations[0].message, /can't run policy 'reads-name' during preview: string value at \.metadata\.name can't be known during preview/);
    });
    it("outside a preview, reads an unknown sentinel as the plain string it is: the level stays mandatory (fail closed)", async () => {
        const readsName = {
            name: "reads-name",
            description: "test",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if (args.props.metadata.name !== "a")
                    report("bad");
            },
        };
        const readsAll = {
            name: "reads-all",
            description: "test",
            enforcementLevel: "mandatory",
            validateStack: (args, report) => {
                for (const r of args.resources)
                    if (r.props.metadata.labels !== undefined)
                        report("labelled", r.urn);
            },
        };
        const resources = [(0, harness_1.toEngine)({ type: NS, name: "u", props: { metadata: { name: harness_1.UNKNOWN.string, labels: harness_1.UNKNOWN.object } } })];
        for (const options of [{}, { preview: false }]) {
            const r = await (0, evaluate_1.evaluate)([readsName, readsAll], resources, options);
            assert.deepEqual(r.violations.map((v) => [v.policy, v.level, v.unknownAtPreview ?? false, v.message]), [
                ["reads-name", "mandatory", false, "bad"],
                ["reads-all", "mandatory", false, "labelled"],
            ]);
        }
        // Under preview (the pack as the CLI runs it) the same reads are advisory can't-run diagnostics.
        const preview = await (0, evaluate_1.evaluate)([readsName, readsAll], resources, { preview: true });
        assert.deepEqual(preview.violations.map((v) => [v.policy, v.level, v.unknownAtPreview]), [
            ["reads-name", "advisory", true],
            ["reads-all", "advisory", true],
        ]);
    });
    it("outside a preview, shares frozen props: a policy that writes to them fails loudly instead of changing the next one's view", async () => {
        const writes = {
            name: "writes",
            description: "t",
            validateResource: (args) => {
                args.props.metadata.name = "changed";
            },
        };
        await assert.rejects((0, evaluate_1.evaluate)([writes], [(0, harness_1.toEngine)(ns)]), /Error validating resource .* with policy 'writes': TypeError/);
    });
    it("lets proxied arrays use filter/map (SDK 1.21 proxy fix) and records notApplicable", async () => {
        const p = {
            name: "arrays",
            description: "test",
            validateResource: (args, report) => {
                if (args.type !== NS)
                    args.notApplicable("namespaces only");
                const labels = args.props.list.filter((x) => x !== "b").map((x) => x.toUpperCase());
                report(labels.join(","));
            },
        };
        const r = await (0, harness_1.run)(p, [
            { type: NS, name: "n", props: { list: ["a", "b", "c"] } },
            { type: "other:x:Y", name: "o", props: {} },
        ]);
        assert.deepEqual(r.violations.map((v) => v.message), ["A,C"]);
        assert.deepEqual(r.notApplicable.map((n) => n.reason), ["namespaces only"]);
    });
    it("merges configSchema defaults under the configured values, without enforcementLevel", () => {
        const p = {
            ...reportsAlways,
            configSchema: { properties: { a: { type: "number", default: 1 }, b: { type: "string", default: "x" } } },
        };
        assert.deepEqual((0, config_1.policyConfig)(p), { a: 1, b: "x" });
        assert.deepEqual((0, config_1.policyConfig)(p, { "reports-always": { enforcementLevel: "mandatory", a: 5 } }), { a: 5, b: "x" });
    });
    it("propagates other exceptions as errors, like the server fails the preview", async () => {
        const throws = {
            name: "throws",
            description: "t",
            validateResource: () => {
                throw new Error("boom");
            },
        };
        await assert.rejects((0, harness_1.run)(throws, ns), /Error validating resource .* with policy 'throws': Error: boom/);
    });
    it("gives stack policies PolicyResources with parent, dependencies and propertyDependencies resolved", async () => {
        const seen = [];
        const p = {
            name: "stack",
            description: "t",
            validateStack: (args) => {
                const child = args.resources.find((r) => r.name === "child");
                seen.push(child.parent?.name ?? "-", child.dependencies.map((d) => d.name).join(","), (child.propertyDependencies.spec ?? []).map((d) => d.name).join(","));
            },
        };
        const parent = (0, harness_1.toEngine)({ type: "x:y:Parent", name: "parent", props: {} });
        const dep = (0, harness_1.toEngine)({ type: "x:y:Dep", name: "dep", props: {} });
        const child = (0, harness_1.toEngine)({
            type: "x:y:Child",
            name: "child",
            props: {},
            parent: parent.urn,
            dependsOn: [dep.urn, "urn:missing"],
            propDeps: { spec: [dep.urn] },
        });
        await (0, evaluate_1.evaluate)([p], [parent, dep, child]);
        assert.deepEqual(seen, ["parent", "dep", "dep"]);
    });
    it("skips a typed stack policy when the stack has no resource of its type, and runs it otherwise", async () => {
        let calls = 0;
        const p = {
            name: "typed-stack",
            description: "t",
            validateStack: (0, policy_1.validateStackResourcesOfType)(k8s.core.v1.Namespace, (namespaces, _args, report) => {
                calls++;
                report(`${namespaces.length} namespaces`);
            }),
        };
        const none = await (0, evaluate_1.evaluate)([p], [(0, harness_1.toEngine)({ type: "kubernetes:core/v1:Secret", name: "s", props: {} })]);
        assert.equal(calls, 0);
        assert.match(none.notApplicable[0].reason, /only applies to resources of type 'kubernetes:core\/v1:Namespace'/);
        const some = await (0, evaluate_1.evaluate)([p], [(0, harness_1.toEngine)(ns), (0, harness_1.toEngine)({ type: "kubernetes:core/v1:Secret", name: "s2", props: {} })]);
        assert.deepEqual(some.violations.map((v) => v.message), ["1 namespaces"]);
    });
    it("runs remediation-only policies as not applicable, like the server's Analyze", async () => {
        const remediationOnly = { name: "fixes", description: "t", remediateResource: () => undefined };
        const r = await (0, harness_1.run)(remediationOnly, ns);
        assert.deepEqual(r.violations, []);
        assert.equal(r.notApplicable[0].reason, "Policy does not implement validateResource");
    });
});
