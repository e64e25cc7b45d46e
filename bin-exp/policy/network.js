"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.networkPolicies = exports.egressNoMetadataEndpoint = exports.networkPolicyEngine = exports.networkPolicyHygiene = exports.primaryIngressSecondarySshOnly = exports.namespaceDefaultDenyIngress = exports.EKS_ADDON = void 0;
const labels_1 = require("./xroad/labels");
const ports_1 = require("./xroad/ports");
const access_1 = require("./access");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const selectors_1 = require("./kubernetes/selectors");
const network_flows_1 = require("./kubernetes/network-flows");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
exports.EKS_ADDON = "aws:eks/addon:Addon";
function policyTypes(np) {
    const spec = (0, workloads_1.asObj)(np.spec) ?? {};
    if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0)
        return spec.policyTypes.map(String);
    // Omitted policyTypes: Ingress always, Egress when egress rules exist (NetworkPolicySpec docs).
    return Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}
function isIngressPolicy(np) {
    return policyTypes(np).includes("Ingress");
}
/** `podSelector: {}`, Ingress in policyTypes, and no ingress rule: denies all ingress to every pod of the namespace. */
function isDefaultDenyIngress(np) {
    const spec = (0, workloads_1.asObj)(np.spec) ?? {};
    return (0, selectors_1.isEmptySelector)((0, workloads_1.asObj)(spec.podSelector)) && isIngressPolicy(np) && (0, workloads_1.asArray)(spec.ingress).length === 0;
}
/** Label of an object for messages: `Kind namespace/name`. */
function label(r) {
    const name = (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(r).metadata)?.name) ?? r.name;
    return `${(0, types_1.k8sKind)(r.type) ?? r.type} ${(0, stack_helpers_1.namespaceOf)(r)}/${name}`;
}
exports.namespaceDefaultDenyIngress = {
    name: "k8s-namespace-default-deny-ingress",
    description: "Every namespace that runs workloads has a default-deny ingress NetworkPolicy, so only explicitly allowed traffic reaches its pods (guide §5, §5.1).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress]` and no ingress rules to the namespace, then allow the traffic each pod needs (guide §5.1 steps 4 and 6).",
    ...(0, common_1.guide)("5.1", "network"),
    validateStack: (args, report) => {
        const denied = new Set((0, stack_helpers_1.ofTypes)(args.resources, types_1.NETWORK_POLICY)
            .filter((np) => isDefaultDenyIngress((0, stack_helpers_1.props)(np)))
            .map(stack_helpers_1.namespaceOf));
        const seen = new Set();
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const ns = (0, stack_helpers_1.namespaceOf)(w);
            if (denied.has(ns) || seen.has(ns))
                continue;
            seen.add(ns);
            const target = (0, stack_helpers_1.namespaceResource)(args.resources, ns) ?? w;
            report(`namespace ${ns} runs workloads but has no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)`, target.urn);
        }
    },
};
/** The container port a NetworkPolicy port (number or name) refers to on the primary pod. */
function resolvePort(port, primary) {
    if (typeof port === "number")
        return port;
    if (typeof port !== "string")
        return undefined;
    if (/^\d+$/.test(port))
        return Number(port);
    const tpl = (0, workloads_1.podTemplate)(primary.type, (0, stack_helpers_1.props)(primary));
    for (const c of tpl ? (0, workloads_1.allContainers)(tpl.spec) : []) {
        for (const p of (0, workloads_1.asArray)(c.container.ports))
            if ((0, workloads_1.asString)(p.name) === port && typeof p.containerPort === "number")
                return p.containerPort;
    }
    return undefined;
}
/** The selector only admits pods carrying every required label (matchLabels, or `In` with that single value). */
function requiresLabels(selector, required) {
    if (!selector || Object.keys(required).length === 0)
        return false;
    const matchLabels = (0, workloads_1.asObj)(selector.matchLabels) ?? {};
    const expressions = (0, workloads_1.asArray)(selector.matchExpressions);
    return Object.entries(required).every(([k, v]) => matchLabels[k] === v ||
        expressions.some((e) => e.key === k && e.operator === "In" && Array.isArray(e.values) && e.values.length === 1 && e.values[0] === v));
}
exports.primaryIngressSecondarySshOnly = {
    name: "xroad-primary-ingress-secondary-ssh-only",
    description: "The primary Security Server is isolated: ingress NetworkPolicies select it and together allow only pods labelled role=secondary in its namespace on TCP 22, and no LoadBalancer or NodePort Service exposes it (guide §5.1).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Label the primary role=primary and the secondaries role=secondary, deny all ingress to the primary, and allow `from: [{podSelector: {matchLabels: {role: secondary}}}]` on `ports: [{protocol: TCP, port: 22}]` only (guide §5.1 steps 1-6). Do not put the primary behind a LoadBalancer.",
    ...(0, common_1.guide)("5.1", "network", "xroad"),
    configSchema: {
        properties: {
            primaryLabels: { type: "object", additionalProperties: { type: "string" }, default: { [labels_1.ROLE_LABEL]: labels_1.ROLE_PRIMARY } },
            secondaryLabels: { type: "object", additionalProperties: { type: "string" }, default: { [labels_1.ROLE_LABEL]: labels_1.ROLE_SECONDARY } },
            extraAllowedPorts: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, default: [] },
        },
    },
    validateStack: (args, report) => {
        const config = (0, common_1.configOf)(exports.primaryIngressSecondarySshOnly, args);
        const allowedPorts = new Set([ports_1.XROAD_PORTS.ssh, ...config.extraAllowedPorts]);
        const policies = (0, stack_helpers_1.ofTypes)(args.resources, types_1.NETWORK_POLICY);
        const services = (0, stack_helpers_1.ofTypes)(args.resources, types_1.SERVICE);
        for (const primary of (0, stack_helpers_1.workloads)(args.resources)) {
            const labels = (0, workloads_1.podLabels)(primary.type, (0, stack_helpers_1.props)(primary));
            if (!Object.entries(config.primaryLabels).every(([k, v]) => labels[k] === v))
                continue;
            const ns = (0, stack_helpers_1.namespaceOf)(primary);
            const selecting = policies.filter((np) => (0, stack_helpers_1.namespaceOf)(np) === ns &&
                isIngressPolicy((0, stack_helpers_1.props)(np)) &&
                (0, selectors_1.selectorMatches)((0, workloads_1.asObj)((0, workloads_1.asObj)((0, stack_helpers_1.props)(np).spec)?.podSelector) ?? {}, labels));
            if (selecting.length === 0) {
                report(`primary ${label(primary)} is selected by no ingress NetworkPolicy, so any pod (and anything routed into the cluster) can reach it`, primary.urn);
            }
            for (const np of selecting) {
                const npName = (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(np).metadata)?.name) ?? np.name;
                (0, workloads_1.asArray)((0, workloads_1.asObj)((0, stack_helpers_1.props)(np).spec)?.ingress).forEach((rule, i) => {
                    const where = `NetworkPolicy ${npName} ingress[${i}]`;
                    const from = (0, workloads_1.asArray)(rule.from);
                    if (from.length === 0)
                        report(`${where} admits every source to primary ${label(primary)}; allow only pods with ${JSON.stringify(config.secondaryLabels)}`, primary.urn);
                    for (const peer of from) {
                        if (peer.ipBlock !== undefined)
                            report(`${where} admits the IP block ${(0, workloads_1.asString)((0, workloads_1.asObj)(peer.ipBlock)?.cidr) ?? "?"} to primary ${label(primary)}`, primary.urn);
                        else if (peer.namespaceSelector !== undefined)
                            report(`${where} admits pods of other namespaces (namespaceSelector) to primary ${label(primary)}`, primary.urn);
                        else if (!requiresLabels((0, workloads_1.asObj)(peer.podSelector), config.secondaryLabels)) {
                            report(`${where} admits pods selected by ${JSON.stringify(peer.podSelector ?? {})}, not only secondaries ${JSON.stringify(config.secondaryLabels)}, to primary ${label(primary)}`, primary.urn);
                        }
                    }
                    const ports = (0, workloads_1.asArray)(rule.ports);
                    if (ports.length === 0)
                        report(`${where} admits all ports of primary ${label(primary)}; allow TCP ${ports_1.XROAD_PORTS.ssh} only`, primary.urn);
                    for (const p of ports) {
                        const protocol = (0, workloads_1.asString)(p.protocol) ?? "TCP";
                        const port = resolvePort(p.port, primary);
                        if (protocol !== "TCP" ||
                            port === undefined ||
                            !allowedPorts.has(port) ||
                            (typeof p.endPort === "number" && p.endPort !== port)) {
                            report(`${where} admits ${protocol} ${p.port === undefined || p.port === null ? "(all ports)" : (0, workloads_1.textOf)(p.port)}${typeof p.endPort === "number" ? `-${p.endPort}` : ""} to primary ${label(primary)}; only TCP ${[...allowedPorts].join(", ")} is allowed`, primary.urn);
                        }
                    }
                });
            }
            for (const svc of services) {
                const spec = (0, workloads_1.asObj)((0, stack_helpers_1.props)(svc).spec) ?? {};
                const type = (0, workloads_1.asString)(spec.type) ?? "ClusterIP";
                const selector = (0, workloads_1.asObj)(spec.selector);
                if ((0, stack_helpers_1.namespaceOf)(svc) !== ns || !selector || Object.keys(selector).length === 0)
                    continue;
                if (!(0, selectors_1.selectorMatches)({ matchLabels: selector }, labels))
                    continue;
                if (type === "LoadBalancer" || type === "NodePort" || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)) {
                    report(`primary ${label(primary)} is exposed outside the cluster by ${type} Service ${(0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(svc).metadata)?.name) ?? svc.name}`, primary.urn);
                }
            }
        }
    },
};
exports.networkPolicyHygiene = {
    name: "k8s-networkpolicy-hygiene",
    description: "NetworkPolicies select workloads that exist in their namespace, and no ingress rule is an allow-everything `{}` (guide §5; the NIIS example file hard-codes namespace sidecar-psp-restrictive and an allow-all rule).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps: "Put each NetworkPolicy in the namespace of the pods it protects with a selector that matches their labels; replace `ingress: [{}]` by rules naming sources and ports.",
    ...(0, common_1.guide)("5", "network"),
    validateStack: (args, report) => {
        const workloadsOf = (0, stack_helpers_1.byNamespace)((0, stack_helpers_1.workloads)(args.resources));
        // Helm releases create workloads the stack does not list; their namespaces are not judged.
        const helmNamespaces = new Set((0, stack_helpers_1.ofTypes)(args.resources, types_1.HELM_RELEASE).map((r) => (0, workloads_1.asString)((0, stack_helpers_1.props)(r).namespace) ?? "default"));
        for (const np of (0, stack_helpers_1.ofTypes)(args.resources, types_1.NETWORK_POLICY)) {
            const spec = (0, workloads_1.asObj)((0, stack_helpers_1.props)(np).spec) ?? {};
            const ns = (0, stack_helpers_1.namespaceOf)(np);
            const name = (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(np).metadata)?.name) ?? np.name;
            const inNamespace = workloadsOf.get(ns) ?? [];
            if (helmNamespaces.has(ns)) {
                // judged by the chart, not by this stack
            }
            else if (inNamespace.length === 0)
                report(`NetworkPolicy ${name}: namespace ${ns} has no workloads among the checked resources, so it protects nothing`, np.urn);
            else if (!inNamespace.some((w) => (0, selectors_1.selectorMatches)((0, workloads_1.asObj)(spec.podSelector) ?? {}, (0, workloads_1.podLabels)(w.type, (0, stack_helpers_1.props)(w))))) {
                report(`NetworkPolicy ${name} selects no workload of namespace ${ns} (podSelector ${JSON.stringify(spec.podSelector ?? {})})`, np.urn);
            }
            (0, workloads_1.asArray)(spec.ingress).forEach((rule, i) => {
                if ((0, workloads_1.asArray)(rule.from).length === 0 && (0, workloads_1.asArray)(rule.ports).length === 0)
                    report(`NetworkPolicy ${name} ingress[${i}] is {}: it admits every source on every port`, np.urn);
            });
        }
    },
};
function truthy(v) {
    return v === true || v === "true";
}
/** vpc-cni add-on whose configurationValues turn on its network-policy agent. */
function isVpcCniWithPolicies(addon) {
    const p = (0, stack_helpers_1.props)(addon);
    if ((0, workloads_1.asString)(p.addonName) !== "vpc-cni")
        return false;
    const raw = p.configurationValues;
    let values = raw;
    if (typeof raw === "string") {
        try {
            values = JSON.parse(raw);
        }
        catch {
            return false;
        }
    }
    return truthy((0, workloads_1.asObj)(values)?.enableNetworkPolicy);
}
exports.networkPolicyEngine = {
    name: "k8s-network-policy-engine",
    description: "Each cluster runs a network-policy engine, without which NetworkPolicies are silently ignored: AKS networkPolicy azure, calico or cilium; EKS the VPC CNI network-policy agent or Calico (guide §5).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: 'AKS: set networkProfile.networkPolicy to azure, calico or cilium. EKS: install the vpc-cni add-on with configurationValues {"enableNetworkPolicy": "true"} (or the eks component\'s vpcCniOptions.enableNetworkPolicy), or Calico via the tigera-operator chart (guide §5).',
    ...(0, common_1.guide)("5", "network", "aws", "azure"),
    configSchema: {
        properties: {
            allowedAksNetworkPolicies: { type: "array", items: { type: "string" }, default: ["azure", "calico", "cilium"] },
            engineChartPattern: { type: "string", default: "calico|tigera-operator|cilium" },
        },
    },
    validateStack: (args, report) => {
        const config = (0, common_1.configOf)(exports.networkPolicyEngine, args);
        for (const aks of (0, stack_helpers_1.ofTypes)(args.resources, access_1.AKS_CLUSTER, access_1.AKS_CLASSIC_CLUSTER)) {
            const policy = (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(aks).networkProfile)?.networkPolicy);
            if (!policy || !config.allowedAksNetworkPolicies.includes(policy)) {
                report(`AKS cluster ${aks.name} has networkProfile.networkPolicy ${policy ?? "unset"}; NetworkPolicies are not enforced`, aks.urn);
            }
        }
        const groups = (0, stack_helpers_1.clusterGroups)(args.resources, access_1.EKS_COMPONENT_CLUSTER, [access_1.EKS_CLUSTER]);
        const addons = (0, stack_helpers_1.ofTypes)(args.resources, exports.EKS_ADDON);
        const chart = new RegExp(config.engineChartPattern, "i");
        const engineReleases = (0, stack_helpers_1.ofTypes)(args.resources, types_1.HELM_RELEASE).filter((r) => chart.test((0, workloads_1.asString)((0, stack_helpers_1.props)(r).chart) ?? ""));
        for (const group of groups) {
            const cluster = group[0];
            if (cluster.type === access_1.EKS_COMPONENT_CLUSTER && truthy((0, workloads_1.asObj)((0, stack_helpers_1.props)(cluster).vpcCniOptions)?.enableNetworkPolicy))
                continue;
            if ((0, stack_helpers_1.linkedToGroup)(addons, "clusterName", group, groups, ["name"]).some(isVpcCniWithPolicies))
                continue;
            if (engineReleases.length > 0)
                continue;
            report(`EKS cluster ${cluster.name} has no network-policy engine: enable the VPC CNI network policy agent or install Calico`, cluster.urn);
        }
    },
};
/** Addresses no workload needs: the instance-metadata endpoint (node credentials) and the Azure wireserver. */
const METADATA_ENDPOINTS = [
    { name: "the cloud instance-metadata endpoint", ip: "169.254.169.254", ports: [80] },
    { name: "the Azure wireserver", ip: "168.63.129.16", ports: [80, 32526] },
];
exports.egressNoMetadataEndpoint = {
    name: "k8s-egress-no-metadata-endpoint",
    description: "A pod whose egress NetworkPolicies restrict it cannot reach the cloud instance-metadata endpoint (169.254.169.254) or the Azure wireserver (168.63.129.16): an `ipBlock` such as 0.0.0.0/0 must `except` them (guide §5; NIIS review B1: node credentials for an Internet-facing root container).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Add `except: [169.254.0.0/16, 168.63.129.16/32]` to every egress `ipBlock` that contains them, and name destinations (`to`) in rules that open port 80.",
    ...(0, common_1.guide)("5", "network"),
    validateStack: (args, report) => {
        const policies = (0, stack_helpers_1.ofTypes)(args.resources, types_1.NETWORK_POLICY).map((np) => ({
            metadata: { name: (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(np).metadata)?.name) ?? np.name, namespace: (0, stack_helpers_1.namespaceOf)(np) },
            spec: (0, workloads_1.asObj)((0, stack_helpers_1.props)(np).spec) ?? {},
        }));
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const pod = (0, network_flows_1.podEndpoint)((0, stack_helpers_1.namespaceOf)(w), (0, workloads_1.podLabels)(w.type, (0, stack_helpers_1.props)(w)), { name: label(w) });
            for (const target of METADATA_ENDPOINTS) {
                for (const port of target.ports) {
                    const v = (0, network_flows_1.evaluateFlow)(policies, { from: pod, to: (0, network_flows_1.addressEndpoint)(target.name, target.ip), port });
                    // Pods no egress policy restricts are the namespace owner's choice; judged are those the stack restricts.
                    if (!v.egress.isolated || !v.egress.allowed)
                        continue;
                    report(`${label(w)} may reach ${target.name} ${target.ip}:${port} through NetworkPolicy ${v.egress.allowedBy.join(", ")}; except ${target.ip} from its ipBlocks`, w.urn);
                }
            }
        }
    },
};
exports.networkPolicies = [
    exports.networkPolicyEngine,
    exports.namespaceDefaultDenyIngress,
    exports.primaryIngressSecondarySshOnly,
    exports.networkPolicyHygiene,
    exports.egressNoMetadataEndpoint,
];
