import { z } from "zod";
import { Checker } from "./checker";
import { boolean, cidr, envDefault, integer, keysOf, list, oneOf, optionalText, section, text, withDefault } from "./kinds";
import { parseSetting } from "./parse";
import { cidrContains, cidrsOverlap, parseCidr, parseIpv4 } from "../kubernetes-model/cidr";
import { Placeholder, documentationCidr, placeholderGuid } from "./placeholders";

export { cidrContains } from "../kubernetes-model/cidr";

const AKS_UPGRADE_CHANNELS = ["patch", "stable", "rapid", "node-image"] as const;
export const AKS_AUDIT_CATEGORIES = ["kube-audit-admin", "kube-audit"] as const;
const FLEXIBLE_SERVER_TIERS = ["Burstable", "GeneralPurpose", "MemoryOptimized"] as const;
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
function isX86VmSize(size: string): boolean {
    return /^Standard_[A-Za-z0-9_]+$/.test(size) && !ARM64_VM_SIZE.test(size);
}
const VM_SIZE = {
    pattern: { test: isX86VmSize },
    allowed: "an Azure VM size such as Standard_D4s_v5 (x86-64: NIIS publishes amd64 images only)",
};

/** Role assignments name the principal's type: ARM rejects a mismatch (UnmatchedPrincipalType) and the SDK defaults to User. */
export const PRINCIPAL_TYPES = ["User", "ServicePrincipal", "Group"] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/**
 * Azure Files snapshot backup keeps at most 200 daily recovery points per share (MicrosoftDocs azure-docs
 * articles/backup/azure-file-share-support-matrix.md, "Retention limits": daily recovery points, 200 days).
 */
const FILES_BACKUP_MAX_DAILY_RETENTION = 200;

export const WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/**
 * AKS's documented minimum for a system pool (MicrosoftDocs azure-aks-docs `articles/aks/use-system-pools.md`):
 * "System pools must contain at least two nodes" and "require a VM SKU of at least 4 vCPUs and 4 GB of memory".
 * Enforced in production; a development stack below it gets a warning.
 */
const AKS_SYSTEM_POOL_MIN = { nodes: 2, vcpus: 4 } as const;

/**
 * Pods per node on both pools (azure.md B12): AKS's minimum for a system pool and what aks-baseline and
 * AKS-Construction set, instead of Azure CNI overlay's 250. The capacity model reserves kubelet memory for it.
 */
export const AKS_MAX_PODS = 30;

/**
 * Whether a VM size has a local temp disk (a `d` in its suffix: Standard_D4ds_v5, Standard_E8ads_v5), where AKS
 * can place an ephemeral OS disk: faster node start and re-image, no managed OS disk (azure.md B12).
 */
export function vmSizeHasTempDisk(size: string): boolean {
    return /^Standard_[A-Z]+\d+[a-z]*d[a-z]*_v\d+$/.test(size);
}

/** The vCPU count in an Azure VM size name (`Standard_D4ds_v5` → 4), or undefined when the name has none. */
function vmSizeVcpus(size: string): number | undefined {
    const m = /^Standard_[A-Za-z]+?(\d+)/.exec(size);
    return m ? Number(m[1]) : undefined;
}

/**
 * Characters azure-native appends when it auto-names a resource (a random hex suffix), which count
 * against the resource's name limit.
 */
export const AUTONAME_SUFFIX_LENGTH = 8;

/** Physical-name limits of the resources named after the stack (`<project>-<stack>`): see plan/mocks/rules/azure.ts. */
const DERIVED_NAME_LIMITS = {
    /** AKS cluster `<name>-aks`, auto-named: 1-63. */
    cluster: { suffix: "-aks", max: 63 },
    /** Managed identities `<name>-control-plane`, `<name>-archiver-<instance>`, auto-named: 3-128. */
    identity: { suffix: "-control-plane", max: 128 },
} as const;

/**
 * Where Azure puts the watcher it enables by itself when a region gets its first VNet (MicrosoftDocs azure-docs
 * `articles/network-watcher/network-watcher-create.md`: "By default, Network Watcher is automatically enabled",
 * named NetworkWatcher_<region>, "created in a resource group named NetworkWatcherRG").
 */
const NETWORK_WATCHER_DEFAULTS = {
    resourceGroupName: "NetworkWatcherRG",
    name: (location: string) => `NetworkWatcher_${location}`,
} as const;

/** What readAzureSettings needs besides the section itself. */
export interface AzureReadContext {
    /** `<project>-<stack>`: the logical name every Azure resource's name derives from. */
    platformName: string;
    /**
     * True for the offline plan (mocks): placeholders only warn, so the examples stay plannable. Under the real
     * engine a production stack with a placeholder is a config error.
     */
    offline: boolean;
}

const DEPLOYER_OBJECT_ID = {
    ...UUID,
    allowed: "the Entra ID object ID of the identity that runs pulumi up (az ad signed-in-user show --query id -o tsv)",
};

const maintenanceWindow = (description: string, dayOfWeek: (typeof WEEK_DAYS)[number]) =>
    withDefault(
        section({
            dayOfWeek: withDefault(oneOf(WEEK_DAYS), dayOfWeek, { description: "Day of the window." }),
            startTime: withDefault(text({ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, allowed: "a time HH:MM such as 01:00" }), "01:00", {
                description: "Start, HH:MM local to utcOffset.",
            }),
            durationHours: withDefault(integer({ min: 4, max: 24 }), 4, { description: "Length; AKS requires at least 4 hours." }),
            utcOffset: withDefault(
                text({ pattern: /^[+-](0\d|1[0-4]):[0-5]\d$/, allowed: "a UTC offset such as +00:00 or +02:00" }),
                "+00:00",
                {
                    description: "+HH:MM or -HH:MM.",
                },
            ),
        }),
        {},
        { description },
    );

/** `xroad-sidecar:azure`, whose defaults depend on the environment. */
export function azureSchema(production: boolean) {
    const env = <S extends z.ZodType>(schema: S, development: z.input<S>, prod: z.input<S>) =>
        envDefault(schema, production, { development, production: prod });
    return withDefault(
        section(
            {
                location: withDefault(
                    text({ pattern: /^[a-z]+[a-z0-9]*$/, allowed: "an Azure location such as westeurope" }),
                    "westeurope",
                    {
                        description: "Azure region of every resource.",
                    },
                ),
                resourceGroupName: optionalText(
                    { pattern: /^[-\w._()]{1,89}[-\w_()]$/, allowed: "a resource group name" },
                    "Resource group of the stack.",
                ).meta({ defaultText: "rg-<project>-<stack>" }),
                vnetCidr: withDefault(cidr(), "10.30.0.0/16", {
                    description: "VNet range; must not overlap the AKS pod and Service ranges.",
                }),
                nodeSubnetCidr: withDefault(cidr(), "10.30.0.0/20", { description: "Node subnet, inside vnetCidr." }),
                databaseSubnetCidr: withDefault(cidr(), "10.30.16.0/24", { description: "Flexible Server subnet, inside vnetCidr." }),
                privateEndpointSubnetCidr: withDefault(cidr(), "10.30.17.0/24", {
                    description: "Private endpoint subnet, inside vnetCidr.",
                }),
                apiServerSubnetCidr: withDefault(cidr(), "10.30.18.0/28", {
                    description:
                        "Subnet delegated to the AKS API server (API Server VNet Integration), /28 or larger: it reaches the private Key Vault of the etcd key through it.",
                }),
                deployer: withDefault(
                    section({
                        objectId: text(DEPLOYER_OBJECT_ID).optional().meta({ description: "Entra ID object ID.", defaultText: "required" }),
                        principalType: oneOf(PRINCIPAL_TYPES)
                            .optional()
                            .meta({ description: "Its principal type.", defaultText: "required" }),
                    }),
                    {},
                    {
                        description:
                            "Required: the identity that runs pulumi up. It gets Key Vault Crypto Officer on the stack's vault (the etcd key) and cluster-admin through Azure RBAC.",
                    },
                ),
                authorizedIpRanges: withDefault(list(cidr()), [], {
                    description:
                        "CIDRs allowed to reach the API server; none with privateCluster (a private cluster has no public endpoint).",
                }),
                privateCluster: withDefault(boolean(), false, { description: "A private API server endpoint." }),
                adminGroupObjectIds: withDefault(list(text(UUID)), [], {
                    description: "Entra ID groups that administer the cluster (guide §4.2); at least one.",
                }),
                namespaceOperatorGroupObjectIds: withDefault(list(text(UUID)), [], {
                    description: "Entra ID groups that may operate the Sidecar namespaces only (guide §4.3).",
                }),
                availabilityZones: env(
                    list(
                        z
                            .preprocess((v) => (typeof v === "number" ? String(v) : v), oneOf(["1", "2", "3"] as const))
                            .meta({ alsoAccepts: [{ type: "integer", enum: [1, 2, 3] }] }),
                    ).meta({
                        description: "Availability zones of the node pools.",
                    }),
                    [],
                    ["1", "2", "3"],
                ),
                systemNodePool: withDefault(
                    section({
                        vmSize: withDefault(text(VM_SIZE), "Standard_D4ds_v5", { description: "VM size; AKS asks for at least 4 vCPUs." }),
                        count: env(integer({ min: 1, max: 10 }, "Node count; AKS asks for at least 2."), AKS_SYSTEM_POOL_MIN.nodes, 3),
                    }),
                    {},
                    { description: "The system node pool." },
                ),
                userNodePool: withDefault(
                    section({
                        vmSize: withDefault(text(VM_SIZE), "Standard_D4ds_v5", {
                            description:
                                "VM size of the Sidecar nodes: x86-64; a size with a temp disk (a d in its suffix) gets an ephemeral OS disk.",
                        }),
                        minCount: env(integer({ min: 1, max: 100 }, "Smallest node count."), 1, 3),
                        maxCount: env(integer({ min: 1, max: 100 }, "Largest node count the autoscaler may reach."), 3, 6),
                    }),
                    {},
                    { description: "The Sidecar's node pool." },
                ),
                upgradeChannel: withDefault(oneOf(AKS_UPGRADE_CHANNELS), "patch", { description: "AKS automatic upgrade channel." }),
                // Kubernetes upgrades and node re-imaging on different nights, never during the working week.
                maintenance: withDefault(
                    section({
                        autoUpgrade: maintenanceWindow("When AKS may upgrade Kubernetes.", "Sunday"),
                        nodeOsUpgrade: maintenanceWindow("When AKS may re-image nodes.", "Saturday"),
                    }),
                    {},
                    { description: "Planned maintenance windows (azure.md B4)." },
                ),
                dataLocks: withDefault(boolean(), true, {
                    description:
                        "CanNotDelete locks on the stateful resources when protectData is on. Set false for one pulumi up to change a role assignment under a locked resource, then back.",
                }),
                logRetentionDays: env(integer({ min: 30, max: 730 }, "Log Analytics retention (days)."), 30, 365),
                // Review azure B5: the VNet counterpart of the AWS VPC flow logs (guide §8).
                flowLogs: withDefault(
                    section({
                        enabled: withDefault(boolean(), true, {
                            description:
                                "VNet flow logs of all IP traffic through the VNet, with traffic analytics in the stack's Log Analytics workspace (guide §8).",
                        }),
                        retentionDays: env(integer({ min: 1, max: 365 }, "Days the flow log blobs are kept."), 7, 90),
                    }),
                    {},
                    { description: "VNet flow logs (Network Watcher), into a storage account of their own." },
                ),
                networkWatcher: withDefault(
                    section({
                        create: withDefault(boolean(), false, {
                            description:
                                "Create the region's Network Watcher in the stack's resource group; only for a subscription that opted out of Network Watcher automatic enablement (one watcher per region and subscription).",
                        }),
                        resourceGroupName: optionalText(
                            { pattern: /^[-\w._()]{1,89}[-\w_()]$/, allowed: "a resource group name" },
                            "Resource group of the watcher.",
                        ).meta({ defaultText: "NetworkWatcherRG; the stack's resource group with create" }),
                        name: optionalText(
                            {
                                pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/,
                                allowed: "a Network Watcher name: 1-80 letters, digits, '_', '.', '-'",
                            },
                            "Name of the watcher.",
                        ).meta({ defaultText: "NetworkWatcher_<location>" }),
                    }),
                    {},
                    {
                        description:
                            "The region's Network Watcher, parent of the flow log. Azure creates NetworkWatcher_<location> in NetworkWatcherRG with the first VNet of a region.",
                    },
                ),
                // Production keeps kube-audit: Secret reads and WebSocket exec are get requests, which kube-audit-admin drops.
                auditCategory: env(
                    oneOf(AKS_AUDIT_CATEGORIES, "AKS audit log category (guide §8); production needs kube-audit for the audit detections."),
                    "kube-audit-admin",
                    "kube-audit",
                ),
                archive: withDefault(
                    section({
                        coolAfterDays: withDefault(integer({ min: 1, max: 3650 }), 30, {
                            description: "Days before archives move to the cool tier.",
                        }),
                        deleteAfterDays: withDefault(integer({ min: 1, max: 36500 }), 2555, {
                            description: "Days before archives are deleted.",
                        }),
                        softDeleteDays: withDefault(integer({ min: 1, max: 365 }), 30, {
                            description: "Blob soft-delete retention (days).",
                        }),
                        immutabilityDays: withDefault(integer({ min: 0, max: 146000 }), 0, {
                            description: "Write-once retention (days); 0 disables it; not above deleteAfterDays.",
                        }),
                    }),
                    {},
                    { description: "The message-log archive storage account." },
                ),
                // review azure B10: Azure Backup of the Sidecar's file shares (snapshot tier, components/azure/files-backup.ts).
                filesBackup: withDefault(
                    section({
                        retentionDays: env(
                            integer(
                                { min: 1, max: FILES_BACKUP_MAX_DAILY_RETENTION },
                                "Days each daily recovery point (share snapshot) is kept; at most 200 (Azure Files backup support matrix).",
                            ),
                            7,
                            30,
                        ),
                        time: withDefault(
                            text({ pattern: /^([01]\d|2[0-3]):(00|30)$/, allowed: "a UTC time HH:00 or HH:30 such as 02:00" }),
                            "02:00",
                            { description: "When the daily backup starts, UTC, on the hour or half hour." },
                        ),
                    }),
                    {},
                    { description: "Azure Backup of the Azure Files shares (a Recovery Services vault, one daily policy)." },
                ),
                database: withDefault(
                    section({
                        skuName: env(
                            text(
                                { pattern: /^Standard_[A-Za-z0-9_]+$/, allowed: "a Flexible Server SKU such as Standard_D2ds_v5" },
                                "Flexible Server SKU.",
                            ),
                            "Standard_B2ms",
                            "Standard_D2ds_v5",
                        ),
                        tier: env(oneOf(FLEXIBLE_SERVER_TIERS, "Flexible Server tier."), "Burstable", "GeneralPurpose"),
                        storageGb: withDefault(integer({ min: 32, max: 32768 }), 64, { description: "Storage (GiB)." }),
                        backupRetentionDays: env(integer({ min: 7, max: 35 }, "Backup retention (days)."), 7, 35),
                        zoneRedundantHa: env(boolean("Zone-redundant high availability (not on Burstable)."), false, true),
                        adminLogin: withDefault(
                            text({
                                pattern: /^(?!azure_|admin$|administrator$|root$|guest$|public$|postgres$)[a-z][a-z0-9_]{0,62}$/,
                                allowed: "a Flexible Server admin login (not postgres, admin, root, guest, public or azure_*)",
                            }),
                            "xroadadmin",
                            { description: "Administrator login of the server." },
                        ),
                    }),
                    {},
                    { description: "The PostgreSQL Flexible Server of database mode managed." },
                ),
                loadBalancer: withDefault(
                    section({
                        internal: withDefault(boolean(), false, { description: "An internal load balancer for 5500/5577." }),
                        privateIp: optionalText(
                            { pattern: { test: (value) => parseIpv4(value) !== undefined }, allowed: "an IPv4 address in the node subnet" },
                            "Fixed private IP of an internal load balancer, inside the node subnet.",
                        ),
                    }),
                    {},
                    { description: "The load balancer other Security Servers reach." },
                ),
                kubeloginMode: withDefault(oneOf(KUBELOGIN_MODES), "azurecli", {
                    description: "How kubelogin gets the Entra ID token for the program's kubeconfig (kubelogin --login).",
                }),
                secretsEncryption: withDefault(boolean(), true, {
                    description: "Envelope-encrypt Kubernetes Secrets in etcd with a Key Vault key the stack owns (AKS KMS).",
                }),
                // azure.md B12: the temp disk, the OS and data disk caches and the ephemeral OS disk are encrypted too.
                encryptionAtHost: withDefault(boolean(), true, {
                    description:
                        "Encryption at host for every node (temp disk, disk caches, ephemeral OS disk); needs the subscription feature Microsoft.Compute/EncryptionAtHost.",
                }),
            },
            "target azure only: the AKS cluster, its network, archive storage and managed database.",
        ),
        {},
    );
}

const azureSchemas = { development: azureSchema(false), production: azureSchema(true) };

type ParsedAzure = z.output<ReturnType<typeof azureSchema>>;

/** A weekly AKS planned-maintenance window (`containerservice.MaintenanceConfiguration`). */
export type MaintenanceWindowSettings = ParsedAzure["maintenance"]["autoUpgrade"];

/** Settings of `target: azure`, read from `xroad-sidecar:azure`. */
export type AzureSettings = Omit<ParsedAzure, "resourceGroupName" | "deployer" | "networkWatcher"> & {
    resourceGroupName: string;
    /** The region's Network Watcher (the flow log's parent), with the defaults resolved. */
    networkWatcher: { create: boolean; resourceGroupName: string; name: string };
    /**
     * The identity that runs `pulumi up` (issue 12): it gets Key Vault Crypto Officer on the stack's vault
     * to create the etcd key, and cluster-admin through Azure RBAC to create the Sidecar's objects.
     */
    deployer: { objectId: string; principalType: PrincipalType };
};

/** The keys of `xroad-sidecar:azure`. */
export const AZURE_KEYS = keysOf(azureSchemas.development);

export function readAzureSettings(
    check: Checker,
    raw: unknown,
    defaultName: string,
    production: boolean,
    context: AzureReadContext,
): AzureSettings {
    const p = "azure";
    const schema = production ? azureSchemas.production : azureSchemas.development;
    const parsed = parseSetting(check, p, raw, schema) ?? schema.parse({});
    // Required, with nothing to fall back on; a value refused by its own check is reported already.
    const { objectId, principalType } = parsed.deployer;
    if (objectId === undefined && !check.reported(`${p}.deployer.objectId`))
        check.fail(`${p}.deployer.objectId`, undefined, DEPLOYER_OBJECT_ID.allowed);
    if (principalType === undefined && !check.reported(`${p}.deployer.principalType`))
        check.fail(`${p}.deployer.principalType`, undefined, `one of ${PRINCIPAL_TYPES.join(", ")}`);
    const resourceGroupName = parsed.resourceGroupName ?? `rg-${defaultName}`;
    const watcher = parsed.networkWatcher;
    const settings: AzureSettings = {
        ...parsed,
        resourceGroupName,
        networkWatcher: {
            create: watcher.create,
            resourceGroupName:
                watcher.resourceGroupName ?? (watcher.create ? resourceGroupName : NETWORK_WATCHER_DEFAULTS.resourceGroupName),
            name: watcher.name ?? NETWORK_WATCHER_DEFAULTS.name(parsed.location),
        },
        deployer: { objectId: objectId ?? "", principalType: principalType ?? PRINCIPAL_TYPES[0] },
    };
    check.minNotAboveMax(
        `${p}.userNodePool.minCount`,
        settings.userNodePool.minCount,
        `${p}.userNodePool.maxCount`,
        settings.userNodePool.maxCount,
    );
    check.minNotAboveMax(
        `${p}.archive.coolAfterDays`,
        settings.archive.coolAfterDays,
        `${p}.archive.deleteAfterDays`,
        settings.archive.deleteAfterDays,
    );
    checkAzureConsistency(check, settings, production);
    checkSystemPool(check, settings, production);
    checkDerivedNames(check, settings, context.platformName);
    checkPlaceholders(check, settings, production, context.offline);
    if (!settings.dataLocks)
        check.warn(
            `${check.key(`${p}.dataLocks`)} is false: the stateful resources carry no CanNotDelete lock; set it back to true after this change`,
        );
    return settings;
}

/** Cross-field rules: each names the key to change and why, before any resource exists. */
function checkAzureConsistency(check: Checker, s: AzureSettings, production: boolean): void {
    const p = "azure";
    const subnets = [
        ["nodeSubnetCidr", s.nodeSubnetCidr],
        ["databaseSubnetCidr", s.databaseSubnetCidr],
        ["privateEndpointSubnetCidr", s.privateEndpointSubnetCidr],
        ["apiServerSubnetCidr", s.apiServerSubnetCidr],
    ] as const;
    const apiPrefix = parseCidr(s.apiServerSubnetCidr)?.prefix;
    if (apiPrefix !== undefined && apiPrefix > 28)
        check.fail(
            `${p}.apiServerSubnetCidr`,
            s.apiServerSubnetCidr,
            "a /28 or larger subnet (AKS API Server VNet Integration needs at least /28)",
        );
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
    // azure.md A10: a private cluster's API server has only a private address (and run command is disabled), so the
    // machine running pulumi up must be inside the VNet or a network peered or connected with it.
    if (s.privateCluster) {
        if (s.authorizedIpRanges.length > 0)
            check.fail(
                `${p}.authorizedIpRanges`,
                s.authorizedIpRanges,
                `none with ${check.key(`${p}.privateCluster`)}: true: a private cluster has no public endpoint to restrict`,
            );
        check.warn(
            `${check.key(`${p}.privateCluster`)} is true: run pulumi up from inside the VNet ${s.vnetCidr} or a network peered or VPN-connected with it (a self-hosted CI runner, a jump host); from anywhere else every Kubernetes resource times out after the cluster is created (README: Private clusters)`,
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
        parseCidr(s.nodeSubnetCidr) &&
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

/** AKS's system-pool minimum (AKS_SYSTEM_POOL_MIN): an error in production, a warning otherwise. */
function checkSystemPool(check: Checker, s: AzureSettings, production: boolean): void {
    const p = "azure.systemNodePool";
    const vcpus = vmSizeVcpus(s.systemNodePool.vmSize);
    const problems: [string, unknown, string][] = [];
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
        if (production) check.fail(path, value, allowed);
        else check.warn(`${check.key(path)} is ${JSON.stringify(value)}, below AKS's documented system-pool minimum: ${allowed}`);
    }
}

/**
 * Names derived from `<project>-<stack>` that azure-native auto-names (adding AUTONAME_SUFFIX_LENGTH random
 * characters): too long a stack name would be rejected by ARM only after other resources exist.
 */
function checkDerivedNames(check: Checker, s: AzureSettings, platformName: string): void {
    const derived: [string, number][] = [
        [`${platformName}${DERIVED_NAME_LIMITS.cluster.suffix}`, DERIVED_NAME_LIMITS.cluster.max],
        [`${platformName}${DERIVED_NAME_LIMITS.identity.suffix}`, DERIVED_NAME_LIMITS.identity.max],
    ];
    for (const [name, max] of derived) {
        const length = name.length + AUTONAME_SUFFIX_LENGTH;
        if (length > max)
            check.issues.push({
                key: "(project and stack name)",
                value: platformName,
                allowed: `a project and stack name whose derived Azure name ${name} (+${AUTONAME_SUFFIX_LENGTH} auto-name characters, ${length} in all) fits ${max} characters`,
            });
    }
    const archiverRoom = DERIVED_NAME_LIMITS.identity.max - AUTONAME_SUFFIX_LENGTH - `${platformName}-archiver-`.length;
    if (archiverRoom < 1)
        check.issues.push({
            key: "(project and stack name)",
            value: platformName,
            allowed: `a project and stack name that leaves room for the archiver identities ${platformName}-archiver-<instance> (128 characters)`,
        });
}

/** The keys of an Azure stack that commonly hold example values. */
function azurePlaceholders(s: AzureSettings): Placeholder[] {
    const found: Placeholder[] = [];
    const cidrs = (path: string, values: string[]) =>
        values.forEach((v, i) => {
            const reason = documentationCidr(v);
            if (reason) found.push({ path: `${path}[${i}]`, value: v, reason });
        });
    const guids = (path: string, values: string[]) =>
        values.forEach((v, i) => {
            const reason = placeholderGuid(v);
            if (reason) found.push({ path: `${path}[${i}]`, value: v, reason });
        });
    cidrs("azure.authorizedIpRanges", s.authorizedIpRanges);
    guids("azure.adminGroupObjectIds", s.adminGroupObjectIds);
    guids("azure.namespaceOperatorGroupObjectIds", s.namespaceOperatorGroupObjectIds);
    const deployer = placeholderGuid(s.deployer.objectId);
    if (deployer) found.push({ path: "azure.deployer.objectId", value: s.deployer.objectId, reason: deployer });
    return found;
}

/**
 * issue 12 point 4: the example stacks plan offline with a warning per placeholder; under the real engine
 * a production stack with one is a config error (a development stack still only warns, so a sandbox can
 * try the examples as shipped).
 */
function checkPlaceholders(check: Checker, s: AzureSettings, production: boolean, offline: boolean): void {
    for (const placeholder of azurePlaceholders(s)) {
        if (production && !offline) check.fail(placeholder.path, placeholder.value, `a real value: this is ${placeholder.reason}`);
        else
            check.warn(
                `${check.key(placeholder.path)} is a placeholder (${placeholder.value}: ${placeholder.reason}); replace it before pulumi up`,
            );
    }
}
