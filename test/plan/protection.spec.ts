import * as assert from "node:assert/strict";
import * as path from "path";
import { planStack } from "../../plan/run";
import { readStackFile } from "../../plan/stack-file";

const projectDir = path.resolve(__dirname, "../..");

/** Stateful resource types that must survive `pulumi destroy` when a stack protects its data. */
const STATEFUL: Record<string, string[]> = {
    prod: [
        "aws:s3/bucket:Bucket",
        "aws:efs/fileSystem:FileSystem",
        "aws:kms/key:Key",
        "aws:rds/instance:Instance",
        // The audit trail: control-plane, flow, database and Container Insights logs (review aws B7).
        "aws:cloudwatch/logGroup:LogGroup",
        "kubernetes:core/v1:PersistentVolumeClaim",
    ],
    "azure-prod": [
        "azure-native:storage:StorageAccount",
        "azure-native:storage:FileShare",
        "azure-native:storage:BlobContainer",
        "azure-native:dbforpostgresql:Server",
        "kubernetes:core/v1:PersistentVolumeClaim",
    ],
    existing: ["kubernetes:core/v1:PersistentVolumeClaim", "kubernetes:core/v1:Namespace"],
};

describe("protection of stateful data, from the stack's protectData to every component", () => {
    for (const [stack, types] of Object.entries(STATEFUL)) {
        it(`${stack}: every archive, file system, key, database and volume is kept on destroy`, async () => {
            const plan = await planStack(readStackFile(projectDir, stack));
            assert.equal(plan.config.protectData, true);
            for (const type of types) {
                const found = plan.resources.filter((r) => r.type === type);
                assert.ok(found.length > 0, `${stack} has no ${type}`);
                for (const r of found) assert.ok(r.retainOnDelete, `${r.urn} is not retained on delete`);
            }
        });
    }

    for (const stack of ["dev", "azure-dev"]) {
        it(`${stack}: protectData false lets a throwaway stack be destroyed completely`, async () => {
            const plan = await planStack(readStackFile(projectDir, stack));
            assert.equal(plan.config.protectData, false);
            assert.deepEqual(
                plan.resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.urn),
                [],
            );
        });
    }
});
