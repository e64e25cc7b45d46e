import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { PlanResult } from "./run";
import { redactSecrets } from "./redact";
import { kubernetesManifests } from "./manifests";
import { flowsMarkdown, mismatches, stackFlows } from "./flows";

export interface WrittenPlan {
    planFile: string;
    manifestDir: string;
    manifestCount: number;
    /** `flows.md`: what can talk to what, per instance, from the NetworkPolicies (plan/flows.ts). */
    flowsFile: string;
    /** Flows whose verdict differs from what the configuration asks (0 when the policies are right). */
    flowMismatches: number;
}

/** Marks a folder the plan wrote, so that a later plan may replace it and nothing else. */
export const PLAN_MARKER = ".xroad-sidecar-plan";

/** The output folder holds something the plan did not write; nothing was deleted. */
export class OutDirError extends Error {
    constructor(readonly outDir: string) {
        super(
            `${outDir} is not empty and was not written by npm run plan (it has no ${PLAN_MARKER} file); nothing was deleted. Choose a new or empty folder for --out.`,
        );
        this.name = "OutDirError";
    }
}

/**
 * Empties `outDir` for a new plan: a missing or empty folder, or one a previous plan wrote (it carries the
 * marker). Any other folder is refused, so `--out ~/src` cannot delete someone's work.
 */
export function prepareOutDir(outDir: string): void {
    if (fs.existsSync(outDir)) {
        const entries = fs.readdirSync(outDir);
        // Plans written before the marker existed hold exactly plan.json and manifests/.
        const legacyPlan = entries.length === 2 && entries.includes("plan.json") && entries.includes("manifests");
        if (entries.length > 0 && !entries.includes(PLAN_MARKER) && !legacyPlan) throw new OutDirError(outDir);
        if (entries.length > 0) fs.rmSync(outDir, { recursive: true });
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, PLAN_MARKER), "Written by npm run plan; the next plan of this stack replaces this folder.\n");
}

/** Writes `plan.json` and one YAML file per Kubernetes object under `outDir`, secrets redacted. */
export function writePlan(plan: PlanResult, outDir: string): WrittenPlan {
    const manifestDir = path.join(outDir, "manifests");
    prepareOutDir(outDir);
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
    const flows = stackFlows(
        plan.config,
        manifests.map((m) => m.object),
    );
    const flowsFile = path.join(outDir, "flows.md");
    fs.writeFileSync(flowsFile, flowsMarkdown(plan.config.stack, flows));
    return { planFile, manifestDir, manifestCount: manifests.length, flowsFile, flowMismatches: mismatches(flows).length };
}
