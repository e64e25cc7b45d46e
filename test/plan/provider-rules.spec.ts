/**
 * The mocks are as strict as the providers (issue 12): a physical name the cloud or the API server would
 * refuse fails the offline plan, with the rule's source, instead of being truncated or accepted.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { recordResources, planStack } from "../../plan/run";
import { ProviderRuleError } from "../../plan/mocks";
import { AWS_NAME_RULES } from "../../plan/mocks/rules/aws";
import { KUBERNETES_NAME_RULES } from "../../kubernetes-model/name-rules";
import { readStackFile } from "../../plan/stack-file";
import { ConfigEdit, withConfigEdits } from "../plan-helpers";
import { ConfigValidationError } from "../../config";
import { MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH, MAX_CLUSTER_NAME_LENGTH } from "../../config/aws";

/** A resource of any type, registered with exactly the given inputs. */
class RawResource extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: pulumi.Inputs) {
        super(type, name, inputs);
    }
}

/** Registers one raw resource of `type` under the plan's mocks. */
async function register(type: string, name: string, inputs: Record<string, unknown>): Promise<void> {
    await recordResources(() => {
        new RawResource(type, name, inputs);
    });
}

async function refusal(type: string, name: string, inputs: Record<string, unknown>): Promise<string> {
    try {
        await register(type, name, inputs);
    } catch (e) {
        assert.ok(e instanceof ProviderRuleError, `expected ProviderRuleError, got ${String(e)}`);
        return e.message;
    }
    assert.fail(`${type} ${name} was accepted`);
}

const projectDir = path.resolve(__dirname, "../..");

describe("provider rules in the mocks", () => {
    describe("AWS physical names", () => {
        for (const [type, rule] of Object.entries(AWS_NAME_RULES)) {
            it(`${type}: a ${rule.property} over ${rule.maxLength} characters fails with its source`, async () => {
                const tooLong = "a".repeat(rule.maxLength + 1);
                const message = await refusal(type, "too-long", {
                    [rule.property]: rule.property === "name" && type.includes("kms") ? `alias/${tooLong}` : tooLong,
                });
                assert.match(message, /longer than maximum length/);
                assert.ok(message.includes(rule.source), message);
            });
            if (rule.autonamed)
                it(`${type}: an autonamed resource whose logical name leaves no room for the 7 random characters fails`, async () => {
                    const message = await refusal(type, "b".repeat(rule.maxLength - 7), {});
                    assert.match(message, /plus 7 random chars is longer than maximum length/);
                });
        }

        it("a bucket prefix over 37 characters fails, as @pulumi/aws documents", async () => {
            const message = await refusal("aws:s3/bucket:Bucket", "archive", { bucketPrefix: `${"c".repeat(29)}-archive-` });
            assert.match(message, /"bucketPrefix" cannot be longer than 37 characters, got 38/);
        });

        it("an RDS identifier with a double hyphen fails; a valid one passes", async () => {
            await assert.rejects(register("aws:rds/instance:Instance", "db", { identifier: "xroad--ss1" }), ProviderRuleError);
            await register("aws:rds/instance:Instance", "db", { identifier: "xroad-prod-ss1" });
        });
    });

    describe("Kubernetes object names and labels", () => {
        for (const [kind, rule] of Object.entries(KUBERNETES_NAME_RULES)) {
            it(`${kind}: a name over ${rule.maxLength} characters fails`, async () => {
                const group = kind === "CronJob" ? "batch/v1" : kind === "StatefulSet" || kind === "Deployment" ? "apps/v1" : "core/v1";
                const message = await refusal(`kubernetes:${group}:${kind}`, "obj", { metadata: { name: "a".repeat(rule.maxLength + 1) } });
                assert.ok(message.includes(rule.allowed), message);
            });
        }
        it("a Service name starting with a digit fails (DNS-1035)", async () => {
            await assert.rejects(
                register("kubernetes:core/v1:Service", "svc", { metadata: { name: "1sidecar-public" } }),
                ProviderRuleError,
            );
        });
        it("a label value over 63 characters fails", async () => {
            await assert.rejects(
                register("kubernetes:core/v1:ConfigMap", "cm", { metadata: { name: "cm", labels: { app: "v".repeat(64) } } }),
                ProviderRuleError,
            );
        });
    });

    describe("config refuses up front what would break these rules", () => {
        function prodWith(edits: ConfigEdit[]): string {
            const text = withConfigEdits(fs.readFileSync(path.join(projectDir, "Pulumi.prod.yaml"), "utf8"), edits);
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-rules-"));
            fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            fs.writeFileSync(path.join(dir, "Pulumi.edge.yaml"), text);
            return dir;
        }

        it("plans the longest cluster and instance names it accepts", async () => {
            const dir = prodWith([
                [["xroad-sidecar:aws", "clusterName"], "c".repeat(MAX_CLUSTER_NAME_LENGTH)],
                [["xroad-sidecar:instances", 0, "name"], "i".repeat(MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - MAX_CLUSTER_NAME_LENGTH)],
            ]);
            const plan = await planStack(readStackFile(dir, "edge"));
            assert.ok(plan.resources.length > 100);
        });

        it("refuses one character more, naming the key", async () => {
            const dir = prodWith([[["xroad-sidecar:aws", "clusterName"], "c".repeat(MAX_CLUSTER_NAME_LENGTH + 1)]]);
            await assert.rejects(
                planStack(readStackFile(dir, "edge")),
                (e) => e instanceof ConfigValidationError && /aws\.clusterName/.test(e.message),
            );
            const dir2 = prodWith([
                [["xroad-sidecar:aws", "clusterName"], "c".repeat(MAX_CLUSTER_NAME_LENGTH)],
                [["xroad-sidecar:instances", 0, "name"], "i".repeat(MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - MAX_CLUSTER_NAME_LENGTH + 1)],
            ]);
            await assert.rejects(
                planStack(readStackFile(dir2, "edge")),
                (e) => e instanceof ConfigValidationError && /instances\[0\]\.name/.test(e.message),
            );
        });
    });
});
