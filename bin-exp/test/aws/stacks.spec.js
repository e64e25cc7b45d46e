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
const path = __importStar(require("path"));
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const aws_fixtures_1 = require("./aws-fixtures");
const projectDir = path.resolve(__dirname, "../..");
describe("example AWS stacks", function () {
    this.timeout(60000);
    describe("Pulumi.dev.yaml", () => {
        let plan;
        before(async () => {
            plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "dev"));
        });
        it("is a small AWS development stack with one single-pod Sidecar", () => {
            assert.equal(plan.config.target, "aws");
            assert.equal(plan.config.environment, "development");
            assert.equal(plan.config.protectData, false);
            assert.deepEqual(plan.config.instances.map((i) => [i.name, i.topology, i.database.mode]), [["sidecar", "single", "local"]]);
            assert.equal((0, plan_helpers_1.ofType)(plan.resources, "aws:ec2/subnet:Subnet").length, 4);
            assert.equal((0, plan_helpers_1.ofType)(plan.resources, "aws:rds/instance:Instance").length, 0);
            assert.deepEqual((0, plan_helpers_1.one)(plan.resources, "aws:eks/nodeGroup:NodeGroup").props.scalingConfig, {
                minSize: 1,
                desiredSize: 2,
                maxSize: 3,
            });
        });
        it("plans the whole platform, with the Sidecar waiting for it", () => {
            const cluster = (0, plan_helpers_1.one)(plan.resources, "eks:index:Cluster");
            assert.deepEqual(cluster.props.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
            assert.deepEqual(cluster.props.publicAccessCidrs, ["203.0.113.0/24"]);
            const sidecar = (0, plan_helpers_1.one)(plan.resources, "xroad:kubernetes:SidecarInstance");
            // dependsOn on a component expands to the resources inside it.
            const awaited = [
                (0, plan_helpers_1.one)(plan.resources, "kubernetes:helm.sh/v3:Release", "xroad-dev-calico"),
                (0, plan_helpers_1.one)(plan.resources, "kubernetes:helm.sh/v3:Release", "xroad-dev-metrics-server"),
                (0, plan_helpers_1.one)(plan.resources, "aws:eks/addon:Addon", "xroad-dev-ebs-ebs-csi"),
                (0, plan_helpers_1.one)(plan.resources, "aws:eks/addon:Addon", "xroad-dev-efs-efs-csi"),
                (0, plan_helpers_1.one)(plan.resources, "kubernetes:storage.k8s.io/v1:StorageClass", "xroad-dev-efs-efs-ap"),
            ];
            for (const dep of awaited)
                assert.ok(sidecar.dependencies.includes(dep.urn), `the Sidecar waits for ${dep.name}: ${sidecar.dependencies.join(", ")}`);
            assert.ok((0, plan_helpers_1.one)(plan.resources, "aws:iam/role:Role", "xroad-dev-archiver-sidecar"));
        });
    });
    describe("Pulumi.prod.yaml", () => {
        let plan;
        before(async () => {
            plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "prod"));
        });
        it("is a protected production stack over three zones with a primary, secondaries and RDS", () => {
            assert.equal(plan.config.environment, "production");
            assert.equal(plan.config.protectData, true);
            assert.deepEqual(plan.config.instances.map((i) => [i.name, i.topology, i.database.mode]), [["ss1", "primary-secondaries", "managed"]]);
            assert.equal((0, plan_helpers_1.ofType)(plan.resources, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-")).length, 3);
            assert.equal((0, plan_helpers_1.ofType)(plan.resources, "aws:ec2/natGateway:NatGateway").length, 3);
            const db = (0, plan_helpers_1.one)(plan.resources, "aws:rds/instance:Instance");
            assert.deepEqual([db.props.engineVersion, db.props.multiAz, db.props.deletionProtection, db.protect], ["16", true, true, true]);
        });
        it("locks archives write-once and registers a stable name", () => {
            assert.deepEqual((0, plan_helpers_1.one)(plan.resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").props.rule, {
                defaultRetention: { mode: "COMPLIANCE", days: 365 },
            });
            const platform = plan.outputs;
            assert.deepEqual(platform.registeredAddresses, { ss1: "ss1.xroad.example.org" });
            assert.equal(platform.clusterName, "xroad-prod");
        });
        it("keeps every policy document parseable", () => {
            const policies = plan.resources.flatMap((r) => ["policy", "assumeRolePolicy"].map((k) => r.inputs[k]).filter((v) => typeof v === "string"));
            assert.ok(policies.length >= 15, `${policies.length} policies`);
            for (const p of policies)
                assert.ok((0, aws_fixtures_1.statements)(p).length > 0);
        });
    });
});
