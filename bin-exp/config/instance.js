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
exports.SECRET_KEYS = exports.INSTANCE_KEYS = exports.DEFAULT_LOCAL_RETENTION_DAYS = exports.DEFAULT_SETTLE_MINUTES = exports.DATABASE_MODES = exports.TOPOLOGIES = void 0;
exports.defaultResources = defaultResources;
exports.readInstances = readInstances;
const pulumi = __importStar(require("@pulumi/pulumi"));
const checker_1 = require("./checker");
const cron_1 = require("./cron");
const names_1 = require("../components/kubernetes/names");
const name_rules_1 = require("../policy/kubernetes/name-rules");
const images_1 = require("../policy/xroad/images");
const env_1 = require("../policy/xroad/env");
const network_1 = require("./network");
exports.TOPOLOGIES = ["single", "primary-secondaries"];
exports.DATABASE_MODES = ["local", "external", "managed"];
const FINGERPRINT = /^[0-9A-F]{40}$/;
const PUBLIC_KEY_BLOCK = /^-----BEGIN PGP PUBLIC KEY BLOCK-----\r?\n[\s\S]+\r?\n-----END PGP PUBLIC KEY BLOCK-----\s*$/;
function readEncryption(check, path, raw) {
    const s = check.section(path, raw);
    check.knownKeys(path, s, ["enabled", "recipients"]);
    const enabled = check.boolean(`${path}.enabled`, s.enabled, false);
    const recipients = check.list(`${path}.recipients`, s.recipients, []).map((item, i) => {
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
            check.fail(`${p}.publicKey`, "[hidden: a private key block]", "the recipient's public key (gpg --armor --export); keep the private key offline");
        else if (typeof r.publicKey !== "string" || !PUBLIC_KEY_BLOCK.test(r.publicKey.trim() + "\n"))
            check.fail(`${p}.publicKey`, typeof r.publicKey === "string" ? `${r.publicKey.slice(0, 40)}…` : r.publicKey, "an ASCII-armored public key block (gpg --armor --export <fingerprint>)");
        else
            publicKey = r.publicKey.trim() + "\n";
        return { fingerprint, publicKey };
    });
    const seen = new Set();
    recipients.forEach((r, i) => {
        if (seen.has(r.fingerprint))
            check.fail(`${path}.recipients[${i}].fingerprint`, r.fingerprint, "a fingerprint not already listed");
        seen.add(r.fingerprint);
    });
    // ig-ss §3.5: without a key besides the server's own, backups are lost with the server's key.
    if (enabled && recipients.length === 0)
        check.fail(`${path}.recipients`, s.recipients, "at least one recipient { fingerprint, publicKey } when encryption is enabled");
    return { enabled, recipients };
}
exports.DEFAULT_SETTLE_MINUTES = 30;
exports.DEFAULT_LOCAL_RETENTION_DAYS = 7;
/** The archiver copies files with a CLI; it needs a fraction of what the Sidecar needs. */
const DEFAULT_ARCHIVER_RESOURCES = {
    requests: { cpu: "100m", memory: "256Mi" },
    limits: { cpu: "500m", memory: "512Mi" },
};
exports.INSTANCE_KEYS = [
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
];
exports.SECRET_KEYS = ["tokenPin", "adminUser", "adminPassword", "dbPassword"];
/** NIIS minimum (Docker guide §2.1): 2 CPUs, 3 GiB slim / 4 GiB full. Requests equal limits: Guaranteed QoS. */
function defaultResources(flavour) {
    const q = { cpu: "2", memory: `${images_1.MIN_MEMORY_MIB[flavour] / 1024}Gi` };
    return { requests: { ...q }, limits: { ...q } };
}
const MIN_SCALE_DOWN_STABILIZATION_SECONDS = 300;
/** Namespaces that belong to the cluster, not to one workload. */
function isReservedNamespace(namespace) {
    return namespace === "default" || namespace.startsWith("kube-");
}
/**
 * Every object of an instance is named after it (components/kubernetes/names.ts), so the instance name must
 * leave room for the longest suffix within each kind's limit, and start with a letter for the Services.
 */
function checkDerivedNames(check, path, name) {
    if (!(0, checker_1.isDnsLabel)(name))
        return; // already reported
    const derived = (0, names_1.objectNames)({ name });
    for (const [field, objectName] of Object.entries(derived)) {
        const kind = names_1.OBJECT_NAME_KINDS[field];
        const problem = (0, name_rules_1.nameProblem)(kind, objectName);
        if (problem) {
            check.fail(path, name, `a name from which every object name is valid; the derived ${problem}`);
            return;
        }
    }
}
/** Requests and limits with defaults; requests never above limits. */
function readRequestsAndLimits(check, path, raw, defaults) {
    const s = check.section(path, raw);
    check.knownKeys(path, s, ["requests", "limits"]);
    const req = check.section(`${path}.requests`, s.requests);
    const lim = check.section(`${path}.limits`, s.limits);
    const r = {
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
        (0, checker_1.cpuMillis)(r.requests.cpu),
        (0, checker_1.cpuMillis)(r.limits.cpu),
        (0, checker_1.memoryBytes)(r.requests.memory),
        (0, checker_1.memoryBytes)(r.limits.memory),
    ];
    if (rc !== undefined && lc !== undefined && rc > lc)
        check.fail(`${path}.requests.cpu`, r.requests.cpu, `a value not above ${path}.limits.cpu (${r.limits.cpu})`);
    if (rm !== undefined && lm !== undefined && rm > lm)
        check.fail(`${path}.requests.memory`, r.requests.memory, `a value not above ${path}.limits.memory (${r.limits.memory})`);
    return r;
}
/** A Sidecar container's resources: the NIIS minimum by default, and never below it. */
function readResources(check, path, raw, flavour) {
    const r = readRequestsAndLimits(check, path, raw, defaultResources(flavour));
    const [lc, lm] = [(0, checker_1.cpuMillis)(r.limits.cpu), (0, checker_1.memoryBytes)(r.limits.memory)];
    if (lm !== undefined && lm < images_1.MIN_MEMORY_MIB[flavour] * 1024 * 1024)
        check.fail(`${path}.limits.memory`, r.limits.memory, `at least ${images_1.MIN_MEMORY_MIB[flavour]}Mi for the ${flavour} image (NIIS minimum)`);
    if (lc !== undefined && lc < images_1.MIN_CPU_MILLIS)
        check.fail(`${path}.limits.cpu`, r.limits.cpu, `at least ${images_1.MIN_CPU_MILLIS / 1000} CPUs (NIIS minimum)`);
    return r;
}
function readSecrets(check, name, raw) {
    const path = `secrets.${name}`;
    // Values here are secret: issues show HIDDEN, never the value.
    if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
        check.fail(path, checker_1.HIDDEN, `an object with ${exports.SECRET_KEYS.join(", ")}`);
        return {};
    }
    const s = (raw ?? {});
    const out = {};
    for (const key of Object.keys(s)) {
        if (!exports.SECRET_KEYS.includes(key))
            check.fail(`${path}.${key}`, checker_1.HIDDEN, `a known secret (${exports.SECRET_KEYS.join(", ")})`);
    }
    for (const key of exports.SECRET_KEYS) {
        const v = s[key];
        if (v === undefined || v === null || v === "")
            continue;
        if (typeof v !== "string" && typeof v !== "number") {
            check.fail(`${path}.${key}`, checker_1.HIDDEN, "a string");
            continue;
        }
        // Read as a Pulumi secret whether or not the stack file marked it secure.
        out[key] = pulumi.secret(String(v));
    }
    return out;
}
function readInstance(check, index, raw, secrets, ctx) {
    const path = `instances[${index}]`;
    const s = check.section(path, raw);
    check.knownKeys(path, s, exports.INSTANCE_KEYS);
    const name = check.dnsLabel(`${path}.name`, s.name, index === 0 ? "sidecar" : undefined);
    checkDerivedNames(check, `${path}.name`, name);
    const namespace = check.dnsLabel(`${path}.namespace`, s.namespace, name);
    if (isReservedNamespace(namespace))
        check.fail(`${path}.namespace`, namespace, "a namespace of its own: default and kube-* belong to the cluster, and this program writes a default-deny policy and Pod Security labels into it");
    const flavour = check.oneOf(`${path}.flavour`, s.flavour, images_1.IMAGE_FLAVOURS, "slim");
    const variant = check.oneOf(`${path}.variant`, s.variant, images_1.VARIANTS, "none");
    const topology = check.oneOf(`${path}.topology`, s.topology, exports.TOPOLOGIES, "single");
    const roles = topology === "single" ? ["standalone"] : ["primary", "secondary"];
    if (roles.some((role) => !(0, images_1.isPublished)(flavour, variant, role))) {
        const role = roles[0];
        check.fail(`${path}.variant`, variant, `a variant NIIS publishes for ${flavour} ${topology} images: ${(0, images_1.publishedVariants)(flavour, role).join(", ")}`);
    }
    const db = check.section(`${path}.database`, s.database);
    check.knownKeys(`${path}.database`, db, ["mode", "host", "port", "namePrefix", "user", "egressCidrs"]);
    const mode = check.oneOf(`${path}.database.mode`, db.mode, exports.DATABASE_MODES, topology === "single" ? "local" : ctx.managedDatabaseAvailable ? "managed" : "external");
    const prefixRule = { pattern: /^[a-z][a-z0-9_]{0,30}$/, allowed: "a lowercase PostgreSQL identifier prefix of at most 31 characters" };
    const namePrefix = check.optionalString(`${path}.database.namePrefix`, db.namePrefix, prefixRule);
    const database = { mode, namePrefix };
    if (mode === "local" && topology !== "single") {
        check.fail(`${path}.database.mode`, mode, "external or managed for the primary-secondaries topology: every pod shares one database");
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
        const egressCidrs = (0, checker_1.isIpv4Cidr)(hostCidr)
            ? check.cidrList(`${path}.database.egressCidrs`, db.egressCidrs, [hostCidr])
            : check.cidrList(`${path}.database.egressCidrs`, db.egressCidrs);
        if (!(0, checker_1.isIpv4Cidr)(hostCidr) && egressCidrs.length === 0) {
            check.fail(`${path}.database.egressCidrs`, db.egressCidrs, `the CIDRs that ${host} resolves into, such as ["10.20.0.0/24"] (NetworkPolicy matches addresses, not host names)`);
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
    }
    else {
        for (const k of ["host", "port", "user", "egressCidrs"])
            if (db[k] !== undefined)
                check.fail(`${path}.database.${k}`, db[k], `nothing: only database mode external takes ${k}`);
    }
    const as = check.section(`${path}.autoscaling`, s.autoscaling);
    check.knownKeys(`${path}.autoscaling`, as, ["minReplicas", "maxReplicas", "targetCpuUtilization", "scaleDownStabilizationSeconds"]);
    const autoscaling = {
        minReplicas: check.integer(`${path}.autoscaling.minReplicas`, as.minReplicas, { min: 1, max: 100 }, 2),
        maxReplicas: check.integer(`${path}.autoscaling.maxReplicas`, as.maxReplicas, { min: 1, max: 100 }, 4),
        targetCpuUtilization: check.integer(`${path}.autoscaling.targetCpuUtilization`, as.targetCpuUtilization, { min: 10, max: 95 }, 70),
        scaleDownStabilizationSeconds: check.integer(`${path}.autoscaling.scaleDownStabilizationSeconds`, as.scaleDownStabilizationSeconds, { min: MIN_SCALE_DOWN_STABILIZATION_SECONDS, max: 3600 }, 600),
    };
    check.minNotAboveMax(`${path}.autoscaling.minReplicas`, autoscaling.minReplicas, `${path}.autoscaling.maxReplicas`, autoscaling.maxReplicas);
    const st = check.section(`${path}.storage`, s.storage);
    check.knownKeys(`${path}.storage`, st, ["config", "archive", "database"]);
    const storage = {
        config: check.memory(`${path}.storage.config`, st.config, "2Gi"),
        archive: check.memory(`${path}.storage.archive`, st.archive, "20Gi"),
        database: check.memory(`${path}.storage.database`, st.database, "20Gi"),
    };
    const network = (0, network_1.readNetwork)(check, `${path}.network`, s.network, {
        namespace,
        variant,
        topology,
        production: ctx.production,
        internalLoadBalancerAnnotationsKnown: ctx.internalLoadBalancerAnnotationsKnown,
    });
    const ar = check.section(`${path}.archiving`, s.archiving);
    check.knownKeys(`${path}.archiving`, ar, ["enabled", "schedule", "settleMinutes", "localRetentionDays", "encryption", "resources"]);
    const archiving = {
        enabled: check.boolean(`${path}.archiving.enabled`, ar.enabled, ctx.archiveStoreAvailable),
        schedule: check.string(`${path}.archiving.schedule`, ar.schedule, "30 */6 * * *", {
            pattern: { test: (v) => (0, cron_1.cronProblem)(v) === undefined },
            allowed: cron_1.CRON_ALLOWED,
        }),
        // X-Road renames finished archives into place; backups are written in place by gpg and take minutes at most.
        settleMinutes: check.integer(`${path}.archiving.settleMinutes`, ar.settleMinutes, { min: 1, max: 1440 }, exports.DEFAULT_SETTLE_MINUTES),
        // X-Road itself keeps backups 30 days (/etc/cron.d/xroad-proxy) and archives forever; 0 removes them on the next run.
        localRetentionDays: check.integer(`${path}.archiving.localRetentionDays`, ar.localRetentionDays, { min: 0, max: 3650 }, exports.DEFAULT_LOCAL_RETENTION_DAYS),
        encryption: readEncryption(check, `${path}.archiving.encryption`, ar.encryption),
        resources: readRequestsAndLimits(check, `${path}.archiving.resources`, ar.resources, DEFAULT_ARCHIVER_RESOURCES),
    };
    if (archiving.enabled && !ctx.archiveStoreAvailable)
        check.fail(`${path}.archiving.enabled`, ar.enabled, "false on target existing: this target creates no archive store, so archives stay on the shared volume");
    // Settings that only the primary-secondaries topology uses are refused on a single pod, not ignored.
    if (topology === "single") {
        for (const key of ["autoscaling", "secondaryResources"])
            if (s[key] !== undefined)
                check.fail(`${path}.${key}`, s[key], `nothing: ${key} applies only to the primary-secondaries topology`);
    }
    const primaryResources = readResources(check, `${path}.resources`, s.resources, flavour);
    // Without their own setting the secondaries take the primary's resources, already checked (and reported) above.
    const secondaryResources = () => s.secondaryResources === undefined
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
        logLevel: check.oneOf(`${path}.logLevel`, s.logLevel, env_1.LOG_LEVELS, "INFO"),
        secrets: readSecrets(check, name, secrets[name]),
    };
}
/** Reads `xroad-sidecar:instances`; a stack without it gets one instance named `sidecar`. */
function readInstances(check, raw, rawSecrets, ctx) {
    const list = check.list("instances", raw, [{}]);
    if (list.length === 0)
        check.fail("instances", raw, "a list of at least one Sidecar instance");
    const secrets = check.section("secrets", rawSecrets);
    const instances = list.map((item, i) => readInstance(check, i, item, secrets, ctx));
    const seen = new Map();
    instances.forEach((inst, i) => {
        for (const [field, value] of [
            ["name", inst.name],
            ["namespace", inst.namespace],
        ]) {
            const k = `${field}:${value}`;
            if (seen.has(k))
                check.fail(`instances[${i}].${field}`, value, `a ${field} not already used by instances[${seen.get(k)}]`);
            else
                seen.set(k, i);
        }
    });
    for (const name of Object.keys(secrets)) {
        if (!instances.some((i) => i.name === name))
            check.fail(`secrets.${name}`, checker_1.HIDDEN, `secrets for a configured instance (${instances.map((i) => i.name).join(", ")})`);
    }
    return instances;
}
