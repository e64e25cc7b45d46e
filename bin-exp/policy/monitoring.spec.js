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
const assert = __importStar(require("node:assert/strict"));
const monitoring_1 = require("./monitoring");
const harness_1 = require("./testing/harness");
describe("eks-control-plane-logging (guide §8)", () => {
    it("passes api, audit and authenticator, on aws.eks.Cluster and the eks component", async () => {
        const logs = ["api", "audit", "authenticator"];
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.eksControlPlaneLogging, [
            { type: "aws:eks/cluster:Cluster", props: { enabledClusterLogTypes: logs } },
            { type: "eks:index:Cluster", props: { enabledClusterLogTypes: [...logs, "scheduler"] } },
        ]), []);
    });
    it("flags missing types, with config for stricter sets", async () => {
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.eksControlPlaneLogging, { type: "eks:index:Cluster", props: { enabledClusterLogTypes: ["api"] } }), ['control-plane log types audit, authenticator are not enabled (enabledClusterLogTypes: ["api"])']);
        assert.equal((await (0, harness_1.messages)(monitoring_1.eksControlPlaneLogging, { type: "aws:eks/cluster:Cluster", props: { enabledClusterLogTypes: ["api", "audit", "authenticator"] } }, { config: { requiredLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] } })).length, 1);
    });
});
describe("aks-diagnostic-settings (guide §8)", () => {
    const cluster = { type: "azure-native:containerservice:ManagedCluster", name: "aks", props: { resourceName: "aks-xroad" } };
    const setting = (logs, extra = {}) => ({
        type: "azure-native:monitor:DiagnosticSetting",
        props: {
            resourceUri: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-xroad",
            workspaceId: "/w",
            logs,
            ...extra,
        },
    });
    it("passes kube-apiserver, kube-audit-admin and guard, or allLogs; linked by URI or property dependency", async () => {
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [
            cluster,
            setting([
                { category: "kube-apiserver", enabled: true },
                { category: "kube-audit-admin", enabled: true },
                { category: "guard", enabled: true },
            ]),
        ]), []);
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [cluster, setting([{ categoryGroup: "allLogs", enabled: true }])]), []);
        const c = (0, harness_1.toEngine)(cluster);
        const linked = {
            type: "azure-native:insights:DiagnosticSetting",
            props: { resourceUri: "unknown-at-plan", workspaceId: "/w", logs: [{ categoryGroup: "allLogs", enabled: true }] },
            propDeps: { resourceUri: [c.urn] },
        };
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [
            { ...cluster },
            linked,
            { ...cluster, name: "aks2", props: { resourceName: "other" } },
            setting([{ categoryGroup: "allLogs", enabled: true }], { resourceUri: "/x/managedClusters/other" }),
        ]), []);
    });
    it("links by property dependency without reading a resourceUri that is unknown during preview", async () => {
        const c = (0, harness_1.toEngine)(cluster);
        const pending = {
            type: "azure-native:monitor:DiagnosticSetting",
            props: { resourceUri: harness_1.UNKNOWN.string, workspaceId: "/w", logs: [{ categoryGroup: "allLogs", enabled: true }] },
            propDeps: { resourceUri: [c.urn] },
        };
        const other = {
            type: "azure-native:monitor:DiagnosticSetting",
            props: { resourceUri: harness_1.UNKNOWN.string, workspaceId: "/w", logs: [] },
            propDeps: { resourceUri: ["urn:pulumi:test::proj::azure-native:storage:StorageAccount::sa"] },
        };
        const account = { type: "azure-native:storage:StorageAccount", name: "sa", props: {} };
        const r = await (0, harness_1.run)(monitoring_1.aksDiagnosticSettings, [cluster, pending, other, account]);
        assert.deepEqual(r.violations, []);
    });
    it("flags no setting, no destination, and missing categories (audit group lacks kube-apiserver)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [cluster]), [
            "AKS cluster aks has no diagnostic setting: control-plane logs are not collected",
        ]);
        assert.match((await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [
            cluster,
            setting([{ categoryGroup: "allLogs", enabled: true }], { workspaceId: undefined }),
        ]))[0], /no destination/);
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksDiagnosticSettings, [
            cluster,
            setting([
                { categoryGroup: "audit", enabled: true },
                { category: "guard", enabled: false },
            ]),
        ]), ["AKS cluster aks does not collect kube-apiserver logs"]);
    });
});
describe("eks-container-insights (guide §8)", () => {
    it("passes with the amazon-cloudwatch-observability add-on and flags its absence (advisory by default)", async () => {
        const eks = { type: "aws:eks/cluster:Cluster", name: "eks", props: { name: "eks" } };
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.eksContainerInsights, [
            eks,
            { type: "aws:eks/addon:Addon", props: { clusterName: "eks", addonName: "amazon-cloudwatch-observability" } },
        ]), []);
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.eksContainerInsights, [eks]), [
            "EKS cluster eks has no Container Insights (amazon-cloudwatch-observability add-on)",
        ]);
        assert.equal(monitoring_1.eksContainerInsights.enforcementLevel, "advisory");
    });
    it("counts an add-on pointing at the eks component's own aws.eks.Cluster, and reports a bare cluster once", async () => {
        const c = (0, harness_1.toEngine)({ type: "eks:index:Cluster", name: "xroad", props: {} });
        const child = { type: "aws:eks/cluster:Cluster", name: "xroad-eksCluster", props: { name: "xroad" }, parent: c.urn };
        const other = { type: "aws:eks/cluster:Cluster", name: "other", props: { name: "other" } };
        const addon = (clusterName) => ({
            type: "aws:eks/addon:Addon",
            props: { clusterName, addonName: "amazon-cloudwatch-observability" },
        });
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.eksContainerInsights, [{ type: "eks:index:Cluster", name: "xroad", props: {} }, child, other, addon("xroad")]), ["EKS cluster other has no Container Insights (amazon-cloudwatch-observability add-on)"]);
    });
});
describe("aks-container-insights (guide §8)", () => {
    it("passes omsagent with a workspace and flags it disabled or without workspace", async () => {
        const aks = (addonProfiles) => ({ type: "azure-native:containerservice:ManagedCluster", props: { addonProfiles } });
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksContainerInsights, aks({ omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: "/w" } } })), []);
        assert.deepEqual(await (0, harness_1.messages)(monitoring_1.aksContainerInsights, aks({})), ["Container Insights (addonProfiles.omsagent) is not enabled"]);
        assert.match((await (0, harness_1.messages)(monitoring_1.aksContainerInsights, aks({ omsAgent: { enabled: true, config: {} } })))[0], /no Log Analytics workspace/);
    });
});
