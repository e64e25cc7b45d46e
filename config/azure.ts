import { Checker } from "./checker";

export const AKS_UPGRADE_CHANNELS = ["patch", "stable", "rapid", "node-image"] as const;
export const AKS_AUDIT_CATEGORIES = ["kube-audit-admin", "kube-audit"] as const;
export const FLEXIBLE_SERVER_TIERS = ["Burstable", "GeneralPurpose", "MemoryOptimized"] as const;
/**
 * How kubelogin gets the Entra ID token for the generated kubeconfig. Local accounts are disabled
 * (guide §4.1), so every kubeconfig is an exec kubeconfig that needs kubelogin on the PATH.
 * `azurecli` reuses `az login`; `workloadidentity` suits CI with OIDC federation; `devicecode` is interactive.
 */
export const KUBELOGIN_MODES = ["azurecli", "workloadidentity", "msi", "spn", "devicecode"] as const;
export type KubeloginMode = (typeof KUBELOGIN_MODES)[number];

/** Cluster-internal ranges of AKS (Azure CNI overlay pods, Services); the VNet must not overlap them. */
export const AKS_POD_CIDR = "10.244.0.0/16";
export const AKS_SERVICE_CIDR = "10.245.0.0/16";
export const AKS_DNS_SERVICE_IP = "10.245.0.10";

const UUID = { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, allowed: "an Entra ID object ID (a UUID)" };
/** Azure marks Arm64 sizes with a lowercase `p` after the vCPU count (Standard_D4ps_v5, Standard_B2pts_v2). */
const ARM64_VM_SIZE = /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/;
export function isX86VmSize(size: string): boolean {
    return /^Standard_[A-Za-z0-9_]+$/.test(size) && !ARM64_VM_SIZE.test(size);
}
const VM_SIZE = {
    pattern: { test: isX86VmSize },
    allowed: "an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)",
};

/** Settings of `target: azure`, read from `xroad-sidecar:azure`. */
export interface AzureSettings {
    location: string;
    resourceGroupName: string;
    vnetCidr: string;
    nodeSubnetCidr: string;
    databaseSubnetCidr: string;
    privateEndpointSubnetCidr: string;
    /** CIDRs allowed to reach the API server; ignored for a private cluster. */
    authorizedIpRanges: string[];
    privateCluster: boolean;
    /** Entra ID groups that administer the cluster (guide §4.2). */
    adminGroupObjectIds: string[];
    /** Entra ID groups that may operate the Sidecar namespaces only (guide §4.3). */
    namespaceOperatorGroupObjectIds: string[];
    availabilityZones: string[];
    systemNodePool: { vmSize: string; count: number };
    userNodePool: { vmSize: string; minCount: number; maxCount: number };
    upgradeChannel: (typeof AKS_UPGRADE_CHANNELS)[number];
    logRetentionDays: number;
    auditCategory: (typeof AKS_AUDIT_CATEGORIES)[number];
    archive: { coolAfterDays: number; deleteAfterDays: number; softDeleteDays: number; immutabilityDays: number };
    database: {
        skuName: string;
        tier: (typeof FLEXIBLE_SERVER_TIERS)[number];
        storageGb: number;
        backupRetentionDays: number;
        zoneRedundantHa: boolean;
        adminLogin: string;
    };
    loadBalancer: { internal: boolean; /** Fixed private IP for an internal load balancer, inside the node subnet. */ privateIp?: string };
    /** Login mode written into the kubeconfig the program uses (kubelogin `--login`). */
    kubeloginMode: KubeloginMode;
    /** Envelope-encrypt Kubernetes Secrets in etcd with a Key Vault key the stack owns (AKS KMS). */
    secretsEncryption: boolean;
}

function ipv4ToNumber(ip: string): number | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return octets.reduce((n, o) => n * 256 + o, 0);
}

/** The first and last address of an IPv4 CIDR, or undefined when malformed. */
export function cidrRange(cidr: string): { first: number; last: number } | undefined {
    const [ip, bits] = cidr.split("/");
    const base = ipv4ToNumber(ip ?? "");
    const prefix = Number(bits);
    if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
    const size = 2 ** (32 - prefix);
    const first = Math.floor(base / size) * size;
    return { first, last: first + size - 1 };
}

/** Whether `inner` (a CIDR or a single address) lies entirely inside `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
    const o = cidrRange(outer);
    const i = inner.includes("/") ? cidrRange(inner) : ((n) => (n === undefined ? undefined : { first: n, last: n }))(ipv4ToNumber(inner));
    return o !== undefined && i !== undefined && i.first >= o.first && i.last <= o.last;
}

function cidrsOverlap(a: string, b: string): boolean {
    const x = cidrRange(a);
    const y = cidrRange(b);
    return x !== undefined && y !== undefined && x.first <= y.last && y.first <= x.last;
}

/** The keys of `xroad-sidecar:azure`, as Pulumi.yaml documents them. */
export const AZURE_KEYS = [
    "location",
    "resourceGroupName",
    "vnetCidr",
    "nodeSubnetCidr",
    "databaseSubnetCidr",
    "privateEndpointSubnetCidr",
    "authorizedIpRanges",
    "privateCluster",
    "adminGroupObjectIds",
    "namespaceOperatorGroupObjectIds",
    "availabilityZones",
    "systemNodePool",
    "userNodePool",
    "upgradeChannel",
    "logRetentionDays",
    "auditCategory",
    "archive",
    "database",
    "loadBalancer",
    "kubeloginMode",
    "secretsEncryption",
] as const;

export function readAzureSettings(check: Checker, raw: unknown, defaultName: string, production: boolean): AzureSettings {
    const p = "azure";
    const s = check.section(p, raw);
    check.knownKeys(p, s, AZURE_KEYS);
    const sys = check.section(`${p}.systemNodePool`, s.systemNodePool);
    check.knownKeys(`${p}.systemNodePool`, sys, ["vmSize", "count"]);
    const usr = check.section(`${p}.userNodePool`, s.userNodePool);
    check.knownKeys(`${p}.userNodePool`, usr, ["vmSize", "minCount", "maxCount"]);
    const userNodePool = {
        vmSize: check.string(`${p}.userNodePool.vmSize`, usr.vmSize, "Standard_D4s_v5", VM_SIZE),
        minCount: check.integer(`${p}.userNodePool.minCount`, usr.minCount, { min: 1, max: 100 }, production ? 3 : 1),
        maxCount: check.integer(`${p}.userNodePool.maxCount`, usr.maxCount, { min: 1, max: 100 }, production ? 6 : 3),
    };
    check.minNotAboveMax(`${p}.userNodePool.minCount`, userNodePool.minCount, `${p}.userNodePool.maxCount`, userNodePool.maxCount);
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
    const zones = check.stringList(`${p}.availabilityZones`, s.availabilityZones, production ? ["1", "2", "3"] : [], (path, v) =>
        check.oneOf(path, typeof v === "number" ? String(v) : v, ["1", "2", "3"] as const),
    );

    const settings: AzureSettings = {
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
        authorizedIpRanges: check.cidrList(`${p}.authorizedIpRanges`, s.authorizedIpRanges, []),
        privateCluster: check.boolean(`${p}.privateCluster`, s.privateCluster, false),
        adminGroupObjectIds: check.stringList(`${p}.adminGroupObjectIds`, s.adminGroupObjectIds, [], (path, v) =>
            check.string(path, v, undefined, UUID),
        ),
        namespaceOperatorGroupObjectIds: check.stringList(
            `${p}.namespaceOperatorGroupObjectIds`,
            s.namespaceOperatorGroupObjectIds,
            [],
            (path, v) => check.string(path, v, undefined, UUID),
        ),
        availabilityZones: zones,
        systemNodePool: {
            vmSize: check.string(`${p}.systemNodePool.vmSize`, sys.vmSize, "Standard_D2s_v5", VM_SIZE),
            count: check.integer(`${p}.systemNodePool.count`, sys.count, { min: 1, max: 10 }, production ? 3 : 1),
        },
        userNodePool,
        upgradeChannel: check.oneOf(`${p}.upgradeChannel`, s.upgradeChannel, AKS_UPGRADE_CHANNELS, "patch"),
        logRetentionDays: check.integer(`${p}.logRetentionDays`, s.logRetentionDays, { min: 30, max: 730 }, production ? 365 : 30),
        auditCategory: check.oneOf(`${p}.auditCategory`, s.auditCategory, AKS_AUDIT_CATEGORIES, "kube-audit-admin"),
        archive,
        database: {
            skuName: check.string(`${p}.database.skuName`, db.skuName, production ? "Standard_D2ds_v5" : "Standard_B2ms", {
                pattern: /^Standard_[A-Za-z0-9_]+$/,
                allowed: "a Flexible Server SKU such as Standard_D2ds_v5",
            }),
            tier: check.oneOf(`${p}.database.tier`, db.tier, FLEXIBLE_SERVER_TIERS, production ? "GeneralPurpose" : "Burstable"),
            storageGb: check.integer(`${p}.database.storageGb`, db.storageGb, { min: 32, max: 32768 }, 64),
            backupRetentionDays: check.integer(
                `${p}.database.backupRetentionDays`,
                db.backupRetentionDays,
                { min: 7, max: 35 },
                production ? 35 : 7,
            ),
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
        kubeloginMode: check.oneOf(`${p}.kubeloginMode`, s.kubeloginMode, KUBELOGIN_MODES, "azurecli"),
        secretsEncryption: check.boolean(`${p}.secretsEncryption`, s.secretsEncryption, true),
    };
    checkAzureConsistency(check, settings, production);
    return settings;
}

/** Cross-field rules: each names the key to change and why, before any resource exists. */
function checkAzureConsistency(check: Checker, s: AzureSettings, production: boolean): void {
    const p = "azure";
    const subnets = [
        ["nodeSubnetCidr", s.nodeSubnetCidr],
        ["databaseSubnetCidr", s.databaseSubnetCidr],
        ["privateEndpointSubnetCidr", s.privateEndpointSubnetCidr],
    ] as const;
    subnets.forEach(([key, cidr], i) => {
        if (!cidrContains(s.vnetCidr, cidr)) check.fail(`${p}.${key}`, cidr, `a CIDR inside ${check.key(`${p}.vnetCidr`)} (${s.vnetCidr})`);
        for (const [otherKey, other] of subnets.slice(0, i)) {
            if (cidrsOverlap(cidr, other))
                check.fail(`${p}.${key}`, cidr, `a CIDR that does not overlap ${check.key(`${p}.${otherKey}`)} (${other})`);
        }
    });
    for (const [what, cidr] of [
        ["pod", AKS_POD_CIDR],
        ["service", AKS_SERVICE_CIDR],
    ] as const) {
        if (cidrsOverlap(s.vnetCidr, cidr))
            check.fail(`${p}.vnetCidr`, s.vnetCidr, `a CIDR that does not overlap the AKS ${what} range ${cidr}`);
    }
    if (s.adminGroupObjectIds.length === 0) {
        // Local accounts are disabled, so without an admin group nobody but subscription owners can administer the cluster.
        check.fail(
            `${p}.adminGroupObjectIds`,
            [],
            "at least one Entra ID group object ID: local accounts are disabled, so these groups administer the cluster (guide §4.2)",
        );
    }
    if (production && !s.privateCluster && s.authorizedIpRanges.length === 0) {
        check.fail(
            `${p}.authorizedIpRanges`,
            [],
            `at least one CIDR in production, or ${check.key(`${p}.privateCluster`)}: true; the API server must not be open to the internet`,
        );
    }
    if (s.loadBalancer.internal && s.loadBalancer.privateIp === undefined) {
        check.fail(
            `${p}.loadBalancer.privateIp`,
            undefined,
            "an IPv4 address in the node subnet: an internal load balancer needs a fixed address to register in the global configuration",
        );
    }
    if (!s.loadBalancer.internal && s.loadBalancer.privateIp !== undefined) {
        check.fail(
            `${p}.loadBalancer.privateIp`,
            s.loadBalancer.privateIp,
            `nothing unless ${check.key(`${p}.loadBalancer.internal`)} is true (the public address is a static public IP)`,
        );
    }
    if (
        s.loadBalancer.privateIp !== undefined &&
        cidrRange(s.nodeSubnetCidr) &&
        !cidrContains(s.nodeSubnetCidr, s.loadBalancer.privateIp)
    ) {
        check.fail(
            `${p}.loadBalancer.privateIp`,
            s.loadBalancer.privateIp,
            `an IPv4 address in ${check.key(`${p}.nodeSubnetCidr`)} (${s.nodeSubnetCidr})`,
        );
    }
    if (s.database.zoneRedundantHa && s.database.tier === "Burstable") {
        check.fail(
            `${p}.database.zoneRedundantHa`,
            true,
            `false for the Burstable tier (high availability needs GeneralPurpose or MemoryOptimized in ${check.key(`${p}.database.tier`)})`,
        );
    }
    if (s.archive.immutabilityDays > s.archive.deleteAfterDays) {
        check.fail(
            `${p}.archive.immutabilityDays`,
            s.archive.immutabilityDays,
            `a value not above ${check.key(`${p}.archive.deleteAfterDays`)} (${s.archive.deleteAfterDays}): the lifecycle rule cannot delete write-once archives`,
        );
    }
}
