"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENVIRONMENTS = exports.CONFIG_NAMESPACE = exports.ConfigValidationError = void 0;
exports.loadStackConfig = loadStackConfig;
const checker_1 = require("./checker");
const release_1 = require("./release");
const capacity_1 = require("./capacity");
const instance_1 = require("./instance");
const aws_1 = require("./aws");
const azure_1 = require("./azure");
const prerequisites_1 = require("./prerequisites");
const existing_1 = require("./existing");
const alerts_1 = require("./alerts");
const detections_1 = require("../policy/xroad/detections");
var checker_2 = require("./checker");
Object.defineProperty(exports, "ConfigValidationError", { enumerable: true, get: function () { return checker_2.ConfigValidationError; } });
Object.defineProperty(exports, "CONFIG_NAMESPACE", { enumerable: true, get: function () { return checker_2.CONFIG_NAMESPACE; } });
const TARGETS = ["aws", "azure", "existing"];
exports.ENVIRONMENTS = ["development", "production"];
/** Every top-level key of the project, as declared in Pulumi.yaml. */
const TOP_LEVEL_KEYS = [
    "target",
    "environment",
    "protectData",
    "release",
    "instances",
    "secrets",
    "aws",
    "azure",
    "existing",
    "alerts",
];
/**
 * Config namespaces a stack may use besides the project's own: the providers' (Pulumi's own `pulumi:`
 * settings too). Anything else is a typo, such as `xroad-sidecr:instances`, which would otherwise be
 * dropped silently and leave the defaults in place.
 */
const PROVIDER_CONFIG_NAMESPACES = ["pulumi", "aws", "azure-native", "eks", "kubernetes", "random", "tls", "time"];
/** The engine lists the stack's encrypted keys in PULUMI_CONFIG_SECRET_KEYS (a JSON array) for the program. */
function secretKeysFromEngine() {
    let keys;
    try {
        keys = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
    }
    catch {
        keys = [];
    }
    const list = Array.isArray(keys) ? keys.filter((k) => typeof k === "string") : [];
    return (key) => list.includes(key);
}
/** Pulumi passes structured values as JSON text; scalars stay strings. */
function parseValue(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
            return JSON.parse(trimmed);
        }
        catch {
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
function loadStackConfig(rawConfig, names, options = {}) {
    const check = new checker_1.Checker();
    const raw = {};
    const prefix = `${checker_1.CONFIG_NAMESPACE}:`;
    for (const [key, value] of Object.entries(rawConfig)) {
        if (!key.startsWith(prefix)) {
            const namespace = key.split(":")[0];
            if (!PROVIDER_CONFIG_NAMESPACES.includes(namespace))
                check.unknownNamespace(key, PROVIDER_CONFIG_NAMESPACES);
            continue;
        }
        raw[key.slice(prefix.length)] = parseValue(value);
    }
    check.knownKeys("", raw, TOP_LEVEL_KEYS);
    const target = check.oneOf("target", raw.target, TARGETS);
    const environment = check.oneOf("environment", raw.environment, exports.ENVIRONMENTS, "development");
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
        protectData: check.boolean("protectData", raw.protectData, true),
        release: (0, release_1.readRelease)(check, raw.release),
        instances: (0, instance_1.readInstances)(check, raw.instances, raw.secrets, {
            managedDatabaseAvailable: target !== "existing",
            archiveStoreAvailable: target !== "existing",
            production,
            internalLoadBalancerAnnotationsKnown: target !== "existing",
        }),
        alerts: (0, alerts_1.readAlertSettings)(check, raw.alerts, { production, target, isSecure }),
    };
    (0, alerts_1.checkAlertPlaceholders)(check, base.alerts, production, options.offline ?? false);
    if (production && !base.protectData)
        check.fail("protectData", raw.protectData, "true in a production environment");
    for (const other of TARGETS) {
        if (other !== target && raw[other] !== undefined)
            check.fail(other, raw[other], `nothing: the ${other} section applies only to target ${other}`);
    }
    warnPlainTextSecrets(check, raw.secrets, isSecure);
    let config;
    switch (target) {
        case "aws":
            config = { ...base, target, aws: (0, aws_1.readAwsSettings)(check, raw.aws, defaultName, production, raw.target === "aws") };
            (0, aws_1.checkAwsPlaceholders)(check, config.aws, production, options.offline ?? false);
            if (options.prerequisites && !options.offline)
                (0, prerequisites_1.checkAwsPrerequisites)(check, config.aws, options.prerequisites);
            // Unpinned add-ons drift (vpc-cni and kube-proxy to the newest on every run) or never move; in production
            // every one follows the release block, so a promotion upgrades them together (review aws B1).
            if (production)
                for (const addon of release_1.EKS_ADDONS)
                    if (base.release.eksAddonVersions[addon] === undefined)
                        check.fail(`release.eksAddonVersions.${addon}`, undefined, `a pinned version in production, such as the newest of: aws eks describe-addon-versions --kubernetes-version ${base.release.kubernetesVersion} --addon-name ${addon}`);
            checkCapacity(check, "aws", base.instances, {
                sizeKey: "aws.nodeGroup.instanceType",
                size: config.aws.nodeGroup.instanceType,
                maxKey: "aws.nodeGroup.maxSize",
                max: config.aws.nodeGroup.maxSize,
            });
            for (const [i, instance] of base.instances.entries()) {
                if (config.aws.clusterName.length + instance.name.length > aws_1.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH)
                    check.fail(`instances[${i}].name`, instance.name, `a name of at most ${aws_1.MAX_CLUSTER_AND_INSTANCE_NAME_LENGTH - config.aws.clusterName.length} characters with xroad-sidecar:aws.clusterName "${config.aws.clusterName}": the archiver's IAM role name <cluster>-archiver-<instance> must fit IAM's 64 characters`);
            }
            break;
        case "azure":
            config = {
                ...base,
                target,
                azure: (0, azure_1.readAzureSettings)(check, raw.azure, defaultName, production, {
                    platformName: `${names.project}-${names.stack}`,
                    offline: options.offline ?? false,
                }),
            };
            // guide §8, issue 16: the Secret-read alert counts get and list requests, which kube-audit-admin leaves out.
            // kube-audit costs more (every read is ingested, README "Alerts"), so development may keep the cheap one.
            if (config.azure.auditCategory === "kube-audit-admin") {
                const reads = (0, detections_1.readDependentDetections)();
                const why = `kube-audit: ${reads.only.map((d) => d.id).join(", ")} and ${reads.partly.map((d) => d.id).join(", ")} (kubectl exec over WebSockets) count get and list requests, which kube-audit-admin leaves out`;
                if (production)
                    check.fail("azure.auditCategory", config.azure.auditCategory, `${why} (required in production)`);
                else
                    check.warn(`${check.key("azure.auditCategory")} is kube-audit-admin: no alert fires on a read of a Sidecar Secret, nor on kubectl exec over WebSockets; ${why} (README "What alerts you and what to do")`);
            }
            checkCapacity(check, "azure", base.instances, {
                sizeKey: "azure.userNodePool.vmSize",
                size: config.azure.userNodePool.vmSize,
                maxKey: "azure.userNodePool.maxCount",
                max: config.azure.userNodePool.maxCount,
            });
            if (options.prerequisites && !options.offline)
                (0, prerequisites_1.checkAzurePrerequisites)(check, config.azure, options.prerequisites);
            break;
        case "existing":
            config = { ...base, target, existing: (0, existing_1.readExistingSettings)(check, raw.existing) };
            break;
    }
    if (check.issues.length > 0)
        throw new checker_1.ConfigValidationError(check.issues, names.stack);
    return config;
}
/**
 * Guide §11: the pool at its maximum size must hold every Sidecar pod the HPAs and rollouts may ask for, next
 * to the platform's DaemonSets and add-ons (config/capacity.ts). Otherwise pods stay Pending for ever, and
 * `pulumi up` cannot tell (the secondaries skip the await).
 */
function checkCapacity(check, cloud, instances, pool) {
    // A pool setting already refused has said what is wrong with it.
    if (check.issues.some((i) => i.key === check.key(pool.sizeKey) || i.key === check.key(pool.maxKey)))
        return;
    const shape = cloud === "aws" ? (0, capacity_1.ec2Shape)(pool.size) : (0, capacity_1.azureShape)(pool.size);
    if (!shape) {
        check.fail(pool.sizeKey, pool.size, cloud === "aws"
            ? "an instance type of the capacity table: the c, m, r or t families, xlarge or larger (config/capacity.ts)"
            : "a VM size of the capacity table: the D, E or F series, such as Standard_D4s_v5 (config/capacity.ts)");
        return;
    }
    const addOns = capacity_1.PLATFORM_OVERHEAD[cloud].addOns;
    const pods = [...(0, capacity_1.sidecarPods)(instances), ...(addOns.cpuMillis > 0 ? [{ what: "cluster add-ons", ...addOns }] : [])];
    const perNode = (0, capacity_1.sidecarAllocatable)(cloud, shape);
    const needed = (0, capacity_1.nodesNeeded)(pods, perNode);
    const sidecarCount = pods.filter((p) => p.what !== "cluster add-ons").length;
    if (needed === undefined) {
        check.fail(pool.sizeKey, pool.size, `a node size that fits one Sidecar pod at its requests: ${pool.size} leaves ${perNode.cpuMillis}m CPU and ${Math.floor(perNode.memoryBytes / 1024 / 1024)}Mi after the platform's reservations and DaemonSets`);
    }
    else if (needed > pool.max) {
        check.fail(pool.maxKey, pool.max, `at least ${needed} ${pool.size} nodes: ${sidecarCount} Sidecar pods (each instance's primary, maxReplicas secondaries and one rollout surge, and its archiver) and the platform fit on no fewer (guide §11); or a larger ${pool.sizeKey.split(".").pop()}, or lower maxReplicas`);
    }
}
/**
 * A secret given in plain text in the stack file is still read as a Pulumi secret, but it sits in clear in
 * the file and in version control: say so, with the command that encrypts it.
 */
function warnPlainTextSecrets(check, rawSecrets, isSecure) {
    if (typeof rawSecrets !== "object" || rawSecrets === null || Array.isArray(rawSecrets))
        return;
    if (isSecure(`${checker_1.CONFIG_NAMESPACE}:secrets`))
        return;
    for (const [instance, secrets] of Object.entries(rawSecrets)) {
        if (typeof secrets !== "object" || secrets === null || Array.isArray(secrets))
            continue;
        for (const [key, value] of Object.entries(secrets)) {
            const path = `secrets.${instance}.${key}`;
            if (value === undefined || value === null || value === "" || isSecure(`${checker_1.CONFIG_NAMESPACE}:${path}`))
                continue;
            check.warn(`${checker_1.CONFIG_NAMESPACE}:${path} is stored in plain text in the stack file; encrypt it with: pulumi config set --secret --path '${path}' '<value>'`);
        }
    }
}
