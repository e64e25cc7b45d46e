import { CONFIG_NAMESPACE, Checker, ConfigValidationError } from "./checker";
import { EKS_ADDONS, ReleaseConfig, readRelease } from "./release";
import { PLATFORM_OVERHEAD, azureShape, ec2Shape, nodesNeeded, sidecarAllocatable, sidecarPods } from "./capacity";
import { SidecarInstanceConfig, readInstances } from "./instance";
import { AwsSettings, MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH, checkAwsPlaceholders, readAwsSettings } from "./aws";
import { AzureSettings, readAzureSettings } from "./azure";
import { ToolProbe, checkAwsPrerequisites, checkAzurePrerequisites } from "./prerequisites";
import { ExistingClusterSettings, readExistingSettings } from "./existing";
import { AlertSettings, checkAlertPlaceholders, readAlertSettings } from "./alerts";
import { readDependentDetections } from "../policy/xroad/detections";
import { Environment, TARGETS, TOP_LEVEL_KEYS, environmentSchema, protectDataSchema, targetSchema } from "./stack-schema";
import { parseSetting } from "./parse";

export { ConfigValidationError, CONFIG_NAMESPACE } from "./checker";
export type { Environment } from "./stack-schema";

interface StackConfigBase {
    project: string;
    stack: string;
    /** What plans but deserves the operator's attention; the program logs each as a Pulumi warning. */
    warnings: string[];
    environment: Environment;
    /**
     * Stateful data (archives, file systems, databases, keys) survives `pulumi destroy` unless this is false.
     * A dev stack may turn it off.
     */
    protectData: boolean;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
    /** Receivers, thresholds and threat detection of the stack's alerts (guide §8). */
    alerts: AlertSettings;
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

/**
 * Config namespaces a stack may use besides the project's own: the providers' (Pulumi's own `pulumi:`
 * settings too). Anything else is a typo, such as `xroad-sidecr:instances`, which would otherwise be
 * dropped silently and leave the defaults in place.
 */
export const PROVIDER_CONFIG_NAMESPACES = ["pulumi", "aws", "azure-native", "eks", "kubernetes", "random", "tls", "time"] as const;

/** Options of {@link loadStackConfig}. */
export interface LoadOptions {
    /**
     * Whether a config key (such as `xroad-sidecar:secrets.ss1.tokenPin`, or the whole `xroad-sidecar:secrets`)
     * was stored encrypted. Secrets stored in plain text get a warning. Default: Pulumi's own record of secret keys.
     */
    isSecure?: (key: string) => boolean;
    /**
     * True when the program runs under the offline plan's mocks rather than the Pulumi engine: placeholder
     * values (documentation CIDRs, example IDs) then only warn. Default false: fail closed under the engine.
     */
    offline?: boolean;
    /**
     * Checks the tools `pulumi up` needs on this machine (config/prerequisites.ts) before any resource exists.
     * Only the engine entry passes one; offline and in tests nothing is run.
     */
    prerequisites?: ToolProbe;
}

/** The engine lists the stack's encrypted keys in PULUMI_CONFIG_SECRET_KEYS (a JSON array) for the program. */
function secretKeysFromEngine(): (key: string) => boolean {
    let keys: unknown;
    try {
        keys = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
    } catch {
        keys = [];
    }
    const list = Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
    return (key) => list.includes(key);
}

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
export function loadStackConfig(
    rawConfig: Record<string, string>,
    names: { project: string; stack: string },
    options: LoadOptions = {},
): StackConfig {
    const check = new Checker();
    const raw: Record<string, unknown> = {};
    const prefix = `${CONFIG_NAMESPACE}:`;
    for (const [key, value] of Object.entries(rawConfig)) {
        if (!key.startsWith(prefix)) {
            const namespace = key.split(":")[0];
            if (!(PROVIDER_CONFIG_NAMESPACES as readonly string[]).includes(namespace))
                check.unknownNamespace(key, PROVIDER_CONFIG_NAMESPACES);
            continue;
        }
        raw[key.slice(prefix.length)] = parseValue(value);
    }
    check.knownKeys("", raw, TOP_LEVEL_KEYS);

    // A refused value falls back to its default, so every other rule still runs and reports.
    const target = parseSetting(check, "target", raw.target, targetSchema) ?? TARGETS[0];
    const environment = parseSetting(check, "environment", raw.environment, environmentSchema) ?? "development";
    const production = environment === "production";
    const defaultName = `${names.project}-${names.stack}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 40);
    const isSecure = options.isSecure ?? secretKeysFromEngine();
    const base = {
        project: names.project,
        stack: names.stack,
        warnings: check.warnings,
        environment,
        protectData: parseSetting(check, "protectData", raw.protectData, protectDataSchema) ?? true,
        release: readRelease(check, raw.release),
        instances: readInstances(check, raw.instances, raw.secrets, {
            managedDatabaseAvailable: target !== "existing",
            archiveStoreAvailable: target !== "existing",
            production,
            internalLoadBalancerAnnotationsKnown: target !== "existing",
        }),
        alerts: readAlertSettings(check, raw.alerts, { production, target, isSecure }),
    };
    checkAlertPlaceholders(check, base.alerts, production, options.offline ?? false);
    if (production && !base.protectData) check.fail("protectData", raw.protectData, "true in a production environment");
    for (const other of TARGETS) {
        if (other !== target && raw[other] !== undefined)
            check.fail(other, raw[other], `nothing: the ${other} section applies only to target ${other}`);
    }

    warnPlainTextSecrets(check, raw.secrets, isSecure);

    let config: StackConfig;
    switch (target) {
        case "aws":
            config = { ...base, target, aws: readAwsSettings(check, raw.aws, defaultName, production, raw.target === "aws") };
            checkAwsPlaceholders(check, config.aws, production, options.offline ?? false);
            if (options.prerequisites && !options.offline) checkAwsPrerequisites(check, config.aws, options.prerequisites);
            // Unpinned add-ons drift (vpc-cni and kube-proxy to the newest on every run) or never move; in production
            // every one follows the release block, so a promotion upgrades them together (review aws B1).
            if (production)
                for (const addon of EKS_ADDONS)
                    if (base.release.eksAddonVersions[addon] === undefined)
                        check.fail(
                            `release.eksAddonVersions.${addon}`,
                            undefined,
                            `a pinned version in production, such as the newest of: aws eks describe-addon-versions --kubernetes-version ${base.release.kubernetesVersion} --addon-name ${addon}`,
                        );
            checkCapacity(check, "aws", base.instances, {
                sizeKey: "aws.nodeGroup.instanceType",
                size: config.aws.nodeGroup.instanceType,
                maxKey: "aws.nodeGroup.maxSize",
                max: config.aws.nodeGroup.maxSize,
            });
            for (const [i, instance] of base.instances.entries()) {
                if (config.aws.clusterName.length + instance.name.length > MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH)
                    check.fail(
                        `instances[${i}].name`,
                        instance.name,
                        `a name of at most ${MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - config.aws.clusterName.length} characters with xroad-sidecar:aws.clusterName "${config.aws.clusterName}": the archiver's IAM role name <cluster>-archiver-<instance> must fit IAM's 64 characters`,
                    );
            }
            break;
        case "azure":
            config = {
                ...base,
                target,
                azure: readAzureSettings(check, raw.azure, defaultName, production, {
                    platformName: `${names.project}-${names.stack}`,
                    offline: options.offline ?? false,
                }),
            };
            // guide §8, issue 16: the Secret-read alert counts get and list requests, which kube-audit-admin leaves out.
            // kube-audit costs more (every read is ingested, README "Alerts"), so development may keep the cheap one.
            if (config.azure.auditCategory === "kube-audit-admin") {
                const reads = readDependentDetections();
                const why = `kube-audit: ${reads.only.map((d) => d.id).join(", ")} and ${reads.partly.map((d) => d.id).join(", ")} (kubectl exec over WebSockets) count get and list requests, which kube-audit-admin leaves out`;
                if (production) check.fail("azure.auditCategory", config.azure.auditCategory, `${why} (required in production)`);
                else
                    check.warn(
                        `${check.key("azure.auditCategory")} is kube-audit-admin: no alert fires on a read of a Sidecar Secret, nor on kubectl exec over WebSockets; ${why} (README "What alerts you and what to do")`,
                    );
            }
            checkCapacity(check, "azure", base.instances, {
                sizeKey: "azure.userNodePool.vmSize",
                size: config.azure.userNodePool.vmSize,
                maxKey: "azure.userNodePool.maxCount",
                max: config.azure.userNodePool.maxCount,
            });
            if (options.prerequisites && !options.offline) checkAzurePrerequisites(check, config.azure, options.prerequisites);
            break;
        case "existing":
            config = { ...base, target, existing: readExistingSettings(check, raw.existing) };
            break;
    }
    if (check.issues.length > 0) throw new ConfigValidationError(check.issues, names.stack);
    return config;
}

/**
 * Guide §11: the pool at its maximum size must hold every Sidecar pod the HPAs and rollouts may ask for, next
 * to the platform's DaemonSets and add-ons (config/capacity.ts). Otherwise pods stay Pending for ever, and
 * `pulumi up` cannot tell (the secondaries skip the await).
 */
function checkCapacity(
    check: Checker,
    cloud: "aws" | "azure",
    instances: SidecarInstanceConfig[],
    pool: { sizeKey: string; size: string; maxKey: string; max: number },
): void {
    // A pool setting already refused has said what is wrong with it.
    if (check.issues.some((i) => i.key === check.key(pool.sizeKey) || i.key === check.key(pool.maxKey))) return;
    const shape = cloud === "aws" ? ec2Shape(pool.size) : azureShape(pool.size);
    if (!shape) {
        check.fail(
            pool.sizeKey,
            pool.size,
            cloud === "aws"
                ? "an instance type of the capacity table: the c, m, r or t families, xlarge or larger (config/capacity.ts)"
                : "a VM size of the capacity table: the D, E or F series, such as Standard_D4s_v5 (config/capacity.ts)",
        );
        return;
    }
    const addOns = PLATFORM_OVERHEAD[cloud].addOns;
    const pods = [...sidecarPods(instances), ...(addOns.cpuMillis > 0 ? [{ what: "cluster add-ons", ...addOns }] : [])];
    const perNode = sidecarAllocatable(cloud, shape);
    const needed = nodesNeeded(pods, perNode);
    const sidecarCount = pods.filter((p) => p.what !== "cluster add-ons").length;
    if (needed === undefined) {
        check.fail(
            pool.sizeKey,
            pool.size,
            `a node size that fits one Sidecar pod at its requests: ${pool.size} leaves ${perNode.cpuMillis}m CPU and ${Math.floor(perNode.memoryBytes / 1024 / 1024)}Mi after the platform's reservations and DaemonSets`,
        );
    } else if (needed > pool.max) {
        check.fail(
            pool.maxKey,
            pool.max,
            `at least ${needed} ${pool.size} nodes: ${sidecarCount} Sidecar pods (each instance's primary, maxReplicas secondaries and one rollout surge, and its archiver) and the platform fit on no fewer (guide §11); or a larger ${pool.sizeKey.split(".").pop()}, or lower maxReplicas`,
        );
    }
}

/**
 * A secret given in plain text in the stack file is still read as a Pulumi secret, but it sits in clear in
 * the file and in version control: say so, with the command that encrypts it.
 */
function warnPlainTextSecrets(check: Checker, rawSecrets: unknown, isSecure: (key: string) => boolean): void {
    if (typeof rawSecrets !== "object" || rawSecrets === null || Array.isArray(rawSecrets)) return;
    if (isSecure(`${CONFIG_NAMESPACE}:secrets`)) return;
    for (const [instance, secrets] of Object.entries(rawSecrets as Record<string, unknown>)) {
        if (typeof secrets !== "object" || secrets === null || Array.isArray(secrets)) continue;
        for (const [key, value] of Object.entries(secrets)) {
            const path = `secrets.${instance}.${key}`;
            if (value === undefined || value === null || value === "" || isSecure(`${CONFIG_NAMESPACE}:${path}`)) continue;
            check.warn(
                `${CONFIG_NAMESPACE}:${path} is stored in plain text in the stack file; encrypt it with: pulumi config set --secret --path '${path}' '<value>'`,
            );
        }
    }
}
