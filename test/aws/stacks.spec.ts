import * as assert from "node:assert/strict";
import * as path from "path";
import { PlanResult, planStack } from "../../plan/run";
import { readStackFile } from "../../plan/stack-file";
import { one, ofType } from "../plan-helpers";
import { statements } from "./aws-fixtures";

const projectDir = path.resolve(__dirname, "../..");

describe("example AWS stacks", function () {
    this.timeout(60000);

    describe("Pulumi.dev.yaml", () => {
        let plan: PlanResult;
        before(async () => {
            plan = await planStack(readStackFile(projectDir, "dev"));
        });

        it("is a small AWS development stack with one single-pod Sidecar", () => {
            assert.equal(plan.config.target, "aws");
            assert.equal(plan.config.environment, "development");
            assert.equal(plan.config.protectData, false);
            assert.deepEqual(
                plan.config.instances.map((i) => [i.name, i.topology, i.database.mode]),
                [["sidecar", "single", "local"]],
            );
            assert.equal(ofType(plan.resources, "aws:ec2/subnet:Subnet").length, 4);
            assert.equal(ofType(plan.resources, "aws:rds/instance:Instance").length, 0);
            assert.deepEqual(one(plan.resources, "aws:eks/nodeGroup:NodeGroup").props.scalingConfig, {
                minSize: 1,
                desiredSize: 2,
                maxSize: 3,
            });
        });

        it("plans the whole platform, with the Sidecar waiting for it", () => {
            const cluster = one(plan.resources, "eks:index:Cluster");
            assert.deepEqual(cluster.props.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
            assert.deepEqual(cluster.props.publicAccessCidrs, ["203.0.113.0/24"]);
            const sidecar = one(plan.resources, "xroad:kubernetes:SidecarInstance");
            // dependsOn on a component expands to the resources inside it.
            const awaited = [
                one(plan.resources, "kubernetes:helm.sh/v3:Release", "xroad-dev-calico"),
                one(plan.resources, "kubernetes:helm.sh/v3:Release", "xroad-dev-metrics-server"),
                one(plan.resources, "aws:eks/addon:Addon", "xroad-dev-ebs-ebs-csi"),
                one(plan.resources, "aws:eks/addon:Addon", "xroad-dev-efs-efs-csi"),
                one(plan.resources, "kubernetes:storage.k8s.io/v1:StorageClass", "xroad-dev-efs-efs-ap"),
            ];
            for (const dep of awaited)
                assert.ok(sidecar.dependencies.includes(dep.urn), `the Sidecar waits for ${dep.name}: ${sidecar.dependencies.join(", ")}`);
            assert.ok(one(plan.resources, "aws:iam/role:Role", "xroad-dev-archiver-sidecar"));
        });
    });

    describe("Pulumi.prod.yaml", () => {
        let plan: PlanResult;
        before(async () => {
            plan = await planStack(readStackFile(projectDir, "prod"));
        });

        it("is a protected production stack over three zones with a primary, secondaries and RDS", () => {
            assert.equal(plan.config.environment, "production");
            assert.equal(plan.config.protectData, true);
            assert.deepEqual(
                plan.config.instances.map((i) => [i.name, i.topology, i.database.mode]),
                [["ss1", "primary-secondaries", "managed"]],
            );
            assert.equal(ofType(plan.resources, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-")).length, 3);
            assert.equal(ofType(plan.resources, "aws:ec2/natGateway:NatGateway").length, 3);
            const db = one(plan.resources, "aws:rds/instance:Instance");
            assert.deepEqual([db.props.engineVersion, db.props.multiAz, db.props.deletionProtection, db.protect], ["16", true, true, true]);
        });

        it("locks archives write-once and registers a stable name", () => {
            assert.deepEqual(one(plan.resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").props.rule, {
                defaultRetention: { mode: "COMPLIANCE", days: 365 },
            });
            const platform = plan.outputs as { registeredAddresses: Record<string, string>; clusterName: string };
            assert.deepEqual(platform.registeredAddresses, { ss1: "ss1.xroad.example.org" });
            assert.equal(platform.clusterName, "xroad-prod");
        });

        it("keeps every policy document parseable", () => {
            const policies = plan.resources.flatMap((r) =>
                ["policy", "assumeRolePolicy"].map((k) => r.inputs[k]).filter((v): v is string => typeof v === "string"),
            );
            assert.ok(policies.length >= 15, `${policies.length} policies`);
            for (const p of policies) assert.ok(statements(p).length > 0);
        });
    });
});
