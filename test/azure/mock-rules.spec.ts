import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { recordResources } from "../../plan/run";
import { ProviderRuleError } from "../../plan/mocks";
import { NAME_RULES } from "../../plan/mocks/rules/azure";

/** A resource of any type with raw inputs, as its SDK class would register it. */
class Raw extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: pulumi.Inputs) {
        super(type, name, inputs);
    }
}

/** Registers one resource of `type` with raw inputs, as the SDK class would, and returns the plan's failure, if any. */
async function refusal(register: () => void): Promise<string | undefined> {
    try {
        await recordResources(() => {
            register();
            return {};
        });
        return undefined;
    } catch (e) {
        if (e instanceof ProviderRuleError) return e.message;
        throw e;
    }
}

/** Per rule: names the provider accepts, and names it refuses (too short, too long, bad characters). */
const EXAMPLES: Record<string, { good: string; bad: string[] }> = {
    "azure-native:storage:StorageAccount": { good: "xrfilesprod1a2b3c", bad: ["ab", "a".repeat(25), "xr-files", "XrFiles"] },
    "azure-native:keyvault:Vault": { good: "kv-xroad-prod-1a2b3c", bad: ["kv", "k".repeat(25), "1kv-prod", "kv--prod", "kv-prod-"] },
    "azure-native:recoveryservices:Vault": { good: "rsv-xroad-sidecar-prod", bad: ["r", "r".repeat(51), "1rsv", "rsv_prod", "rsv.prod"] },
    "azure-native:recoveryservices:ProtectionPolicy": {
        good: "xroad-files-daily",
        bad: ["xr", "p".repeat(151), "1daily", "daily-", "daily_x"],
    },
    "azure-native:dbforpostgresql:Server": { good: "ss1-sidecar-1a2b3c", bad: ["db", "d".repeat(64), "-db-1", "Db-One", "db_one"] },
    "azure-native:containerservice:ManagedCluster": { good: "xroad-prod-aks", bad: ["a".repeat(64), "-aks", "aks.prod"] },
    "azure-native:containerservice:AgentPool": { good: "sidecar", bad: ["sidecarpool01", "Sidecar", "1pool", "side-car"] },
    "azure-native:managedidentity:UserAssignedIdentity": { good: "xroad-archiver", bad: ["ab", "a".repeat(129), "-id", "id.x"] },
    "azure-native:resources:ResourceGroup": { good: "rg-xroad(prod)", bad: ["r".repeat(91), "rg-xroad.", "rg/xroad"] },
    "azure-native:operationalinsights:Workspace": { good: "xroad-logs", bad: ["log", "l".repeat(64), "logs_x"] },
    "azure-native:network:VirtualNetwork": { good: "xroad-vnet", bad: ["v", "v".repeat(65)] },
    "azure-native:network:PublicIPAddress": { good: "xroad-address", bad: ["p".repeat(81), "pip-"] },
    "azure-native:network:NetworkSecurityGroup": {
        good: "xroad-prod-network-endpoints",
        bad: ["n".repeat(81), "-nsg", "nsg-", "nsg prod"],
    },
    "azure-native:network:NetworkWatcher": { good: "NetworkWatcher_westeurope", bad: ["", "n".repeat(81), "_watcher", "watcher-"] },
    "azure-native:network:FlowLog": { good: "xroad-sidecar-prod-flow-logs", bad: ["f".repeat(81), "-flow", "flow.", "flow log"] },
    "azure-native:monitor:ScheduledQueryRule": { good: "xroad-prod-sidecar-exec", bad: ["", "r".repeat(261), "a/b", "a:b"] },
    "azure-native:monitor:MetricAlert": { good: "xroad-prod-node-cpu-anomaly", bad: ["r".repeat(261), "a*b"] },
    "azure-native:monitor:ActivityLogAlert": { good: "xroad-prod-threat-finding", bad: ["r".repeat(261), "a#b"] },
    "azure-native:monitor:ActionGroup": { good: "xroad-prod-alerts", bad: ["r".repeat(261), "a?b"] },
};

describe("azure mock rules (plan/mocks/rules/azure.ts): the plan fails where ARM would", function () {
    it("has examples for every name rule, each rule with a source", () => {
        assert.deepEqual(NAME_RULES.map((r) => r.type).sort(), Object.keys(EXAMPLES).sort());
        for (const rule of NAME_RULES) assert.match(rule.source, /^https:\/\//, rule.type);
    });

    for (const rule of NAME_RULES) {
        it(`${rule.type}: ${rule.min}-${rule.max} characters, ${rule.pattern}`, async () => {
            const { good, bad } = EXAMPLES[rule.type];
            assert.equal(await refusal(() => new Raw(rule.type, "ok", { [rule.nameInput]: good })), undefined);
            for (const name of bad) {
                const message = await refusal(() => new Raw(rule.type, "bad", { [rule.nameInput]: name }));
                assert.ok(message, `${name} must be refused`);
                assert.ok(message.includes(rule.message(name)), message);
            }
        });
    }

    it("counts azure-native's auto-name suffix: a 56-character logical cluster name overflows 63", async () => {
        const type = "azure-native:containerservice:ManagedCluster";
        assert.equal(await refusal(() => new Raw(type, "c".repeat(55), {})), undefined);
        assert.match((await refusal(() => new Raw(type, "c".repeat(56), {}))) ?? "", /resourceName 'c{56}0{8}' is invalid/);
    });

    it("refuses a role assignment to a managed identity without principalType ServicePrincipal (the SDK sends User)", async () => {
        const message = await refusal(() => {
            const identity = new managedidentity.UserAssignedIdentity("archiver", { resourceGroupName: "rg" });
            new authorization.RoleAssignment("grant", {
                principalId: identity.principalId,
                roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/x",
                scope: "/subscriptions/s",
            });
        });
        assert.match(
            message ?? "",
            /UnmatchedPrincipalType: The PrincipalId '[0-9a-f-]{36}' has type 'ServicePrincipal', which is different from specified PrincipalType 'User'/,
        );
        assert.equal(
            await refusal(() => {
                const identity = new managedidentity.UserAssignedIdentity("archiver", { resourceGroupName: "rg" });
                new authorization.RoleAssignment("grant", {
                    principalId: identity.principalId,
                    principalType: "ServicePrincipal",
                    roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/x",
                    scope: "/subscriptions/s",
                });
            }),
            undefined,
        );
    });

    it("refuses a role assignment without any principalType, or with one ARM does not know", async () => {
        const type = "azure-native:authorization:RoleAssignment";
        assert.match((await refusal(() => new Raw(type, "none", { principalId: "p" }))) ?? "", /PrincipalTypeRequired/);
        assert.match(
            (await refusal(() => new Raw(type, "odd", { principalId: "p", principalType: "ManagedIdentity" }))) ?? "",
            /InvalidPrincipalType: 'ManagedIdentity'/,
        );
    });
});

describe("azure alert rule mocks (plan/mocks/rules/azure.ts alertRuleViolation)", () => {
    const rule = (over: Record<string, unknown>) => ({
        kind: "LogAlert",
        ruleName: "xroad-test-sidecar-exec",
        evaluationFrequency: "PT5M",
        windowSize: "PT5M",
        severity: 1,
        scopes: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w"],
        criteria: { allOf: [{ query: "AKSAudit", timeAggregation: "Count", operator: "GreaterThanOrEqual", threshold: 1 }] },
        ...over,
    });
    const type = "azure-native:monitor:ScheduledQueryRule";

    it("accepts a valid log search alert", async () => {
        assert.equal(await refusal(() => new Raw(type, "ok", rule({}))), undefined);
    });

    for (const [what, over, message] of [
        ["an unsupported frequency", { evaluationFrequency: "PT7M" }, /evaluationFrequency PT7M is not one of/],
        ["a window shorter than the frequency", { evaluationFrequency: "PT15M", windowSize: "PT5M" }, /shorter than evaluationFrequency/],
        ["a one-minute window", { evaluationFrequency: "PT1M", windowSize: "PT1M" }, /windowSize PT1M is not one of/],
        ["severity 5", { severity: 5 }, /severity must be 0-4/],
        ["a criterion without a query", { criteria: { allOf: [{ timeAggregation: "Count", operator: "GreaterThan" }] } }, /needs a query/],
    ] as const) {
        it(`refuses ${what}`, async () => {
            const refused = await refusal(() => new Raw(type, "bad", rule(over)));
            assert.match(refused ?? "", message);
        });
    }

    it("refuses an action group short name over 12 characters", async () => {
        const refused = await refusal(
            () =>
                new Raw("azure-native:monitor:ActionGroup", "ag", {
                    location: "Global",
                    groupShortName: "xroad-alerts-prod",
                    enabled: true,
                }),
        );
        assert.match(refused ?? "", /groupShortName 'xroad-alerts-prod' must be 1-12 characters/);
    });
});

describe("azure NSG mocks (plan/mocks/rules/azure.ts securityRuleViolation)", () => {
    const type = "azure-native:network:NetworkSecurityGroup";
    const rule = (name: string, priority: number, direction = "Inbound") => ({
        name,
        priority,
        direction,
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "10.0.0.0/24",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "443",
    });
    const nsg = (...securityRules: ReturnType<typeof rule>[]) => ({ resourceGroupName: "rg", location: "westeurope", securityRules });

    it("accepts priorities from 100 to 4096, the same priority in both directions", async () => {
        assert.equal(await refusal(() => new Raw(type, "ok", nsg(rule("a", 100), rule("b", 4096), rule("c", 100, "Outbound")))), undefined);
    });

    it("refuses a priority outside 100-4096 and two rules with the same priority and direction, as ARM does", async () => {
        assert.match(
            (await refusal(() => new Raw(type, "low", nsg(rule("a", 99))))) ?? "",
            /SecurityRuleInvalidPriority: Security rule a .*100-4096/,
        );
        assert.match((await refusal(() => new Raw(type, "high", nsg(rule("a", 4097))))) ?? "", /SecurityRuleInvalidPriority/);
        assert.match(
            (await refusal(() => new Raw(type, "twice", nsg(rule("a", 200), rule("b", 200))))) ?? "",
            /SecurityRuleConflict: Security rule a conflicts with rule b\. Rules cannot have the same Priority and Direction\./,
        );
    });
});

describe("azure flow log mocks (plan/mocks/rules/azure.ts flowLogViolation)", () => {
    const type = "azure-native:network:FlowLog";
    const net = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    const flowLog = (over: Record<string, unknown>) => ({
        resourceGroupName: "NetworkWatcherRG",
        networkWatcherName: "NetworkWatcher_westeurope",
        targetResourceId: `${net}/virtualNetworks/vnet`,
        storageId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flow",
        flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true, trafficAnalyticsInterval: 10 } },
        ...over,
    });

    it("accepts a VNet flow log with traffic analytics every 10 or 60 minutes", async () => {
        assert.equal(await refusal(() => new Raw(type, "ok", flowLog({}))), undefined);
        const hourly = { networkWatcherFlowAnalyticsConfiguration: { enabled: true, trafficAnalyticsInterval: 60 } };
        assert.equal(await refusal(() => new Raw(type, "hourly", flowLog({ flowAnalyticsConfiguration: hourly }))), undefined);
    });

    it("refuses a new NSG flow log (retired: none can be created since 30 June 2025) and another interval", async () => {
        assert.match(
            (await refusal(() => new Raw(type, "nsg", flowLog({ targetResourceId: `${net}/networkSecurityGroups/nsg` })))) ?? "",
            /NsgFlowLogCreationBlocked/,
        );
        const odd = { networkWatcherFlowAnalyticsConfiguration: { enabled: true, trafficAnalyticsInterval: 15 } };
        assert.match(
            (await refusal(() => new Raw(type, "odd", flowLog({ flowAnalyticsConfiguration: odd })))) ?? "",
            /trafficAnalyticsInterval 15 is not one of 10, 60/,
        );
    });
});
