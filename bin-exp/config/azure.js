"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AZURE_KEYS = exports.AUTONAME_SUFFIX_LENGTH = exports.AKS_MAX_PODS = exports.WEEK_DAYS = exports.PRINCIPAL_TYPES = exports.AKS_DNS_SERVICE_IP = exports.AKS_SERVICE_CIDR = exports.AKS_POD_CIDR = exports.KUBELOGIN_MODES = exports.FLEXIBLE_SERVER_TIERS = exports.AKS_AUDIT_CATEGORIES = exports.AKS_UPGRADE_CHANNELS = exports.cidrContains = void 0;
exports.vmSizeHasTempDisk = vmSizeHasTempDisk;
exports.readAzureSettings = readAzureSettings;
const cidr_1 = require("./cidr");
const placeholders_1 = require("./placeholders");
var cidr_2 = require("./cidr");
Object.defineProperty(exports, "cidrContains", { enumerable: true, get: function () { return cidr_2.cidrContains; } });
exports.AKS_UPGRADE_CHANNELS = ["patch", "stable", "rapid", "node-image"];
exports.AKS_AUDIT_CATEGORIES = ["kube-audit-admin", "kube-audit"];
exports.FLEXIBLE_SERVER_TIERS = ["Burstable", "GeneralPurpose", "MemoryOptimized"];
/**
 * How kubelogin gets the Entra ID token for the generated kubeconfig. Local accounts are disabled
 * (guide §4.1), so every kubeconfig is an exec kubeconfig that needs kubelogin on the PATH.
 * `azurecli` reuses `az login`; `workloadidentity` suits CI with OIDC federation; `devicecode` is interactive.
 */
exports.KUBELOGIN_MODES = ["azurecli", "workloadidentity", "msi", "spn", "devicecode"];
/** Cluster-internal ranges of AKS (Azure CNI overlay pods, Services); the VNet must not overlap them. */
exports.AKS_POD_CIDR = "10.244.0.0/16";
exports.AKS_SERVICE_CIDR = "10.245.0.0/16";
exports.AKS_DNS_SERVICE_IP = "10.245.0.10";
const UUID = { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, allowed: "an Entra ID object ID (a UUID)" };
/** Azure marks Arm64 sizes with a lowercase `p` after the vCPU count (Standard_D4ps_v5, Standard_B2pts_v2). */
const ARM64_VM_SIZE = /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/;
function isX86VmSize(size) {
    return /^Standard_[A-Za-z0-9_]+$/.test(size) && !ARM64_VM_SIZE.test(size);
}
const VM_SIZE = {
    pattern: { test: isX86VmSize },
    allowed: "an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)",
};
/** Role assignments name the principal's type: ARM rejects a mismatch (UnmatchedPrincipalType) and the SDK defaults to User. */
exports.PRINCIPAL_TYPES = ["User", "ServicePrincipal", "Group"];
exports.WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/**
 * AKS's documented minimum for a system pool (MicrosoftDocs azure-aks-docs `articles/aks/use-system-pools.md`):
 * "System pools must contain at least two nodes" and "require a VM SKU of at least 4 vCPUs and 4 GB of memory".
 * Enforced in production; a development stack below it gets a warning.
 */
const AKS_SYSTEM_POOL_MIN = { nodes: 2, vcpus: 4 };
/**
 * Pods per node on both pools (azure.md B12): AKS's minimum for a system pool and what aks-baseline and
 * AKS-Construction set, instead of Azure CNI overlay's 250. The capacity model reserves kubelet memory for it.
 */
exports.AKS_MAX_PODS = 30;
/**
 * Whether a VM size has a local temp disk (a `d` in its suffix: Standard_D4ds_v5, Standard_E8ads_v5), where AKS
 * can place an ephemeral OS disk: faster node start and re-image, no managed OS disk (azure.md B12).
 */
function vmSizeHasTempDisk(size) {
    return /^Standard_[A-Z]+\d+[a-z]*d[a-z]*_v\d+$/.test(size);
}
/** The vCPU count in an Azure VM size name (`Standard_D4ds_v5` → 4), or undefined when the name has none. */
function vmSizeVcpus(size) {
    const m = /^Standard_[A-Za-z]+?(\d+)/.exec(size);
    return m ? Number(m[1]) : undefined;
}
/**
 * Characters azure-native appends when it auto-names a resource (a random hex suffix), which count
 * against the resource's name limit.
 */
exports.AUTONAME_SUFFIX_LENGTH = 8;
/** Physical-name limits of the resources named after the stack (`<project>-<stack>`): see plan/mocks/rules/azure.ts. */
const DERIVED_NAME_LIMITS = {
    /** AKS cluster `<name>-aks`, auto-named: 1-63. */
    cluster: { suffix: "-aks", max: 63 },
    /** Managed identities `<name>-control-plane`, `<name>-archiver-<instance>`, auto-named: 3-128. */
    identity: { suffix: "-control-plane", max: 128 },
};
/** The keys of `xroad-sidecar:azure`, as Pulumi.yaml documents them. */
exports.AZURE_KEYS = [
    "location",
    "resourceGroupName",
    "vnetCidr",
    "nodeSubnetCidr",
    "databaseSubnetCidr",
    "privateEndpointSubnetCidr",
    "apiServerSubnetCidr",
    "deployer",
    "authorizedIpRanges",
    "privateCluster",
    "adminGroupObjectIds",
    "namespaceOperatorGroupObjectIds",
    "availabilityZones",
    "systemNodePool",
    "userNodePool",
    "upgradeChannel",
    "maintenance",
    "dataLocks",
    "logRetentionDays",
    "auditCategory",
    "archive",
    "database",
    "loadBalancer",
    "kubeloginMode",
    "secretsEncryption",
    "encryptionAtHost",
];
function readMaintenanceWindow(check, path, raw, fallback) {
    const w = check.section(path, raw);
    check.knownKeys(path, w, ["dayOfWeek", "startTime", "durationHours", "utcOffset"]);
    return {
        dayOfWeek: check.oneOf(`${path}.dayOfWeek`, w.dayOfWeek, exports.WEEK_DAYS, fallback.dayOfWeek),
        startTime: check.string(`${path}.startTime`, w.startTime, fallback.startTime, {
            pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
            allowed: "a time HH:MM such as 01:00",
        }),
        durationHours: check.integer(`${path}.durationHours`, w.durationHours, { min: 4, max: 24 }, fallback.durationHours),
        utcOffset: check.string(`${path}.utcOffset`, w.utcOffset, fallback.utcOffset, {
            pattern: /^[+-](0\d|1[0-4]):[0-5]\d$/,
            allowed: "a UTC offset such as +00:00 or +02:00",
        }),
    };
}
function readAzureSettings(check, raw, defaultName, production, context) {
    const p = "azure";
    const s = check.section(p, raw);
    check.knownKeys(p, s, exports.AZURE_KEYS);
    const sys = check.section(`${p}.systemNodePool`, s.systemNodePool);
    check.knownKeys(`${p}.systemNodePool`, sys, ["vmSize", "count"]);
    const usr = check.section(`${p}.userNodePool`, s.userNodePool);
    check.knownKeys(`${p}.userNodePool`, usr, ["vmSize", "minCount", "maxCount"]);
    const userNodePool = {
        vmSize: check.string(`${p}.userNodePool.vmSize`, usr.vmSize, "Standard_D4ds_v5", VM_SIZE),
        minCount: check.integer(`${p}.userNodePool.minCount`, usr.minCount, { min: 1, max: 100 }, production ? 3 : 1),
        maxCount: check.integer(`${p}.userNodePool.maxCount`, usr.maxCount, { min: 1, max: 100 }, production ? 6 : 3),
    };
    check.minNotAboveMax(`${p}.userNodePool.minCount`, userNodePool.minCount, `${p}.userNodePool.maxCount`, userNodePool.maxCount);
    const dep = check.section(`${p}.deployer`, s.deployer);
    check.knownKeys(`${p}.deployer`, dep, ["objectId", "principalType"]);
    const mw = check.section(`${p}.maintenance`, s.maintenance);
    check.knownKeys(`${p}.maintenance`, mw, ["autoUpgrade", "nodeOsUpgrade"]);
    const ar = check.section(`${p}.archive`, s.archive);
    check.knownKeys(`${p}.archive`, ar, ["coolAfterDays", "deleteAfterDays", "softDeleteDays", "immutabilityDays"]);
    const archive = {
        coolAfterDays: check.integer(`${p}.archive.coolAfterDays`, ar.coolAfterDays, { min: 1, max: 3650 }, 30),
        deleteAfterDays: check.integer(`${p}.archive.deleteAfterDays`, ar.deleteAfterDays, { min: 1, max: 36500 }, 2555),
        softDeleteDays: check.integer(`${p}.archive.softDeleteDays`, ar.softDeleteDays, { min: 1, max: 365 }, 30),
        /** 0 disables the write-once policy. */
        immutabilityDays: check.integer(`${p}.archive.immutabilityDays`, ar.immutabilityDays, { min: 0, max: 146000 }, 0),
    };
    check.minNotAboveMax(`${p}.archive.coolAfterDays`, archive.coolAfterDays, `${p}.archive.deleteAfterDays`, archive.deleteAfterDays);
    const db = check.section(`${p}.database`, s.database);
    check.knownKeys(`${p}.database`, db, ["skuName", "tier", "storageGb", "backupRetentionDays", "zoneRedundantHa", "adminLogin"]);
    const lb = check.section(`${p}.loadBalancer`, s.loadBalancer);
    check.knownKeys(`${p}.loadBalancer`, lb, ["internal", "privateIp"]);
    const ip = { pattern: /^(\d{1,3}\.){3}\d{1,3}$/, allowed: "an IPv4 address in the node subnet" };
    const zones = check.stringList(`${p}.availabilityZones`, s.availabilityZones, production ? ["1", "2", "3"] : [], (path, v) => check.oneOf(path, typeof v === "number" ? String(v) : v, ["1", "2", "3"]));
    const settings = {
        location: check.string(`${p}.location`, s.location, "westeurope", {
            pattern: /^[a-z]+[a-z0-9]*$/,
            allowed: "an Azure location such as westeurope",
        }),
        resourceGroupName: check.string(`${p}.resourceGroupName`, s.resourceGroupName, `rg-${defaultName}`, {
            pattern: /^[-\w._()]{1,89}[-\w_()]$/,
            allowed: "a resource group name",
        }),
        vnetCidr: check.cidr(`${p}.vnetCidr`, s.vnetCidr, "10.30.0.0/16"),
        nodeSubnetCidr: check.cidr(`${p}.nodeSubnetCidr`, s.nodeSubnetCidr, "10.30.0.0/20"),
        databaseSubnetCidr: check.cidr(`${p}.databaseSubnetCidr`, s.databaseSubnetCidr, "10.30.16.0/24"),
        privateEndpointSubnetCidr: check.cidr(`${p}.privateEndpointSubnetCidr`, s.privateEndpointSubnetCidr, "10.30.17.0/24"),
        apiServerSubnetCidr: check.cidr(`${p}.apiServerSubnetCidr`, s.apiServerSubnetCidr, "10.30.18.0/28"),
        deployer: {
            objectId: check.string(`${p}.deployer.objectId`, dep.objectId, undefined, {
                ...UUID,
                allowed: "the Entra ID object ID of the identity that runs pulumi up (az ad signed-in-user show --query id -o tsv)",
            }),
            principalType: check.oneOf(`${p}.deployer.principalType`, dep.principalType, exports.PRINCIPAL_TYPES),
        },
        authorizedIpRanges: check.cidrList(`${p}.authorizedIpRanges`, s.authorizedIpRanges, []),
        privateCluster: check.boolean(`${p}.privateCluster`, s.privateCluster, false),
        adminGroupObjectIds: check.stringList(`${p}.adminGroupObjectIds`, s.adminGroupObjectIds, [], (path, v) => check.string(path, v, undefined, UUID)),
        namespaceOperatorGroupObjectIds: check.stringList(`${p}.namespaceOperatorGroupObjectIds`, s.namespaceOperatorGroupObjectIds, [], (path, v) => check.string(path, v, undefined, UUID)),
        availabilityZones: zones,
        systemNodePool: {
            vmSize: check.string(`${p}.systemNodePool.vmSize`, sys.vmSize, "Standard_D4ds_v5", VM_SIZE),
            count: check.integer(`${p}.systemNodePool.count`, sys.count, { min: 1, max: 10 }, production ? 3 : AKS_SYSTEM_POOL_MIN.nodes),
        },
        userNodePool,
        upgradeChannel: check.oneOf(`${p}.upgradeChannel`, s.upgradeChannel, exports.AKS_UPGRADE_CHANNELS, "patch"),
        // Kubernetes upgrades and node re-imaging on different nights, never during the working week.
        maintenance: {
            autoUpgrade: readMaintenanceWindow(check, `${p}.maintenance.autoUpgrade`, mw.autoUpgrade, {
                dayOfWeek: "Sunday",
                startTime: "01:00",
                durationHours: 4,
                utcOffset: "+00:00",
            }),
            nodeOsUpgrade: readMaintenanceWindow(check, `${p}.maintenance.nodeOsUpgrade`, mw.nodeOsUpgrade, {
                dayOfWeek: "Saturday",
                startTime: "01:00",
                durationHours: 4,
                utcOffset: "+00:00",
            }),
        },
        dataLocks: check.boolean(`${p}.dataLocks`, s.dataLocks, true),
        logRetentionDays: check.integer(`${p}.logRetentionDays`, s.logRetentionDays, { min: 30, max: 730 }, production ? 365 : 30),
        auditCategory: check.oneOf(`${p}.auditCategory`, s.auditCategory, exports.AKS_AUDIT_CATEGORIES, production ? "kube-audit" : "kube-audit-admin"),
        archive,
        database: {
            skuName: check.string(`${p}.database.skuName`, db.skuName, production ? "Standard_D2ds_v5" : "Standard_B2ms", {
                pattern: /^Standard_[A-Za-z0-9_]+$/,
                allowed: "a Flexible Server SKU such as Standard_D2ds_v5",
            }),
            tier: check.oneOf(`${p}.database.tier`, db.tier, exports.FLEXIBLE_SERVER_TIERS, production ? "GeneralPurpose" : "Burstable"),
            storageGb: check.integer(`${p}.database.storageGb`, db.storageGb, { min: 32, max: 32768 }, 64),
            backupRetentionDays: check.integer(`${p}.database.backupRetentionDays`, db.backupRetentionDays, { min: 7, max: 35 }, production ? 35 : 7),
            zoneRedundantHa: check.boolean(`${p}.database.zoneRedundantHa`, db.zoneRedundantHa, production),
            adminLogin: check.string(`${p}.database.adminLogin`, db.adminLogin, "xroadadmin", {
                pattern: /^(?!azure_|admin$|administrator$|root$|guest$|public$|postgres$)[a-z][a-z0-9_]{0,62}$/,
                allowed: "a Flexible Server admin login (not postgres, admin, root, guest, public or azure_*)",
            }),
        },
        loadBalancer: {
            internal: check.boolean(`${p}.loadBalancer.internal`, lb.internal, false),
            privateIp: check.optionalString(`${p}.loadBalancer.privateIp`, lb.privateIp, ip),
        },
        kubeloginMode: check.oneOf(`${p}.kubeloginMode`, s.kubeloginMode, exports.KUBELOGIN_MODES, "azurecli"),
        secretsEncryption: check.boolean(`${p}.secretsEncryption`, s.secretsEncryption, true),
        encryptionAtHost: check.boolean(`${p}.encryptionAtHost`, s.encryptionAtHost, true),
    };
    checkAzureConsistency(check, settings, production);
    checkSystemPool(check, settings, production);
    checkDerivedNames(check, settings, context.platformName);
    checkPlaceholders(check, settings, production, context.offline);
    if (!settings.dataLocks)
        check.warn(`${check.key(`${p}.dataLocks`)} is false: the stateful resources carry no CanNotDelete lock; set it back to true after this change`);
    return settings;
}
/** Cross-field rules: each names the key to change and why, before any resource exists. */
function checkAzureConsistency(check, s, production) {
    const p = "azure";
    const subnets = [
        ["nodeSubnetCidr", s.nodeSubnetCidr],
        ["databaseSubnetCidr", s.databaseSubnetCidr],
        ["privateEndpointSubnetCidr", s.privateEndpointSubnetCidr],
        ["apiServerSubnetCidr", s.apiServerSubnetCidr],
    ];
    const apiPrefix = Number(s.apiServerSubnetCidr.split("/")[1]);
    if (apiPrefix > 28)
        check.fail(`${p}.apiServerSubnetCidr`, s.apiServerSubnetCidr, "a /28 or larger subnet (AKS API Server VNet Integration needs at least /28)");
    subnets.forEach(([key, cidr], i) => {
        if (!(0, cidr_1.cidrContains)(s.vnetCidr, cidr))
            check.fail(`${p}.${key}`, cidr, `a CIDR inside ${check.key(`${p}.vnetCidr`)} (${s.vnetCidr})`);
        for (const [otherKey, other] of subnets.slice(0, i)) {
            if ((0, cidr_1.cidrsOverlap)(cidr, other))
                check.fail(`${p}.${key}`, cidr, `a CIDR that does not overlap ${check.key(`${p}.${otherKey}`)} (${other})`);
        }
    });
    for (const [what, cidr] of [
        ["pod", exports.AKS_POD_CIDR],
        ["service", exports.AKS_SERVICE_CIDR],
    ]) {
        if ((0, cidr_1.cidrsOverlap)(s.vnetCidr, cidr))
            check.fail(`${p}.vnetCidr`, s.vnetCidr, `a CIDR that does not overlap the AKS ${what} range ${cidr}`);
    }
    if (s.adminGroupObjectIds.length === 0) {
        // Local accounts are disabled, so without an admin group nobody but subscription owners can administer the cluster.
        check.fail(`${p}.adminGroupObjectIds`, [], "at least one Entra ID group object ID: local accounts are disabled, so these groups administer the cluster (guide §4.2)");
    }
    if (production && !s.privateCluster && s.authorizedIpRanges.length === 0) {
        check.fail(`${p}.authorizedIpRanges`, [], `at least one CIDR in production, or ${check.key(`${p}.privateCluster`)}: true; the API server must not be open to the internet`);
    }
    // azure.md A10: a private cluster's API server has only a private address (and run command is disabled), so the
    // machine running pulumi up must be inside the VNet or a network peered or connected with it.
    if (s.privateCluster) {
        if (s.authorizedIpRanges.length > 0)
            check.fail(`${p}.authorizedIpRanges`, s.authorizedIpRanges, `none with ${check.key(`${p}.privateCluster`)}: true: a private cluster has no public endpoint to restrict`);
        check.warn(`${check.key(`${p}.privateCluster`)} is true: run pulumi up from inside the VNet ${s.vnetCidr} or a network peered or VPN-connected with it (a self-hosted CI runner, a jump host); from anywhere else every Kubernetes resource times out after the cluster is created (README: Private clusters)`);
    }
    if (s.loadBalancer.internal && s.loadBalancer.privateIp === undefined) {
        check.fail(`${p}.loadBalancer.privateIp`, undefined, "an IPv4 address in the node subnet: an internal load balancer needs a fixed address to register in the global configuration");
    }
    if (!s.loadBalancer.internal && s.loadBalancer.privateIp !== undefined) {
        check.fail(`${p}.loadBalancer.privateIp`, s.loadBalancer.privateIp, `nothing unless ${check.key(`${p}.loadBalancer.internal`)} is true (the public address is a static public IP)`);
    }
    if (s.loadBalancer.privateIp !== undefined &&
        (0, cidr_1.cidrRange)(s.nodeSubnetCidr) &&
        !(0, cidr_1.cidrContains)(s.nodeSubnetCidr, s.loadBalancer.privateIp)) {
        check.fail(`${p}.loadBalancer.privateIp`, s.loadBalancer.privateIp, `an IPv4 address in ${check.key(`${p}.nodeSubnetCidr`)} (${s.nodeSubnetCidr})`);
    }
    if (s.database.zoneRedundantHa && s.database.tier === "Burstable") {
        check.fail(`${p}.database.zoneRedundantHa`, true, `false for the Burstable tier (high availability needs GeneralPurpose or MemoryOptimized in ${check.key(`${p}.database.tier`)})`);
    }
    if (s.archive.immutabilityDays > s.archive.deleteAfterDays) {
        check.fail(`${p}.archive.immutabilityDays`, s.archive.immutabilityDays, `a value not above ${check.key(`${p}.archive.deleteAfterDays`)} (${s.archive.deleteAfterDays}): the lifecycle rule cannot delete write-once archives`);
    }
}
/** AKS's system-pool minimum (AKS_SYSTEM_POOL_MIN): an error in production, a warning otherwise. */
function checkSystemPool(check, s, production) {
    const p = "azure.systemNodePool";
    const vcpus = vmSizeVcpus(s.systemNodePool.vmSize);
    const problems = [];
    if (s.systemNodePool.count < AKS_SYSTEM_POOL_MIN.nodes)
        problems.push([
            `${p}.count`,
            s.systemNodePool.count,
            `at least ${AKS_SYSTEM_POOL_MIN.nodes} nodes (AKS system pool minimum; 3 recommended)`,
        ]);
    if (vcpus !== undefined && vcpus < AKS_SYSTEM_POOL_MIN.vcpus)
        problems.push([
            `${p}.vmSize`,
            s.systemNodePool.vmSize,
            `a size with at least ${AKS_SYSTEM_POOL_MIN.vcpus} vCPUs (AKS system pool minimum), such as Standard_D4ds_v5`,
        ]);
    for (const [path, value, allowed] of problems) {
        if (production)
            check.fail(path, value, allowed);
        else
            check.warn(`${check.key(path)} is ${JSON.stringify(value)}, below AKS's documented system-pool minimum: ${allowed}`);
    }
}
/**
 * Names derived from `<project>-<stack>` that azure-native auto-names (adding AUTONAME_SUFFIX_LENGTH random
 * characters): too long a stack name would be rejected by ARM only after other resources exist.
 */
function checkDerivedNames(check, s, platformName) {
    const derived = [
        [`${platformName}${DERIVED_NAME_LIMITS.cluster.suffix}`, DERIVED_NAME_LIMITS.cluster.max],
        [`${platformName}${DERIVED_NAME_LIMITS.identity.suffix}`, DERIVED_NAME_LIMITS.identity.max],
    ];
    for (const [name, max] of derived) {
        const length = name.length + exports.AUTONAME_SUFFIX_LENGTH;
        if (length > max)
            check.issues.push({
                key: "(project and stack name)",
                value: platformName,
                allowed: `a project and stack name whose derived Azure name ${name} (+${exports.AUTONAME_SUFFIX_LENGTH} auto-name characters, ${length} in all) fits ${max} characters`,
            });
    }
    const archiverRoom = DERIVED_NAME_LIMITS.identity.max - exports.AUTONAME_SUFFIX_LENGTH - `${platformName}-archiver-`.length;
    if (archiverRoom < 1)
        check.issues.push({
            key: "(project and stack name)",
            value: platformName,
            allowed: `a project and stack name that leaves room for the archiver identities ${platformName}-archiver-<instance> (128 characters)`,
        });
}
/** The keys of an Azure stack that commonly hold example values. */
function azurePlaceholders(s) {
    const found = [];
    const cidrs = (path, values) => values.forEach((v, i) => {
        const reason = (0, placeholders_1.documentationCidr)(v);
        if (reason)
            found.push({ path: `${path}[${i}]`, value: v, reason });
    });
    const guids = (path, values) => values.forEach((v, i) => {
        const reason = (0, placeholders_1.placeholderGuid)(v);
        if (reason)
            found.push({ path: `${path}[${i}]`, value: v, reason });
    });
    cidrs("azure.authorizedIpRanges", s.authorizedIpRanges);
    guids("azure.adminGroupObjectIds", s.adminGroupObjectIds);
    guids("azure.namespaceOperatorGroupObjectIds", s.namespaceOperatorGroupObjectIds);
    const deployer = (0, placeholders_1.placeholderGuid)(s.deployer.objectId);
    if (deployer)
        found.push({ path: "azure.deployer.objectId", value: s.deployer.objectId, reason: deployer });
    return found;
}
/**
 * issue 12 point 4: the example stacks plan offline with a warning per placeholder; under the real engine
 * a production stack with one is a config error (a development stack still only warns, so a sandbox can
 * try the examples as shipped).
 */
function checkPlaceholders(check, s, production, offline) {
    for (const ph of azurePlaceholders(s)) {
        if (production && !offline)
            check.fail(ph.path, ph.value, `a real value: this is ${ph.reason}`);
        else
            check.warn(`${check.key(ph.path)} is a placeholder (${ph.value}: ${ph.reason}); replace it before pulumi up`);
    }
}
