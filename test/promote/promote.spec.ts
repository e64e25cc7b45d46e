import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { ConfigValidationError } from "../../config";
import { RELEASE_DEFAULTS } from "../../config/release";
import { PlanResult } from "../../plan/run";
import { PolicyFinding } from "../../policy/engine/types";
import { PolicyCheck, StackNotFoundError, preparePromotion, writePromotion } from "../../plan/promote";
import { existingStack, readStack, removeProject, tempProject } from "./project";

/** A stand-in for the policy pack that records what it was asked to check and reports the given violations. */
function recordingCheck(mandatory: PolicyFinding[] = []): PolicyCheck & { calls: { plan: PlanResult; environment?: string }[] } {
    const calls: { plan: PlanResult; environment?: string }[] = [];
    const check = (plan: PlanResult, environment?: "development" | "production") => {
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

const DEV = existingStack(["sidecarVersion: 7.8.0", "calicoChartVersion: v3.31.5", "eksAddonVersions:", "  coredns: v1.12.3-eksbuild.1"]);

describe("promote: stack to stack", function () {
    this.timeout(60000);
    let dir: string;
    afterEach(() => removeProject(dir));

    it("copies the source release into the target, prints a diff and keeps every other line of the target", async () => {
        dir = tempProject({ dev: DEV, prod: PROD });
        const check = recordingCheck();
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.deepEqual(promotion.refusals, []);
        assert.equal(readStack(dir, "prod"), PROD, "nothing is written before writePromotion");

        assert.equal(writePromotion(promotion), true);
        const written = readStack(dir, "prod");
        const release = (parse(written) as { config: Record<string, unknown> }).config["xroad-sidecar:release"];
        assert.deepEqual(release, {
            ...RELEASE_DEFAULTS,
            calicoChartVersion: "v3.31.5",
            eksAddonVersions: { coredns: "v1.12.3-eksbuild.1" },
        });
        const [head, tail] = [PROD.split("\n"), written.split("\n")];
        assert.deepEqual(tail.slice(0, 7), head.slice(0, 7), "lines before the release are byte-identical");
        assert.equal(tail[7], "    sidecarVersion: 7.8.0   # running in prod", "the value changes, its comment stays");
        assert.deepEqual(tail.slice(-4), head.slice(-4), "lines after the release are byte-identical");

        assert.deepEqual(
            promotion.changes.filter((c) => c.before !== c.after),
            [
                { key: "sidecarVersion", before: "7.6.0", after: "7.8.0" },
                { key: "calicoChartVersion", before: RELEASE_DEFAULTS.calicoChartVersion, after: "v3.31.5" },
                { key: "eksAddonVersions.coredns", before: undefined, after: "v1.12.3-eksbuild.1" },
            ],
        );
        assert.ok(promotion.diff.includes("-    sidecarVersion: 7.6.0   # running in prod"));
        assert.ok(promotion.diff.includes("+    sidecarVersion: 7.8.0   # running in prod"));
        assert.equal(promotion.diff.filter((l) => l.startsWith("-") && !l.startsWith("---")).length, 1, "one line removed, the rest added");

        assert.equal(check.calls.length, 1);
        assert.equal(check.calls[0].plan.config.stack, "dev", "the SOURCE stack's plan is checked");
        assert.equal(check.calls[0].environment, "development");
        assert.ok(
            check.calls[0].plan.resources.some((r) => r.type === "xroad:kubernetes:SidecarInstance"),
            "a real plan of the program",
        );
    });

    it("writes every default explicitly when the source sets no release", async () => {
        dir = tempProject({ dev: existingStack([]), prod: PROD });
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() });
        writePromotion(promotion);
        const release = (parse(readStack(dir, "prod")) as { config: Record<string, unknown> }).config["xroad-sidecar:release"];
        assert.deepEqual(release, RELEASE_DEFAULTS);
    });

    it("adds the release to a target that has none", async () => {
        const target = existingStack(
            [],
            ["  xroad-sidecar:environment: production # prod", "  xroad-sidecar:instances: [{network: {consumerNamespaces: [apps]}}]"],
        );
        dir = tempProject({ dev: DEV, prod: target });
        writePromotion(await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() }));
        const written = readStack(dir, "prod");
        assert.ok(written.startsWith(target));
        assert.equal(
            (parse(written) as { config: Record<string, { sidecarVersion: string }> }).config["xroad-sidecar:release"].sidecarVersion,
            "7.8.0",
        );
    });

    it("refuses to move the target to an older X-Road version", async () => {
        dir = tempProject({ dev: existingStack(["sidecarVersion: 7.6.0"]), prod: existingStack(["sidecarVersion: 7.7.1"]) });
        const check = recordingCheck();
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.equal(check.calls.length, 0, "refused before planning");
        assert.deepEqual(
            promotion.refusals.map((r) => r.reason),
            ["downgrade"],
        );
        assert.match(promotion.refusals[0].message, /stack prod runs X-Road 7\.7\.1 and dev has 7\.6\.0: X-Road upgrades only go forward/);
        assert.throws(() => writePromotion(promotion), /refused/);
        assert.equal(readStack(dir, "prod"), existingStack(["sidecarVersion: 7.7.1"]));
    });

    it("allows the same X-Road version with newer charts", async () => {
        dir = tempProject({
            dev: existingStack(["sidecarVersion: 7.7.1", "metricsServerChartVersion: 3.14.0"]),
            prod: existingStack(["sidecarVersion: 7.7.1"]),
        });
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() });
        assert.deepEqual(promotion.refusals, []);
    });

    it("refuses when the source stack's offline plan has a mandatory policy violation", async () => {
        dir = tempProject({ dev: DEV, prod: PROD });
        const violation: PolicyFinding = {
            policy: "k8s-ssh-key-secret-volume-mode",
            level: "mandatory",
            message: "defaultMode 0644 exposes the SSH key",
            urn: "urn:pulumi:dev::xroad-sidecar::kubernetes:apps/v1:StatefulSet::primary",
            resource: { type: "kubernetes:apps/v1:StatefulSet", name: "primary" },
        };
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck([violation]) });
        assert.deepEqual(
            promotion.refusals.map((r) => r.reason),
            ["policy"],
        );
        assert.match(promotion.refusals[0].message, /offline plan of stack dev has 1 mandatory policy violation/);
        assert.match(
            promotion.refusals[0].message,
            /- k8s-ssh-key-secret-volume-mode kubernetes:apps\/v1:StatefulSet primary: defaultMode 0644 exposes the SSH key/,
        );
        assert.throws(() => writePromotion(promotion), /refused/);
        assert.equal(readStack(dir, "prod"), PROD);
    });

    it("does not plan or refuse when the target already runs the source's release", async () => {
        dir = tempProject({ dev: existingStack(["sidecarVersion: 7.7.1"]), prod: existingStack(["sidecarVersion: 7.7.1"]) });
        const check = recordingCheck([{ policy: "would-refuse", level: "mandatory", message: "never asked" }]);
        const promotion = await preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: check });
        assert.deepEqual(promotion.refusals, []);
        assert.equal(check.calls.length, 0);
    });

    it("rejects an invalid source or target config with the config error, naming the key", async () => {
        for (const [dev, prod, key] of [
            [existingStack(["sidecarVersion: 6.26.0"]), PROD, /xroad-sidecar:release\.sidecarVersion: "6\.26\.0" is not valid/],
            [DEV, existingStack(["sidecarVersoin: 7.8.0"]), /xroad-sidecar:release\.sidecarVersoin/],
        ] as const) {
            dir = tempProject({ dev, prod });
            await assert.rejects(
                preparePromotion({ projectDir: dir, from: "dev", to: "prod", policyCheck: recordingCheck() }),
                (e: unknown) => e instanceof ConfigValidationError && key.test(e.message),
            );
            assert.equal(readStack(dir, "prod"), prod);
            removeProject(dir);
        }
    });

    it("names the stacks that exist when one is missing", async () => {
        dir = tempProject({ dev: DEV });
        await assert.rejects(
            preparePromotion({ projectDir: dir, from: "dev", to: "staging", policyCheck: recordingCheck() }),
            (e: unknown) => e instanceof StackNotFoundError && /Pulumi\.staging\.yaml; stacks here: dev$/.test(e.message),
        );
    });
});
