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
exports.StackNotFoundError = void 0;
exports.preparePromotion = preparePromotion;
exports.writePromotion = writePromotion;
const fs = __importStar(require("fs"));
const config_1 = require("../config");
const images_1 = require("../policy/xroad/images");
const stack_file_1 = require("./stack-file");
const promote_yaml_1 = require("./promote-yaml");
const promote_diff_1 = require("./promote-diff");
/** A stack named on the command line has no `Pulumi.<stack>.yaml`. */
class StackNotFoundError extends Error {
    stack;
    constructor(stack, projectDir) {
        super(`no stack file ${(0, stack_file_1.stackFilePath)(projectDir, stack)}; stacks here: ${(0, stack_file_1.listStacks)(projectDir).join(", ") || "none"}`);
        this.stack = stack;
        this.name = "StackNotFoundError";
    }
}
exports.StackNotFoundError = StackNotFoundError;
/** The config of a stack, validated as a whole (throws ConfigValidationError), and its file's text. */
function loadConfig(projectDir, stack) {
    if (!fs.existsSync((0, stack_file_1.stackFilePath)(projectDir, stack)))
        throw new StackNotFoundError(stack, projectDir);
    const file = (0, stack_file_1.readStackFile)(projectDir, stack);
    return {
        config: (0, config_1.loadStackConfig)(file.config, { project: file.project, stack }, { isSecure: (0, stack_file_1.isSecureIn)(file) }),
        text: fs.readFileSync((0, stack_file_1.stackFilePath)(projectDir, stack), "utf8"),
    };
}
function describeViolation(v) {
    return `${v.policy}${v.type ? ` ${v.type}` : ""}${v.name ? ` ${v.name}` : ""}: ${v.message}`;
}
/**
 * Checks the promotion of `from`'s release settings into `to` and prepares the new target stack
 * file. Refuses (in `refusals`) a move to an older X-Road version, and otherwise a source whose
 * offline plan has a mandatory policy violation. Throws ConfigValidationError when either stack's config is invalid,
 * and StackNotFoundError when a stack file is missing.
 */
async function preparePromotion(options) {
    const { projectDir, from, to } = options;
    if (from === to)
        throw new Error(`cannot promote stack ${from} onto itself`);
    const source = loadConfig(projectDir, from);
    const target = loadConfig(projectDir, to);
    const before = target.config.release;
    const after = source.config.release;
    const targetFile = (0, stack_file_1.stackFilePath)(projectDir, to);
    const newText = (0, promote_yaml_1.setReleaseInStackFile)(target.text, after);
    verifyEdit(target.text, newText, after, (0, stack_file_1.readProjectFile)(projectDir), to);
    const changes = (0, promote_diff_1.releaseChanges)(before, after);
    const promotion = {
        from,
        to,
        targetFile,
        before,
        after,
        changes,
        oldText: target.text,
        newText,
        diff: (0, promote_diff_1.unifiedDiff)(target.text, newText, `Pulumi.${to}.yaml`, `Pulumi.${to}.yaml (release of ${from})`),
        refusals: [],
    };
    if (!changes.some(promote_diff_1.isChange))
        return promotion;
    if ((0, images_1.compareVersions)(after.sidecarVersion, before.sidecarVersion) < 0) {
        promotion.refusals.push({
            reason: "downgrade",
            message: `stack ${to} runs X-Road ${before.sidecarVersion} and ${from} has ${after.sidecarVersion}: X-Road upgrades only go forward (the database schema cannot be migrated back)`,
        });
        // Final whatever the policies say: no need to spend seconds planning the source.
        return promotion;
    }
    // Loaded only now: the program and the SDKs take seconds to load, and the checks above need neither.
    const { planStack } = await Promise.resolve().then(() => __importStar(require("./run")));
    const plan = await planStack((0, stack_file_1.readStackFile)(projectDir, from));
    const { mandatory } = await options.policyCheck(plan, plan.config.environment);
    if (mandatory.length > 0) {
        promotion.refusals.push({
            reason: "policy",
            message: `the offline plan of stack ${from} has ${mandatory.length} mandatory policy violation(s); fix them before promoting its release:\n` +
                mandatory.map((v) => `    - ${describeViolation(v)}`).join("\n"),
        });
    }
    return promotion;
}
/**
 * The edit must change the release and nothing else: re-read the new text as Pulumi would and compare
 * every other setting with the old text. A mismatch is a bug in the editor, never written to disk.
 */
function verifyEdit(oldText, newText, release, projectFile, stack) {
    const project = projectFile.name;
    const oldConfig = (0, stack_file_1.parseStackFile)(oldText, project, stack, projectFile.config).config;
    const newFile = (0, stack_file_1.parseStackFile)(newText, project, stack, projectFile.config);
    const written = (0, config_1.loadStackConfig)(newFile.config, { project, stack }, { isSecure: (0, stack_file_1.isSecureIn)(newFile) }).release;
    const others = (c) => JSON.stringify(Object.entries(c)
        .filter(([k]) => k !== promote_yaml_1.RELEASE_CONFIG_KEY && k !== `${project}:release`)
        .sort());
    if (JSON.stringify(written) !== JSON.stringify(release) || others(oldConfig) !== others(newFile.config)) {
        throw new Error(`internal error: editing the release of Pulumi.${stack}.yaml would not give exactly the promoted release; nothing written`);
    }
}
/** Writes the prepared target stack file. Refuses a promotion that has refusals. */
function writePromotion(promotion) {
    if (promotion.refusals.length > 0)
        throw new Error(`promotion from ${promotion.from} to ${promotion.to} was refused`);
    if (promotion.newText === promotion.oldText)
        return false;
    fs.writeFileSync(promotion.targetFile, promotion.newText);
    return true;
}
