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
const stack_file_1 = require("../../plan/stack-file");
const run_1 = require("../../plan/run");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const yaml_1 = require("yaml");
const manifests_1 = require("../../plan/manifests");
const write_1 = require("../../plan/write");
const schema_1 = require("./schema");
/** `npm run plan -- --stack existing` runs exactly this: the real program on Pulumi.existing.yaml under mocks. */
describe("the example stack Pulumi.existing.yaml", () => {
    let manifests;
    let outputs;
    let outDir;
    after(() => fs.rmSync(outDir, { recursive: true, force: true }));
    before(async () => {
        const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(path.resolve(__dirname, "../.."), "existing"));
        outputs = plan.outputs;
        outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-existing-"));
        (0, write_1.writePlan)(plan, outDir);
        assert.equal(plan.config.target, "existing");
        assert.equal(plan.config.instances[0].topology, "primary-secondaries");
        manifests = (0, manifests_1.kubernetesManifests)(plan.resources);
    });
    it("writes the whole primary-plus-secondaries topology", () => {
        const kinds = manifests.map((m) => `${m.object.kind}/${m.object.metadata.name}`).sort();
        assert.deepEqual(kinds, [
            "ConfigMap/xroad-backup-encryption",
            "Deployment/sidecar-secondary",
            "HorizontalPodAutoscaler/sidecar-secondary",
            "Namespace/xroad-sidecar",
            "NetworkPolicy/allow-dns-egress",
            "NetworkPolicy/default-deny-all",
            "NetworkPolicy/primary-traffic",
            "NetworkPolicy/secondary-traffic",
            "PersistentVolumeClaim/sidecar-archive",
            "PersistentVolumeClaim/sidecar-config",
            "PodDisruptionBudget/sidecar-secondary",
            "Secret/sidecar-ssh-keys",
            "Secret/sidecar-variables",
            "Service/sidecar-consumer",
            "Service/sidecar-primary",
            "Service/sidecar-public",
            "StatefulSet/sidecar-primary",
        ]);
    });
    it("says where archives stay without an archive store or shared class, and how to reach the admin UI", () => {
        const sidecar = outputs.instances.sidecar;
        assert.equal(sidecar.archive, "none: message-log archives and backups stay on the ReadWriteOnce volume sidecar-archive (archiving is off)");
        assert.equal(sidecar.adminUi.portForward, "kubectl --namespace xroad-sidecar port-forward statefulset/sidecar-primary 4000:4000");
        assert.equal(sidecar.registeredAddress, sidecar.loadBalancerAddress);
        assert.equal(sidecar.services.primarySsh, "sidecar-primary");
    });
    it("writes only manifests that match the Kubernetes API schema", () => {
        for (const m of manifests)
            assert.doesNotThrow(() => (0, schema_1.validateManifest)(m.object), m.fileName);
    });
    it("writes YAML files that read back (as kubectl reads them) into schema-valid objects, key modes intact", () => {
        const dir = path.join(outDir, "manifests");
        const files = fs.readdirSync(dir);
        assert.equal(files.length, manifests.length);
        for (const f of files) {
            const object = (0, yaml_1.parse)(fs.readFileSync(path.join(dir, f), "utf8"), { version: "1.1" });
            assert.doesNotThrow(() => (0, schema_1.validateManifest)(object), f);
        }
        const deployment = (0, yaml_1.parse)(fs.readFileSync(path.join(dir, "xroad-sidecar.deployment.sidecar-secondary.yaml"), "utf8"), {
            version: "1.1",
        });
        const key = deployment.spec.template.spec.volumes[0].secret.items.find((i) => i.key === "private-key");
        assert.equal(key.mode, 0o440);
    });
});
