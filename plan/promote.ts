import * as fs from "fs";
import { ReleaseConfig } from "../config/release";
import { StackConfig, loadStackConfig } from "../config";
import { compareVersions } from "../policy/xroad/images";
import type { PlanResult } from "./run";
import type { PolicyFinding } from "../policy/engine/types";
import { isSecureIn, listStacks, parseStackFile, readProjectFile, readStackFile, stackFilePath } from "./stack-file";
import { RELEASE_CONFIG_KEY, setReleaseInStackFile } from "./promote-yaml";
import { ReleaseChange, isChange, releaseChanges, unifiedDiff } from "./promote-diff";

/** Runs the policy pack over an offline plan: `selfCheck` of plan/self-check.ts in the program, a stand-in in tests. */
export type PolicyCheck = (plan: PlanResult, environment?: "development" | "production") => Promise<{ mandatory: PolicyFinding[] }>;

export interface PromotionOptions {
    /** Directory with Pulumi.yaml and the stack files. */
    projectDir: string;
    from: string;
    to: string;
    /** Check whether the source stack's plan passes the policy pack. */
    policyCheck: PolicyCheck;
}

export type RefusalReason = "policy" | "downgrade";

export interface Refusal {
    reason: RefusalReason;
    message: string;
}

/** A prepared promotion: what would change, and why it may not go ahead. Nothing is written yet. */
export interface Promotion {
    from: string;
    to: string;
    targetFile: string;
    before: ReleaseConfig;
    after: ReleaseConfig;
    /** Every release setting with its value in the target before and after. */
    changes: ReleaseChange[];
    oldText: string;
    newText: string;
    /** Unified diff of the target stack file; empty when the target already runs the source's release. */
    diff: string[];
    /** Empty when the promotion may be written. */
    refusals: Refusal[];
}

/** A stack named on the command line has no `Pulumi.<stack>.yaml`. */
export class StackNotFoundError extends Error {
    constructor(
        readonly stack: string,
        projectDir: string,
    ) {
        super(`no stack file ${stackFilePath(projectDir, stack)}; stacks here: ${listStacks(projectDir).join(", ") || "none"}`);
        this.name = "StackNotFoundError";
    }
}

/** The config of a stack, validated as a whole (throws ConfigValidationError), and its file's text. */
function loadConfig(projectDir: string, stack: string): { config: StackConfig; text: string } {
    if (!fs.existsSync(stackFilePath(projectDir, stack))) throw new StackNotFoundError(stack, projectDir);
    const file = readStackFile(projectDir, stack);
    return {
        config: loadStackConfig(file.config, { project: file.project, stack }, { isSecure: isSecureIn(file) }),
        text: fs.readFileSync(stackFilePath(projectDir, stack), "utf8"),
    };
}

function describeViolation(v: PolicyFinding): string {
    return `${v.policy}${v.resource?.type ? ` ${v.resource.type}` : ""}${v.resource?.name ? ` ${v.resource.name}` : ""}: ${v.message}`;
}

/**
 * Checks the promotion of `from`'s release settings into `to` and prepares the new target stack
 * file. Refuses (in `refusals`) a move to an older X-Road version, and otherwise a source whose
 * offline plan has a mandatory policy violation. Throws ConfigValidationError when either stack's config is invalid,
 * and StackNotFoundError when a stack file is missing.
 */
export async function preparePromotion(options: PromotionOptions): Promise<Promotion> {
    const { projectDir, from, to } = options;
    if (from === to) throw new Error(`cannot promote stack ${from} onto itself`);
    const source = loadConfig(projectDir, from);
    const target = loadConfig(projectDir, to);
    const before = target.config.release;
    const after = source.config.release;
    const targetFile = stackFilePath(projectDir, to);
    const newText = setReleaseInStackFile(target.text, after);
    verifyEdit(target.text, newText, after, readProjectFile(projectDir), to);
    const changes = releaseChanges(before, after);
    const promotion: Promotion = {
        from,
        to,
        targetFile,
        before,
        after,
        changes,
        oldText: target.text,
        newText,
        diff: unifiedDiff(target.text, newText, `Pulumi.${to}.yaml`, `Pulumi.${to}.yaml (release of ${from})`),
        refusals: [],
    };
    if (!changes.some(isChange)) return promotion;

    if (compareVersions(after.sidecarVersion, before.sidecarVersion) < 0) {
        promotion.refusals.push({
            reason: "downgrade",
            message: `stack ${to} runs X-Road ${before.sidecarVersion} and ${from} has ${after.sidecarVersion}: X-Road upgrades only go forward (the database schema cannot be migrated back)`,
        });
        // Final whatever the policies say: no need to spend seconds planning the source.
        return promotion;
    }
    // Loaded only now: the program and the SDKs take seconds to load, and the checks above need neither.
    const { planStack } = await import("./run");
    const plan = await planStack(readStackFile(projectDir, from));
    const { mandatory } = await options.policyCheck(plan, plan.config.environment);
    if (mandatory.length > 0) {
        promotion.refusals.push({
            reason: "policy",
            message:
                `the offline plan of stack ${from} has ${mandatory.length} mandatory policy violation(s); fix them before promoting its release:\n` +
                mandatory.map((v) => `    - ${describeViolation(v)}`).join("\n"),
        });
    }
    return promotion;
}

/**
 * The edit must change the release and nothing else: re-read the new text as Pulumi would and compare
 * every other setting with the old text. A mismatch is a bug in the editor, never written to disk.
 */
function verifyEdit(
    oldText: string,
    newText: string,
    release: ReleaseConfig,
    projectFile: ReturnType<typeof readProjectFile>,
    stack: string,
): void {
    const project = projectFile.name;
    const oldConfig = parseStackFile(oldText, project, stack, projectFile.config).config;
    const newFile = parseStackFile(newText, project, stack, projectFile.config);
    const written = loadStackConfig(newFile.config, { project, stack }, { isSecure: isSecureIn(newFile) }).release;
    const others = (c: Record<string, string>) =>
        JSON.stringify(
            Object.entries(c)
                .filter(([k]) => k !== RELEASE_CONFIG_KEY && k !== `${project}:release`)
                .sort(),
        );
    if (JSON.stringify(written) !== JSON.stringify(release) || others(oldConfig) !== others(newFile.config)) {
        throw new Error(
            `internal error: editing the release of Pulumi.${stack}.yaml would not give exactly the promoted release; nothing written`,
        );
    }
}

/** Writes the prepared target stack file. Refuses a promotion that has refusals. */
export function writePromotion(promotion: Promotion): boolean {
    if (promotion.refusals.length > 0) throw new Error(`promotion from ${promotion.from} to ${promotion.to} was refused`);
    if (promotion.newText === promotion.oldText) return false;
    fs.writeFileSync(promotion.targetFile, promotion.newText);
    return true;
}
