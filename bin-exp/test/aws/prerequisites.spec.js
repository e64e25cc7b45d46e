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
const config_1 = require("../../config");
const aws_fixtures_1 = require("./aws-fixtures");
const ACCOUNT = "210987654321";
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/ci`;
/**
 * A PATH where `aws --version` prints the given version (or there is no aws), and `aws sts get-caller-identity`
 * answers as the given caller (or fails: no credentials).
 */
function machine(awsVersion, callerArn = `arn:aws:sts::${ACCOUNT}:assumed-role/ci/gha-run-42`) {
    const calls = [];
    const probe = (command, args) => {
        calls.push([command, ...args].join(" "));
        if (command !== "aws" || !awsVersion)
            return undefined;
        if (args[0] === "--version")
            return `aws-cli/${awsVersion} Python/3.13.9 Linux/6.8.0 exe/x86_64.debian.12\n`;
        if (args[0] === "sts" && callerArn)
            return JSON.stringify({ UserId: "AROAEXAMPLE:gha-run-42", Account: callerArn.split(":")[4], Arn: callerArn });
        return undefined;
    };
    return { probe, calls };
}
/** The prerequisite issues of a development stack with real-looking values (no placeholders to refuse). */
function issues(probe, offline = false) {
    const flat = {
        "xroad-sidecar:target": "aws",
        "xroad-sidecar:aws": JSON.stringify({ ...aws_fixtures_1.AWS_BASE, accountId: ACCOUNT, deployerArn: DEPLOYER, region: "eu-west-1" }),
        "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: aws_fixtures_1.PINNED_ADDONS }),
    };
    try {
        (0, config_1.loadStackConfig)(flat, { project: "xroad-sidecar", stack: "dev" }, { prerequisites: probe, offline });
        return [];
    }
    catch (e) {
        if (!(e instanceof config_1.ConfigValidationError))
            throw e;
        return e.issues.map((i) => `${i.key}: ${i.allowed}`);
    }
}
describe("aws prerequisites on the machine running pulumi up (issue 12 point 5)", () => {
    it("accepts AWS CLI 2.7.0 and newer", () => {
        assert.deepEqual(issues(machine("2.7.0").probe), []);
        assert.deepEqual(issues(machine("2.31.39").probe), []);
    });
    it("refuses a missing or older AWS CLI before any resource, naming the version pulumi-eks needs", () => {
        assert.deepEqual(issues(machine().probe), [
            "(prerequisite) aws: the AWS CLI 2.7.0 or newer on the PATH: the EKS kubeconfig runs aws eks get-token (install: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)",
        ]);
        assert.deepEqual(issues(machine("2.6.4").probe), [
            "(prerequisite) aws: the AWS CLI 2.7.0 or newer (found 2.6.4): the EKS kubeconfig runs aws eks get-token",
        ]);
        assert.deepEqual(issues(machine("1.44.0").probe), [
            "(prerequisite) aws: the AWS CLI 2.7.0 or newer (found 1.44.0): the EKS kubeconfig runs aws eks get-token",
        ]);
    });
    it("asks STS who runs pulumi up, in the stack's region, and accepts the configured deployer", () => {
        const m = machine("2.31.39");
        assert.deepEqual(issues(m.probe), []);
        assert.deepEqual(m.calls, ["aws --version", "aws sts get-caller-identity --output json --region eu-west-1"]);
    });
    it("refuses another identity, another account, or no credentials before any resource (review aws B4, B12)", () => {
        assert.deepEqual(issues(machine("2.31.39", `arn:aws:sts::${ACCOUNT}:assumed-role/someone-else/s`).probe), [
            `xroad-sidecar:aws.deployerArn: the identity pulumi up runs as (arn:aws:sts::${ACCOUNT}:assumed-role/someone-else/s): run as the configured deployer, or set this to that role's or user's ARN (its access entry and key administration move with it)`,
        ]);
        assert.deepEqual(issues(machine("2.31.39", "arn:aws:sts::111122223333:assumed-role/ci/s").probe), [
            "xroad-sidecar:aws.accountId: the account pulumi up runs in (the credentials are of account 111122223333)",
        ]);
        assert.deepEqual(issues(machine("2.31.39", null).probe), [
            "(prerequisite) AWS credentials: credentials of aws.deployerArn for the AWS CLI and provider: aws sts get-caller-identity fails (aws sso login, or aws configure)",
        ]);
    });
    it("runs nothing offline", () => {
        const offline = machine();
        assert.deepEqual(issues(offline.probe, true), []);
        assert.deepEqual(offline.calls, []);
    });
});
