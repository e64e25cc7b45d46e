import * as pulumi from "@pulumi/pulumi";
import { Checker, HIDDEN, cpuMillis, isDnsLabel, isIpv4Cidr, memoryBytes } from "./checker";
import { CRON_ALLOWED, cronProblem } from "./cron";
import { OBJECT_NAME_KINDS, SidecarObjectNames, objectNames } from "../components/kubernetes/names";
import { nameProblem } from "../policy/kubernetes/name-rules";
import {
    IMAGE_FLAVOURS,
    ImageFlavour,
    MIN_CPU_MILLIS,
    MIN_MEMORY_MIB,
    VARIANTS,
    Variant,
    isPublished,
    publishedVariants,
} from "../policy/xroad/images";
import { LOG_LEVELS, LogLevel } from "../policy/xroad/env";
import { NetworkAccess, readNetwork } from "./network";

export type { NetworkAccess } from "./network";

export const TOPOLOGIES = ["single", "primary-secondaries"] as const;
/** `single`: one pod (NIIS user guide §2.1/§2.2); `primary-secondaries`: one primary and load-balanced secondaries (§2.3). */
export type Topology = (typeof TOPOLOGIES)[number];

export const DATABASE_MODES = ["local", "external", "managed"] as const;
/** `local`: PostgreSQL inside the Sidecar pod; `external`: a server you run; `managed`: RDS or Flexible Server created by this stack. */
export type DatabaseMode = (typeof DATABASE_MODES)[number];

export interface ResourceQuantities {
    cpu: string;
    memory: string;
}

/** Requests and limits of one container (guide §7). */
export interface ContainerResources {
    requests: ResourceQuantities;
    limits: ResourceQuantities;
}

export interface ExternalDatabase {
    host: string;
    port: number;
    /** `XROAD_DATABASE_NAME`: prefix of the serverconf, messagelog and op-monitor databases. */
    namePrefix?: string;
    /** Superuser name; anything but `postgres` is written to `/etc/xroad.properties` (xroad-facts §6). */
    user: string;
    /**
     * Where the database server's addresses lie, for the pods' egress NetworkPolicy (guide §5): a policy
     * matches addresses, never host names. Defaults to `<host>/32` when the host is an IPv4 address.
     */
    egressCidrs: string[];
}

export interface DatabaseSettings {
    mode: DatabaseMode;
    /** Set when mode is `external`. */
    external?: ExternalDatabase;
    /** Prefix for managed databases too, so several instances can share one server. */
    namePrefix?: string;
}

/** HPA of the secondaries (guide §11). */
export interface AutoscalingSettings {
    minReplicas: number;
    maxReplicas: number;
    targetCpuUtilization: number;
    /** Cooldown before scaling down; at least 300 s because the Sidecar starts slowly. */
    scaleDownStabilizationSeconds: number;
}

export interface StorageSizes {
    /** PVC for the primary's `/etc/xroad`. */
    config: string;
    /** Shared volume for `/var/lib/xroad` (backups, message-log archives). */
    archive: string;
    /** PVC for the local PostgreSQL data. */
    database: string;
}

export interface ArchivingSettings {
    enabled: boolean;
    /** Cron schedule of the archive upload job. */
    schedule: string;
    /** A file modified less than this many minutes ago is still being written and waits for the next run. */
    settleMinutes: number;
    /** Days an uploaded archive or backup stays on the volume for quick restores before the archiver removes it. */
    localRetentionDays: number;
    /** X-Road's own OpenPGP encryption of backups and message-log archives. */
    encryption: GpgEncryptionSettings;
    /** Requests and limits of the archiver job's container (guide §7: every container has both). */
    resources: ContainerResources;
}

/** One recipient of X-Road's backup and archive encryption: a public key whose private key is kept offline. */
export interface GpgRecipient {
    /** The key's OpenPGP fingerprint, 40 hex digits (X-Road's key id for it). */
    fingerprint: string;
    /** The ASCII-armored public key block. */
    publicKey: string;
}

/**
 * X-Road's gpg encryption of configuration backups and message-log archives (ug-syspar
 * `backup-encryption-enabled`, `archive-encryption-enabled`; review C11). Backups are encrypted to every
 * recipient and the server's own key, archives to the first recipient.
 */
export interface GpgEncryptionSettings {
    enabled: boolean;
    recipients: GpgRecipient[];
}

const FINGERPRINT = /^[0-9A-F]{40}$/;
const PUBLIC_KEY_BLOCK = /^-----BEGIN PGP PUBLIC KEY BLOCK-----\r?\n[\s\S]+\r?\n-----END PGP PUBLIC KEY BLOCK-----\s*$/;

function readEncryption(check: Checker, path: string, raw: unknown): GpgEncryptionSettings {
    const s = check.section(path, raw);
    check.knownKeys(path, s, ["enabled", "recipients"]);
    const enabled = check.boolean(`${path}.enabled`, s.enabled, false);
    const recipients = check.list(`${path}.recipients`, s.recipients, []).map((item, i): GpgRecipient => {
        const p = `${path}.recipients[${i}]`;
        const r = check.section(p, item);
        check.knownKeys(p, r, ["fingerprint", "publicKey"]);
        // `gpg --fingerprint` prints groups of four with spaces; X-Road takes the digits.
        const fpr = typeof r.fingerprint === "string" ? r.fingerprint.replace(/\s+/g, "").toUpperCase() : r.fingerprint;
        const fingerprint = check.string(`${p}.fingerprint`, fpr, undefined, {
            pattern: FINGERPRINT,
            allowed: "the key's 40-hex-digit fingerprint, as `gpg --fingerprint` prints it",
        });
        let publicKey = "";
        if (typeof r.publicKey === "string" && r.publicKey.includes("PRIVATE KEY BLOCK"))
            // Never echo it: a private key in config is a leak, and its place is offline.
            check.fail(
                `${p}.publicKey`,
                "[hidden: a private key block]",
                "the recipient's public key (gpg --armor --export); keep the private key offline",
            );
        else if (typeof r.publicKey !== "string" || !PUBLIC_KEY_BLOCK.test(r.publicKey.trim() + "\n"))
            check.fail(
                `${p}.publicKey`,
                typeof r.publicKey === "string" ? `${r.publicKey.slice(0, 40)}…` : r.publicKey,
                "an ASCII-armored public key block (gpg --armor --export <fingerprint>)",
            );
        else publicKey = r.publicKey.trim() + "\n";
        return { fingerprint, publicKey };
    });
    const seen = new Set<string>();
    recipients.forEach((r, i) => {
        if (seen.has(r.fingerprint)) check.fail(`${path}.recipients[${i}].fingerprint`, r.fingerprint, "a fingerprint not already listed");
        seen.add(r.fingerprint);
    });
    // ig-ss §3.5: without a key besides the server's own, backups are lost with the server's key.
    if (enabled && recipients.length === 0)
        check.fail(`${path}.recipients`, s.recipients, "at least one recipient { fingerprint, publicKey } when encryption is enabled");
    return { enabled, recipients };
}

export const DEFAULT_SETTLE_MINUTES = 30;
export const DEFAULT_LOCAL_RETENTION_DAYS = 7;

/** The archiver copies files with a CLI; it needs a fraction of what the Sidecar needs. */
const DEFAULT_ARCHIVER_RESOURCES: ContainerResources = {
    requests: { cpu: "100m", memory: "256Mi" },
    limits: { cpu: "500m", memory: "512Mi" },
};

export interface InstanceSecrets {
    tokenPin?: pulumi.Output<string>;
    adminUser?: pulumi.Output<string>;
    adminPassword?: pulumi.Output<string>;
    dbPassword?: pulumi.Output<string>;
}

/** One Security Server Sidecar deployment: its own namespace, images, topology and database. */
export interface SidecarInstanceConfig {
    name: string;
    namespace: string;
    flavour: ImageFlavour;
    variant: Variant;
    topology: Topology;
    database: DatabaseSettings;
    /** Resources of the primary (or the single pod). */
    primaryResources: ContainerResources;
    /** Resources of each secondary. */
    secondaryResources: ContainerResources;
    autoscaling: AutoscalingSettings;
    storage: StorageSizes;
    network: NetworkAccess;
    archiving: ArchivingSettings;
    logLevel: LogLevel;
    /** Secrets from `xroad-sidecar:secrets.<name>`; missing ones are generated. */
    secrets: InstanceSecrets;
}

export const INSTANCE_KEYS = [
    "name",
    "namespace",
    "flavour",
    "variant",
    "topology",
    "database",
    "resources",
    "secondaryResources",
    "autoscaling",
    "storage",
    "network",
    "archiving",
    "logLevel",
] as const;
export const SECRET_KEYS = ["tokenPin", "adminUser", "adminPassword", "dbPassword"] as const;

/** NIIS minimum (Docker guide §2.1): 2 CPUs, 3 GiB slim / 4 GiB full. Requests equal limits: Guaranteed QoS. */
export function defaultResources(flavour: ImageFlavour): ContainerResources {
    const q = { cpu: "2", memory: `${MIN_MEMORY_MIB[flavour] / 1024}Gi` };
    return { requests: { ...q }, limits: { ...q } };
}

const MIN_SCALE_DOWN_STABILIZATION_SECONDS = 300;

/** Namespaces that belong to the cluster, not to one workload. */
function isReservedNamespace(namespace: string): boolean {
    return namespace === "default" || namespace.startsWith("kube-");
}

/**
 * Every object of an instance is named after it (components/kubernetes/names.ts), so the instance name must
 * leave room for the longest suffix within each kind's limit, and start with a letter for the Services.
 */
function checkDerivedNames(check: Checker, path: string, name: string): void {
    if (!isDnsLabel(name)) return; // already reported
    const derived = objectNames({ name });
    for (const [field, objectName] of Object.entries(derived) as [keyof SidecarObjectNames, string][]) {
        const kind = OBJECT_NAME_KINDS[field];
        const problem = nameProblem(kind, objectName);
        if (problem) {
            check.fail(path, name, `a name from which every object name is valid; the derived ${problem}`);
            return;
        }
    }
}

/** Requests and limits with defaults; requests never above limits. */
function readRequestsAndLimits(check: Checker, path: string, raw: unknown, defaults: ContainerResources): ContainerResources {
    const s = check.section(path, raw);
    check.knownKeys(path, s, ["requests", "limits"]);
    const req = check.section(`${path}.requests`, s.requests);
    const lim = check.section(`${path}.limits`, s.limits);
    const r: ContainerResources = {
        requests: {
            cpu: check.cpu(`${path}.requests.cpu`, req.cpu, defaults.requests.cpu),
            memory: check.memory(`${path}.requests.memory`, req.memory, defaults.requests.memory),
        },
        limits: {
            cpu: check.cpu(`${path}.limits.cpu`, lim.cpu, defaults.limits.cpu),
            memory: check.memory(`${path}.limits.memory`, lim.memory, defaults.limits.memory),
        },
    };
    const [rc, lc, rm, lm] = [
        cpuMillis(r.requests.cpu),
        cpuMillis(r.limits.cpu),
        memoryBytes(r.requests.memory),
        memoryBytes(r.limits.memory),
    ];
    if (rc !== undefined && lc !== undefined && rc > lc)
        check.fail(`${path}.requests.cpu`, r.requests.cpu, `a value not above ${path}.limits.cpu (${r.limits.cpu})`);
    if (rm !== undefined && lm !== undefined && rm > lm)
        check.fail(`${path}.requests.memory`, r.requests.memory, `a value not above ${path}.limits.memory (${r.limits.memory})`);
    return r;
}

/** A Sidecar container's resources: the NIIS minimum by default, and never below it. */
function readResources(check: Checker, path: string, raw: unknown, flavour: ImageFlavour): ContainerResources {
    const r = readRequestsAndLimits(check, path, raw, defaultResources(flavour));
    const [lc, lm] = [cpuMillis(r.limits.cpu), memoryBytes(r.limits.memory)];
    if (lm !== undefined && lm < MIN_MEMORY_MIB[flavour] * 1024 * 1024)
        check.fail(
            `${path}.limits.memory`,
            r.limits.memory,
            `at least ${MIN_MEMORY_MIB[flavour]}Mi for the ${flavour} image (NIIS minimum)`,
        );
    if (lc !== undefined && lc < MIN_CPU_MILLIS)
        check.fail(`${path}.limits.cpu`, r.limits.cpu, `at least ${MIN_CPU_MILLIS / 1000} CPUs (NIIS minimum)`);
    return r;
}

function readSecrets(check: Checker, name: string, raw: unknown): InstanceSecrets {
    const path = `secrets.${name}`;
    // Values here are secret: issues show HIDDEN, never the value.
    if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
        check.fail(path, HIDDEN, `an object with ${SECRET_KEYS.join(", ")}`);
        return {};
    }
    const s = (raw ?? {}) as Record<string, unknown>;
    const out: InstanceSecrets = {};
    for (const key of Object.keys(s)) {
        if (!(SECRET_KEYS as readonly string[]).includes(key))
            check.fail(`${path}.${key}`, HIDDEN, `a known secret (${SECRET_KEYS.join(", ")})`);
    }
    for (const key of SECRET_KEYS) {
        const v = s[key];
        if (v === undefined || v === null || v === "") continue;
        if (typeof v !== "string" && typeof v !== "number") {
            check.fail(`${path}.${key}`, HIDDEN, "a string");
            continue;
        }
        // Read as a Pulumi secret whether or not the stack file marked it secure.
        out[key] = pulumi.secret(String(v));
    }
    return out;
}

/** Options that depend on the platform, used for defaults and cross-checks. */
export interface InstanceContext {
    /** Whether this platform can create a managed database. */
    managedDatabaseAvailable: boolean;
    /** Whether this platform provides an archive store by default. */
    archiveStoreAvailable: boolean;
    /** Production environments must say who calls this Security Server and what it calls. */
    production: boolean;
    /** The platform knows which annotations make a load balancer internal (aws, azure). */
    internalLoadBalancerAnnotationsKnown: boolean;
}

function readInstance(
    check: Checker,
    index: number,
    raw: unknown,
    secrets: Record<string, unknown>,
    ctx: InstanceContext,
): SidecarInstanceConfig {
    const path = `instances[${index}]`;
    const s = check.section(path, raw);
    check.knownKeys(path, s, INSTANCE_KEYS);
    const name = check.dnsLabel(`${path}.name`, s.name, index === 0 ? "sidecar" : undefined);
    checkDerivedNames(check, `${path}.name`, name);
    const namespace = check.dnsLabel(`${path}.namespace`, s.namespace, name);
    if (isReservedNamespace(namespace))
        check.fail(
            `${path}.namespace`,
            namespace,
            "a namespace of its own: default and kube-* belong to the cluster, and this program writes a default-deny policy and Pod Security labels into it",
        );
    const flavour = check.oneOf(`${path}.flavour`, s.flavour, IMAGE_FLAVOURS, "slim");
    const variant = check.oneOf(`${path}.variant`, s.variant, VARIANTS, "none");
    const topology = check.oneOf(`${path}.topology`, s.topology, TOPOLOGIES, "single");
    const roles = topology === "single" ? (["standalone"] as const) : (["primary", "secondary"] as const);
    if (roles.some((role) => !isPublished(flavour, variant, role))) {
        const role = roles[0];
        check.fail(
            `${path}.variant`,
            variant,
            `a variant NIIS publishes for ${flavour} ${topology} images: ${publishedVariants(flavour, role).join(", ")}`,
        );
    }

    const db = check.section(`${path}.database`, s.database);
    check.knownKeys(`${path}.database`, db, ["mode", "host", "port", "namePrefix", "user", "egressCidrs"]);
    const mode = check.oneOf(
        `${path}.database.mode`,
        db.mode,
        DATABASE_MODES,
        topology === "single" ? "local" : ctx.managedDatabaseAvailable ? "managed" : "external",
    );
    const prefixRule = { pattern: /^[a-z][a-z0-9_]{0,30}$/, allowed: "a lowercase PostgreSQL identifier prefix of at most 31 characters" };
    const namePrefix = check.optionalString(`${path}.database.namePrefix`, db.namePrefix, prefixRule);
    const database: DatabaseSettings = { mode, namePrefix };
    if (mode === "local" && topology !== "single") {
        check.fail(
            `${path}.database.mode`,
            mode,
            "external or managed for the primary-secondaries topology: every pod shares one database",
        );
    }
    if (mode === "managed" && !ctx.managedDatabaseAvailable) {
        check.fail(`${path}.database.mode`, mode, "local or external on target existing (managed needs aws or azure)");
    }
    if (mode === "external") {
        const host = check.string(`${path}.database.host`, db.host, undefined, {
            pattern: /^[A-Za-z0-9.-]+$/,
            allowed: "a host name or IP address",
        });
        const hostCidr = `${host}/32`;
        const egressCidrs = isIpv4Cidr(hostCidr)
            ? check.cidrList(`${path}.database.egressCidrs`, db.egressCidrs, [hostCidr])
            : check.cidrList(`${path}.database.egressCidrs`, db.egressCidrs);
        if (!isIpv4Cidr(hostCidr) && egressCidrs.length === 0) {
            check.fail(
                `${path}.database.egressCidrs`,
                db.egressCidrs,
                `the CIDRs that ${host} resolves into, such as ["10.20.0.0/24"] (NetworkPolicy matches addresses, not host names)`,
            );
        }
        database.external = {
            host,
            port: check.integer(`${path}.database.port`, db.port, { min: 1, max: 65535 }, 5432),
            namePrefix,
            user: check.string(`${path}.database.user`, db.user, "postgres", {
                pattern: /^[A-Za-z_][A-Za-z0-9_@.-]{0,62}$/,
                allowed: "a PostgreSQL role name",
            }),
            egressCidrs,
        };
    } else {
        for (const k of ["host", "port", "user", "egressCidrs"] as const)
            if (db[k] !== undefined) check.fail(`${path}.database.${k}`, db[k], `nothing: only database mode external takes ${k}`);
    }

    const as = check.section(`${path}.autoscaling`, s.autoscaling);
    check.knownKeys(`${path}.autoscaling`, as, ["minReplicas", "maxReplicas", "targetCpuUtilization", "scaleDownStabilizationSeconds"]);
    const autoscaling: AutoscalingSettings = {
        minReplicas: check.integer(`${path}.autoscaling.minReplicas`, as.minReplicas, { min: 1, max: 100 }, 2),
        maxReplicas: check.integer(`${path}.autoscaling.maxReplicas`, as.maxReplicas, { min: 1, max: 100 }, 4),
        targetCpuUtilization: check.integer(`${path}.autoscaling.targetCpuUtilization`, as.targetCpuUtilization, { min: 10, max: 95 }, 70),
        scaleDownStabilizationSeconds: check.integer(
            `${path}.autoscaling.scaleDownStabilizationSeconds`,
            as.scaleDownStabilizationSeconds,
            { min: MIN_SCALE_DOWN_STABILIZATION_SECONDS, max: 3600 },
            600,
        ),
    };
    check.minNotAboveMax(
        `${path}.autoscaling.minReplicas`,
        autoscaling.minReplicas,
        `${path}.autoscaling.maxReplicas`,
        autoscaling.maxReplicas,
    );

    const st = check.section(`${path}.storage`, s.storage);
    check.knownKeys(`${path}.storage`, st, ["config", "archive", "database"]);
    const storage: StorageSizes = {
        config: check.memory(`${path}.storage.config`, st.config, "2Gi"),
        archive: check.memory(`${path}.storage.archive`, st.archive, "20Gi"),
        database: check.memory(`${path}.storage.database`, st.database, "20Gi"),
    };

    const network: NetworkAccess = readNetwork(check, `${path}.network`, s.network, {
        namespace,
        variant,
        topology,
        production: ctx.production,
        internalLoadBalancerAnnotationsKnown: ctx.internalLoadBalancerAnnotationsKnown,
    });

    const ar = check.section(`${path}.archiving`, s.archiving);
    check.knownKeys(`${path}.archiving`, ar, ["enabled", "schedule", "settleMinutes", "localRetentionDays", "encryption", "resources"]);
    const archiving: ArchivingSettings = {
        enabled: check.boolean(`${path}.archiving.enabled`, ar.enabled, ctx.archiveStoreAvailable),
        schedule: check.string(`${path}.archiving.schedule`, ar.schedule, "30 */6 * * *", {
            pattern: { test: (v) => cronProblem(v) === undefined },
            allowed: CRON_ALLOWED,
        }),
        // X-Road renames finished archives into place; backups are written in place by gpg and take minutes at most.
        settleMinutes: check.integer(`${path}.archiving.settleMinutes`, ar.settleMinutes, { min: 1, max: 1440 }, DEFAULT_SETTLE_MINUTES),
        // X-Road itself keeps backups 30 days (/etc/cron.d/xroad-proxy) and archives forever; 0 removes them on the next run.
        localRetentionDays: check.integer(
            `${path}.archiving.localRetentionDays`,
            ar.localRetentionDays,
            { min: 0, max: 3650 },
            DEFAULT_LOCAL_RETENTION_DAYS,
        ),
        encryption: readEncryption(check, `${path}.archiving.encryption`, ar.encryption),
        resources: readRequestsAndLimits(check, `${path}.archiving.resources`, ar.resources, DEFAULT_ARCHIVER_RESOURCES),
    };
    if (archiving.enabled && !ctx.archiveStoreAvailable)
        check.fail(
            `${path}.archiving.enabled`,
            ar.enabled,
            "false on target existing: this target creates no archive store, so archives stay on the shared volume",
        );

    // Settings that only the primary-secondaries topology uses are refused on a single pod, not ignored.
    if (topology === "single") {
        for (const key of ["autoscaling", "secondaryResources"] as const)
            if (s[key] !== undefined)
                check.fail(`${path}.${key}`, s[key], `nothing: ${key} applies only to the primary-secondaries topology`);
    }
    const primaryResources = readResources(check, `${path}.resources`, s.resources, flavour);
    // Without their own setting the secondaries take the primary's resources, already checked (and reported) above.
    const secondaryResources = (): ContainerResources =>
        s.secondaryResources === undefined
            ? primaryResources
            : readResources(check, `${path}.secondaryResources`, s.secondaryResources, flavour);

    return {
        name,
        namespace,
        flavour,
        variant,
        topology,
        database,
        primaryResources,
        secondaryResources: secondaryResources(),
        autoscaling,
        storage,
        network,
        archiving,
        logLevel: check.oneOf(`${path}.logLevel`, s.logLevel, LOG_LEVELS, "INFO"),
        secrets: readSecrets(check, name, secrets[name]),
    };
}

/** Reads `xroad-sidecar:instances`; a stack without it gets one instance named `sidecar`. */
export function readInstances(check: Checker, raw: unknown, rawSecrets: unknown, ctx: InstanceContext): SidecarInstanceConfig[] {
    const list = check.list("instances", raw, [{}]);
    if (list.length === 0) check.fail("instances", raw, "a list of at least one Sidecar instance");
    const secrets = check.section("secrets", rawSecrets);
    const instances = list.map((item, i) => readInstance(check, i, item, secrets, ctx));
    const seen = new Map<string, number>();
    instances.forEach((inst, i) => {
        for (const [field, value] of [
            ["name", inst.name],
            ["namespace", inst.namespace],
        ] as const) {
            const k = `${field}:${value}`;
            if (seen.has(k)) check.fail(`instances[${i}].${field}`, value, `a ${field} not already used by instances[${seen.get(k)}]`);
            else seen.set(k, i);
        }
    });
    for (const name of Object.keys(secrets)) {
        if (!instances.some((i) => i.name === name))
            check.fail(`secrets.${name}`, HIDDEN, `secrets for a configured instance (${instances.map((i) => i.name).join(", ")})`);
    }
    return instances;
}
