import { MockResource } from "../types";
/**
 * The Azure rules the offline plan enforces (issue 12 point 3), one row per rule with its source, so that a
 * plan the real providers would reject fails here too, with the provider's own kind of message.
 *
 * - NAME_RULES: physical names (the explicit name input, or the logical name plus azure-native's
 *   auto-name suffix) that break a resource type's length or character rules.
 * - principal types of role assignments (ARM's UnmatchedPrincipalType).
 * (What ARM cannot update in place is in replacements.ts, with the other providers' replace-on-change rules.)
 */
import { AUTONAME_SUFFIX_LENGTH } from "../../../config/azure";
import { asArray, asObj, textOf } from "../../../kubernetes-model/workloads";

const NAMING_RULES_DOC = "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules";

export interface NameRule {
    type: string;
    /** The input holding the physical name; when absent azure-native auto-names from the logical name. */
    nameInput: string;
    min: number;
    max: number;
    pattern: RegExp;
    /** The provider's error, as ARM returns it. */
    message: (name: string) => string;
    source: string;
}

export const NAME_RULES: NameRule[] = [
    {
        type: "azure-native:storage:StorageAccount",
        nameInput: "accountName",
        min: 3,
        max: 24,
        pattern: /^[a-z0-9]+$/,
        message: (n) =>
            `AccountNameInvalid: ${n} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
        source: `${NAMING_RULES_DOC}#microsoftstorage`,
    },
    {
        type: "azure-native:keyvault:Vault",
        nameInput: "vaultName",
        min: 3,
        max: 24,
        pattern: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/,
        message: (n) =>
            `VaultNameNotValid: The vault name '${n}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.`,
        source: `${NAMING_RULES_DOC}#microsoftkeyvault`,
    },
    {
        type: "azure-native:recoveryservices:Vault",
        nameInput: "vaultName",
        min: 2,
        max: 50,
        pattern: /^[a-zA-Z][a-zA-Z0-9-]*$/,
        message: (n) =>
            `InvalidResourceName: The vault name '${n}' is invalid. A Recovery Services vault name must be 2 to 50 characters of letters, numbers and hyphens, and start with a letter.`,
        source: `${NAMING_RULES_DOC}#microsoftrecoveryservices`,
    },
    {
        type: "azure-native:recoveryservices:ProtectionPolicy",
        nameInput: "policyName",
        min: 3,
        max: 150,
        pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
        message: (n) =>
            `InvalidResourceName: The backup policy name '${n}' is invalid. It must be 3 to 150 characters of letters, numbers and hyphens, start with a letter and not end with a hyphen.`,
        source: `${NAMING_RULES_DOC}#microsoftrecoveryservices (vaults / backupPolicies)`,
    },
    {
        type: "azure-native:dbforpostgresql:Server",
        nameInput: "serverName",
        min: 3,
        max: 63,
        pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
        message: (n) =>
            `InvalidServerName: Server name '${n}' is invalid. The name must be 3 to 63 characters long, contain only lowercase letters, numbers and hyphens, and must not start or end with a hyphen.`,
        source: `${NAMING_RULES_DOC}#microsoftdbforpostgresql`,
    },
    {
        type: "azure-native:containerservice:ManagedCluster",
        nameInput: "resourceName",
        min: 1,
        max: 63,
        pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?$/,
        message: (n) =>
            `InvalidParameter: The value of parameter resourceName '${n}' is invalid. The name can contain only letters, numbers, underscores and hyphens, must start and end with a letter or number, and be 1 to 63 characters long.`,
        source: `${NAMING_RULES_DOC}#microsoftcontainerservice`,
    },
    {
        type: "azure-native:containerservice:AgentPool",
        nameInput: "agentPoolName",
        min: 1,
        max: 12,
        pattern: /^[a-z][a-z0-9]*$/,
        message: (n) =>
            `InvalidParameter: The value of parameter agentPoolProfile.name '${n}' is invalid. A Linux agent pool name must start with a lowercase letter, contain only lowercase letters and numbers, and be at most 12 characters long.`,
        source: "https://learn.microsoft.com/azure/aks/create-node-pools (Limitations: node pool names)",
    },
    {
        type: "azure-native:managedidentity:UserAssignedIdentity",
        nameInput: "resourceName",
        min: 3,
        max: 128,
        pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
        message: (n) =>
            `InvalidResourceName: The resource name '${n}' is invalid. A user-assigned identity name must be 3 to 128 characters, start with a letter or number, and contain only letters, numbers, hyphens and underscores.`,
        source: `${NAMING_RULES_DOC}#microsoftmanagedidentity`,
    },
    {
        type: "azure-native:resources:ResourceGroup",
        nameInput: "resourceGroupName",
        min: 1,
        max: 90,
        pattern: /^[-\w._()]*[-\w_()]$/,
        message: (n) =>
            `InvalidResourceGroupName: Resource group name '${n}' is invalid. It can be 1 to 90 characters long and contain only letters, digits, underscores, hyphens, periods and parentheses, and cannot end in a period.`,
        source: `${NAMING_RULES_DOC}#microsoftresources`,
    },
    {
        type: "azure-native:operationalinsights:Workspace",
        nameInput: "workspaceName",
        min: 4,
        max: 63,
        pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
        message: (n) =>
            `InvalidWorkspaceName: The workspace name '${n}' is invalid. It must be 4 to 63 characters of letters, digits and hyphens, starting and ending with a letter or digit.`,
        source: `${NAMING_RULES_DOC}#microsoftoperationalinsights`,
    },
    {
        type: "azure-native:network:VirtualNetwork",
        nameInput: "virtualNetworkName",
        min: 2,
        max: 64,
        pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/,
        message: (n) => `InvalidResourceName: Resource name ${n} is invalid. The name can be up to 64 characters long.`,
        source: `${NAMING_RULES_DOC}#microsoftnetwork`,
    },
    {
        type: "azure-native:network:PublicIPAddress",
        nameInput: "publicIpAddressName",
        min: 1,
        max: 80,
        pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/,
        message: (n) => `InvalidResourceName: Resource name ${n} is invalid. The name can be up to 80 characters long.`,
        source: `${NAMING_RULES_DOC}#microsoftnetwork`,
    },
    // Microsoft.Network names (networkWatchers; a flow log is named like its parent watcher).
    ...(
        [
            ["azure-native:network:NetworkWatcher", "networkWatcherName"],
            ["azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName"],
            ["azure-native:network:FlowLog", "flowLogName"],
        ] as const
    ).map(([type, nameInput]): NameRule => ({
        type,
        nameInput,
        min: 1,
        max: 80,
        pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/,
        message: (n) =>
            `InvalidResourceName: Resource name ${n} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`,
        source: `${NAMING_RULES_DOC}#microsoftnetwork`,
    })),
    ...(
        [
            ["azure-native:monitor:ScheduledQueryRule", "ruleName"],
            ["azure-native:monitor:MetricAlert", "ruleName"],
            ["azure-native:monitor:ActivityLogAlert", "activityLogAlertName"],
            ["azure-native:monitor:ActionGroup", "actionGroupName"],
        ] as const
    ).map(([type, nameInput]): NameRule => ({
        type,
        nameInput,
        min: 1,
        max: 260,
        // ARM refuses control characters in these names, so the class names them.
        // eslint-disable-next-line no-control-regex
        pattern: /^[^<>*%{}&:\\?+/#|\x00-\x1f]+$/,
        message: (n) =>
            `InvalidResourceName: The resource name '${n}' is invalid. It must be 1-260 characters and not contain <>*%{}&:\\?+/#| or control characters.`,
        source: `${NAMING_RULES_DOC}#microsoftinsights`,
    })),
];

/** The name ARM would receive: the explicit input, or the logical name plus the auto-name suffix. */
function physicalName(args: MockResource, rule: NameRule): string {
    const explicit = args.inputs[rule.nameInput];
    return typeof explicit === "string" ? explicit : `${args.name}${"0".repeat(AUTONAME_SUFFIX_LENGTH)}`;
}

/** The provider's message when a resource's physical name breaks its rule; undefined when it is valid. */
export function nameViolation(args: MockResource): string | undefined {
    const rule = NAME_RULES.find((r) => r.type === args.type);
    if (!rule) return undefined;
    const name = physicalName(args, rule);
    if (name.length < rule.min || name.length > rule.max || !rule.pattern.test(name)) return rule.message(name);
    return undefined;
}

/** Principal types ARM accepts on a role assignment. */
const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal", "ForeignGroup", "Device"] as const;

/**
 * Role assignments (source: ARM, Azure/modern-web-app-pattern-dotnet#129: "UnmatchedPrincipalType: The PrincipalId
 * ... has type 'ServicePrincipal', which is different from specified PrincipalType 'User'"). The SDK sends `User`
 * when the program gives no principal type (authorization/roleAssignment.js), so an assignment for a managed
 * identity without `principalType: ServicePrincipal` fails here as it fails in Azure. `knownServicePrincipals`
 * are the principal IDs of the managed identities the plan created.
 */
export function principalViolation(args: MockResource, knownServicePrincipals: ReadonlySet<string>): string | undefined {
    if (args.type !== "azure-native:authorization:RoleAssignment") return undefined;
    const type = args.inputs.principalType;
    const id = String(args.inputs.principalId);
    if (typeof type !== "string")
        return `PrincipalTypeRequired: role assignment ${args.name} for principal '${id}' has no principalType; set it explicitly (the SDK would send 'User').`;
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type))
        return `InvalidPrincipalType: '${type}' is not a valid principal type; expected one of ${PRINCIPAL_TYPES.join(", ")}.`;
    if (knownServicePrincipals.has(id) && type !== "ServicePrincipal")
        return `UnmatchedPrincipalType: The PrincipalId '${id}' has type 'ServicePrincipal', which is different from specified PrincipalType '${type}'.`;
    return undefined;
}

/** Log search alert windows and frequencies Azure Monitor accepts (scheduledQueryRules 2023-12-01, "evaluationFrequency", "windowSize"). */
const LOG_ALERT_FREQUENCIES = ["PT1M", "PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D"];
const LOG_ALERT_WINDOWS = [...LOG_ALERT_FREQUENCIES.filter((f) => f !== "PT1M"), "P2D"];

const isoMinutes = (d: string): number => {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(d);
    return m ? Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : NaN;
};

/**
 * Alert rules and action groups: the values ARM refuses, each with its source. Returns the provider's kind of
 * message, or undefined.
 */
export function alertRuleViolation(args: MockResource): string | undefined {
    const i = args.inputs;
    if (args.type === "azure-native:monitor:ActionGroup" && "groupShortName" in i) {
        const short = textOf(i.groupShortName);
        // Azure Monitor action groups: "groupShortName ... max length 12" (Microsoft.Insights/actionGroups schema).
        if (short.length < 1 || short.length > 12)
            return `groupShortName '${short}' must be 1-12 characters (Microsoft.Insights/actionGroups)`;
        if (i.location !== "Global") return `location must be Global for an action group (Microsoft.Insights/actionGroups)`;
    }
    if (args.type === "azure-native:monitor:ScheduledQueryRule" && i.kind === "LogAlert") {
        const frequency = String(i.evaluationFrequency);
        const window = String(i.windowSize);
        const source = "Microsoft.Insights/scheduledQueryRules 2023-12-01: log search alert frequency and window";
        if (!LOG_ALERT_FREQUENCIES.includes(frequency))
            return `evaluationFrequency ${frequency} is not one of ${LOG_ALERT_FREQUENCIES.join(", ")} (${source})`;
        if (!LOG_ALERT_WINDOWS.includes(window)) return `windowSize ${window} is not one of ${LOG_ALERT_WINDOWS.join(", ")} (${source})`;
        if (isoMinutes(window) < isoMinutes(frequency))
            return `windowSize ${window} is shorter than evaluationFrequency ${frequency} (${source})`;
        if (typeof i.severity !== "number" || i.severity < 0 || i.severity > 4) return `severity must be 0-4 (${source})`;
        const criteria =
            (i.criteria as { allOf?: { query?: unknown; timeAggregation?: unknown; operator?: unknown }[] } | undefined)?.allOf ?? [];
        if (criteria.length === 0 || criteria.some((c) => typeof c.query !== "string" || !c.timeAggregation || !c.operator))
            return `criteria.allOf needs a query, timeAggregation and operator for kind LogAlert (${source})`;
        if (!Array.isArray(i.scopes) || i.scopes.length !== 1) return `a log search alert has exactly one scope (${source})`;
    }
    return undefined;
}

/** Traffic analytics processing intervals Azure accepts, in minutes (vnet-flow-logs-portal.md: every 1 hour or every 10 mins). */
const TRAFFIC_ANALYTICS_INTERVALS = [10, 60];

/**
 * Flow logs. NSG targets are refused: "creation of new NSG flow logs is no longer supported by Azure as of June 30,
 * 2025" (MicrosoftDocs azure-docs `articles/network-watcher/secure-network-watcher.md`; terraform-provider-azurerm
 * refuses it the same way); a VNet (or subnet, NIC) is the target. Traffic analytics runs every 10 or 60 minutes.
 */
/** NSG rule priorities (MicrosoftDocs azure-docs articles/virtual-network/network-security-groups-overview.md). */
const SECURITY_RULE_PRIORITY = { min: 100, max: 4096 };

/**
 * An NSG's rules as ARM checks them: a priority from 100 to 4096, and no two rules with the same priority and
 * direction (ARM's SecurityRuleConflict, as in grycap/im#359 and hashicorp/terraform-provider-azurerm#11137).
 */
export function securityRuleViolation(args: MockResource): string | undefined {
    if (args.type !== "azure-native:network:NetworkSecurityGroup") return undefined;
    const seen = new Map<string, string>();
    for (const rule of asArray(args.inputs.securityRules)) {
        const name = textOf(rule.name);
        const priority = Number(rule.priority);
        if (!Number.isInteger(priority) || priority < SECURITY_RULE_PRIORITY.min || priority > SECURITY_RULE_PRIORITY.max)
            return `SecurityRuleInvalidPriority: Security rule ${name} has invalid Priority ${textOf(rule.priority)}. Value provided: ${textOf(rule.priority)} Allowed range ${SECURITY_RULE_PRIORITY.min}-${SECURITY_RULE_PRIORITY.max}.`;
        const key = `${priority}/${textOf(rule.direction)}`;
        const other = seen.get(key);
        if (other !== undefined)
            return `SecurityRuleConflict: Security rule ${other} conflicts with rule ${name}. Rules cannot have the same Priority and Direction.`;
        seen.set(key, name);
    }
    return undefined;
}

export function flowLogViolation(args: MockResource): string | undefined {
    if (args.type !== "azure-native:network:FlowLog") return undefined;
    const target = textOf(args.inputs.targetResourceId);
    if (/\/providers\/Microsoft\.Network\/networkSecurityGroups\//i.test(target))
        return `NsgFlowLogCreationBlocked: creation of new NSG flow logs is no longer supported as of June 30, 2025 (target ${target}); use a virtual network flow log.`;
    const analytics = asObj(asObj(args.inputs.flowAnalyticsConfiguration)?.networkWatcherFlowAnalyticsConfiguration);
    const interval = analytics?.trafficAnalyticsInterval;
    if (interval !== undefined && !TRAFFIC_ANALYTICS_INTERVALS.includes(Number(interval)))
        return `InvalidTrafficAnalyticsInterval: trafficAnalyticsInterval ${JSON.stringify(interval)} is not one of ${TRAFFIC_ANALYTICS_INTERVALS.join(", ")} minutes.`;
    return undefined;
}
