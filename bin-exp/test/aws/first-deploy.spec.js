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
 * Issue 12 on AWS: the deploying identity is explicit config (review aws B4), the provider refuses other
 * accounts (B12), the keys are administered by the deployer and used through their services (B9), and nodes
 * launch with root volumes on the project's EBS key on a brand-new account (A6).
 */
const assert = __importStar(require("node:assert/strict"));
const aws = __importStar(require("@pulumi/aws"));
const run_1 = require("../../plan/run");
const mocks_1 = require("../../plan/mocks");
const aws_1 = require("../../plan/mocks/rules/aws");
const prerequisites_1 = require("../../config/prerequisites");
const plan_helpers_1 = require("../plan-helpers");
const aws_fixtures_1 = require("./aws-fixtures");
async function refusal(program) {
    try {
        await (0, run_1.recordResources)(program);
    }
    catch (e) {
        assert.ok(e instanceof mocks_1.ProviderRuleError, `expected ProviderRuleError, got ${String(e)}`);
        return e.message;
    }
    assert.fail("the mocks accepted it");
}
describe("AWS first deploy: the deployer, the account and the keys (issue 12)", function () {
    this.timeout(60000);
    describe("which caller is the configured deployer", () => {
        it("matches an assumed-role session to its role, whatever the role's path", () => {
            assert.ok((0, prerequisites_1.callerIsPrincipal)(`arn:aws:sts::${aws_fixtures_1.ACCOUNT}:assumed-role/ci/session-1`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/ci`));
            assert.ok((0, prerequisites_1.callerIsPrincipal)(`arn:aws:sts::${aws_fixtures_1.ACCOUNT}:assumed-role/AWSReservedSSO_Admin_0123/alice@example.org`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-north-1/AWSReservedSSO_Admin_0123`));
            assert.ok((0, prerequisites_1.callerIsPrincipal)(`arn:aws:iam::${aws_fixtures_1.ACCOUNT}:user/ops/alice`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:user/ops/alice`));
        });
        it("does not match another role, another account, a user for a role, or the root user", () => {
            assert.ok(!(0, prerequisites_1.callerIsPrincipal)(`arn:aws:sts::${aws_fixtures_1.ACCOUNT}:assumed-role/other/s`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/ci`));
            assert.ok(!(0, prerequisites_1.callerIsPrincipal)(`arn:aws:sts::210987654321:assumed-role/ci/s`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/ci`));
            assert.ok(!(0, prerequisites_1.callerIsPrincipal)(`arn:aws:iam::${aws_fixtures_1.ACCOUNT}:user/ci`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/ci`));
            assert.ok(!(0, prerequisites_1.callerIsPrincipal)(`arn:aws:iam::${aws_fixtures_1.ACCOUNT}:root`, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/ci`));
        });
    });
    describe("config", () => {
        const errors = (aws) => {
            try {
                (0, aws_fixtures_1.awsConfig)(aws);
                return [];
            }
            catch (e) {
                return e.message.split("\n").filter((l) => l.includes("xroad-sidecar:aws."));
            }
        };
        it("requires the account and the deployer, and the deployer in that account", () => {
            assert.deepEqual(errors({ accountId: "12345", deployerArn: "arn:aws:sts::123456789012:assumed-role/ci/s" }), [
                '  - xroad-sidecar:aws.accountId: "12345" is not valid; allowed: the 12-digit ID of the AWS account this stack deploys into (aws sts get-caller-identity --query Account)',
                '  - xroad-sidecar:aws.deployerArn: "arn:aws:sts::123456789012:assumed-role/ci/s" is not valid; allowed: the IAM role or user ARN that runs pulumi up (for an assumed role, the role\'s ARN: aws iam get-role --role-name <name> --query Role.Arn)',
            ]);
            assert.deepEqual(errors({ deployerArn: "arn:aws:iam::210987654321:role/ci" }), [
                '  - xroad-sidecar:aws.deployerArn: "arn:aws:iam::210987654321:role/ci" is not valid; allowed: a principal of account 123456789012 (xroad-sidecar:aws.accountId): the provider deploys into that account only',
            ]);
        });
        it("refuses the deployer among the configured admins or operators (EKS: one access entry per principal)", () => {
            const deployer = `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/xroad-deployer`;
            assert.deepEqual(errors({ clusterAdminArns: [deployer] }), [
                `  - xroad-sidecar:aws.clusterAdminArns[0]: "${deployer}" is not valid; allowed: a principal other than xroad-sidecar:aws.deployerArn, which has its own cluster-admin access entry (EKS allows one access entry per principal)`,
            ]);
        });
    });
    describe("a brand-new account without AWSServiceRoleForAutoScaling", () => {
        it("creates the service-linked role, keeps it on destroy, and writes the EBS key policy once KMS can see it", async () => {
            const { resources } = await (0, aws_fixtures_1.planPlatform)((0, aws_fixtures_1.awsConfig)({ clusterName: "xroad-new", autoScalingServiceLinkedRole: "create" }));
            const role = (0, plan_helpers_1.one)(resources, "aws:iam/serviceLinkedRole:ServiceLinkedRole");
            assert.equal(role.props.awsServiceName, "autoscaling.amazonaws.com");
            assert.equal(role.retainOnDelete, true, "shared by the account: never deleted by a stack");
            const sleep = (0, plan_helpers_1.one)(resources, "time:index/sleep:Sleep", "xroad-new-autoscaling-visible");
            assert.ok(sleep.dependencies.includes(role.urn));
            for (const key of (0, plan_helpers_1.ofType)(resources, "aws:kms/key:Key"))
                assert.ok(key.dependencies.includes(sleep.urn), key.name);
            const ebs = JSON.parse((0, plan_helpers_1.one)(resources, "aws:kms/key:Key", "xroad-new-keys-ebs").props.policy);
            const launch = ebs.Statement.find((s) => s.Sid === "AutoScalingLaunchesEncryptedNodes");
            assert.equal(launch.Principal.AWS, `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`);
        });
    });
    describe("mock rules", () => {
        it("refuse a provider whose allowedAccountIds exclude the caller's account, as the AWS provider does", async () => {
            const message = await refusal(() => {
                new aws.Provider("elsewhere", { region: "eu-north-1", allowedAccountIds: ["210987654321"] });
            });
            assert.ok(message.includes(`AWS account ID not allowed: ${aws_1.MOCK_CALLER.accountId}`), message);
            await (0, run_1.recordResources)(() => {
                new aws.Provider("here", { region: "eu-north-1", allowedAccountIds: [aws_1.MOCK_CALLER.accountId] });
            });
            assert.ok(aws_1.AWS_INPUT_RULES.find((r) => r.type === "pulumi:providers:aws")?.source.includes("allowed_account_ids"));
        });
        it("refuse a key policy that would lock the caller out of the key (KMS lockout safety check)", async () => {
            const usersOnly = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:role/app` }, Action: "kms:Decrypt", Resource: "*" },
                ],
            });
            const message = await refusal(() => {
                new aws.kms.Key("locked", { policy: usersOnly });
            });
            assert.ok(message.includes("The new key policy will not allow you to update the key policy in the future"), message);
            // A root statement with a condition does not count: the caller is not the root user.
            const rootUserOnly = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${aws_fixtures_1.ACCOUNT}:root` },
                        Action: "kms:PutKeyPolicy",
                        Resource: "*",
                        Condition: { StringEquals: { "aws:PrincipalType": "Account" } },
                    },
                ],
            });
            await refusal(() => {
                new aws.kms.Key("root-user-only", { policy: rootUserOnly });
            });
            const deployerAdministers = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { AWS: aws_1.MOCK_CALLER.principalArn }, Action: ["kms:PutKeyPolicy"], Resource: "*" }],
            });
            await (0, run_1.recordResources)(() => {
                new aws.kms.Key("administered", { policy: deployerAdministers });
            });
        });
    });
});
