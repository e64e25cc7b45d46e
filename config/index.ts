import { CONFIG_NAMESPACE, Checker, ConfigValidationError } from "./checker";
import { ReleaseConfig, readRelease } from "./release";
import { SidecarInstanceConfig, readInstances } from "./instance";
import { AwsSettings, readAwsSettings } from "./aws";
import { AzureSettings, readAzureSettings } from "./azure";
import { ExistingClusterSettings, readExistingSettings } from "./existing";

export { ConfigValidationError, CONFIG_NAMESPACE } from "./checker";
export type { ConfigIssue } from "./checker";

export const TARGETS = ["aws", "azure", "existing"] as const;
export type Target = (typeof TARGETS)[number];

export const ENVIRONMENTS = ["development", "production"] as const;
/** Production raises defaults: three zones, HA database, longer retention. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Every top-level key of the project, as declared in Pulumi.yaml. */
export const TOP_LEVEL_KEYS = [
    "target",
    "environment",
    "protectData",
    "release",
    "instances",
    "secrets",
    "aws",
    "azure",
    "existing",
] as const;

interface StackConfigBase {
    project: string;
    stack: string;
    environment: Environment;
    /**
     * Stateful data (archives, file systems, databases, keys) survives `pulumi destroy` unless this is false.
     * A dev stack may turn it off.
     */
    protectData: boolean;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
}

export interface AwsStackConfig extends StackConfigBase {
    target: "aws";
    aws: AwsSettings;
}
export interface AzureStackConfig extends StackConfigBase {
    target: "azure";
    azure: AzureSettings;
}
export interface ExistingStackConfig extends StackConfigBase {
    target: "existing";
    existing: ExistingClusterSettings;
}

/** The whole validated configuration of one stack. */
export type StackConfig = AwsStackConfig | AzureStackConfig | ExistingStackConfig;

/** Pulumi passes structured values as JSON text; scalars stay strings. */
function parseValue(text: string): unknown {
    const trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
            return JSON.parse(trimmed);
        } catch {
            return text;
        }
    }
    return text;
}

/**
 * Reads and validates the project's settings from the flat Pulumi config map
 * (`xroad-sidecar:<key>` to string). Throws one ConfigValidationError listing every problem,
 * before any resource is registered.
 */
export function loadStackConfig(rawConfig: Record<string, string>, names: { project: string; stack: string }): StackConfig {
    const check = new Checker();
    const raw: Record<string, unknown> = {};
    const prefix = `${CONFIG_NAMESPACE}:`;
    for (const [key, value] of Object.entries(rawConfig)) {
        if (!key.startsWith(prefix)) continue;
        raw[key.slice(prefix.length)] = parseValue(value);
    }
    check.knownKeys("", raw, TOP_LEVEL_KEYS);

    const target = check.oneOf("target", raw.target, TARGETS);
    const environment = check.oneOf("environment", raw.environment, ENVIRONMENTS, "development");
    const production = environment === "production";
    const defaultName = `${names.project}-${names.stack}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 40);
    const base = {
        project: names.project,
        stack: names.stack,
        environment,
        protectData: check.boolean("protectData", raw.protectData, true),
        release: readRelease(check, raw.release),
        instances: readInstances(check, raw.instances, raw.secrets, {
            managedDatabaseAvailable: target !== "existing",
            archiveStoreAvailable: target !== "existing",
        }),
    };
    if (production && !base.protectData) check.fail("protectData", raw.protectData, "true in a production environment");
    for (const other of TARGETS) {
        if (other !== target && raw[other] !== undefined)
            check.fail(other, raw[other], `nothing: the ${other} section applies only to target ${other}`);
    }

    let config: StackConfig;
    switch (target) {
        case "aws":
            config = { ...base, target, aws: readAwsSettings(check, raw.aws, defaultName, production) };
            break;
        case "azure":
            config = { ...base, target, azure: readAzureSettings(check, raw.azure, defaultName, production) };
            break;
        case "existing":
            config = { ...base, target, existing: readExistingSettings(check, raw.existing) };
            break;
    }
    if (check.issues.length > 0) throw new ConfigValidationError(check.issues);
    return config;
}
