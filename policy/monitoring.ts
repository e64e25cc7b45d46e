/**
 * guide §8: monitoring. Control-plane logs (api, audit, authenticator on EKS; kube-apiserver, kube-audit,
 * guard on AKS) reach CloudWatch / Azure Monitor, Container Insights watches containers and nodes, and the
 * network's flow logs record the traffic.
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { AKS_CLASSIC_CLUSTER, AKS_CLUSTER, EKS_CLUSTER, EKS_COMPONENT_CLUSTER } from "./access";
import { configOf, guide } from "./common";
import { HELM_RELEASE } from "../kubernetes-model/types";
import { Obj, asArray, asObj, asString } from "../kubernetes-model/workloads";
import { EKS_ADDON } from "./network";
import { clusterGroups, linked, linkedToGroup, ofTypes, props } from "./stack-helpers";

const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

export const eksControlPlaneLogging: ResourceValidationPolicy = {
    name: "eks-control-plane-logging",
    description: "EKS clusters send at least the api, audit and authenticator control-plane logs to CloudWatch (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set enabledClusterLogTypes to include api, audit and authenticator (guide §8) and give the /aws/eks/<cluster>/cluster log group a retention.",
    ...guide("8", "aws", "monitoring"),
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
        if (args.type !== EKS_CLUSTER && args.type !== EKS_COMPONENT_CLUSTER) return;
        const { requiredLogTypes } = configOf<{ requiredLogTypes: string[] }>(eksControlPlaneLogging, args);
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

export interface AksDiagnosticsConfig {
    /** Each entry lists alternatives: one of them must be enabled. */
    requiredCategories: string[][];
}

function enabledCategories(setting: Obj): Set<string> {
    const out = new Set<string>();
    const logs = [...asArray(setting.logs), ...asArray(setting.enabledLogs), ...asArray(setting.enabledLog)];
    for (const log of logs) {
        if (log.enabled === false) continue;
        const category = asString(log.category);
        const group = asString(log.categoryGroup);
        if (category) out.add(category);
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
        if (group === "audit") AUDIT_GROUP.forEach((c) => out.add(c));
    }
    return out;
}

function hasDestination(setting: Obj): boolean {
    return ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "logAnalyticsWorkspaceId", "marketplacePartnerId"].some(
        (k) => typeof setting[k] === "string" && setting[k] !== "",
    );
}

function targetsCluster(setting: PolicyResource, cluster: PolicyResource, clusters: PolicyResource[]): boolean {
    const key = setting.type === "azure:monitoring/diagnosticSetting:DiagnosticSetting" ? "targetResourceId" : "resourceUri";
    const deps = setting.propertyDependencies[key] ?? [];
    if (deps.some((d) => d.urn === cluster.urn)) return true;
    // Computed from other resources (unknown during preview): a setting of something else.
    if (deps.length > 0) return false;
    const value = props(setting)[key];
    if (clusters.length === 1 && typeof value !== "string") return true;
    const uri = asString(value) ?? "";
    const name = asString(props(cluster).resourceName) ?? asString(props(cluster).name) ?? cluster.name;
    return uri.toLowerCase().endsWith(`/managedclusters/${name.toLowerCase()}`);
}

export const aksDiagnosticSettings: StackValidationPolicy = {
    name: "aks-diagnostic-settings",
    description:
        "Each AKS cluster has a diagnostic setting that sends kube-apiserver, kube-audit (or kube-audit-admin) and guard logs, the AKS counterparts of EKS api/audit/authenticator, to Azure Monitor (guide §8).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Create a DiagnosticSetting on the managed cluster with those log categories (or category group allLogs) and a Log Analytics workspace or storage destination.",
    ...guide("8", "azure", "monitoring"),
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
        const { requiredCategories } = configOf<AksDiagnosticsConfig>(aksDiagnosticSettings, args);
        const clusters = ofTypes(args.resources, AKS_CLUSTER, AKS_CLASSIC_CLUSTER);
        const settings = ofTypes(args.resources, ...DIAGNOSTIC_SETTING_TYPES);
        for (const cluster of clusters) {
            const mine = settings.filter((s) => targetsCluster(s, cluster, clusters));
            if (mine.length === 0) {
                report(`AKS cluster ${cluster.name} has no diagnostic setting: control-plane logs are not collected`, cluster.urn);
                continue;
            }
            const withDestination = mine.filter((s) => hasDestination(props(s)));
            if (withDestination.length === 0)
                report(
                    `the diagnostic settings of AKS cluster ${cluster.name} have no destination (workspace, storage account or event hub)`,
                    cluster.urn,
                );
            const enabled = new Set<string>();
            for (const s of withDestination) enabledCategories(props(s)).forEach((c) => enabled.add(c));
            const missing = requiredCategories.filter((alternatives) => !alternatives.some((c) => enabled.has(c)));
            if (withDestination.length > 0 && missing.length)
                report(`AKS cluster ${cluster.name} does not collect ${missing.map((m) => m.join(" or ")).join(", ")} logs`, cluster.urn);
        }
    },
};

export const eksContainerInsights: StackValidationPolicy = {
    name: "eks-container-insights",
    description:
        "Each EKS cluster runs CloudWatch Container Insights (the amazon-cloudwatch-observability add-on) to spot anomalies in containers and nodes (guide §8).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add an aws.eks.Addon with addonName amazon-cloudwatch-observability (or its Helm chart) to the cluster, with an IAM role allowed to write CloudWatch metrics and logs.",
    ...guide("8", "aws", "monitoring"),
    validateStack: (args, report) => {
        const groups = clusterGroups(args.resources, EKS_COMPONENT_CLUSTER, [EKS_CLUSTER]);
        const addons = ofTypes(args.resources, EKS_ADDON).filter((a) => asString(props(a).addonName) === "amazon-cloudwatch-observability");
        const charts = ofTypes(args.resources, HELM_RELEASE).filter((r) =>
            /amazon-cloudwatch-observability/.test(asString(props(r).chart) ?? ""),
        );
        for (const group of groups) {
            const cluster = group[0];
            if (linkedToGroup(addons, "clusterName", group, groups, ["name"]).length > 0 || charts.length > 0) continue;
            report(`EKS cluster ${cluster.name} has no Container Insights (amazon-cloudwatch-observability add-on)`, cluster.urn);
        }
    },
};

export const aksContainerInsights: ResourceValidationPolicy = {
    name: "aks-container-insights",
    description: "AKS clusters run Container Insights (the monitoring add-on, omsagent) with a Log Analytics workspace (guide §8).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Enable addonProfiles.omsagent with config.logAnalyticsWorkspaceResourceID (classic provider: omsAgent.logAnalyticsWorkspaceId).",
    ...guide("8", "azure", "monitoring"),
    validateResource: (args, report) => {
        if (args.type === AKS_CLUSTER) {
            const addons = asObj(args.props.addonProfiles) ?? {};
            const entry = Object.entries(addons).find(([k]) => k.toLowerCase() === "omsagent");
            const addon = asObj(entry?.[1]);
            const config = asObj(addon?.config) ?? {};
            const workspace = Object.entries(config).find(([k]) => k.toLowerCase() === "loganalyticsworkspaceresourceid")?.[1];
            if (addon?.enabled !== true) report("Container Insights (addonProfiles.omsagent) is not enabled");
            else if (typeof workspace !== "string" || workspace === "")
                report("Container Insights has no Log Analytics workspace (config.logAnalyticsWorkspaceResourceID)");
        } else if (args.type === AKS_CLASSIC_CLUSTER) {
            if (!asString(asObj(args.props.omsAgent)?.logAnalyticsWorkspaceId))
                report("Container Insights (omsAgent.logAnalyticsWorkspaceId) is not configured");
        }
    },
};

const AWS_VPC = "aws:ec2/vpc:Vpc";
const AWS_FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const AZURE_VNETS = ["azure-native:network:VirtualNetwork", "azure:network/virtualNetwork:VirtualNetwork"];
const AZURE_FLOW_LOGS = ["azure-native:network:FlowLog", "azure:network/networkWatcherFlowLog:NetworkWatcherFlowLog"];

/** The flow log input that names its target: azure-native `targetResourceId`; the classic provider's `targetResourceId` too. */
const AZURE_FLOW_LOG_TARGET = "targetResourceId";

export const networkFlowLogs: StackValidationPolicy = {
    name: "network-flow-logs",
    description:
        "Every VPC (AWS) and VNet (Azure) the stack creates records its IP flows, accepted and rejected: node network activity that does not match the workload can be a security event (guide §8).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "AWS: add an aws.ec2.FlowLog on the VPC with trafficType ALL into a log group with retention. Azure: add a VNet flow log (azure-native network.FlowLog on the region's Network Watcher, targetResourceId the VNet, enabled); NSG flow logs can no longer be created.",
    ...guide("8", "aws", "azure", "monitoring"),
    validateStack: (args, report) => {
        const vpcs = ofTypes(args.resources, AWS_VPC);
        const awsLogs = ofTypes(args.resources, AWS_FLOW_LOG);
        for (const vpc of vpcs) {
            const mine = linked(awsLogs, "vpcId", vpc, vpcs, ["id"]);
            if (mine.length === 0) report(`VPC ${vpc.name} has no flow log: its traffic is not recorded`, vpc.urn);
            else if (!mine.some((l) => asString(props(l).trafficType) === "ALL"))
                report(`the flow logs of VPC ${vpc.name} do not record all traffic (trafficType ALL)`, vpc.urn);
        }
        const vnets = ofTypes(args.resources, ...AZURE_VNETS);
        const azureLogs = ofTypes(args.resources, ...AZURE_FLOW_LOGS);
        for (const vnet of vnets) {
            const mine = linked(azureLogs, AZURE_FLOW_LOG_TARGET, vnet, vnets, ["id"]);
            if (mine.length === 0) report(`VNet ${vnet.name} has no VNet flow log: its traffic is not recorded`, vnet.urn);
            else if (mine.every((l) => props(l).enabled === false)) report(`the flow log of VNet ${vnet.name} is disabled`, vnet.urn);
        }
    },
};

export const monitoringPolicies = [
    eksControlPlaneLogging,
    aksDiagnosticSettings,
    eksContainerInsights,
    aksContainerInsights,
    networkFlowLogs,
];
