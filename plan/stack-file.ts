import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** Placeholder for a `secure:` value, which cannot be decrypted without the Pulumi CLI and the stack's secrets provider. */
export const SECURE_PLACEHOLDER = "offline-plan-placeholder";

/** A stack file that cannot be read as one; the message names the file and the stack. */
export class StackFileError extends Error {
    constructor(
        readonly stack: string,
        problem: string,
    ) {
        super(`Pulumi.${stack}.yaml (stack ${stack}) ${problem}`);
        this.name = "StackFileError";
    }
}

export interface StackFile {
    project: string;
    stack: string;
    /** Flat Pulumi config: `namespace:key` to string (structured values as JSON), as the CLI hands it to a program. */
    config: Record<string, string>;
    /** Keys (possibly with a path, like `xroad-sidecar:secrets.sidecar.tokenPin`) whose values were `secure:`. */
    secureKeys: string[];
}

function isSecure(value: unknown): value is { secure: string } {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** Replaces every `{secure: …}` with the placeholder and records where it was. */
function substituteSecure(value: unknown, where: string, found: string[]): unknown {
    if (isSecure(value)) {
        found.push(where);
        return SECURE_PLACEHOLDER;
    }
    if (Array.isArray(value)) return value.map((v, i) => substituteSecure(v, `${where}[${i}]`, found));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteSecure(v, `${where}.${k}`, found)]));
    }
    return value;
}

/** Pulumi's own encoding: strings as they are, everything else as JSON. */
function encodeConfigValue(value: unknown): string {
    // An empty `key:` is null in YAML; the CLI hands it to the program as an empty string.
    if (value === null) return "";
    return typeof value === "string" ? value : JSON.stringify(value);
}

interface ProjectFile {
    name: string;
    /** Project-level config declarations; a `default` applies to every stack that does not set the key. */
    config: Record<string, { default?: unknown }>;
}

export function readProjectFile(projectDir: string): ProjectFile {
    const doc = parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as Partial<ProjectFile> | null;
    if (!doc?.name) throw new Error(`Pulumi.yaml in ${projectDir} has no name`);
    return { name: doc.name, config: doc.config ?? {} };
}

export function stackFilePath(projectDir: string, stack: string): string {
    return path.join(projectDir, `Pulumi.${stack}.yaml`);
}

/** Every stack that has a `Pulumi.<stack>.yaml` in the project directory. */
export function listStacks(projectDir: string): string[] {
    return fs
        .readdirSync(projectDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * Parses `Pulumi.<stack>.yaml` text into the flat config map, substituting `secure:` values and
 * adding the project's declared defaults for keys the stack does not set, as the Pulumi CLI does.
 */
export function parseStackFile(
    text: string,
    project: string,
    stack: string,
    projectDefaults: Record<string, { default?: unknown }> = {},
): StackFile {
    let doc: { config?: unknown };
    try {
        doc = (parse(text) ?? {}) as { config?: unknown };
    } catch (e) {
        throw new StackFileError(stack, `is not valid YAML: ${(e as Error).message}`);
    }
    if (typeof doc !== "object" || Array.isArray(doc)) throw new StackFileError(stack, "must be a YAML mapping with a config: section");
    if (doc.config !== undefined && doc.config !== null && (typeof doc.config !== "object" || Array.isArray(doc.config)))
        throw new StackFileError(
            stack,
            "has a config: section that is not a mapping of keys to values (write key: value lines, not a list)",
        );
    const secureKeys: string[] = [];
    const config: Record<string, string> = {};
    for (const [rawKey, value] of Object.entries((doc.config ?? {}) as Record<string, unknown>)) {
        // `target:` without a namespace belongs to the project, as in the Pulumi CLI.
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        config[key] = encodeConfigValue(substituteSecure(value, key, secureKeys));
    }
    for (const [rawKey, declaration] of Object.entries(projectDefaults)) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (config[key] === undefined && declaration?.default !== undefined) config[key] = encodeConfigValue(declaration.default);
    }
    return { project, stack, config, secureKeys };
}

/** Whether a key (with its path) was given as `secure:` in the stack file. */
export function isSecureIn(file: StackFile): (key: string) => boolean {
    return (key) => file.secureKeys.includes(key);
}

export function readStackFile(projectDir: string, stack: string): StackFile {
    const file = stackFilePath(projectDir, stack);
    if (!fs.existsSync(file)) throw new Error(`no stack file ${file}; stacks here: ${listStacks(projectDir).join(", ") || "none"}`);
    const project = readProjectFile(projectDir);
    return parseStackFile(fs.readFileSync(file, "utf8"), project.name, stack, project.config);
}
