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
exports.StackFileError = exports.SECURE_PLACEHOLDER = void 0;
exports.readProjectFile = readProjectFile;
exports.stackFilePath = stackFilePath;
exports.listStacks = listStacks;
exports.parseStackFile = parseStackFile;
exports.isSecureIn = isSecureIn;
exports.readStackFile = readStackFile;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const yaml_1 = require("yaml");
/** Placeholder for a `secure:` value, which cannot be decrypted without the Pulumi CLI and the stack's secrets provider. */
exports.SECURE_PLACEHOLDER = "offline-plan-placeholder";
/** A stack file that cannot be read as one; the message names the file and the stack. */
class StackFileError extends Error {
    stack;
    constructor(stack, problem) {
        super(`Pulumi.${stack}.yaml (stack ${stack}) ${problem}`);
        this.stack = stack;
        this.name = "StackFileError";
    }
}
exports.StackFileError = StackFileError;
function isSecure(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}
/** Replaces every `{secure: …}` with the placeholder and records where it was. */
function substituteSecure(value, where, found) {
    if (isSecure(value)) {
        found.push(where);
        return exports.SECURE_PLACEHOLDER;
    }
    if (Array.isArray(value))
        return value.map((v, i) => substituteSecure(v, `${where}[${i}]`, found));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteSecure(v, `${where}.${k}`, found)]));
    }
    return value;
}
/** Pulumi's own encoding: strings as they are, everything else as JSON. */
function encodeConfigValue(value) {
    // An empty `key:` is null in YAML; the CLI hands it to the program as an empty string.
    if (value === null)
        return "";
    return typeof value === "string" ? value : JSON.stringify(value);
}
function readProjectFile(projectDir) {
    const doc = (0, yaml_1.parse)(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"));
    if (!doc?.name)
        throw new Error(`Pulumi.yaml in ${projectDir} has no name`);
    return { name: doc.name, config: doc.config ?? {} };
}
function stackFilePath(projectDir, stack) {
    return path.join(projectDir, `Pulumi.${stack}.yaml`);
}
/** Every stack that has a `Pulumi.<stack>.yaml` in the project directory. */
function listStacks(projectDir) {
    return fs
        .readdirSync(projectDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s) => s !== undefined)
        .sort();
}
/**
 * Parses `Pulumi.<stack>.yaml` text into the flat config map, substituting `secure:` values and
 * adding the project's declared defaults for keys the stack does not set, as the Pulumi CLI does.
 */
function parseStackFile(text, project, stack, projectDefaults = {}) {
    let doc;
    try {
        doc = ((0, yaml_1.parse)(text) ?? {});
    }
    catch (e) {
        throw new StackFileError(stack, `is not valid YAML: ${e.message}`);
    }
    if (typeof doc !== "object" || Array.isArray(doc))
        throw new StackFileError(stack, "must be a YAML mapping with a config: section");
    if (doc.config !== undefined && doc.config !== null && (typeof doc.config !== "object" || Array.isArray(doc.config)))
        throw new StackFileError(stack, "has a config: section that is not a mapping of keys to values (write key: value lines, not a list)");
    const secureKeys = [];
    const config = {};
    for (const [rawKey, value] of Object.entries((doc.config ?? {}))) {
        // `target:` without a namespace belongs to the project, as in the Pulumi CLI.
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        config[key] = encodeConfigValue(substituteSecure(value, key, secureKeys));
    }
    for (const [rawKey, declaration] of Object.entries(projectDefaults)) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (config[key] === undefined && declaration?.default !== undefined)
            config[key] = encodeConfigValue(declaration.default);
    }
    return { project, stack, config, secureKeys };
}
/** Whether a key (with its path) was given as `secure:` in the stack file. */
function isSecureIn(file) {
    return (key) => file.secureKeys.includes(key);
}
function readStackFile(projectDir, stack) {
    const file = stackFilePath(projectDir, stack);
    if (!fs.existsSync(file))
        throw new Error(`no stack file ${file}; stacks here: ${listStacks(projectDir).join(", ") || "none"}`);
    const project = readProjectFile(projectDir);
    return parseStackFile(fs.readFileSync(file, "utf8"), project.name, stack, project.config);
}
