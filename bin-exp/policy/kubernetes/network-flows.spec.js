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
const network_flows_1 = require("./network-flows");
const np = (namespace, name, spec) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace },
    spec,
});
const denyAll = (ns) => np(ns, "deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
const web = (0, network_flows_1.podEndpoint)("shop", { app: "web" }, { ip: "10.0.0.5", ports: [{ name: "http", containerPort: 8080 }] });
const db = (0, network_flows_1.podEndpoint)("data", { app: "db" }, { ip: "10.0.1.5", ports: [{ name: "pg", containerPort: 5432 }] });
const internet = (0, network_flows_1.addressEndpoint)("internet", "198.51.100.1");
describe("NetworkPolicy evaluator (Kubernetes semantics)", () => {
    it("allows everything when no policy selects either pod, and nothing once a default deny does", () => {
        assert.equal((0, network_flows_1.evaluateFlow)([], { from: web, to: db, port: 5432 }).allowed, true);
        const v = (0, network_flows_1.evaluateFlow)([denyAll("data")], { from: web, to: db, port: 5432 });
        assert.deepEqual([v.allowed, v.egress.allowed, v.ingress.allowed, v.ingress.isolated], [false, true, false, true]);
    });
    it("needs both the source's egress and the destination's ingress", () => {
        const ingress = np("data", "in", {
            podSelector: { matchLabels: { app: "db" } },
            ingress: [
                { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }], ports: [{ port: 5432 }] },
            ],
        });
        const egress = np("shop", "out", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                { to: [{ podSelector: { matchLabels: { app: "db" } }, namespaceSelector: {} }], ports: [{ protocol: "TCP", port: 5432 }] },
            ],
        });
        const q = { from: web, to: db, port: 5432 };
        assert.equal((0, network_flows_1.evaluateFlow)([denyAll("shop"), denyAll("data"), ingress].map((x) => x), q).allowed, false, "egress missing");
        assert.equal((0, network_flows_1.evaluateFlow)([denyAll("shop"), denyAll("data"), egress], q).allowed, false, "ingress missing");
        const both = (0, network_flows_1.evaluateFlow)([denyAll("shop"), denyAll("data"), ingress, egress], q);
        assert.equal(both.allowed, true);
        assert.deepEqual(both.egress.allowedBy, ["shop/out"]);
        assert.deepEqual(both.ingress.allowedBy, ["data/in"]);
        assert.equal((0, network_flows_1.evaluateFlow)([ingress, egress], { ...q, port: 5433 }).allowed, false, "other port");
        assert.equal((0, network_flows_1.evaluateFlow)([ingress, egress], { ...q, protocol: "UDP" }).allowed, false, "other protocol");
    });
    it("reads namespaceSelector and podSelector in one peer as AND, in two peers as OR, and a bare podSelector as the policy's namespace", () => {
        const other = (0, network_flows_1.podEndpoint)("shop", { app: "other" }, { ip: "10.0.0.6" });
        const webInData = (0, network_flows_1.podEndpoint)("data", { app: "web" }, { ip: "10.0.1.6" });
        const and = np("data", "and", {
            podSelector: { matchLabels: { app: "db" } },
            ingress: [
                {
                    from: [
                        {
                            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } },
                            podSelector: { matchLabels: { app: "web" } },
                        },
                    ],
                },
            ],
        });
        const or = np("data", "or", {
            podSelector: { matchLabels: { app: "db" } },
            ingress: [
                {
                    from: [
                        { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } },
                        { podSelector: { matchLabels: { app: "web" } } },
                    ],
                },
            ],
        });
        assert.equal((0, network_flows_1.evaluateFlow)([and], { from: web, to: db, port: 1 }).allowed, true);
        assert.equal((0, network_flows_1.evaluateFlow)([and], { from: other, to: db, port: 1 }).allowed, false);
        assert.equal((0, network_flows_1.evaluateFlow)([and], { from: webInData, to: db, port: 1 }).allowed, false);
        assert.equal((0, network_flows_1.evaluateFlow)([or], { from: other, to: db, port: 1 }).allowed, true);
        assert.equal((0, network_flows_1.evaluateFlow)([or], { from: webInData, to: db, port: 1 }).allowed, true, "bare podSelector: own namespace");
        assert.equal((0, network_flows_1.evaluateFlow)([or], { from: (0, network_flows_1.podEndpoint)("else", { app: "web" }), to: db, port: 1 }).allowed, false);
    });
    it("takes the union of every policy selecting a pod, with matchExpressions", () => {
        const a = np("data", "a", {
            podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["db"] }] },
            ingress: [{ ports: [{ port: 1 }] }],
        });
        const b = np("data", "b", {
            podSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] },
            ingress: [{ ports: [{ port: 2 }] }],
        });
        const c = np("data", "c", {
            podSelector: { matchExpressions: [{ key: "app", operator: "NotIn", values: ["db"] }] },
            ingress: [{}],
        });
        for (const [port, allowed] of [
            [1, true],
            [2, true],
            [3, false],
        ])
            assert.equal((0, network_flows_1.evaluateFlow)([a, b, c], { from: internet, to: db, port }).allowed, allowed, `port ${port}`);
    });
    it("matches ipBlock with except, for addresses and pod IPs, never for pods without one", () => {
        const out = np("shop", "out", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16", "10.0.0.0/8"] } }] }],
        });
        assert.equal((0, network_flows_1.evaluateFlow)([out], { from: web, to: internet, port: 443 }).allowed, true);
        assert.equal((0, network_flows_1.evaluateFlow)([out], { from: web, to: (0, network_flows_1.addressEndpoint)("imds", "169.254.169.254"), port: 80 }).allowed, false);
        assert.equal((0, network_flows_1.evaluateFlow)([out], { from: web, to: db, port: 5432 }).allowed, false, "pod IP in an except");
        assert.equal((0, network_flows_1.evaluateFlow)([out], { from: web, to: (0, network_flows_1.podEndpoint)("data", { app: "db" }), port: 5432 }).allowed, false);
        assert.equal((0, network_flows_1.evaluateFlow)([out], { from: web, to: (0, network_flows_1.podEndpoint)("data", {}, { ip: "192.168.1.1" }), port: 5432 }).allowed, true);
    });
    it("resolves named ports on the destination pod, and port ranges", () => {
        const named = np("data", "named", { podSelector: {}, ingress: [{ ports: [{ port: "pg" }] }] });
        assert.equal((0, network_flows_1.evaluateFlow)([named], { from: web, to: db, port: 5432 }).allowed, true);
        assert.equal((0, network_flows_1.evaluateFlow)([named], { from: web, to: db, port: 5433 }).allowed, false);
        const egressNamed = np("shop", "out", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: "pg" }] }] });
        assert.equal((0, network_flows_1.evaluateFlow)([egressNamed], { from: web, to: db, port: 5432 }).allowed, true, "named port of the destination");
        assert.equal((0, network_flows_1.evaluateFlow)([egressNamed], { from: web, to: internet, port: 5432 }).allowed, false, "addresses have no names");
        const range = np("data", "range", { podSelector: {}, ingress: [{ ports: [{ port: 5000, endPort: 5999 }] }] });
        assert.deepEqual([4999, 5000, 5999, 6000].map((port) => (0, network_flows_1.evaluateFlow)([range], { from: web, to: db, port }).allowed), [false, true, true, false]);
    });
    it("defaults policyTypes to Ingress, plus Egress when egress rules exist", () => {
        const ingressOnly = np("shop", "i", { podSelector: {} });
        assert.equal((0, network_flows_1.evaluateFlow)([ingressOnly], { from: web, to: internet, port: 1 }).allowed, true, "egress not isolated");
        const withEgress = np("shop", "e", { podSelector: {}, egress: [{ ports: [{ port: 2 }] }] });
        assert.equal((0, network_flows_1.evaluateFlow)([withEgress], { from: web, to: internet, port: 1 }).allowed, false);
    });
    it("reads pods, their ports and namespace labels from workload manifests", () => {
        const objects = [
            { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { tier: "front" } } },
            {
                apiVersion: "apps/v1",
                kind: "Deployment",
                metadata: { name: "web", namespace: "shop" },
                spec: {
                    template: {
                        metadata: { labels: { app: "web" } },
                        spec: { containers: [{ name: "c", ports: [{ name: "http", containerPort: 8080 }] }] },
                    },
                },
            },
            np("shop", "x", { podSelector: {} }),
        ];
        const [w] = (0, network_flows_1.workloadPods)(objects);
        assert.equal(w.workload, "Deployment/web");
        assert.deepEqual(w.pod.labels, { app: "web" });
        assert.deepEqual(w.pod.namespaceLabels, { tier: "front", "kubernetes.io/metadata.name": "shop" });
        assert.deepEqual(w.pod.ports, [{ name: "http", containerPort: 8080, protocol: undefined }]);
        assert.equal((0, network_flows_1.networkPolicies)(objects).length, 1);
    });
});
