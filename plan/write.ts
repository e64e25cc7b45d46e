import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { PlanResult } from "./run";
import { redactSecrets } from "./redact";
import { kubernetesManifests } from "./manifests";

export interface WrittenPlan {
    planFile: string;
    manifestDir: string;
    manifestCount: number;
}

/** Writes `plan.json` and one YAML file per Kubernetes object under `outDir`, secrets redacted. */
export function writePlan(plan: PlanResult, outDir: string): WrittenPlan {
    const manifestDir = path.join(outDir, "manifests");
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(manifestDir, { recursive: true });
    const planFile = path.join(outDir, "plan.json");
    const doc = {
        project: plan.config.project,
        stack: plan.config.stack,
        target: plan.config.target,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            custom: r.custom,
            protect: r.protect || undefined,
            retainOnDelete: r.retainOnDelete || undefined,
            dependencies: r.dependencies.length > 0 ? r.dependencies : undefined,
            inputs: redactSecrets(r.inputs),
        })),
        outputs: redactSecrets(plan.outputs),
    };
    fs.writeFileSync(planFile, JSON.stringify(doc, null, 2) + "\n");
    const manifests = kubernetesManifests(plan.resources);
    for (const m of manifests) {
        // YAML 1.1 output so file modes like 0440 read back the way Kubernetes (go-yaml) reads them.
        fs.writeFileSync(path.join(manifestDir, m.fileName), stringify(m.object, { version: "1.1" }));
    }
    return { planFile, manifestDir, manifestCount: manifests.length };
}
