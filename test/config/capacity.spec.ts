import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ConfigValidationError, loadStackConfig } from "../../config";
import { aksAllocatable, azureShape, ec2Shape, eksAllocatable, nodesNeeded, sidecarAllocatable } from "../../config/capacity";
import { parseStackFile, readProjectFile } from "../../plan/stack-file";
import { ConfigEdit, withConfigEdits } from "../plan-helpers";

const projectDir = path.resolve(__dirname, "../..");
const project = readProjectFile(projectDir);
const GI = 1024 ** 3;

/** The errors of an example stack after one change, or [] when it loads. */
function errorsOf(stack: string, edits: ConfigEdit[] = []): string[] {
    const text = withConfigEdits(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8"), edits);
    const file = parseStackFile(text, project.name, stack, project.config);
    try {
        // As the offline plan loads them: the examples hold marked placeholders, which only warn offline.
        loadStackConfig(file.config, { project: project.name, stack }, { offline: true });
        return [];
    } catch (e) {
        assert.ok(e instanceof ConfigValidationError, String(e));
        return e.message.split("\n").slice(1);
    }
}

describe("capacity model (guide §11)", () => {
    it("reads node shapes from the documented table and refuses sizes outside it", () => {
        assert.deepEqual(ec2Shape("m6i.xlarge"), { vcpus: 4, memoryBytes: 16 * GI });
        assert.deepEqual(ec2Shape("r6a.2xlarge"), { vcpus: 8, memoryBytes: 64 * GI });
        assert.deepEqual(azureShape("Standard_D4s_v5"), { vcpus: 4, memoryBytes: 16 * GI });
        assert.deepEqual(azureShape("Standard_E8ds_v5"), { vcpus: 8, memoryBytes: 64 * GI });
        assert.equal(ec2Shape("x2idn.16xlarge"), undefined);
        assert.equal(azureShape("Standard_NC6"), undefined);
    });

    it("reserves what EKS and AKS reserve, so a 4-vCPU node holds one 2-CPU Sidecar pod, not two", () => {
        assert.equal(eksAllocatable({ vcpus: 4, memoryBytes: 16 * GI }).cpuMillis, 3920);
        assert.equal(aksAllocatable({ vcpus: 4, memoryBytes: 16 * GI }).cpuMillis, 3860);
        const perNode = sidecarAllocatable("aws", { vcpus: 4, memoryBytes: 16 * GI });
        const pod = { what: "secondary", cpuMillis: 2000, memoryBytes: 4 * GI };
        assert.equal(nodesNeeded([pod, pod], perNode), 2);
        assert.equal(nodesNeeded([{ ...pod, cpuMillis: 4000 }], perNode), undefined, "a pod larger than a node fits nowhere");
    });

    it("the example stacks fit their own pools", () => {
        for (const stack of ["dev", "prod", "azure-dev", "azure-prod"]) assert.deepEqual(errorsOf(stack), [], stack);
    });

    it("refuses an EKS node group too small for maxReplicas plus the surge, saying how many nodes of which size", () => {
        const errors = errorsOf("prod", [[["xroad-sidecar:instances", 0, "autoscaling", "maxReplicas"], 6]]);
        assert.equal(errors.length, 1, errors.join("\n"));
        assert.match(errors[0], /xroad-sidecar:aws\.nodeGroup\.maxSize: 6 is not valid; allowed: at least 8 m6i\.xlarge nodes/);
    });

    it("refuses an AKS user pool too small, and a node size too small for one pod", () => {
        const pool = errorsOf("azure-prod", [[["xroad-sidecar:azure", "userNodePool", "maxCount"], 4]]);
        assert.ok(
            pool.some((e) => /azure\.userNodePool\.maxCount: 4 is not valid; allowed: at least 6 Standard_D4ds_v5 nodes/.test(e)),
            pool.join("\n"),
        );
        const size = errorsOf("dev", [
            [["xroad-sidecar:instances", 0, "resources"], { requests: { cpu: "3500m" }, limits: { cpu: "3500m" } }],
        ]);
        assert.ok(
            size.some((e) =>
                /aws\.nodeGroup\.instanceType: "t3\.xlarge" is not valid; allowed: a node size that fits one Sidecar pod/.test(e),
            ),
            size.join("\n"),
        );
    });
});
