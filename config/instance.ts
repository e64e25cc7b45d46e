import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { Checker, HIDDEN, cpuMillis, isDnsLabel, memoryBytes } from "./checker";
import { isCanonicalCidr } from "../kubernetes-model/cidr";
import { CRON_ALLOWED, cronProblem } from "./cron";
import {
    boolean,
    cidr,
    cpu,
    dnsLabel,
    integer,
    keysOf,
    list,
    mapOf,
    memory,
    oneOf,
    optionalText,
    section,
    text,
    withDefault,
} from "./kinds";
import { parseSetting } from "./parse";
import { OBJECT_NAME_KINDS, SidecarObjectNames, objectNames } from "../components/kubernetes/names";
import { nameProblem } from "../kubernetes-model/name-rules";
import {
    IMAGE_FLAVOURS,
    ImageFlavour,
    MIN_CPU_MILLIS,
    MIN_MEMORY_MIB,
    VARIANTS,
    isPublished,
    publishedVariants,
} from "../policy/xroad/images";
import { LOG_LEVELS } from "../policy/xroad/env";
import { NetworkAccess, networkSchema, resolveNetwork } from "./network";

export type { NetworkAccess } from "./network";

export const TOPOLOGIES = ["single", "primary-secondaries"] as const;
/** `single`: one pod (NIIS user guide §2.1/§2.2); `primary-secondaries`: one primary and load-balanced secondaries (§2.3). */
export type Topology = (typeof TOPOLOGIES)[number];

export const DATABASE_MODES = ["local", "external", "managed"] as const;
/** `local`: PostgreSQL inside the Sidecar pod; `external`: a server you run; `managed`: RDS or Flexible Server created by this stack. */
export type DatabaseMode = (typeof DATABASE_MODES)[number];

export const DEFAULT_SETTLE_MINUTES = 30;
export const DEFAULT_LOCAL_RETENTION_DAYS = 7;
const MIN_SCALE_DOWN_STABILIZATION_SECONDS = 300;

const FINGERPRINT = /^[0-9A-F]{40}$/;
const PUBLIC_KEY_BLOCK = /^-----BEGIN PGP PUBLIC KEY BLOCK-----\r?\n[\s\S]+\r?\n-----END PGP PUBLIC KEY BLOCK-----\s*$/;

/** Requests and limits of one container (guide §7); each value falls back to the container's own default. */
function resourcesSchema(defaults: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } } | undefined) {
    const quantities = (which: "requests" | "limits") =>
        withDefault(
            section({
                cpu: defaults ? withDefault(cpu(), defaults[which].cpu, { description: `CPU ${which}.` }) : cpu(`CPU ${which}.`).optional(),
                memory: defaults
                    ? withDefault(memory(), defaults[which].memory, { description: `Memory ${which}.` })
                    : memory(`Memory ${which}.`).optional(),
            }),
            {},
            { description: which === "requests" ? "What the scheduler reserves." : "What the container may use." },
        );
    return section({ requests: quantities("requests"), limits: quantities("limits") });
}

/** The archiver copies files with a CLI; it needs a fraction of what the Sidecar needs. */
const ARCHIVER_RESOURCES = { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } };

const recipientSchema = section({
    // `gpg --fingerprint` prints groups of four with spaces; X-Road takes the digits.
    fingerprint: z
        .preprocess(
            (v) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : v),
            text({ pattern: FINGERPRINT, allowed: "the key's 40-hex-digit fingerprint, as `gpg --fingerprint` prints it" }),
        )
        .meta({ description: "The key's OpenPGP fingerprint, 40 hex digits (X-Road's key id for it)." }),
    publicKey: z
        .unknown()
        .superRefine((value, ctx) => {
            if (typeof value === "string" && value.includes("PRIVATE KEY BLOCK"))
                // Never echo it: a private key in config is a leak, and its place is offline.
                ctx.addIssue({
                    code: "custom",
                    input: "[hidden: a private key block]",
                    message: "the recipient's public key (gpg --armor --export); keep the private key offline",
                });
            else if (typeof value !== "string" || !PUBLIC_KEY_BLOCK.test(value.trim() + "\n"))
                ctx.addIssue({
                    code: "custom",
                    input: typeof value === "string" ? `${value.slice(0, 40)}…` : value,
                    message: "an ASCII-armored public key block (gpg --armor --export <fingerprint>)",
                });
        })
        .transform((value) => String(value).trim() + "\n")
        .pipe(z.string())
        .meta({ description: "The ASCII-armored public key block.", allowed: "an ASCII-armored public key block" }),
});

/** One Sidecar instance, as the stack file declares it. */
const instanceSchema = section({
    name: dnsLabel("Names the instance and every object of it; the derived names must fit their kinds' limits.").optional().meta({
        defaultText: "sidecar for the first instance; required for the others",
    }),
    namespace: dnsLabel("The instance's own namespace; not default or kube-*.").optional().meta({ defaultText: "the instance name" }),
    flavour: withDefault(oneOf(IMAGE_FLAVOURS), "slim", { description: "Image flavour: slim or full." }),
    variant: withDefault(oneOf(VARIANTS), "none", { description: "Country variant of the image; only combinations NIIS publishes." }),
    topology: withDefault(oneOf(TOPOLOGIES), "single", {
        description: "single: one pod; primary-secondaries: a primary and load-balanced secondaries (needs a shared database).",
    }),
    database: withDefault(
        section({
            mode: oneOf(DATABASE_MODES, "local: in the pod; external: a server you run; managed: RDS or Flexible Server.")
                .optional()
                .meta({ defaultText: "local for single; managed (external on target existing) for primary-secondaries" }),
            host: text(
                { pattern: /^[A-Za-z0-9.-]+$/, allowed: "a host name or IP address" },
                "External server's host (mode external).",
            ).optional(),
            port: integer({ min: 1, max: 65535 }, "External server's port (mode external).").optional().meta({ defaultText: "5432" }),
            namePrefix: optionalText(
                { pattern: /^[a-z][a-z0-9_]{0,30}$/, allowed: "a lowercase PostgreSQL identifier prefix of at most 31 characters" },
                "XROAD_DATABASE_NAME: prefix of the serverconf, messagelog and op-monitor databases, so instances can share a server.",
            ),
            user: text(
                { pattern: /^[A-Za-z_][A-Za-z0-9_@.-]{0,62}$/, allowed: "a PostgreSQL role name" },
                "Superuser name (mode external).",
            )
                .optional()
                .meta({ defaultText: "postgres" }),
            egressCidrs: list(cidr()).optional().meta({
                description:
                    "Where the external server's addresses lie, for the egress NetworkPolicy (a policy matches addresses, not names).",
                defaultText: "<host>/32 when the host is an IPv4 address",
            }),
        }),
        {},
        { description: "Where the Sidecar's PostgreSQL runs." },
    ),
    resources: withDefault(
        resourcesSchema(undefined),
        {},
        {
            description: "Requests and limits of the primary (or the single pod); at least the NIIS minimum.",
            defaultText: "2 CPUs and 3Gi (slim) or 4Gi (full), requests equal to limits",
        },
    ),
    secondaryResources: resourcesSchema(undefined)
        .optional()
        .meta({ description: "Requests and limits of each secondary (primary-secondaries only).", defaultText: "the primary's" }),
    autoscaling: withDefault(
        section({
            minReplicas: withDefault(integer({ min: 1, max: 100 }), 2, { description: "Fewest secondaries." }),
            maxReplicas: withDefault(integer({ min: 1, max: 100 }), 4, { description: "Most secondaries." }),
            targetCpuUtilization: withDefault(integer({ min: 10, max: 95 }), 70, { description: "CPU utilization the HPA aims at (%)." }),
            scaleDownStabilizationSeconds: withDefault(integer({ min: MIN_SCALE_DOWN_STABILIZATION_SECONDS, max: 3600 }), 600, {
                description: "Cooldown before scaling down; at least 300 s because the Sidecar starts slowly.",
            }),
        }),
        {},
        { description: "HPA of the secondaries (guide §11; primary-secondaries only)." },
    ),
    storage: withDefault(
        section({
            config: withDefault(memory(), "2Gi", { description: "PVC for the primary's /etc/xroad." }),
            archive: withDefault(memory(), "20Gi", { description: "Shared volume for /var/lib/xroad (backups, message-log archives)." }),
            database: withDefault(memory(), "20Gi", { description: "PVC for the local PostgreSQL data." }),
        }),
        {},
        { description: "Volume sizes." },
    ),
    network: networkSchema,
    archiving: withDefault(
        section({
            enabled: boolean("Upload archives and backups to the platform's store.")
                .optional()
                .meta({ defaultText: "true on aws and azure; false on existing (no store)" }),
            schedule: withDefault(text({ pattern: { test: (v) => cronProblem(v) === undefined }, allowed: CRON_ALLOWED }), "30 */6 * * *", {
                description: "Cron schedule of the archive upload job.",
            }),
            // X-Road renames finished archives into place; backups are written in place by gpg and take minutes at most.
            settleMinutes: withDefault(integer({ min: 1, max: 1440 }), DEFAULT_SETTLE_MINUTES, {
                description: "A file modified less than this many minutes ago is still being written and waits for the next run.",
            }),
            // X-Road itself keeps backups 30 days (/etc/cron.d/xroad-proxy) and archives forever; 0 removes them on the next run.
            localRetentionDays: withDefault(integer({ min: 0, max: 3650 }), DEFAULT_LOCAL_RETENTION_DAYS, {
                description: "Days an uploaded archive or backup stays on the volume for quick restores.",
            }),
            encryption: withDefault(
                section({
                    enabled: withDefault(boolean(), false, { description: "Encrypt backups and archives with gpg." }),
                    recipients: withDefault(list(recipientSchema), [], {
                        description: "Public keys whose private keys are kept offline: backups to every one, archives to the first.",
                    }),
                }),
                {},
                { description: "X-Road's OpenPGP encryption of backups and message-log archives (ug-syspar; review C11)." },
            ),
            resources: withDefault(
                resourcesSchema(ARCHIVER_RESOURCES),
                {},
                {
                    description: "Requests and limits of the archiver job's container (guide §7).",
                },
            ),
        }),
        {},
        { description: "The archiver job that uploads message-log archives and backups." },
    ),
    logLevel: withDefault(oneOf(LOG_LEVELS), "INFO", { description: "X-Road log level." }),
});

/** The keys of one instance. */
export const INSTANCE_KEYS = keysOf(instanceSchema);

type ParsedInstance = z.output<typeof instanceSchema>;

export interface ResourceQuantities {
    cpu: string;
    memory: string;
}

/** Requests and limits of one container (guide §7). */
export interface ContainerResources {
    requests: ResourceQuantities;
    limits: ResourceQuantities;
}

/** The archiver copies files with a CLI; it needs a fraction of what the Sidecar needs. */
const DEFAULT_ARCHIVER_RESOURCES: ContainerResources = ARCHIVER_RESOURCES;

export type ExternalDatabase = {
    host: string;
    port: number;
    /** `XROAD_DATABASE_NAME`: prefix of the serverconf, messagelog and op-monitor databases. */
    namePrefix?: string;
    /** Superuser name; anything but `postgres` is written to `/etc/xroad.properties` (xroad-facts §6). */
    user: string;
    /** Where the database server's addresses lie, for the pods' egress NetworkPolicy (guide §5). */
    egressCidrs: string[];
};

export interface DatabaseSettings {
    mode: DatabaseMode;
    /** Set when mode is `external`. */
    external?: ExternalDatabase;
    /** Prefix for managed databases too, so several instances can share one server. */
    namePrefix?: string;
}

/** HPA of the secondaries (guide §11). */
export type AutoscalingSettings = ParsedInstance["autoscaling"];
/**
 * X-Road's gpg encryption of configuration backups and message-log archives (ug-syspar
 * `backup-encryption-enabled`, `archive-encryption-enabled`; review C11).
 */
export type GpgEncryptionSettings = ParsedInstance["archiving"]["encryption"];
export type ArchivingSettings = Omit<ParsedInstance["archiving"], "enabled" | "resources"> & {
    enabled: boolean;
    resources: ContainerResources;
};

export const SECRET_KEYS = ["tokenPin", "adminUser", "adminPassword", "dbPassword"] as const;

export type InstanceSecrets = Partial<Record<(typeof SECRET_KEYS)[number], pulumi.Output<string>>>;

/** One Security Server Sidecar deployment: its own namespace, images, topology and database. */
export type SidecarInstanceConfig = Omit<
    ParsedInstance,
    "name" | "namespace" | "database" | "resources" | "secondaryResources" | "network" | "archiving"
> & {
    name: string;
    namespace: string;
    database: DatabaseSettings;
    /** Resources of the primary (or the single pod). */
    primaryResources: ContainerResources;
    /** Resources of each secondary. */
    secondaryResources: ContainerResources;
    network: NetworkAccess;
    archiving: ArchivingSettings;
    /** Secrets from `xroad-sidecar:secrets.<name>`; missing ones are generated. */
    secrets: InstanceSecrets;
};

/** NIIS minimum (Docker guide §2.1): 2 CPUs, 3 GiB slim / 4 GiB full. Requests equal limits: Guaranteed QoS. */
export function defaultResources(flavour: ImageFlavour): ContainerResources {
    const q = { cpu: "2", memory: `${MIN_MEMORY_MIB[flavour] / 1024}Gi` };
    return { requests: { ...q }, limits: { ...q } };
}

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

type ParsedResources = ParsedInstance["resources"];

/** Requests and limits with defaults; requests never above limits. */
function resolveRequestsAndLimits(check: Checker, path: string, given: ParsedResources, defaults: ContainerResources): ContainerResources {
    const r: ContainerResources = {
        requests: {
            cpu: given.requests.cpu ?? defaults.requests.cpu,
            memory: given.requests.memory ?? defaults.requests.memory,
        },
        limits: { cpu: given.limits.cpu ?? defaults.limits.cpu, memory: given.limits.memory ?? defaults.limits.memory },
    };
    const [requestMillis, limitMillis, requestBytes, limitBytes] = [
        cpuMillis(r.requests.cpu),
        cpuMillis(r.limits.cpu),
        memoryBytes(r.requests.memory),
        memoryBytes(r.limits.memory),
    ];
    if (requestMillis !== undefined && limitMillis !== undefined && requestMillis > limitMillis)
        check.fail(`${path}.requests.cpu`, r.requests.cpu, `a value not above ${path}.limits.cpu (${r.limits.cpu})`);
    if (requestBytes !== undefined && limitBytes !== undefined && requestBytes > limitBytes)
        check.fail(`${path}.requests.memory`, r.requests.memory, `a value not above ${path}.limits.memory (${r.limits.memory})`);
    return r;
}

/** A Sidecar container's resources: the NIIS minimum by default, and never below it. */
function resolveResources(check: Checker, path: string, given: ParsedResources, flavour: ImageFlavour): ContainerResources {
    const r = resolveRequestsAndLimits(check, path, given, defaultResources(flavour));
    const [limitMillis, limitBytes] = [cpuMillis(r.limits.cpu), memoryBytes(r.limits.memory)];
    if (limitBytes !== undefined && limitBytes < MIN_MEMORY_MIB[flavour] * 1024 * 1024)
        check.fail(
            `${path}.limits.memory`,
            r.limits.memory,
            `at least ${MIN_MEMORY_MIB[flavour]}Mi for the ${flavour} image (NIIS minimum)`,
        );
    if (limitMillis !== undefined && limitMillis < MIN_CPU_MILLIS)
        check.fail(`${path}.limits.cpu`, r.limits.cpu, `at least ${MIN_CPU_MILLIS / 1000} CPUs (NIIS minimum)`);
    return r;
}

/**
 * One secret: text, or a number (an unquoted PIN) read as its text; empty is unset (generated). Every value here
 * is secret: config/checker.ts hides whatever lies under `secrets` in a message.
 */
const secretValue = (key: (typeof SECRET_KEYS)[number]) =>
    z
        .preprocess(
            (value) => (value === null || value === "" ? undefined : typeof value === "number" ? String(value) : value),
            z.string({ error: "a string" }).optional(),
        )
        .meta({ description: `The instance's ${key}; generated when unset.`, alsoAccepts: [{ type: "number" }] });

/** `xroad-sidecar:secrets.<instance>`: one stack-file value per secret, plain or `{secure: …}`. */
const instanceSecretsSchema = z.strictObject(
    Object.fromEntries(SECRET_KEYS.map((key) => [key, secretValue(key)])) as Record<
        (typeof SECRET_KEYS)[number],
        ReturnType<typeof secretValue>
    >,
    {
        // Worded for secrets (a misspelled secret key is still a secret): config/parse.ts never shows its value.
        error: (issue) =>
            issue.code === "unrecognized_keys" ? `a known secret (${SECRET_KEYS.join(", ")})` : `an object with ${SECRET_KEYS.join(", ")}`,
    },
);

/** `xroad-sidecar:secrets`: the secrets of each instance, by instance name. */
export const secretsSchema = withDefault(
    mapOf(instanceSecretsSchema),
    {},
    {
        description:
            "Per instance name: tokenPin, adminUser, adminPassword, dbPassword. Set with `pulumi config set --secret --path secrets.<instance>.tokenPin <value>`; anything unset is generated and kept secret.",
    },
);
type ParsedSecrets = z.output<typeof secretsSchema>;

/** Each instance's secrets as Pulumi secrets, whether or not the stack file marked them secure. */
function asPulumiSecrets(given: ParsedSecrets[string] | undefined): InstanceSecrets {
    const out: InstanceSecrets = {};
    for (const key of SECRET_KEYS) {
        const value = given?.[key];
        if (value !== undefined) out[key] = pulumi.secret(value);
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

function resolveDatabase(
    check: Checker,
    path: string,
    given: ParsedInstance["database"],
    topology: Topology,
    ctx: InstanceContext,
): DatabaseSettings {
    const mode = given.mode ?? (topology === "single" ? "local" : ctx.managedDatabaseAvailable ? "managed" : "external");
    const database: DatabaseSettings = { mode, namePrefix: given.namePrefix };
    if (mode === "local" && topology !== "single")
        check.fail(
            `${path}.database.mode`,
            mode,
            "external or managed for the primary-secondaries topology: every pod shares one database",
        );
    if (mode === "managed" && !ctx.managedDatabaseAvailable)
        check.fail(`${path}.database.mode`, mode, "local or external on target existing (managed needs aws or azure)");
    if (mode !== "external") {
        for (const k of ["host", "port", "user", "egressCidrs"] as const)
            if (given[k] !== undefined) check.fail(`${path}.database.${k}`, given[k], `nothing: only database mode external takes ${k}`);
        return database;
    }
    if (given.host === undefined && !check.reported(`${path}.database.host`))
        check.fail(`${path}.database.host`, undefined, "a host name or IP address");
    const host = given.host ?? "";
    const hostCidr = `${host}/32`;
    const egressCidrs = given.egressCidrs ?? (isCanonicalCidr(hostCidr) ? [hostCidr] : []);
    if (!isCanonicalCidr(hostCidr) && egressCidrs.length === 0 && !check.reported(`${path}.database.egressCidrs`))
        check.fail(
            `${path}.database.egressCidrs`,
            given.egressCidrs,
            `the CIDRs that ${host} resolves into, such as ["10.20.0.0/24"] (NetworkPolicy matches addresses, not host names)`,
        );
    database.external = { host, port: given.port ?? 5432, namePrefix: given.namePrefix, user: given.user ?? "postgres", egressCidrs };
    return database;
}

function resolveEncryption(check: Checker, path: string, encryption: GpgEncryptionSettings, raw: unknown): GpgEncryptionSettings {
    const seen = new Set<string>();
    encryption.recipients.forEach((r, i) => {
        if (seen.has(r.fingerprint)) check.fail(`${path}.recipients[${i}].fingerprint`, r.fingerprint, "a fingerprint not already listed");
        seen.add(r.fingerprint);
    });
    // ig-ss §3.5: without a key besides the server's own, backups are lost with the server's key.
    if (encryption.enabled && encryption.recipients.length === 0 && !check.reported(`${path}.recipients`))
        check.fail(
            `${path}.recipients`,
            (raw as { recipients?: unknown } | undefined)?.recipients,
            "at least one recipient { fingerprint, publicKey } when encryption is enabled",
        );
    return encryption;
}

type Section = Record<string, unknown>;
const asSection = (value: unknown): Section =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Section) : {};

/** The rules of one instance that relate its settings to each other, to the platform and to its secrets. */
function resolveInstance(
    check: Checker,
    index: number,
    parsed: ParsedInstance,
    raw: unknown,
    secrets: ParsedSecrets,
    ctx: InstanceContext,
): SidecarInstanceConfig {
    const path = `instances[${index}]`;
    const s = asSection(raw);
    if (parsed.name === undefined && index > 0 && !check.reported(`${path}.name`))
        check.fail(
            `${path}.name`,
            undefined,
            "a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
        );
    const name = parsed.name ?? (index === 0 ? "sidecar" : "");
    checkDerivedNames(check, `${path}.name`, name);
    const namespace = parsed.namespace ?? name;
    if (isReservedNamespace(namespace))
        check.fail(
            `${path}.namespace`,
            namespace,
            "a namespace of its own: default and kube-* belong to the cluster, and this program writes a default-deny policy and Pod Security labels into it",
        );
    const { flavour, variant, topology } = parsed;
    const roles = topology === "single" ? (["standalone"] as const) : (["primary", "secondary"] as const);
    if (roles.some((role) => !isPublished(flavour, variant, role)))
        check.fail(
            `${path}.variant`,
            variant,
            `a variant NIIS publishes for ${flavour} ${topology} images: ${publishedVariants(flavour, roles[0]).join(", ")}`,
        );
    const database = resolveDatabase(check, path, parsed.database, topology, ctx);
    check.minNotAboveMax(
        `${path}.autoscaling.minReplicas`,
        parsed.autoscaling.minReplicas,
        `${path}.autoscaling.maxReplicas`,
        parsed.autoscaling.maxReplicas,
    );
    const network = resolveNetwork(check, `${path}.network`, parsed.network, s.network, {
        namespace,
        variant,
        topology,
        production: ctx.production,
        internalLoadBalancerAnnotationsKnown: ctx.internalLoadBalancerAnnotationsKnown,
    });
    const rawArchiving = asSection(s.archiving);
    const archiving: ArchivingSettings = {
        ...parsed.archiving,
        enabled: parsed.archiving.enabled ?? ctx.archiveStoreAvailable,
        encryption: resolveEncryption(check, `${path}.archiving.encryption`, parsed.archiving.encryption, rawArchiving.encryption),
        resources: resolveRequestsAndLimits(check, `${path}.archiving.resources`, parsed.archiving.resources, DEFAULT_ARCHIVER_RESOURCES),
    };
    if (archiving.enabled && !ctx.archiveStoreAvailable)
        check.fail(
            `${path}.archiving.enabled`,
            rawArchiving.enabled,
            "false on target existing: this target creates no archive store, so archives stay on the shared volume",
        );
    // Settings that only the primary-secondaries topology uses are refused on a single pod, not ignored.
    if (topology === "single") {
        for (const key of ["autoscaling", "secondaryResources"] as const)
            if (s[key] !== undefined)
                check.fail(`${path}.${key}`, s[key], `nothing: ${key} applies only to the primary-secondaries topology`);
    }
    const primaryResources = resolveResources(check, `${path}.resources`, parsed.resources, flavour);
    // Without their own setting the secondaries take the primary's resources, already checked (and reported) above.
    const secondaryResources =
        parsed.secondaryResources === undefined
            ? primaryResources
            : resolveResources(check, `${path}.secondaryResources`, parsed.secondaryResources, flavour);
    return {
        name,
        namespace,
        flavour,
        variant,
        topology,
        database,
        primaryResources,
        secondaryResources,
        autoscaling: parsed.autoscaling,
        storage: parsed.storage,
        network,
        archiving,
        logLevel: parsed.logLevel,
        secrets: asPulumiSecrets(secrets[name]),
    };
}

/** `xroad-sidecar:instances`: at least one; a stack without it gets one instance named `sidecar`. */
export const instancesSchema = withDefault(
    list(instanceSchema, { min: 1, allowed: "a list of at least one Sidecar instance" }),
    [{ name: "sidecar" }],
    {
        description: "Sidecar instances, each in its own namespace.",
    },
);

const instancesListSchema = withDefault(list(z.unknown(), { min: 1, allowed: "a list of at least one Sidecar instance" }), [{}]);

/** Reads `xroad-sidecar:instances`; a stack without it gets one instance named `sidecar`. */
export function readInstances(check: Checker, raw: unknown, rawSecrets: unknown, ctx: InstanceContext): SidecarInstanceConfig[] {
    // The list first, then each instance on its own, so one broken instance does not hide the rules of the others.
    const list = parseSetting(check, "instances", raw, instancesListSchema) ?? [{}];
    const secrets = parseSetting(check, "secrets", rawSecrets, secretsSchema) ?? {};
    const instances = list.flatMap((item, i) => {
        const parsed = parseSetting(check, `instances[${i}]`, item, instanceSchema);
        return parsed === undefined ? [] : [resolveInstance(check, i, parsed, item, secrets, ctx)];
    });
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
    // Every name written, also one whose secrets were refused: a misspelled instance name is the likelier mistake.
    const written = typeof rawSecrets === "object" && rawSecrets !== null && !Array.isArray(rawSecrets) ? Object.keys(rawSecrets) : [];
    for (const name of written) {
        if (!instances.some((i) => i.name === name))
            check.fail(`secrets.${name}`, HIDDEN, `secrets for a configured instance (${instances.map((i) => i.name).join(", ")})`);
    }
    return instances;
}
