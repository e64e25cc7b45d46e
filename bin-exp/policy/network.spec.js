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
const network_1 = require("./network");
const harness_1 = require("./testing/harness");
const NS = "xroad";
const primary = (0, harness_1.k8s)({
    ...(0, harness_1.deployment)("primary", NS, { containers: [{ name: "ss", ports: [{ name: "ssh", containerPort: 22 }] }] }, { app: "ss", role: "primary" }),
});
const secondary = (0, harness_1.k8s)((0, harness_1.deployment)("secondary", NS, { containers: [{ name: "ss" }] }, { app: "ss", role: "secondary" }));
const np = (name, spec, namespace = NS) => (0, harness_1.k8s)({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace }, spec });
const denyAll = np("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
const guideSsh = np("primary-ssh", {
    podSelector: { matchLabels: { role: "primary" } },
    policyTypes: ["Ingress"],
    ingress: [{ from: [{ podSelector: { matchLabels: { role: "secondary" } } }], ports: [{ protocol: "TCP", port: 22 }] }],
});
describe("k8s-namespace-default-deny-ingress (guide §5.1)", () => {
    it("passes namespaces with a default deny (policyTypes omitted or explicit)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.namespaceDefaultDenyIngress, [primary, secondary, denyAll]), []);
        assert.deepEqual(await (0, harness_1.messages)(network_1.namespaceDefaultDenyIngress, [primary, np("d", { podSelector: {} })]), []);
    });
    it("flags a namespace with workloads and no default deny, once, on its Namespace when declared", async () => {
        const ns = (0, harness_1.k8s)({ apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
        const { violations } = await (0, harness_1.run)(network_1.namespaceDefaultDenyIngress, [
            ns,
            primary,
            secondary,
            guideSsh,
            np("egress-only", { podSelector: {}, policyTypes: ["Egress"] }),
        ]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].urn, (0, harness_1.toEngine)(ns).urn);
        assert.match(violations[0].message, /namespace xroad runs workloads but has no default-deny ingress NetworkPolicy/);
    });
    it("does not count an empty-selector policy that allows something", async () => {
        assert.equal((await (0, harness_1.messages)(network_1.namespaceDefaultDenyIngress, [
            primary,
            np("allow-ns", { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }),
        ])).length, 1);
    });
});
describe("xroad-primary-ingress-secondary-ssh-only (guide §5.1)", () => {
    it("passes the guide's isolation: deny + secondaries on TCP 22 (also by named port)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, secondary, denyAll, guideSsh]), []);
        const named = np("primary-ssh", {
            podSelector: { matchLabels: { role: "primary" } },
            ingress: [{ from: [{ podSelector: { matchLabels: { role: "secondary", app: "ss" } } }], ports: [{ port: "ssh" }] }],
        });
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, named]), []);
        const expr = (values) => np("primary-ssh", {
            podSelector: { matchLabels: { role: "primary" } },
            ingress: [
                { from: [{ podSelector: { matchExpressions: [{ key: "role", operator: "In", values }] } }], ports: [{ port: 22 }] },
            ],
        });
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, expr(["secondary"])]), []);
        assert.equal((await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, expr(["secondary", "other"])])).length, 1);
    });
    it("flags a primary no ingress policy selects", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, np("other", { podSelector: { matchLabels: { role: "secondary" } } })]), [
            "primary Deployment xroad/primary is selected by no ingress NetworkPolicy, so any pod (and anything routed into the cluster) can reach it",
        ]);
    });
    it("flags every broader rule: any source, ipBlock, namespaceSelector, other pods, all ports, other ports, UDP", async () => {
        const rules = [
            { ports: [{ port: 22 }] },
            { from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 22 }] },
            { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { role: "secondary" } } }], ports: [{ port: 22 }] },
            { from: [{ podSelector: {} }], ports: [{ port: 22 }] },
            { from: [{ podSelector: { matchLabels: { role: "secondary" } } }] },
            { from: [{ podSelector: { matchLabels: { role: "secondary" } } }], ports: [{ port: 4000 }] },
            { from: [{ podSelector: { matchLabels: { role: "secondary" } } }], ports: [{ port: 22, protocol: "UDP" }] },
        ];
        const found = await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [
            primary,
            np("wide", { podSelector: { matchLabels: { role: "primary" } }, ingress: rules }),
        ]);
        assert.equal(found.length, 7);
        assert.match(found[0], /ingress\[0\] admits every source/);
        assert.match(found[1], /admits the IP block 0\.0\.0\.0\/0/);
        assert.match(found[2], /namespaceSelector/);
        assert.match(found[3], /not only secondaries/);
        assert.match(found[4], /admits all ports/);
        assert.match(found[5], /admits TCP 4000/);
        assert.match(found[6], /admits UDP 22/);
    });
    it("allows configured extra ports and flags a LoadBalancer Service in front of the primary", async () => {
        const admin = np("admin", {
            podSelector: { matchLabels: { role: "primary" } },
            ingress: [{ from: [{ podSelector: { matchLabels: { role: "secondary" } } }], ports: [{ port: 4000 }] }],
        });
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, admin], { config: { extraAllowedPorts: [4000] } }), []);
        const lb = (0, harness_1.k8s)({
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: "lb", namespace: NS },
            spec: { type: "LoadBalancer", selector: { role: "primary" } },
        });
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [primary, guideSsh, lb]), [
            "primary Deployment xroad/primary is exposed outside the cluster by LoadBalancer Service lb",
        ]);
    });
    it("is not applicable without a primary, and can't run when selectors are unknown at preview", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.primaryIngressSecondarySshOnly, [secondary, denyAll]), []);
        const { violations } = await (0, harness_1.run)(network_1.primaryIngressSecondarySshOnly, [primary, np("u", { podSelector: harness_1.UNKNOWN.object })]);
        assert.equal(violations[0].unknownAtPreview, true);
    });
});
describe("k8s-networkpolicy-hygiene (guide §5)", () => {
    it("passes policies that select workloads", async () => assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyHygiene, [primary, secondary, denyAll, guideSsh]), []));
    it("flags policies of namespaces without workloads, dangling selectors and allow-all rules", async () => {
        const found = await (0, harness_1.messages)(network_1.networkPolicyHygiene, [
            primary,
            np("stray", { podSelector: {} }, "sidecar-psp-restrictive"),
            np("dangling", { podSelector: { matchLabels: { app: "security-server-sidecar" } } }),
            np("all", { podSelector: {}, ingress: [{}] }),
        ]);
        assert.deepEqual(found, [
            "NetworkPolicy stray: namespace sidecar-psp-restrictive has no workloads among the checked resources, so it protects nothing",
            'NetworkPolicy dangling selects no workload of namespace xroad (podSelector {"matchLabels":{"app":"security-server-sidecar"}})',
            "NetworkPolicy all ingress[0] is {}: it admits every source on every port",
        ]);
    });
});
describe("k8s-egress-no-metadata-endpoint (guide §5, review B1)", () => {
    const internet = (except) => np("internet", {
        podSelector: { matchLabels: { role: "secondary" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", ...(except ? { except } : {}) } }], ports: [{ protocol: "TCP", port: 80 }] }],
    });
    it("passes egress that excepts the metadata endpoint and the wireserver, and pods no egress policy restricts", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.egressNoMetadataEndpoint, [primary, secondary, denyAll, internet(["169.254.0.0/16", "168.63.129.16/32"])]), []);
        assert.deepEqual(await (0, harness_1.messages)(network_1.egressNoMetadataEndpoint, [primary, secondary, guideSsh]), []);
    });
    it("flags 0.0.0.0/0 on port 80 without the exceptions, and a rule with no destinations", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.egressNoMetadataEndpoint, [secondary, denyAll, internet()]), [
            "Deployment xroad/secondary may reach the cloud instance-metadata endpoint 169.254.169.254:80 through NetworkPolicy xroad/internet; except 169.254.169.254 from its ipBlocks",
            "Deployment xroad/secondary may reach the Azure wireserver 168.63.129.16:80 through NetworkPolicy xroad/internet; except 168.63.129.16 from its ipBlocks",
        ]);
        const anywhere = np("anywhere", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ ports: [{ protocol: "TCP", port: 32526 }] }],
        });
        assert.deepEqual(await (0, harness_1.messages)(network_1.egressNoMetadataEndpoint, [primary, anywhere]), [
            "Deployment xroad/primary may reach the Azure wireserver 168.63.129.16:32526 through NetworkPolicy xroad/anywhere; except 168.63.129.16 from its ipBlocks",
        ]);
    });
});
describe("k8s-network-policy-engine (guide §5)", () => {
    const aks = (networkPolicy) => ({
        type: "azure-native:containerservice:ManagedCluster",
        name: "aks",
        props: { networkProfile: { networkPolicy } },
    });
    const eks = { type: "aws:eks/cluster:Cluster", name: "eks", props: { name: "eks" } };
    it("passes AKS with azure/calico/cilium and EKS with the VPC CNI policy agent or Calico", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [aks("calico")]), []);
        const addon = {
            type: "aws:eks/addon:Addon",
            props: { clusterName: "eks", addonName: "vpc-cni", configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) },
        };
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [eks, addon]), []);
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [eks, { type: "kubernetes:helm.sh/v3:Release", props: { chart: "tigera-operator" } }]), []);
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [
            { type: "eks:index:Cluster", name: "c", props: { vpcCniOptions: { enableNetworkPolicy: true } } },
        ]), []);
    });
    it("flags AKS without a policy engine and EKS without one", async () => {
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [aks(), aks("none")]).then((m) => m.length), 2);
        const plainAddon = { type: "aws:eks/addon:Addon", props: { clusterName: "eks", addonName: "vpc-cni" } };
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [eks, plainAddon]), [
            "EKS cluster eks has no network-policy engine: enable the VPC CNI network policy agent or install Calico",
        ]);
    });
    it("links add-ons to their cluster when a stack has several", async () => {
        const other = { type: "aws:eks/cluster:Cluster", name: "other", props: { name: "other" } };
        const addon = {
            type: "aws:eks/addon:Addon",
            props: { clusterName: "eks", addonName: "vpc-cni", configurationValues: '{"enableNetworkPolicy":"true"}' },
        };
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [eks, other, addon]), [
            "EKS cluster other has no network-policy engine: enable the VPC CNI network policy agent or install Calico",
        ]);
    });
    it("treats the eks component and the aws.eks.Cluster it creates (a real preview shows both) as one cluster", async () => {
        const component = { type: "eks:index:Cluster", name: "xroad", props: {} };
        const c = (0, harness_1.toEngine)(component);
        const child = { type: "aws:eks/cluster:Cluster", name: "xroad-eksCluster", props: { name: "xroad" }, parent: c.urn };
        const other = { type: "aws:eks/cluster:Cluster", name: "other", props: { name: "other" } };
        const cni = {
            type: "aws:eks/addon:Addon",
            props: { clusterName: "xroad", addonName: "vpc-cni", configurationValues: '{"enableNetworkPolicy":"true"}' },
            propDeps: { clusterName: [c.urn] },
        };
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [component, child, other, cni]), [
            "EKS cluster other has no network-policy engine: enable the VPC CNI network policy agent or install Calico",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(network_1.networkPolicyEngine, [component, child]), [
            "EKS cluster xroad has no network-policy engine: enable the VPC CNI network policy agent or install Calico",
        ]);
    });
});
