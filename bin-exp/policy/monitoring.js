"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.monitoringPolicies = exports.aksContainerInsights = exports.eksContainerInsights = exports.aksDiagnosticSettings = exports.eksControlPlaneLogging = void 0;
const access_1 = require("./access");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const network_1 = require("./network");
const stack_helpers_1 = require("./stack-helpers");
const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
exports.eksControlPlaneLogging = {
    name: "eks-control-plane-logging",
    description: "EKS clusters send at least the api, audit and authenticator control-plane logs to CloudWatch (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enabledClusterLogTypes to include api, audit and authenticator (guide §8) and give the /aws/eks/<cluster>/cluster log group a retention.",
    ...(0, common_1.guide)("8", "aws", "monitoring"),
    configSchema: {
        properties: {
            requiredLogTypes: {
                type: "array",
                items: { type: "string", enum: [...EKS_LOG_TYPES] },
                default: ["api", "audit", "authenticator"],
            },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== access_1.EKS_CLUSTER && args.type !== access_1.EKS_COMPONENT_CLUSTER)
            return;
        const { requiredLogTypes } = (0, common_1.configOf)(exports.eksControlPlaneLogging, args);
        const enabled = Array.isArray(args.props.enabledClusterLogTypes) ? args.props.enabledClusterLogTypes.map(String) : [];
        const missing = requiredLogTypes.filter((t) => !enabled.includes(t));
        if (missing.length)
            report(`control-plane log types ${missing.join(", ")} are not enabled (enabledClusterLogTypes: ${JSON.stringify(enabled)})`);
    },
};
const DIAGNOSTIC_SETTING_TYPES = [
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:insights:DiagnosticSetting",
    "azure:monitoring/diagnosticSetting:DiagnosticSetting",
];
/** AKS audit category group: kube-audit, kube-audit-admin and guard. */
const AUDIT_GROUP = ["kube-audit", "kube-audit-admin", "guard"];
function enabledCategories(setting) {
    const out = new Set();
    const logs = [...(0, workloads_1.asArray)(setting.logs), ...(0, workloads_1.asArray)(setting.enabledLogs), ...(0, workloads_1.asArray)(setting.enabledLog)];
    for (const log of logs) {
        if (log.enabled === false)
            continue;
        const category = (0, workloads_1.asString)(log.category);
        const group = (0, workloads_1.asString)(log.categoryGroup);
        if (category)
            out.add(category);
        if (group === "allLogs")
            [
                "kube-apiserver",
                ...AUDIT_GROUP,
                "kube-controller-manager",
                "kube-scheduler",
                "cluster-autoscaler",
                "cloud-controller-manager",
                "csi-azuredisk-controller",
                "csi-azurefile-controller",
                "csi-snapshot-controller",
            ].forEach((c) => out.add(c));
        if (group === "audit")
            AUDIT_GROUP.forEach((c) => out.add(c));
    }
    return out;
}
function hasDestination(setting) {
    return ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "logAnalyticsWorkspaceId", "marketplacePartnerId"].some((k) => typeof setting[k] === "string" && setting[k] !== "");
}
function targetsCluster(setting, cluster, clusters) {
    const key = setting.type === "azure:monitoring/diagnosticSetting:DiagnosticSetting" ? "targetResourceId" : "resourceUri";
    const deps = setting.propertyDependencies[key] ?? [];
    if (deps.some((d) => d.urn === cluster.urn))
        return true;
    // Computed from other resources (unknown during preview): a setting of something else.
    if (deps.length > 0)
        return false;
    const value = (0, stack_helpers_1.props)(setting)[key];
    if (clusters.length === 1 && typeof value !== "string")
        return true;
    const uri = (0, workloads_1.asString)(value) ?? "";
    const name = (0, workloads_1.asString)((0, stack_helpers_1.props)(cluster).resourceName) ?? (0, workloads_1.asString)((0, stack_helpers_1.props)(cluster).name) ?? cluster.name;
    return uri.toLowerCase().endsWith(`/managedclusters/${name.toLowerCase()}`);
}
exports.aksDiagnosticSettings = {
    name: "aks-diagnostic-settings",
    description: "Each AKS cluster has a diagnostic setting that sends kube-apiserver, kube-audit (or kube-audit-admin) and guard logs, the AKS counterparts of EKS api/audit/authenticator, to Azure Monitor (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Create a DiagnosticSetting on the managed cluster with those log categories (or category group allLogs) and a Log Analytics workspace or storage destination.",
    ...(0, common_1.guide)("8", "azure", "monitoring"),
    configSchema: {
        properties: {
            requiredCategories: {
                type: "array",
                items: { type: "array", items: { type: "string" } },
                default: [["kube-apiserver"], ["kube-audit", "kube-audit-admin"], ["guard"]],
            },
        },
    },
    validateStack: (args, report) => {
        const { requiredCategories } = (0, common_1.configOf)(exports.aksDiagnosticSettings, args);
        const clusters = (0, stack_helpers_1.ofTypes)(args.resources, access_1.AKS_CLUSTER, access_1.AKS_CLASSIC_CLUSTER);
        const settings = (0, stack_helpers_1.ofTypes)(args.resources, ...DIAGNOSTIC_SETTING_TYPES);
        for (const cluster of clusters) {
            const mine = settings.filter((s) => targetsCluster(s, cluster, clusters));
            if (mine.length === 0) {
                report(`AKS cluster ${cluster.name} has no diagnostic setting: control-plane logs are not collected`, cluster.urn);
                continue;
            }
            const withDestination = mine.filter((s) => hasDestination((0, stack_helpers_1.props)(s)));
            if (withDestination.length === 0)
                report(`the diagnostic settings of AKS cluster ${cluster.name} have no destination (workspace, storage account or event hub)`, cluster.urn);
            const enabled = new Set();
            for (const s of withDestination)
                enabledCategories((0, stack_helpers_1.props)(s)).forEach((c) => enabled.add(c));
            const missing = requiredCategories.filter((alternatives) => !alternatives.some((c) => enabled.has(c)));
            if (withDestination.length > 0 && missing.length)
                report(`AKS cluster ${cluster.name} does not collect ${missing.map((m) => m.join(" or ")).join(", ")} logs`, cluster.urn);
        }
    },
};
exports.eksContainerInsights = {
    name: "eks-container-insights",
    description: "Each EKS cluster runs CloudWatch Container Insights (the amazon-cloudwatch-observability add-on) to spot anomalies in containers and nodes (guide §8).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Add an aws.eks.Addon with addonName amazon-cloudwatch-observability (or its Helm chart) to the cluster, with an IAM role allowed to write CloudWatch metrics and logs.",
    ...(0, common_1.guide)("8", "aws", "monitoring"),
    validateStack: (args, report) => {
        const groups = (0, stack_helpers_1.clusterGroups)(args.resources, access_1.EKS_COMPONENT_CLUSTER, [access_1.EKS_CLUSTER]);
        const addons = (0, stack_helpers_1.ofTypes)(args.resources, network_1.EKS_ADDON).filter((a) => (0, workloads_1.asString)((0, stack_helpers_1.props)(a).addonName) === "amazon-cloudwatch-observability");
        const charts = (0, stack_helpers_1.ofTypes)(args.resources, types_1.HELM_RELEASE).filter((r) => /amazon-cloudwatch-observability/.test((0, workloads_1.asString)((0, stack_helpers_1.props)(r).chart) ?? ""));
        for (const group of groups) {
            const cluster = group[0];
            if ((0, stack_helpers_1.linkedToGroup)(addons, "clusterName", group, groups, ["name"]).length > 0 || charts.length > 0)
                continue;
            report(`EKS cluster ${cluster.name} has no Container Insights (amazon-cloudwatch-observability add-on)`, cluster.urn);
        }
    },
};
exports.aksContainerInsights = {
    name: "aks-container-insights",
    description: "AKS clusters run Container Insights (the monitoring add-on, omsagent) with a Log Analytics workspace (guide §8).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Enable addonProfiles.omsagent with config.logAnalyticsWorkspaceResourceID (classic provider: omsAgent.logAnalyticsWorkspaceId).",
    ...(0, common_1.guide)("8", "azure", "monitoring"),
    validateResource: (args, report) => {
        if (args.type === access_1.AKS_CLUSTER) {
            const addons = (0, workloads_1.asObj)(args.props.addonProfiles) ?? {};
            const entry = Object.entries(addons).find(([k]) => k.toLowerCase() === "omsagent");
            const addon = (0, workloads_1.asObj)(entry?.[1]);
            const config = (0, workloads_1.asObj)(addon?.config) ?? {};
            const workspace = Object.entries(config).find(([k]) => k.toLowerCase() === "loganalyticsworkspaceresourceid")?.[1];
            if (addon?.enabled !== true)
                report("Container Insights (addonProfiles.omsagent) is not enabled");
            else if (typeof workspace !== "string" || workspace === "")
                report("Container Insights has no Log Analytics workspace (config.logAnalyticsWorkspaceResourceID)");
        }
        else if (args.type === access_1.AKS_CLASSIC_CLUSTER) {
            if (!(0, workloads_1.asString)((0, workloads_1.asObj)(args.props.omsAgent)?.logAnalyticsWorkspaceId))
                report("Container Insights (omsAgent.logAnalyticsWorkspaceId) is not configured");
        }
    },
};
exports.monitoringPolicies = [exports.eksControlPlaneLogging, exports.aksDiagnosticSettings, exports.eksContainerInsights, exports.aksContainerInsights];
