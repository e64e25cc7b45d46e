/**
 * Every example stack of the project (Pulumi.<stack>.yaml) planned under mocks passes every mandatory policy
 * of its environment's policy config: the offline plan's self-check exits 0 for all of them. And the
 * self-check is not vacuous: regressions injected into a real plan are caught.
 */
import * as assert from "node:assert/strict";
import * as path from "path";
import { PlanResult, PlannedResource, planStack } from "../plan/run";
import { formatSelfCheck, selfCheck } from "../plan/self-check";
import type { PolicyFinding } from "./engine/types";
import { listStacks, readStackFile } from "../plan/stack-file";
import { writePlan } from "../plan/write";
import { runCheck } from "../scripts/check";
import * as fs from "fs";
import * as os from "os";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INamespace } from "kubernetes-models/v1/Namespace";

const projectDir = path.resolve(__dirname, "..");

/** A deep copy of the plan with `edit` applied to the inputs of the resources of `type` (and name, if given). */
function mutated<T>(plan: PlanResult, type: string, edit: (inputs: T) => void, name?: string): PlanResult {
    const resources: PlannedResource[] = plan.resources.map((r) => {
        if (r.type !== type || (name && r.name !== name)) return r;
        const inputs = structuredClone(r.inputs);
        edit(inputs as T);
        return { ...r, inputs };
    });
    return { ...plan, resources };
}

function pairs(report: { violations: PolicyFinding[] }): string[] {
    return [...new Set(report.violations.map((v) => `${v.level} ${v.policy} ${v.resource?.type ?? ""}`))].sort();
}

describe("self-check of every example stack", function () {
    this.timeout(300000);
    const stacks = listStacks(projectDir);

    it("has example stacks to check", () => assert.ok(stacks.length > 0));

    for (const stack of stacks) {
        it(`${stack}: no mandatory violation`, async () => {
            const plan = await planStack(readStackFile(projectDir, stack));
            const report = await selfCheck(plan);
            assert.ok(plan.resources.length > 0);
            assert.deepEqual(
                report.mandatory.map((v) => `${v.policy} ${v.resource?.type ?? ""} ${v.resource?.name ?? ""}: ${v.message}`),
                [],
            );
        });
    }

    describe("catches regressions injected into a planned stack", () => {
        let plan: PlanResult;
        before(async () => {
            plan = await planStack(readStackFile(projectDir, stacks.includes("existing") ? "existing" : stacks[0]));
        });

        it("a world-readable SSH key, a missing default deny, requests removed from the autoscaled secondaries", async () => {
            let broken = mutated(plan, "kubernetes:apps/v1:Deployment", (i: IDeployment) => {
                for (const v of i.spec!.template.spec!.volumes ?? []) for (const item of v.secret?.items ?? []) item.mode = 0o644;
                for (const c of i.spec!.template.spec!.containers) delete c.resources;
            });
            broken = {
                ...broken,
                resources: broken.resources.filter(
                    (r) => !(r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && /default-deny/.test(r.name)),
                ),
            };
            const report = await selfCheck(broken);
            const found = pairs(report);
            for (const expected of [
                "mandatory k8s-ssh-key-secret-volume-mode kubernetes:apps/v1:Deployment",
                "mandatory k8s-container-resources kubernetes:apps/v1:Deployment",
                "mandatory k8s-hpa-target-has-requests kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
                "mandatory k8s-namespace-default-deny-ingress kubernetes:core/v1:Namespace",
            ]) {
                assert.ok(found.includes(expected), `${expected} in\n${found.join("\n")}`);
            }
        });

        it("the primary opened to everyone, and its namespace without PSA labels", async () => {
            let broken = mutated(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy", (i: INetworkPolicy) => {
                for (const rule of i.spec!.ingress ?? []) delete rule.from;
            });
            broken = mutated(broken, "kubernetes:core/v1:Namespace", (i: INamespace) => {
                i.metadata!.labels = {};
            });
            const found = pairs(await selfCheck(broken));
            assert.ok(
                found.includes("mandatory xroad-primary-ingress-secondary-ssh-only kubernetes:apps/v1:StatefulSet"),
                found.join("\n"),
            );
            assert.ok(found.includes("mandatory k8s-namespace-psa-enforce kubernetes:core/v1:Namespace"), found.join("\n"));
        });

        it("uses the environment's policy config: an External HPA metric is advisory in development, mandatory in production", async () => {
            const broken = mutated(plan, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", (i: IHorizontalPodAutoscaler) => {
                i.spec!.metrics!.push({
                    type: "External",
                    external: { metric: { name: "queue" }, target: { type: "Value", value: "10" } },
                });
            });
            const dev = await selfCheck(broken, "development");
            const prod = await selfCheck(broken, "production");
            assert.deepEqual(
                dev.violations.map((v) => [v.policy, v.level]),
                [["k8s-hpa-prefer-custom-metrics", "advisory"]],
            );
            assert.deepEqual(
                prod.mandatory.map((v) => v.policy),
                ["k8s-hpa-prefer-custom-metrics"],
            );
            assert.equal(prod.mandatory[0].resource?.type, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
        });

        it("agrees with `npm run check` over the plan's manifests: one rule, two entry points", async () => {
            const broken = mutated(plan, "kubernetes:apps/v1:Deployment", (i: IDeployment) => {
                for (const v of i.spec!.template.spec!.volumes ?? []) for (const item of v.secret?.items ?? []) item.mode = 0o644;
            });
            const fromPlan = (await selfCheck(broken)).violations
                .filter((v) => v.resource?.type.startsWith("kubernetes:"))
                .map((v) => `${v.level} ${v.policy}`);
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
            const written = writePlan(broken, dir);
            const out: string[] = [];
            const code = await runCheck(
                ["--json", "--config", path.join(projectDir, "policy", "config", "dev.json"), written.manifestDir],
                { out: (l) => out.push(l), err: () => undefined },
            );
            fs.rmSync(dir, { recursive: true });
            const fromYaml = (JSON.parse(out.join("\n")) as { level: string; policy: string }[]).map((f) => `${f.level} ${f.policy}`);
            assert.deepEqual(fromYaml.sort(), fromPlan.sort());
            assert.ok(fromYaml.includes("mandatory k8s-ssh-key-secret-volume-mode"));
            assert.equal(code, 1);
        });

        it("sees secrets unwrapped: a Pulumi secret written as a literal env value is still a plaintext secret in the pod spec", async () => {
            const { secretValue } = await import("../plan/mocks/secret");
            const broken = mutated(plan, "kubernetes:apps/v1:StatefulSet", (i: IStatefulSet) => {
                const pin = { name: "XROAD_TOKEN_PIN" };
                // Recorded inputs keep Pulumi's secret wrapper where the model has the plain string.
                Object.assign(pin, { value: secretValue("1234") });
                i.spec!.template.spec!.containers[0].env!.push(pin);
            });
            const report = await selfCheck(broken);
            assert.deepEqual(
                report.mandatory.map((v) => v.policy),
                ["k8s-no-plaintext-secret-env"],
            );
        });
    });

    describe("catches cloud resources removed from the AWS and Azure example stacks", () => {
        const cases: { stack: string; remove: string; expect: string[] }[] = [
            { stack: "prod", remove: "aws:s3/bucketPolicy:BucketPolicy", expect: ["s3-archive-tls-only"] },
            {
                stack: "prod",
                remove: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                expect: ["s3-archive-encryption-at-rest"],
            },
            { stack: "prod", remove: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", expect: ["s3-archive-no-public-access"] },
            { stack: "prod", remove: "aws:efs/fileSystemPolicy:FileSystemPolicy", expect: ["efs-encryption-in-transit"] },
            { stack: "prod", remove: "kubernetes:helm.sh/v3:Release", expect: ["k8s-network-policy-engine"] },
            { stack: "prod", remove: "aws:eks/addon:Addon", expect: ["eks-container-insights"] },
            { stack: "azure-prod", remove: "azure-native:monitor:DiagnosticSetting", expect: ["aks-diagnostic-settings"] },
        ];
        const plans = new Map<string, PlanResult>();
        for (const c of cases) {
            it(`${c.stack} without ${c.remove}: ${c.expect.join(", ")}`, async function () {
                if (!stacks.includes(c.stack)) this.skip();
                if (!plans.has(c.stack)) plans.set(c.stack, await planStack(readStackFile(projectDir, c.stack)));
                const plan = plans.get(c.stack)!;
                assert.ok(
                    plan.resources.some((r) => r.type === c.remove),
                    `the ${c.stack} plan has a ${c.remove}`,
                );
                const report = await selfCheck({ ...plan, resources: plan.resources.filter((r) => r.type !== c.remove) });
                const policies = [...new Set(report.mandatory.map((v) => v.policy))].sort();
                for (const e of c.expect) assert.ok(policies.includes(e), `${e} in ${policies.join(", ")}`);
            });
        }
    });

    it("formats the report the plan prints: mandatory first, then a summary naming the policy config", () => {
        const v = (policy: string, level: "advisory" | "mandatory"): PolicyFinding => ({
            policy,
            level,
            resource: { type: "kubernetes:apps/v1:Deployment", name: "d" },
            message: "m",
        });
        const report = {
            violations: [v("b-advisory", "advisory"), v("a-mandatory", "mandatory")],
            mandatory: [v("a-mandatory", "mandatory")],
        };
        const lines = formatSelfCheck(report, "production");
        assert.deepEqual(lines.slice(0, 2), [
            "  [mandatory] a-mandatory kubernetes:apps/v1:Deployment d: m",
            "  [advisory] b-advisory kubernetes:apps/v1:Deployment d: m",
        ]);
        assert.match(
            lines[2],
            /^Policy self-check \(production: .*policy\/config\/prod\.json, \d+ policies\): 1 mandatory, 1 advisory violation\(s\)\.$/,
        );
        assert.match(formatSelfCheck({ violations: [], mandatory: [] }, "development")[0], /dev\.json, \d+ policies\): no violations\.$/);
    });
});
