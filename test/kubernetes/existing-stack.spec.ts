import * as assert from "node:assert/strict";
import * as path from "path";
import { readStackFile } from "../../plan/stack-file";
import { planStack } from "../../plan/run";
import * as fs from "fs";
import * as os from "os";
import { parse } from "yaml";
import { kubernetesManifests } from "../../plan/manifests";
import { writePlan } from "../../plan/write";
import { validateManifest } from "./schema";
import type { InstanceOutputs } from "./render";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";

/** `npm run plan -- --stack existing` runs exactly this: the real program on Pulumi.existing.yaml under mocks. */
describe("the example stack Pulumi.existing.yaml", () => {
    let manifests: ReturnType<typeof kubernetesManifests>;
    let outputs: { instances: Record<string, InstanceOutputs> };
    let outDir: string;
    after(() => fs.rmSync(outDir, { recursive: true, force: true }));
    before(async () => {
        const plan = await planStack(readStackFile(path.resolve(__dirname, "../.."), "existing"));
        outputs = plan.outputs as { instances: Record<string, InstanceOutputs> };
        outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-existing-"));
        writePlan(plan, outDir);
        assert.equal(plan.config.target, "existing");
        assert.equal(plan.config.instances[0].topology, "primary-secondaries");
        manifests = kubernetesManifests(plan.resources);
    });

    it("writes the whole primary-plus-secondaries topology", () => {
        const kinds = manifests.map((m) => `${m.object.kind as string}/${(m.object.metadata as { name: string }).name}`).sort();
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
        assert.equal(
            sidecar.archive,
            "none: message-log archives and backups stay on the ReadWriteOnce volume sidecar-archive (archiving is off)",
        );
        assert.equal(sidecar.adminUi.portForward, "kubectl --namespace xroad-sidecar port-forward statefulset/sidecar-primary 4000:4000");
        assert.equal(sidecar.registeredAddress, sidecar.loadBalancerAddress);
        assert.equal(sidecar.services.primarySsh, "sidecar-primary");
    });

    it("writes only manifests that match the Kubernetes API schema", () => {
        for (const m of manifests) assert.doesNotThrow(() => validateManifest(m.object), m.fileName);
    });

    it("writes YAML files that read back (as kubectl reads them) into schema-valid objects, key modes intact", () => {
        const dir = path.join(outDir, "manifests");
        const files = fs.readdirSync(dir);
        assert.equal(files.length, manifests.length);
        for (const f of files) {
            const object = parse(fs.readFileSync(path.join(dir, f), "utf8"), { version: "1.1" }) as Record<string, unknown>;
            assert.doesNotThrow(() => validateManifest(object), f);
        }
        const deployment = parse(fs.readFileSync(path.join(dir, "xroad-sidecar.deployment.sidecar-secondary.yaml"), "utf8"), {
            version: "1.1",
        }) as IDeployment;
        const key = deployment.spec!.template.spec!.volumes![0].secret!.items!.find((i) => i.key === "private-key")!;
        assert.equal(key.mode, 0o440);
    });
});
