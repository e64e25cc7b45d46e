import * as assert from "node:assert/strict";
import { addressEndpoint, evaluateFlow, networkPolicies, podEndpoint, workloadPods } from "./network-flows";
import { Obj } from "./workloads";

const np = (namespace: string, name: string, spec: Obj): Obj => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace },
    spec,
});
const denyAll = (ns: string) => np(ns, "deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });

const web = podEndpoint("shop", { app: "web" }, { ip: "10.0.0.5", ports: [{ name: "http", containerPort: 8080 }] });
const db = podEndpoint("data", { app: "db" }, { ip: "10.0.1.5", ports: [{ name: "pg", containerPort: 5432 }] });
const internet = addressEndpoint("internet", "198.51.100.1");

describe("NetworkPolicy evaluator (Kubernetes semantics)", () => {
    it("allows everything when no policy selects either pod, and nothing once a default deny does", () => {
        assert.equal(evaluateFlow([], { from: web, to: db, port: 5432 }).allowed, true);
        const v = evaluateFlow([denyAll("data")], { from: web, to: db, port: 5432 });
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
        assert.equal(
            evaluateFlow(
                [denyAll("shop"), denyAll("data"), ingress].map((x) => x),
                q,
            ).allowed,
            false,
            "egress missing",
        );
        assert.equal(evaluateFlow([denyAll("shop"), denyAll("data"), egress], q).allowed, false, "ingress missing");
        const both = evaluateFlow([denyAll("shop"), denyAll("data"), ingress, egress], q);
        assert.equal(both.allowed, true);
        assert.deepEqual(both.egress.allowedBy, ["shop/out"]);
        assert.deepEqual(both.ingress.allowedBy, ["data/in"]);
        assert.equal(evaluateFlow([ingress, egress], { ...q, port: 5433 }).allowed, false, "other port");
        assert.equal(evaluateFlow([ingress, egress], { ...q, protocol: "UDP" }).allowed, false, "other protocol");
    });

    it("reads namespaceSelector and podSelector in one peer as AND, in two peers as OR, and a bare podSelector as the policy's namespace", () => {
        const other = podEndpoint("shop", { app: "other" }, { ip: "10.0.0.6" });
        const webInData = podEndpoint("data", { app: "web" }, { ip: "10.0.1.6" });
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
        assert.equal(evaluateFlow([and], { from: web, to: db, port: 1 }).allowed, true);
        assert.equal(evaluateFlow([and], { from: other, to: db, port: 1 }).allowed, false);
        assert.equal(evaluateFlow([and], { from: webInData, to: db, port: 1 }).allowed, false);
        assert.equal(evaluateFlow([or], { from: other, to: db, port: 1 }).allowed, true);
        assert.equal(evaluateFlow([or], { from: webInData, to: db, port: 1 }).allowed, true, "bare podSelector: own namespace");
        assert.equal(evaluateFlow([or], { from: podEndpoint("else", { app: "web" }), to: db, port: 1 }).allowed, false);
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
        ] as const)
            assert.equal(evaluateFlow([a, b, c], { from: internet, to: db, port }).allowed, allowed, `port ${port}`);
    });

    it("matches ipBlock with except, for addresses and pod IPs, never for pods without one", () => {
        const out = np("shop", "out", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16", "10.0.0.0/8"] } }] }],
        });
        assert.equal(evaluateFlow([out], { from: web, to: internet, port: 443 }).allowed, true);
        assert.equal(evaluateFlow([out], { from: web, to: addressEndpoint("imds", "169.254.169.254"), port: 80 }).allowed, false);
        assert.equal(evaluateFlow([out], { from: web, to: db, port: 5432 }).allowed, false, "pod IP in an except");
        assert.equal(evaluateFlow([out], { from: web, to: podEndpoint("data", { app: "db" }), port: 5432 }).allowed, false);
        assert.equal(evaluateFlow([out], { from: web, to: podEndpoint("data", {}, { ip: "192.168.1.1" }), port: 5432 }).allowed, true);
    });

    it("resolves named ports on the destination pod, and port ranges", () => {
        const named = np("data", "named", { podSelector: {}, ingress: [{ ports: [{ port: "pg" }] }] });
        assert.equal(evaluateFlow([named], { from: web, to: db, port: 5432 }).allowed, true);
        assert.equal(evaluateFlow([named], { from: web, to: db, port: 5433 }).allowed, false);
        const egressNamed = np("shop", "out", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: "pg" }] }] });
        assert.equal(evaluateFlow([egressNamed], { from: web, to: db, port: 5432 }).allowed, true, "named port of the destination");
        assert.equal(evaluateFlow([egressNamed], { from: web, to: internet, port: 5432 }).allowed, false, "addresses have no names");
        const range = np("data", "range", { podSelector: {}, ingress: [{ ports: [{ port: 5000, endPort: 5999 }] }] });
        assert.deepEqual(
            [4999, 5000, 5999, 6000].map((port) => evaluateFlow([range], { from: web, to: db, port }).allowed),
            [false, true, true, false],
        );
    });

    it("defaults policyTypes to Ingress, plus Egress when egress rules exist", () => {
        const ingressOnly = np("shop", "i", { podSelector: {} });
        assert.equal(evaluateFlow([ingressOnly], { from: web, to: internet, port: 1 }).allowed, true, "egress not isolated");
        const withEgress = np("shop", "e", { podSelector: {}, egress: [{ ports: [{ port: 2 }] }] });
        assert.equal(evaluateFlow([withEgress], { from: web, to: internet, port: 1 }).allowed, false);
    });

    it("reads pods, their ports and namespace labels from workload manifests", () => {
        const objects: Obj[] = [
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
        const [w] = workloadPods(objects);
        assert.equal(w.workload, "Deployment/web");
        assert.deepEqual(w.pod.labels, { app: "web" });
        assert.deepEqual(w.pod.namespaceLabels, { tier: "front", "kubernetes.io/metadata.name": "shop" });
        assert.deepEqual(w.pod.ports, [{ name: "http", containerPort: 8080, protocol: undefined }]);
        assert.equal(networkPolicies(objects).length, 1);
    });
});
