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
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const config_1 = require("../../config");
const capacity_1 = require("../../config/capacity");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const projectDir = path.resolve(__dirname, "../..");
const project = (0, stack_file_1.readProjectFile)(projectDir);
const GI = 1024 ** 3;
/** The errors of an example stack after one change, or [] when it loads. */
function errorsOf(stack, edits = []) {
    const text = (0, plan_helpers_1.withConfigEdits)(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8"), edits);
    const file = (0, stack_file_1.parseStackFile)(text, project.name, stack, project.config);
    try {
        // As the offline plan loads them: the examples hold marked placeholders, which only warn offline.
        (0, config_1.loadStackConfig)(file.config, { project: project.name, stack }, { offline: true });
        return [];
    }
    catch (e) {
        assert.ok(e instanceof config_1.ConfigValidationError, String(e));
        return e.message.split("\n").slice(1);
    }
}
describe("capacity model (guide §11)", () => {
    it("reads node shapes from the documented table and refuses sizes outside it", () => {
        assert.deepEqual((0, capacity_1.ec2Shape)("m6i.xlarge"), { vcpus: 4, memoryBytes: 16 * GI });
        assert.deepEqual((0, capacity_1.ec2Shape)("r6a.2xlarge"), { vcpus: 8, memoryBytes: 64 * GI });
        assert.deepEqual((0, capacity_1.azureShape)("Standard_D4s_v5"), { vcpus: 4, memoryBytes: 16 * GI });
        assert.deepEqual((0, capacity_1.azureShape)("Standard_E8ds_v5"), { vcpus: 8, memoryBytes: 64 * GI });
        assert.equal((0, capacity_1.ec2Shape)("x2idn.16xlarge"), undefined);
        assert.equal((0, capacity_1.azureShape)("Standard_NC6"), undefined);
    });
    it("reserves what EKS and AKS reserve, so a 4-vCPU node holds one 2-CPU Sidecar pod, not two", () => {
        assert.equal((0, capacity_1.eksAllocatable)({ vcpus: 4, memoryBytes: 16 * GI }).cpuMillis, 3920);
        assert.equal((0, capacity_1.aksAllocatable)({ vcpus: 4, memoryBytes: 16 * GI }).cpuMillis, 3860);
        const perNode = (0, capacity_1.sidecarAllocatable)("aws", { vcpus: 4, memoryBytes: 16 * GI });
        const pod = { what: "secondary", cpuMillis: 2000, memoryBytes: 4 * GI };
        assert.equal((0, capacity_1.nodesNeeded)([pod, pod], perNode), 2);
        assert.equal((0, capacity_1.nodesNeeded)([{ ...pod, cpuMillis: 4000 }], perNode), undefined, "a pod larger than a node fits nowhere");
    });
    it("the example stacks fit their own pools", () => {
        for (const stack of ["dev", "prod", "azure-dev", "azure-prod"])
            assert.deepEqual(errorsOf(stack), [], stack);
    });
    it("refuses an EKS node group too small for maxReplicas plus the surge, saying how many nodes of which size", () => {
        const errors = errorsOf("prod", [[["xroad-sidecar:instances", 0, "autoscaling", "maxReplicas"], 6]]);
        assert.equal(errors.length, 1, errors.join("\n"));
        assert.match(errors[0], /xroad-sidecar:aws\.nodeGroup\.maxSize: 6 is not valid; allowed: at least 8 m6i\.xlarge nodes/);
    });
    it("refuses an AKS user pool too small, and a node size too small for one pod", () => {
        const pool = errorsOf("azure-prod", [[["xroad-sidecar:azure", "userNodePool", "maxCount"], 4]]);
        assert.ok(pool.some((e) => /azure\.userNodePool\.maxCount: 4 is not valid; allowed: at least 6 Standard_D4ds_v5 nodes/.test(e)), pool.join("\n"));
        const size = errorsOf("dev", [
            [["xroad-sidecar:instances", 0, "resources"], { requests: { cpu: "3500m" }, limits: { cpu: "3500m" } }],
        ]);
        assert.ok(size.some((e) => /aws\.nodeGroup\.instanceType: "t3\.xlarge" is not valid; allowed: a node size that fits one Sidecar pod/.test(e)), size.join("\n"));
    });
});
