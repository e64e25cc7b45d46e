import * as assert from "node:assert/strict";
import { aksContainerInsights, aksDiagnosticSettings, eksContainerInsights, eksControlPlaneLogging, networkFlowLogs } from "./monitoring";
import { UNKNOWN, messages, run, toEngine } from "./testing/harness";
import devConfig from "./config/dev.json";

describe("eks-control-plane-logging (guide §8)", () => {
    it("passes api, audit and authenticator, on aws.eks.Cluster and the eks component", async () => {
        const logs = ["api", "audit", "authenticator"];
        assert.deepEqual(
            await messages(eksControlPlaneLogging, [
                { type: "aws:eks/cluster:Cluster", props: { enabledClusterLogTypes: logs } },
                { type: "eks:index:Cluster", props: { enabledClusterLogTypes: [...logs, "scheduler"] } },
            ]),
            [],
        );
    });
    it("flags missing types, with config for stricter sets", async () => {
        assert.deepEqual(
            await messages(eksControlPlaneLogging, { type: "eks:index:Cluster", props: { enabledClusterLogTypes: ["api"] } }),
            ['control-plane log types audit, authenticator are not enabled (enabledClusterLogTypes: ["api"])'],
        );
        assert.equal(
            (
                await messages(
                    eksControlPlaneLogging,
                    { type: "aws:eks/cluster:Cluster", props: { enabledClusterLogTypes: ["api", "audit", "authenticator"] } },
                    { config: { requiredLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] } },
                )
            ).length,
            1,
        );
    });
});

describe("aks-diagnostic-settings (guide §8)", () => {
    const cluster = { type: "azure-native:containerservice:ManagedCluster", name: "aks", props: { resourceName: "aks-xroad" } };
    const setting = (logs: unknown[], extra: Record<string, unknown> = {}) => ({
        type: "azure-native:monitor:DiagnosticSetting",
        props: {
            resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-xroad",
            workspaceId: "/w",
            logs,
            ...extra,
        },
    });
    it("passes kube-apiserver, kube-audit-admin and guard, or allLogs; linked by URI or property dependency", async () => {
        assert.deepEqual(
            await messages(aksDiagnosticSettings, [
                cluster,
                setting([
                    { category: "kube-apiserver", enabled: true },
                    { category: "kube-audit-admin", enabled: true },
                    { category: "guard", enabled: true },
                ]),
            ]),
            [],
        );
        assert.deepEqual(await messages(aksDiagnosticSettings, [cluster, setting([{ categoryGroup: "allLogs", enabled: true }])]), []);
        const c = toEngine(cluster);
        const linked = {
            type: "azure-native:insights:DiagnosticSetting",
            props: { resourceUri: "unknown-at-plan", workspaceId: "/w", logs: [{ categoryGroup: "allLogs", enabled: true }] },
            propDeps: { resourceUri: [c.urn] },
        };
        assert.deepEqual(
            await messages(aksDiagnosticSettings, [
                { ...cluster },
                linked,
                { ...cluster, name: "aks2", props: { resourceName: "other" } },
                setting([{ categoryGroup: "allLogs", enabled: true }], { resourceUri: "/x/managedClusters/other" }),
            ]),
            [],
        );
    });
    it("links by property dependency without reading a resourceUri that is unknown during preview", async () => {
        const c = toEngine(cluster);
        const pending = {
            type: "azure-native:monitor:DiagnosticSetting",
            props: { resourceUri: UNKNOWN.string, workspaceId: "/w", logs: [{ categoryGroup: "allLogs", enabled: true }] },
            propDeps: { resourceUri: [c.urn] },
        };
        const other = {
            type: "azure-native:monitor:DiagnosticSetting",
            props: { resourceUri: UNKNOWN.string, workspaceId: "/w", logs: [] },
            propDeps: { resourceUri: ["urn:pulumi:test::proj::azure-native:storage:StorageAccount::sa"] },
        };
        const account = { type: "azure-native:storage:StorageAccount", name: "sa", props: {} };
        const r = await run(aksDiagnosticSettings, [cluster, pending, other, account]);
        assert.deepEqual(r.violations, []);
    });
    it("flags no setting, no destination, and missing categories (audit group lacks kube-apiserver)", async () => {
        assert.deepEqual(await messages(aksDiagnosticSettings, [cluster]), [
            "AKS cluster aks has no diagnostic setting: control-plane logs are not collected",
        ]);
        assert.match(
            (
                await messages(aksDiagnosticSettings, [
                    cluster,
                    setting([{ categoryGroup: "allLogs", enabled: true }], { workspaceId: undefined }),
                ])
            )[0],
            /no destination/,
        );
        assert.deepEqual(
            await messages(aksDiagnosticSettings, [
                cluster,
                setting([
                    { categoryGroup: "audit", enabled: true },
                    { category: "guard", enabled: false },
                ]),
            ]),
            ["AKS cluster aks does not collect kube-apiserver logs"],
        );
    });
});

describe("eks-container-insights (guide §8)", () => {
    it("passes with the amazon-cloudwatch-observability add-on and flags its absence (advisory by default)", async () => {
        const eks = { type: "aws:eks/cluster:Cluster", name: "eks", props: { name: "eks" } };
        assert.deepEqual(
            await messages(eksContainerInsights, [
                eks,
                { type: "aws:eks/addon:Addon", props: { clusterName: "eks", addonName: "amazon-cloudwatch-observability" } },
            ]),
            [],
        );
        assert.deepEqual(await messages(eksContainerInsights, [eks]), [
            "EKS cluster eks has no Container Insights (amazon-cloudwatch-observability add-on)",
        ]);
        assert.equal(eksContainerInsights.enforcementLevel, "advisory");
    });
    it("counts an add-on pointing at the eks component's own aws.eks.Cluster, and reports a bare cluster once", async () => {
        const c = toEngine({ type: "eks:index:Cluster", name: "xroad", props: {} });
        const child = { type: "aws:eks/cluster:Cluster", name: "xroad-eksCluster", props: { name: "xroad" }, parent: c.urn };
        const other = { type: "aws:eks/cluster:Cluster", name: "other", props: { name: "other" } };
        const addon = (clusterName: string) => ({
            type: "aws:eks/addon:Addon",
            props: { clusterName, addonName: "amazon-cloudwatch-observability" },
        });
        assert.deepEqual(
            await messages(eksContainerInsights, [{ type: "eks:index:Cluster", name: "xroad", props: {} }, child, other, addon("xroad")]),
            ["EKS cluster other has no Container Insights (amazon-cloudwatch-observability add-on)"],
        );
    });
});

describe("aks-container-insights (guide §8)", () => {
    it("passes omsagent with a workspace and flags it disabled or without workspace", async () => {
        const aks = (addonProfiles: unknown) => ({ type: "azure-native:containerservice:ManagedCluster", props: { addonProfiles } });
        assert.deepEqual(
            await messages(aksContainerInsights, aks({ omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: "/w" } } })),
            [],
        );
        assert.deepEqual(await messages(aksContainerInsights, aks({})), ["Container Insights (addonProfiles.omsagent) is not enabled"]);
        assert.match(
            (await messages(aksContainerInsights, aks({ omsAgent: { enabled: true, config: {} } })))[0],
            /no Log Analytics workspace/,
        );
    });
});

describe("network-flow-logs (guide §8)", () => {
    const vpc = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { id: "vpc-1" } };
    const vnetId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
    const vnet = { type: "azure-native:network:VirtualNetwork", name: "vnet", props: { id: vnetId } };
    const vnetFlowLog = (extra: Record<string, unknown> = {}) => ({
        type: "azure-native:network:FlowLog",
        props: { targetResourceId: vnetId, storageId: "/sa", enabled: true, ...extra },
    });
    it("passes a VPC flow log of all traffic and an enabled VNet flow log, linked by value or property dependency", async () => {
        assert.deepEqual(
            await messages(networkFlowLogs, [vpc, { type: "aws:ec2/flowLog:FlowLog", props: { vpcId: "vpc-1", trafficType: "ALL" } }]),
            [],
        );
        assert.deepEqual(await messages(networkFlowLogs, [vnet, vnetFlowLog()]), []);
        const other = { ...vnet, name: "other", props: { id: "/x/virtualNetworks/other" } };
        const pending = {
            type: "azure-native:network:FlowLog",
            props: { targetResourceId: UNKNOWN.string, enabled: true },
            propDeps: { targetResourceId: [toEngine(other).urn] },
        };
        assert.deepEqual(await messages(networkFlowLogs, [vnet, other, vnetFlowLog(), pending]), []);
    });
    it("flags a network without a flow log, a VPC log of rejected traffic only, and a disabled VNet flow log", async () => {
        assert.deepEqual(await messages(networkFlowLogs, [vpc, vnet]), [
            "VPC vpc has no flow log: its traffic is not recorded",
            "VNet vnet has no VNet flow log: its traffic is not recorded",
        ]);
        assert.deepEqual(
            await messages(networkFlowLogs, [vpc, { type: "aws:ec2/flowLog:FlowLog", props: { vpcId: "vpc-1", trafficType: "REJECT" } }]),
            ["the flow logs of VPC vpc do not record all traffic (trafficType ALL)"],
        );
        assert.deepEqual(await messages(networkFlowLogs, [vnet, vnetFlowLog({ enabled: false })]), [
            "the flow log of VNet vnet is disabled",
        ]);
        // Two VNets: a flow log of one does not cover the other.
        const other = { ...vnet, name: "other", props: { id: "/x/virtualNetworks/other" } };
        assert.deepEqual(await messages(networkFlowLogs, [vnet, other, vnetFlowLog()]), [
            "VNet other has no VNet flow log: its traffic is not recorded",
        ]);
    });
    it("is mandatory by default (production) and advisory in the development config", () => {
        assert.equal(networkFlowLogs.enforcementLevel, "mandatory");
        assert.equal(devConfig["network-flow-logs"], "advisory");
    });
});
