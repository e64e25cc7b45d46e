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
exports.PINNED_ADDONS = exports.AWS_BASE = exports.DEPLOYER_ARN = exports.OPERATOR_ARN = exports.ADMIN_ARN = exports.ACCOUNT = void 0;
exports.awsConfig = awsConfig;
exports.planPlatform = planPlatform;
exports.statements = statements;
exports.statement = statement;
exports.asList = asList;
exports.inputFrom = inputFrom;
exports.urnOf = urnOf;
const redact_1 = require("../../plan/redact");
const assert = __importStar(require("node:assert/strict"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const config_1 = require("../../config");
const aws_platform_1 = require("../../components/aws/aws-platform");
const run_1 = require("../../plan/run");
const plan_helpers_1 = require("../plan-helpers");
exports.ACCOUNT = "123456789012";
exports.ADMIN_ARN = `arn:aws:iam::${exports.ACCOUNT}:role/platform-admins`;
exports.OPERATOR_ARN = `arn:aws:iam::${exports.ACCOUNT}:role/xroad-operators`;
/** The identity the mocks run as (plan/mocks/aws.ts getCallerIdentity). */
exports.DEPLOYER_ARN = `arn:aws:iam::${exports.ACCOUNT}:role/xroad-deployer`;
/** The account and deployer every AWS stack must name. */
exports.AWS_BASE = { accountId: exports.ACCOUNT, deployerArn: exports.DEPLOYER_ARN };
/** Add-on pins as a production stack must have them (config refuses production without every pin). */
exports.PINNED_ADDONS = {
    "vpc-cni": "v1.20.4-eksbuild.1",
    coredns: "v1.12.3-eksbuild.1",
    "kube-proxy": "v1.33.3-eksbuild.6",
    "aws-ebs-csi-driver": "v1.48.0-eksbuild.1",
    "aws-efs-csi-driver": "v2.1.11-eksbuild.1",
    "amazon-cloudwatch-observability": "v4.4.0-eksbuild.1",
    "eks-node-monitoring-agent": "v1.4.0-eksbuild.2",
    "aws-guardduty-agent": "v1.10.0-eksbuild.2",
};
/** A validated AWS stack config from the same flat map the Pulumi CLI hands the program; pinned add-ons unless `release` is given. */
function awsConfig(settings, extra = {}) {
    const flat = {
        "xroad-sidecar:target": "aws",
        "xroad-sidecar:aws": JSON.stringify({ ...exports.AWS_BASE, ...settings }),
        "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: exports.PINNED_ADDONS }),
    };
    for (const [k, v] of Object.entries(extra))
        flat[`xroad-sidecar:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    // Offline, as the plan runs: the fixtures use documentation CIDRs and the example account.
    const config = (0, config_1.loadStackConfig)(flat, { project: "xroad-sidecar", stack: "test" }, { offline: true });
    assert.equal(config.target, "aws");
    return config;
}
/** Runs the AWS platform alone under the shared mocks, publishing each instance's NLB name when DNS is configured. */
async function planPlatform(config) {
    const { resources, outputs } = await (0, run_1.recordResources)(() => {
        const platform = new aws_platform_1.AwsPlatform(config.aws.clusterName, {
            settings: config.aws,
            release: config.release,
            instances: config.instances,
            protectData: config.protectData,
            environment: config.environment,
            alerts: config.alerts,
        });
        const b = platform.bindings;
        const published = {};
        if (b.loadBalancer.publishAddress) {
            for (const i of config.instances)
                published[i.name] = b.loadBalancer.publishAddress(i.name, `${i.name}-nlb-0123456789abcdef.elb.eu-north-1.amazonaws.com`);
        }
        return {
            dependsOnUrns: b.dependsOn.map((r) => (pulumi.Resource.isInstance(r) ? r.urn : pulumi.output(r).apply((res) => res.urn))),
            storage: b.storage,
            annotations: b.loadBalancer.annotations,
            archives: b.archives,
            databases: Object.fromEntries(Object.entries(b.databases).map(([k, d]) => [
                k,
                { host: d.host, port: d.port, user: d.user, requireTls: d.requireTls, passwordIsSecret: pulumi.isSecret(d.password) },
            ])),
            published,
            kubeconfigIsSecret: pulumi.isSecret(pulumi.output(platform.outputs.kubeconfig)),
            outputs: platform.outputs,
        };
    });
    // The recorder keeps secret outputs wrapped, as the engine sees them; the probe reads plain values.
    return { resources, probe: (0, redact_1.unwrapSecrets)(outputs) };
}
function statements(policy) {
    assert.equal(typeof policy, "string", "policy documents are JSON text");
    const doc = JSON.parse(policy);
    assert.equal(doc.Version, "2012-10-17");
    return doc.Statement;
}
function statement(policy, sid) {
    const found = statements(policy).filter((s) => s.Sid === sid);
    assert.equal(found.length, 1, `expected one statement ${sid} in ${String(policy)}`);
    return found[0];
}
function asList(value) {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
/** The resource URNs an input property of a resource was computed from. */
function inputFrom(resource, property) {
    return resource.propertyDependencies[property] ?? [];
}
function urnOf(resources, type, name) {
    const found = (0, plan_helpers_1.ofType)(resources, type).filter((r) => r.name === name);
    assert.equal(found.length, 1, `expected one ${type} ${name}, found ${found.map((r) => r.name).join(", ")}`);
    return found[0].urn;
}
