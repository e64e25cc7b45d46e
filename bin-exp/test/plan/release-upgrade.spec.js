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
 * A promotion upgrades everything version-bound in one `pulumi up`, and replaces nothing stateful (issue 11):
 * the prod stack planned at release A (as shipped) and at release B (the next Kubernetes minor, newer add-ons,
 * a newer Sidecar patch), compared with the providers' replace-on-change rules (plan/mocks/rules/replacements.ts).
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const plan_helpers_1 = require("../plan-helpers");
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const replacements_1 = require("../../plan/mocks/rules/replacements");
const projectDir = path.resolve(__dirname, "../..");
const RELEASE_B = {
    sidecarVersion: "7.8.1",
    kubernetesVersion: "1.34",
    eksAddonVersions: {
        "vpc-cni": "v1.20.5-eksbuild.1",
        coredns: "v1.12.4-eksbuild.1",
        "kube-proxy": "v1.34.1-eksbuild.2",
        "aws-ebs-csi-driver": "v1.49.0-eksbuild.1",
        "aws-efs-csi-driver": "v2.1.12-eksbuild.1",
        "amazon-cloudwatch-observability": "v4.5.0-eksbuild.1",
        "eks-node-monitoring-agent": "v1.4.1-eksbuild.1",
        "aws-guardduty-agent": "v1.10.1-eksbuild.1",
    },
    eksNodeReleaseVersion: "1.34.1-20251101",
    clusterAutoscalerImageTag: "v1.34.0",
};
/** Plans the prod stack with its config edited, from a copy of the project's stack files. */
async function planProd(edits = []) {
    const text = (0, plan_helpers_1.withConfigEdits)(fs.readFileSync(path.join(projectDir, "Pulumi.prod.yaml"), "utf8"), edits);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-release-"));
    fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), text);
    return (await (0, run_1.planStack)((0, stack_file_1.readStackFile)(dir, "prod"))).resources;
}
function byName(resources, type) {
    return new Map(resources.filter((r) => r.type === type).map((r) => [r.name, r]));
}
describe("promotion from release A to release B on EKS", function () {
    this.timeout(120000);
    let a;
    let b;
    before(async () => {
        a = await planProd();
        b = await planProd(Object.entries(RELEASE_B).map(([key, value]) => [["xroad-sidecar:release", key], value]));
    });
    it("upgrades the control plane, kube-proxy, every managed add-on and the nodes", () => {
        const [clusterA, clusterB] = [a, b].map((p) => p.find((r) => r.type === "eks:index:Cluster"));
        assert.deepEqual([clusterA.inputs.version, clusterB.inputs.version], ["1.33", "1.34"]);
        assert.equal(clusterB.inputs.kubeProxyAddonOptions.version, RELEASE_B.eksAddonVersions["kube-proxy"]);
        const [addonsA, addonsB] = [a, b].map((p) => byName(p, "aws:eks/addon:Addon"));
        assert.equal(addonsB.size, 7, "five core add-ons, the node monitoring agent and the GuardDuty agent (production creates threat detection)");
        for (const [name, addon] of addonsB) {
            const addonName = addon.inputs.addonName;
            assert.equal(addon.inputs.addonVersion, RELEASE_B.eksAddonVersions[addonName], name);
            assert.notEqual(addonsA.get(name).inputs.addonVersion, addon.inputs.addonVersion, `${name} changes`);
        }
        const [nodesA, nodesB] = [a, b].map((p) => p.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup"));
        assert.deepEqual([nodesA.inputs.version, nodesB.inputs.version], ["1.33", "1.34"]);
        assert.equal(nodesB.inputs.releaseVersion, RELEASE_B.eksNodeReleaseVersion);
        const autoscaler = b.find((r) => r.name.endsWith("-cluster-autoscaler") && r.type === "kubernetes:helm.sh/v3:Release");
        assert.equal(autoscaler.inputs.values.image.tag, "v1.34.0");
    });
    it("replaces nothing: no resource changes a property its provider cannot update in place", () => {
        assert.deepEqual((0, replacements_1.replacementsBetween)(a, b), []);
    });
    it("sees a change that would replace something stateful", async () => {
        const renamed = await planProd([[["xroad-sidecar:instances", 0, "storage", "config"], "5Gi"]]);
        assert.deepEqual((0, replacements_1.replacementsBetween)(a, renamed), [], "a larger volume is resized in place");
        const moved = await planProd([[["xroad-sidecar:aws", "database", "engineVersion"], "16"]]);
        assert.deepEqual((0, replacements_1.replacementsBetween)(a, moved), []);
        const other = a.map((r) => r.type === "aws:efs/fileSystem:FileSystem" ? { ...r, inputs: { ...r.inputs, performanceMode: "maxIO" } } : r);
        const found = (0, replacements_1.replacementsBetween)(a, other);
        assert.equal(found.length, 1);
        assert.deepEqual(found[0].properties, ["performanceMode"]);
    });
    it("turning Object Lock on for an existing bucket does not replace it (review aws B8)", async () => {
        const off = await planProd([[["xroad-sidecar:aws", "archive", "objectLock"], { enabled: false }]]);
        const on = await planProd();
        assert.deepEqual((0, replacements_1.replacementsBetween)(off, on).filter((r) => r.type === "aws:s3/bucket:Bucket"), []);
    });
    it("has a source for every rule", () => {
        for (const [type, rule] of Object.entries(replacements_1.REPLACEMENT_RULES))
            assert.ok(rule.source.length > 10 && rule.properties.length > 0, type);
    });
});
