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
 * The mocks are as strict as the providers (issue 12): a physical name the cloud or the API server would
 * refuse fails the offline plan, with the rule's source, instead of being truncated or accepted.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const run_1 = require("../../plan/run");
const mocks_1 = require("../../plan/mocks");
const aws_1 = require("../../plan/mocks/rules/aws");
const name_rules_1 = require("../../policy/kubernetes/name-rules");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const config_1 = require("../../config");
const aws_2 = require("../../config/aws");
/** A resource of any type, registered with exactly the given inputs. */
class RawResource extends pulumi.CustomResource {
    constructor(type, name, inputs) {
        super(type, name, inputs);
    }
}
/** Registers one raw resource of `type` under the plan's mocks. */
async function register(type, name, inputs) {
    await (0, run_1.recordResources)(() => {
        new RawResource(type, name, inputs);
    });
}
async function refusal(type, name, inputs) {
    try {
        await register(type, name, inputs);
    }
    catch (e) {
        assert.ok(e instanceof mocks_1.ProviderRuleError, `expected ProviderRuleError, got ${String(e)}`);
        return e.message;
    }
    assert.fail(`${type} ${name} was accepted`);
}
const projectDir = path.resolve(__dirname, "../..");
describe("provider rules in the mocks", () => {
    describe("AWS physical names", () => {
        for (const [type, rule] of Object.entries(aws_1.AWS_NAME_RULES)) {
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
            await assert.rejects(register("aws:rds/instance:Instance", "db", { identifier: "xroad--ss1" }), mocks_1.ProviderRuleError);
            await register("aws:rds/instance:Instance", "db", { identifier: "xroad-prod-ss1" });
        });
    });
    describe("Kubernetes object names and labels", () => {
        for (const [kind, rule] of Object.entries(name_rules_1.KUBERNETES_NAME_RULES)) {
            it(`${kind}: a name over ${rule.maxLength} characters fails`, async () => {
                const group = kind === "CronJob" ? "batch/v1" : kind === "StatefulSet" || kind === "Deployment" ? "apps/v1" : "core/v1";
                const message = await refusal(`kubernetes:${group}:${kind}`, "obj", { metadata: { name: "a".repeat(rule.maxLength + 1) } });
                assert.ok(message.includes(rule.allowed), message);
            });
        }
        it("a Service name starting with a digit fails (DNS-1035)", async () => {
            await assert.rejects(register("kubernetes:core/v1:Service", "svc", { metadata: { name: "1sidecar-public" } }), mocks_1.ProviderRuleError);
        });
        it("a label value over 63 characters fails", async () => {
            await assert.rejects(register("kubernetes:core/v1:ConfigMap", "cm", { metadata: { name: "cm", labels: { app: "v".repeat(64) } } }), mocks_1.ProviderRuleError);
        });
    });
    describe("config refuses up front what would break these rules", () => {
        function prodWith(edits) {
            const text = (0, plan_helpers_1.withConfigEdits)(fs.readFileSync(path.join(projectDir, "Pulumi.prod.yaml"), "utf8"), edits);
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-rules-"));
            fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            fs.writeFileSync(path.join(dir, "Pulumi.edge.yaml"), text);
            return dir;
        }
        it("plans the longest cluster and instance names it accepts", async () => {
            const dir = prodWith([
                [["xroad-sidecar:aws", "clusterName"], "c".repeat(aws_2.MAX_CLUSTER_NAME_LENGTH)],
                [["xroad-sidecar:instances", 0, "name"], "i".repeat(aws_2.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - aws_2.MAX_CLUSTER_NAME_LENGTH)],
            ]);
            const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(dir, "edge"));
            assert.ok(plan.resources.length > 100);
        });
        it("refuses one character more, naming the key", async () => {
            const dir = prodWith([[["xroad-sidecar:aws", "clusterName"], "c".repeat(aws_2.MAX_CLUSTER_NAME_LENGTH + 1)]]);
            await assert.rejects((0, run_1.planStack)((0, stack_file_1.readStackFile)(dir, "edge")), (e) => e instanceof config_1.ConfigValidationError && /aws\.clusterName/.test(e.message));
            const dir2 = prodWith([
                [["xroad-sidecar:aws", "clusterName"], "c".repeat(aws_2.MAX_CLUSTER_NAME_LENGTH)],
                [["xroad-sidecar:instances", 0, "name"], "i".repeat(aws_2.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - aws_2.MAX_CLUSTER_NAME_LENGTH + 1)],
            ]);
            await assert.rejects((0, run_1.planStack)((0, stack_file_1.readStackFile)(dir2, "edge")), (e) => e instanceof config_1.ConfigValidationError && /instances\[0\]\.name/.test(e.message));
        });
    });
});
