/**
 * guide §5: network policies. A network-policy engine must enforce them (the guide installs Calico), every
 * namespace starts from a default deny, and the primary accepts only the secondaries' SSH on port 22 (§5.1).
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ROLE_LABEL, ROLE_PRIMARY, ROLE_SECONDARY } from "./xroad/labels";
import { XROAD_PORTS } from "./xroad/ports";
import { AKS_CLASSIC_CLUSTER, AKS_CLUSTER, EKS_CLUSTER, EKS_COMPONENT_CLUSTER } from "./access";
import { configOf, guide } from "./common";
import { HELM_RELEASE, NETWORK_POLICY, SERVICE, k8sKind } from "../kubernetes-model/types";
import { isEmptySelector, selectorMatches } from "../kubernetes-model/selectors";
import { addressEndpoint, evaluateFlow, podEndpoint } from "../kubernetes-model/network-flows";
import { Obj, allContainers, asArray, asObj, asString, podLabels, podTemplate, textOf } from "../kubernetes-model/workloads";
import { byNamespace, clusterGroups, linkedToGroup, namespaceOf, namespaceResource, ofTypes, props, workloads } from "./stack-helpers";

export const EKS_ADDON = "aws:eks/addon:Addon";

function policyTypes(np: Obj): string[] {
    const spec = asObj(np.spec) ?? {};
    if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map(String);
    // Omitted policyTypes: Ingress always, Egress when egress rules exist (NetworkPolicySpec docs).
    return Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

function isIngressPolicy(np: Obj): boolean {
    return policyTypes(np).includes("Ingress");
}

/** `podSelector: {}`, Ingress in policyTypes, and no ingress rule: denies all ingress to every pod of the namespace. */
function isDefaultDenyIngress(np: Obj): boolean {
    const spec = asObj(np.spec) ?? {};
    return isEmptySelector(asObj(spec.podSelector)) && isIngressPolicy(np) && asArray(spec.ingress).length === 0;
}

/** Label of an object for messages: `Kind namespace/name`. */
function label(r: PolicyResource): string {
    const name = asString(asObj(props(r).metadata)?.name) ?? r.name;
    return `${k8sKind(r.type) ?? r.type} ${namespaceOf(r)}/${name}`;
}

export const namespaceDefaultDenyIngress: StackValidationPolicy = {
    name: "k8s-namespace-default-deny-ingress",
    description:
        "Every namespace that runs workloads has a default-deny ingress NetworkPolicy, so only explicitly allowed traffic reaches its pods (guide §5, §5.1).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress]` and no ingress rules to the namespace, then allow the traffic each pod needs (guide §5.1 steps 4 and 6).",
    ...guide("5.1", "network"),
    validateStack: (args, report) => {
        const denied = new Set(
            ofTypes(args.resources, NETWORK_POLICY)
                .filter((np) => isDefaultDenyIngress(props(np)))
                .map(namespaceOf),
        );
        const seen = new Set<string>();
        for (const w of workloads(args.resources)) {
            const ns = namespaceOf(w);
            if (denied.has(ns) || seen.has(ns)) continue;
            seen.add(ns);
            const target = namespaceResource(args.resources, ns) ?? w;
            report(
                `namespace ${ns} runs workloads but has no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)`,
                target.urn,
            );
        }
    },
};

export interface PrimaryIngressConfig {
    primaryLabels: Record<string, string>;
    secondaryLabels: Record<string, string>;
    extraAllowedPorts: number[];
}

/** The container port a NetworkPolicy port (number or name) refers to on the primary pod. */
function resolvePort(port: unknown, primary: PolicyResource): number | undefined {
    if (typeof port === "number") return port;
    if (typeof port !== "string") return undefined;
    if (/^\d+$/.test(port)) return Number(port);
    const tpl = podTemplate(primary.type, props(primary));
    for (const c of tpl ? allContainers(tpl.spec) : []) {
        for (const p of asArray(c.container.ports))
            if (asString(p.name) === port && typeof p.containerPort === "number") return p.containerPort;
    }
    return undefined;
}

/** The selector only admits pods carrying every required label (matchLabels, or `In` with that single value). */
function requiresLabels(selector: Obj | undefined, required: Record<string, string>): boolean {
    if (!selector || Object.keys(required).length === 0) return false;
    const matchLabels = asObj(selector.matchLabels) ?? {};
    const expressions = asArray(selector.matchExpressions);
    return Object.entries(required).every(
        ([k, v]) =>
            matchLabels[k] === v ||
            expressions.some(
                (e) => e.key === k && e.operator === "In" && Array.isArray(e.values) && e.values.length === 1 && e.values[0] === v,
            ),
    );
}

export const primaryIngressSecondarySshOnly: StackValidationPolicy = {
    name: "xroad-primary-ingress-secondary-ssh-only",
    description:
        "The primary Security Server is isolated: ingress NetworkPolicies select it and together allow only pods labelled role=secondary in its namespace on TCP 22, and no LoadBalancer or NodePort Service exposes it (guide §5.1).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Label the primary role=primary and the secondaries role=secondary, deny all ingress to the primary, and allow `from: [{podSelector: {matchLabels: {role: secondary}}}]` on `ports: [{protocol: TCP, port: 22}]` only (guide §5.1 steps 1-6). Do not put the primary behind a LoadBalancer.",
    ...guide("5.1", "network", "xroad"),
    configSchema: {
        properties: {
            primaryLabels: { type: "object", additionalProperties: { type: "string" }, default: { [ROLE_LABEL]: ROLE_PRIMARY } },
            secondaryLabels: { type: "object", additionalProperties: { type: "string" }, default: { [ROLE_LABEL]: ROLE_SECONDARY } },
            extraAllowedPorts: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, default: [] },
        },
    },
    validateStack: (args, report) => {
        const config = configOf<PrimaryIngressConfig>(primaryIngressSecondarySshOnly, args);
        const allowedPorts = new Set([XROAD_PORTS.ssh, ...config.extraAllowedPorts]);
        const policies = ofTypes(args.resources, NETWORK_POLICY);
        const services = ofTypes(args.resources, SERVICE);
        for (const primary of workloads(args.resources)) {
            const labels = podLabels(primary.type, props(primary));
            if (!Object.entries(config.primaryLabels).every(([k, v]) => labels[k] === v)) continue;
            const ns = namespaceOf(primary);
            const selecting = policies.filter(
                (np) =>
                    namespaceOf(np) === ns &&
                    isIngressPolicy(props(np)) &&
                    selectorMatches(asObj(asObj(props(np).spec)?.podSelector) ?? {}, labels),
            );
            if (selecting.length === 0) {
                report(
                    `primary ${label(primary)} is selected by no ingress NetworkPolicy, so any pod (and anything routed into the cluster) can reach it`,
                    primary.urn,
                );
            }
            for (const np of selecting) {
                const npName = asString(asObj(props(np).metadata)?.name) ?? np.name;
                asArray(asObj(props(np).spec)?.ingress).forEach((rule, i) => {
                    const where = `NetworkPolicy ${npName} ingress[${i}]`;
                    const from = asArray(rule.from);
                    if (from.length === 0)
                        report(
                            `${where} admits every source to primary ${label(primary)}; allow only pods with ${JSON.stringify(config.secondaryLabels)}`,
                            primary.urn,
                        );
                    for (const peer of from) {
                        if (peer.ipBlock !== undefined)
                            report(
                                `${where} admits the IP block ${asString(asObj(peer.ipBlock)?.cidr) ?? "?"} to primary ${label(primary)}`,
                                primary.urn,
                            );
                        else if (peer.namespaceSelector !== undefined)
                            report(
                                `${where} admits pods of other namespaces (namespaceSelector) to primary ${label(primary)}`,
                                primary.urn,
                            );
                        else if (!requiresLabels(asObj(peer.podSelector), config.secondaryLabels)) {
                            report(
                                `${where} admits pods selected by ${JSON.stringify(peer.podSelector ?? {})}, not only secondaries ${JSON.stringify(config.secondaryLabels)}, to primary ${label(primary)}`,
                                primary.urn,
                            );
                        }
                    }
                    const ports = asArray(rule.ports);
                    if (ports.length === 0)
                        report(`${where} admits all ports of primary ${label(primary)}; allow TCP ${XROAD_PORTS.ssh} only`, primary.urn);
                    for (const p of ports) {
                        const protocol = asString(p.protocol) ?? "TCP";
                        const port = resolvePort(p.port, primary);
                        if (
                            protocol !== "TCP" ||
                            port === undefined ||
                            !allowedPorts.has(port) ||
                            (typeof p.endPort === "number" && p.endPort !== port)
                        ) {
                            report(
                                `${where} admits ${protocol} ${p.port === undefined || p.port === null ? "(all ports)" : textOf(p.port)}${typeof p.endPort === "number" ? `-${p.endPort}` : ""} to primary ${label(primary)}; only TCP ${[...allowedPorts].join(", ")} is allowed`,
                                primary.urn,
                            );
                        }
                    }
                });
            }
            for (const svc of services) {
                const spec = asObj(props(svc).spec) ?? {};
                const type = asString(spec.type) ?? "ClusterIP";
                const selector = asObj(spec.selector);
                if (namespaceOf(svc) !== ns || !selector || Object.keys(selector).length === 0) continue;
                if (!selectorMatches({ matchLabels: selector }, labels)) continue;
                if (type === "LoadBalancer" || type === "NodePort" || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)) {
                    report(
                        `primary ${label(primary)} is exposed outside the cluster by ${type} Service ${asString(asObj(props(svc).metadata)?.name) ?? svc.name}`,
                        primary.urn,
                    );
                }
            }
        }
    },
};

export const networkPolicyHygiene: StackValidationPolicy = {
    name: "k8s-networkpolicy-hygiene",
    description:
        "NetworkPolicies select workloads that exist in their namespace, and no ingress rule is an allow-everything `{}` (guide §5; the NIIS example file hard-codes namespace sidecar-psp-restrictive and an allow-all rule).",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        "Put each NetworkPolicy in the namespace of the pods it protects with a selector that matches their labels; replace `ingress: [{}]` by rules naming sources and ports.",
    ...guide("5", "network"),
    validateStack: (args, report) => {
        const workloadsOf = byNamespace(workloads(args.resources));
        // Helm releases create workloads the stack does not list; their namespaces are not judged.
        const helmNamespaces = new Set(ofTypes(args.resources, HELM_RELEASE).map((r) => asString(props(r).namespace) ?? "default"));
        for (const np of ofTypes(args.resources, NETWORK_POLICY)) {
            const spec = asObj(props(np).spec) ?? {};
            const ns = namespaceOf(np);
            const name = asString(asObj(props(np).metadata)?.name) ?? np.name;
            const inNamespace = workloadsOf.get(ns) ?? [];
            if (helmNamespaces.has(ns)) {
                // judged by the chart, not by this stack
            } else if (inNamespace.length === 0)
                report(
                    `NetworkPolicy ${name}: namespace ${ns} has no workloads among the checked resources, so it protects nothing`,
                    np.urn,
                );
            else if (!inNamespace.some((w) => selectorMatches(asObj(spec.podSelector) ?? {}, podLabels(w.type, props(w))))) {
                report(
                    `NetworkPolicy ${name} selects no workload of namespace ${ns} (podSelector ${JSON.stringify(spec.podSelector ?? {})})`,
                    np.urn,
                );
            }
            asArray(spec.ingress).forEach((rule, i) => {
                if (asArray(rule.from).length === 0 && asArray(rule.ports).length === 0)
                    report(`NetworkPolicy ${name} ingress[${i}] is {}: it admits every source on every port`, np.urn);
            });
        }
    },
};

export interface EngineConfig {
    allowedAksNetworkPolicies: string[];
    engineChartPattern: string;
}

function truthy(v: unknown): boolean {
    return v === true || v === "true";
}

/** vpc-cni add-on whose configurationValues turn on its network-policy agent. */
function isVpcCniWithPolicies(addon: PolicyResource): boolean {
    const p = props(addon);
    if (asString(p.addonName) !== "vpc-cni") return false;
    const raw = p.configurationValues;
    let values: unknown = raw;
    if (typeof raw === "string") {
        try {
            values = JSON.parse(raw);
        } catch {
            return false;
        }
    }
    return truthy(asObj(values)?.enableNetworkPolicy);
}

export const networkPolicyEngine: StackValidationPolicy = {
    name: "k8s-network-policy-engine",
    description:
        "Each cluster runs a network-policy engine, without which NetworkPolicies are silently ignored: AKS networkPolicy azure, calico or cilium; EKS the VPC CNI network-policy agent or Calico (guide §5).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'AKS: set networkProfile.networkPolicy to azure, calico or cilium. EKS: install the vpc-cni add-on with configurationValues {"enableNetworkPolicy": "true"} (or the eks component\'s vpcCniOptions.enableNetworkPolicy), or Calico via the tigera-operator chart (guide §5).',
    ...guide("5", "network", "aws", "azure"),
    configSchema: {
        properties: {
            allowedAksNetworkPolicies: { type: "array", items: { type: "string" }, default: ["azure", "calico", "cilium"] },
            engineChartPattern: { type: "string", default: "calico|tigera-operator|cilium" },
        },
    },
    validateStack: (args, report) => {
        const config = configOf<EngineConfig>(networkPolicyEngine, args);
        for (const aks of ofTypes(args.resources, AKS_CLUSTER, AKS_CLASSIC_CLUSTER)) {
            const policy = asString(asObj(props(aks).networkProfile)?.networkPolicy);
            if (!policy || !config.allowedAksNetworkPolicies.includes(policy)) {
                report(
                    `AKS cluster ${aks.name} has networkProfile.networkPolicy ${policy ?? "unset"}; NetworkPolicies are not enforced`,
                    aks.urn,
                );
            }
        }
        const groups = clusterGroups(args.resources, EKS_COMPONENT_CLUSTER, [EKS_CLUSTER]);
        const addons = ofTypes(args.resources, EKS_ADDON);
        const chart = new RegExp(config.engineChartPattern, "i");
        const engineReleases = ofTypes(args.resources, HELM_RELEASE).filter((r) => chart.test(asString(props(r).chart) ?? ""));
        for (const group of groups) {
            const cluster = group[0];
            if (cluster.type === EKS_COMPONENT_CLUSTER && truthy(asObj(props(cluster).vpcCniOptions)?.enableNetworkPolicy)) continue;
            if (linkedToGroup(addons, "clusterName", group, groups, ["name"]).some(isVpcCniWithPolicies)) continue;
            if (engineReleases.length > 0) continue;
            report(
                `EKS cluster ${cluster.name} has no network-policy engine: enable the VPC CNI network policy agent or install Calico`,
                cluster.urn,
            );
        }
    },
};

/** Addresses no workload needs: the instance-metadata endpoint (node credentials) and the Azure wireserver. */
const METADATA_ENDPOINTS = [
    { name: "the cloud instance-metadata endpoint", ip: "169.254.169.254", ports: [80] },
    { name: "the Azure wireserver", ip: "168.63.129.16", ports: [80, 32526] },
];

export const egressNoMetadataEndpoint: StackValidationPolicy = {
    name: "k8s-egress-no-metadata-endpoint",
    description:
        "A pod whose egress NetworkPolicies restrict it cannot reach the cloud instance-metadata endpoint (169.254.169.254) or the Azure wireserver (168.63.129.16): an `ipBlock` such as 0.0.0.0/0 must `except` them (guide §5; NIIS review B1: node credentials for an Internet-facing root container).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Add `except: [169.254.0.0/16, 168.63.129.16/32]` to every egress `ipBlock` that contains them, and name destinations (`to`) in rules that open port 80.",
    ...guide("5", "network"),
    validateStack: (args, report) => {
        // A pod's egress is judged by the policies of its own namespace only: grouping them once keeps this linear in
        // the number of workloads (a folder of 10^5 objects was quadratic).
        const policiesByNamespace = new Map(
            [...byNamespace(ofTypes(args.resources, NETWORK_POLICY))].map(([namespace, inNamespace]) => [
                namespace,
                inNamespace.map((np) => ({
                    metadata: { name: asString(asObj(props(np).metadata)?.name) ?? np.name, namespace },
                    spec: asObj(props(np).spec) ?? {},
                })),
            ]),
        );
        for (const w of workloads(args.resources)) {
            const namespace = namespaceOf(w);
            const policies = policiesByNamespace.get(namespace) ?? [];
            const pod = podEndpoint(namespace, podLabels(w.type, props(w)), { name: label(w) });
            for (const target of METADATA_ENDPOINTS) {
                for (const port of target.ports) {
                    const v = evaluateFlow(policies, { from: pod, to: addressEndpoint(target.name, target.ip), port });
                    // Pods no egress policy restricts are the namespace owner's choice; judged are those the stack restricts.
                    if (!v.egress.isolated || !v.egress.allowed) continue;
                    report(
                        `${label(w)} may reach ${target.name} ${target.ip}:${port} through NetworkPolicy ${v.egress.allowedBy.join(", ")}; except ${target.ip} from its ipBlocks`,
                        w.urn,
                    );
                }
            }
        }
    },
};

export const networkPolicies = [
    networkPolicyEngine,
    namespaceDefaultDenyIngress,
    primaryIngressSecondarySshOnly,
    networkPolicyHygiene,
    egressNoMetadataEndpoint,
];
