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
const yaml_1 = require("yaml");
const config_1 = require("../../config");
const release_1 = require("../../config/release");
const promote_1 = require("../../plan/promote");
const project_1 = require("./project");
/** A stand-in for the policy pack that records what it was asked to check and reports the given violations. */
function recordingCheck(mandatory = []) {
    const calls = [];
    const check = (plan, environment) => {
        calls.push({ plan, environment });
        return Promise.resolve({ mandatory });
    };
    return Object.assign(check, { calls });
}
const PROD = [
    "# Production: promoted from dev only.",
    "config:",
    "  xroad-sidecar:target: existing   # our cluster",
    "  xroad-sidecar:environment: production",
    "",
    "  # Release pinned by npm run promote.",
    "  xroad-sidecar:release:",
    "    sidecarVersion: 7.6.0   # running in prod",
    "  # the kubeconfig of the prod cluster",
    "  xroad-sidecar:existing:",
    "    context: prod-admin",
    "  xroad-sidecar:instances: [{network: {consumerNamespaces: [apps]}}]",
    "",
].join("\n");
const DEV = (0, project_1.existingStack)(["sidecarVersion: 7.8.0", "calicoChartVersion: v3.31.5", "eksAddonVersions:", "  coredns: v1.12.3-eksbuild.1"]);
describe("promote: stack to stack", function () {
    this.timeout(60000);
    let dir;
    afterEach(() => (0, project_1.removeProject)(dir));
    it("copies the source release into the target, prints a diff and keeps every other line of the target", async () => {
        dir = (0, project_1.tempProject)({ dev: DEV, prod: PROD });
        const check = recordingCheck();
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.deepEqual(promotion.refusals, []);
        assert.equal((0, project_1.readStack)(dir, "prod"), PROD, "nothing is written before writePromotion");
        assert.equal((0, promote_1.writePromotion)(promotion), true);
        const written = (0, project_1.readStack)(dir, "prod");
        const release = (0, yaml_1.parse)(written).config["xroad-sidecar:release"];
        assert.deepEqual(release, {
            ...release_1.RELEASE_DEFAULTS,
            calicoChartVersion: "v3.31.5",
            eksAddonVersions: { coredns: "v1.12.3-eksbuild.1" },
        });
        const [head, tail] = [PROD.split("\n"), written.split("\n")];
        assert.deepEqual(tail.slice(0, 7), head.slice(0, 7), "lines before the release are byte-identical");
        assert.equal(tail[7], "    sidecarVersion: 7.8.0   # running in prod", "the value changes, its comment stays");
        assert.deepEqual(tail.slice(-4), head.slice(-4), "lines after the release are byte-identical");
        assert.deepEqual(promotion.changes.filter((c) => c.before !== c.after), [
            { key: "sidecarVersion", before: "7.6.0", after: "7.8.0" },
            { key: "calicoChartVersion", before: release_1.RELEASE_DEFAULTS.calicoChartVersion, after: "v3.31.5" },
            { key: "eksAddonVersions.coredns", before: undefined, after: "v1.12.3-eksbuild.1" },
        ]);
        assert.ok(promotion.diff.includes("-    sidecarVersion: 7.6.0   # running in prod"));
        assert.ok(promotion.diff.includes("+    sidecarVersion: 7.8.0   # running in prod"));
        assert.equal(promotion.diff.filter((l) => l.startsWith("-") && !l.startsWith("---")).length, 1, "one line removed, the rest added");
        assert.equal(check.calls.length, 1);
        assert.equal(check.calls[0].plan.config.stack, "dev", "the SOURCE stack's plan is checked");
        assert.equal(check.calls[0].environment, "development");
        assert.ok(check.calls[0].plan.resources.some((r) => r.type === "xroad:kubernetes:SidecarInstance"), "a real plan of the program");
    });
    it("writes every default explicitly when the source sets no release", async () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)([]), prod: PROD });
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() });
        (0, promote_1.writePromotion)(promotion);
        const release = (0, yaml_1.parse)((0, project_1.readStack)(dir, "prod")).config["xroad-sidecar:release"];
        assert.deepEqual(release, release_1.RELEASE_DEFAULTS);
    });
    it("adds the release to a target that has none", async () => {
        const target = (0, project_1.existingStack)([], ["  xroad-sidecar:environment: production # prod", "  xroad-sidecar:instances: [{network: {consumerNamespaces: [apps]}}]"]);
        dir = (0, project_1.tempProject)({ dev: DEV, prod: target });
        (0, promote_1.writePromotion)(await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() }));
        const written = (0, project_1.readStack)(dir, "prod");
        assert.ok(written.startsWith(target));
        assert.equal((0, yaml_1.parse)(written).config["xroad-sidecar:release"].sidecarVersion, "7.8.0");
    });
    it("refuses to move the target to an older X-Road version", async () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)(["sidecarVersion: 7.6.0"]), prod: (0, project_1.existingStack)(["sidecarVersion: 7.7.1"]) });
        const check = recordingCheck();
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.equal(check.calls.length, 0, "refused before planning");
        assert.deepEqual(promotion.refusals.map((r) => r.reason), ["downgrade"]);
        assert.match(promotion.refusals[0].message, /stack prod runs X-Road 7\.7\.1 and dev has 7\.6\.0: X-Road upgrades only go forward/);
        assert.throws(() => (0, promote_1.writePromotion)(promotion), /refused/);
        assert.equal((0, project_1.readStack)(dir, "prod"), (0, project_1.existingStack)(["sidecarVersion: 7.7.1"]));
    });
    it("allows the same X-Road version with newer charts", async () => {
        dir = (0, project_1.tempProject)({
            dev: (0, project_1.existingStack)(["sidecarVersion: 7.7.1", "metricsServerChartVersion: 3.14.0"]),
            prod: (0, project_1.existingStack)(["sidecarVersion: 7.7.1"]),
        });
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() });
        assert.deepEqual(promotion.refusals, []);
    });
    it("refuses when the source stack's offline plan has a mandatory policy violation", async () => {
        dir = (0, project_1.tempProject)({ dev: DEV, prod: PROD });
        const violation = {
            policy: "k8s-ssh-key-secret-volume-mode",
            level: "mandatory",
            message: "defaultMode 0644 exposes the SSH key",
            urn: "urn:pulumi:dev::xroad-sidecar::kubernetes:apps/v1:StatefulSet::primary",
            type: "kubernetes:apps/v1:StatefulSet",
            name: "primary",
        };
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck([violation]) });
        assert.deepEqual(promotion.refusals.map((r) => r.reason), ["policy"]);
        assert.match(promotion.refusals[0].message, /offline plan of stack dev has 1 mandatory policy violation/);
        assert.match(promotion.refusals[0].message, /- k8s-ssh-key-secret-volume-mode kubernetes:apps\/v1:StatefulSet primary: defaultMode 0644 exposes the SSH key/);
        assert.throws(() => (0, promote_1.writePromotion)(promotion), /refused/);
        assert.equal((0, project_1.readStack)(dir, "prod"), PROD);
    });
    it("does not plan or refuse when the target already runs the source's release", async () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)(["sidecarVersion: 7.7.1"]), prod: (0, project_1.existingStack)(["sidecarVersion: 7.7.1"]) });
        const check = recordingCheck([{ policy: "would-refuse", level: "mandatory", message: "never asked" }]);
        const promotion = await (0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.deepEqual(promotion.refusals, []);
        assert.equal(check.calls.length, 0);
    });
    it("rejects an invalid source or target config with the config error, naming the key", async () => {
        for (const [dev, prod, key] of [
            [(0, project_1.existingStack)(["sidecarVersion: 6.26.0"]), PROD, /xroad-sidecar:release\.sidecarVersion: "6\.26\.0" is not valid/],
            [DEV, (0, project_1.existingStack)(["sidecarVersoin: 7.8.0"]), /xroad-sidecar:release\.sidecarVersoin/],
        ]) {
            dir = (0, project_1.tempProject)({ dev, prod });
            await assert.rejects((0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() }), (e) => e instanceof config_1.ConfigValidationError && key.test(e.message));
            assert.equal((0, project_1.readStack)(dir, "prod"), prod);
            (0, project_1.removeProject)(dir);
        }
    });
    it("names the stacks that exist when one is missing", async () => {
        dir = (0, project_1.tempProject)({ dev: DEV });
        await assert.rejects((0, promote_1.preparePromotion)({ projectDir: dir, from: "dev", to: "staging", policyCheck: recordingCheck() }), (e) => e instanceof promote_1.StackNotFoundError && /Pulumi\.staging\.yaml; stacks here: dev$/.test(e.message));
    });
});
