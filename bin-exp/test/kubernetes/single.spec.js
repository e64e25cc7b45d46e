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
const scenarios_1 = require("./scenarios");
const render_1 = require("./render");
const java_heap_1 = require("../../components/kubernetes/java-heap");
describe("single pod with the local database (NIIS §2.1)", () => {
    let s;
    let sts;
    let container;
    before(async () => {
        s = await (0, scenarios_1.scenario)("single-local");
        sts = (0, render_1.theObject)(s.rendered.objects, "StatefulSet", "solo");
        container = sts.spec.template.spec.containers[0];
    });
    it("runs one standalone pod of the full image as a StatefulSet, never two", () => {
        assert.equal(sts.spec.replicas, 1);
        assert.equal(container.image, "niis/xroad-security-server-sidecar:7.8.0");
        assert.equal(sts.spec.template.metadata.labels.role, "standalone");
        assert.deepEqual((0, render_1.objectsOfKind)(s.rendered.objects, "Deployment"), []);
    });
    it("mounts the database volume one level above PGDATA so initdb works on a fresh volume", () => {
        const claim = (0, render_1.theObject)(s.rendered.objects, "PersistentVolumeClaim", "solo-database");
        assert.deepEqual(claim.spec.accessModes, ["ReadWriteOnce"]);
        assert.equal(claim.spec.storageClassName, "standard");
        assert.equal(claim.spec.resources.requests.storage, "20Gi");
        const mount = container.volumeMounts.find((m) => m.mountPath.startsWith("/var/lib/postgresql"));
        assert.equal(mount.mountPath, "/var/lib/postgresql/16");
        const volume = sts.spec.template.spec.volumes.find((v) => v.name === mount.name);
        assert.equal(volume.persistentVolumeClaim.claimName, "solo-database");
    });
    it("keeps /etc/xroad and /var/lib/xroad on their own claims; without shared storage the archive is ReadWriteOnce", () => {
        const byPath = Object.fromEntries(container.volumeMounts.map((m) => [m.mountPath, m.name]));
        const claimOf = (path) => sts.spec.template.spec.volumes.find((v) => v.name === byPath[path]).persistentVolumeClaim.claimName;
        assert.equal(claimOf("/etc/xroad"), "solo-config");
        assert.equal(claimOf("/var/lib/xroad"), "solo-archive");
        assert.deepEqual((0, render_1.theObject)(s.rendered.objects, "PersistentVolumeClaim", "solo-archive").spec.accessModes, ["ReadWriteOnce"]);
        const out = s.rendered.outputs.instance;
        assert.match(out.archive ?? "", /^none: .*ReadWriteOnce volume solo-archive \(archiving is off\)$/);
    });
    it("keeps claims and namespace by default, and lets a stack without data protection delete them", async () => {
        const kept = s.rendered.resources.filter((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim" || r.type === "kubernetes:core/v1:Namespace");
        assert.equal(kept.length, 4);
        for (const r of kept)
            assert.equal(r.retainOnDelete, true, r.name);
        const unprotected = await (0, render_1.render)(s.instance, s.platform, undefined, false);
        const deletable = unprotected.resources.filter((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim" || r.type === "kubernetes:core/v1:Namespace");
        assert.equal(deletable.length, 4);
        for (const r of deletable)
            assert.equal(r.retainOnDelete, false, r.name);
    });
    it("gives the local database no XROAD_DB_* variables and no database password", () => {
        const names = container.env.map((e) => e.name);
        assert.ok(!names.some((n) => n.startsWith("XROAD_DB_") || n === "XROAD_DATABASE_NAME"), names.join(","));
        const secret = (0, render_1.theObject)(s.rendered.objects, "Secret", "solo-variables");
        assert.deepEqual(Object.keys(secret.stringData).sort(), ["XROAD_ADMIN_PASSWORD", "XROAD_ADMIN_USER", "XROAD_TOKEN_PIN"]);
        assert.equal(secret.stringData.XROAD_ADMIN_USER, "xroad-admin");
        assert.ok(secret.stringData.XROAD_TOKEN_PIN.length >= 20, "generated PIN");
    });
    it("leaves the vanilla image without the low-port sysctl, and without NET_RAW", () => {
        assert.equal(sts.spec.template.spec.securityContext.sysctls, undefined);
        assert.deepEqual(container.securityContext, { privileged: false, capabilities: { drop: ["NET_RAW"] } });
    });
    it("probes as NIIS recommends: startup 8080 ×60 and liveness 8080 ×5", () => {
        assert.deepEqual(container.startupProbe, { httpGet: { path: "/", port: 8080 }, periodSeconds: 10, failureThreshold: 60 });
        assert.deepEqual(container.livenessProbe, {
            httpGet: { path: "/", port: 8080 },
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 5,
        });
    });
    it("exposes 5500/5577 on a LoadBalancer and the consumer ports on a ClusterIP Service", () => {
        const lb = (0, render_1.theObject)(s.rendered.objects, "Service", "solo-public");
        assert.equal(lb.spec.type, "LoadBalancer");
        assert.deepEqual(lb.spec.ports.map((p) => [p.port, p.protocol]), [
            [5500, "TCP"],
            [5577, "TCP"],
        ]);
        const consumer = (0, render_1.theObject)(s.rendered.objects, "Service", "solo-consumer");
        assert.equal(consumer.spec.type, "ClusterIP");
        assert.deepEqual(consumer.spec.ports.map((p) => p.port), [8080, 8443]);
    });
    it("denies all traffic, then lets the pod out only to DNS and the X-Road ports (no database rule)", () => {
        const policy = (0, render_1.theObject)(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
        assert.deepEqual(policy.spec.podSelector.matchLabels.role, "standalone");
        assert.deepEqual(policy.spec.egress, [
            {
                // Not the metadata endpoint, the Azure wireserver or the cluster itself (review B1).
                to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16", "168.63.129.16/32", "10.0.0.0/8"] } }],
                ports: [80, 443, 4001, 5500, 5577].map((port) => ({ protocol: "TCP", port })),
            },
            {
                to: [
                    {
                        namespaceSelector: {},
                        podSelector: {
                            matchLabels: { "app.kubernetes.io/name": "xroad-security-server-sidecar" },
                            matchExpressions: [{ key: "role", operator: "In", values: ["secondary", "standalone"] }],
                        },
                    },
                ],
                ports: [5500, 5577].map((port) => ({ protocol: "TCP", port })),
            },
        ]);
        assert.deepEqual(policy.spec.ingress[0].ports.map((p) => p.port), [5500, 5577]);
    });
    it("sizes the proxy heap from the memory limit, leaving room for the local database", () => {
        const heap = (0, java_heap_1.proxyHeap)("4Gi", "full", true);
        const init = sts.spec.template.spec.initContainers.find((c) => c.name === "proxy-heap");
        assert.deepEqual(init.env, [
            { name: "PROXY_XMS", value: `${heap.initialMiB}m` },
            { name: "PROXY_XMX", value: `${heap.maxMiB}m` },
        ]);
        assert.equal(heap.maxMiB, 1728);
        assert.deepEqual(init.resources, container.resources);
    });
});
describe("single pod with an external database (NIIS §2.2)", () => {
    let s;
    let sts;
    let container;
    before(async () => {
        s = await (0, scenarios_1.scenario)("single-external");
        sts = (0, render_1.theObject)(s.rendered.objects, "StatefulSet", "edge");
        container = sts.spec.template.spec.containers[0];
    });
    it("passes host, port and name prefix as plain variables and the password only from the Secret", () => {
        const env = Object.fromEntries(container.env.map((e) => [e.name, e]));
        assert.equal(env.XROAD_DB_HOST.value, "pg.db.example.internal");
        assert.equal(env.XROAD_DB_PORT.value, "6432");
        assert.equal(env.XROAD_DATABASE_NAME.value, "edge");
        assert.deepEqual(env.XROAD_DB_PWD.valueFrom, { secretKeyRef: { name: "edge-variables", key: "XROAD_DB_PWD" } });
        const secret = (0, render_1.theObject)(s.rendered.objects, "Secret", "edge-variables");
        assert.equal(secret.stringData.XROAD_DB_PWD, "configured-db-password-value");
        assert.equal(secret.stringData.XROAD_TOKEN_PIN, "configured-token-pin-1234");
    });
    it("has no database volume, uses the cluster's default class for config, and the instance's own share for archives", () => {
        assert.deepEqual((0, render_1.objectsOfKind)(s.rendered.objects, "PersistentVolumeClaim")
            .map((c) => c.metadata.name)
            .sort(), ["edge-archive", "edge-config"]);
        assert.equal((0, render_1.theObject)(s.rendered.objects, "PersistentVolumeClaim", "edge-config").spec.storageClassName, undefined);
        const archive = (0, render_1.theObject)(s.rendered.objects, "PersistentVolumeClaim", "edge-archive");
        assert.equal(archive.spec.storageClassName, "azurefile-edge");
        assert.deepEqual(archive.spec.accessModes, ["ReadWriteMany"]);
    });
    it("writes the non-postgres superuser into xroad.properties before the first start, only if absent", () => {
        const init = sts.spec.template.spec.initContainers.find((c) => c.name === "database-settings");
        assert.deepEqual(init.env, [{ name: "DB_SUPERUSER", value: "xroadadmin" }]);
        const script = init.command[2];
        assert.match(script, /props=\/etc\/xroad\/xroad\.properties/);
        assert.match(script, /if ! grep -q "\^postgres\.connection\.user" "\$props"; then printf "postgres\.connection\.user = %s\\n" "\$DB_SUPERUSER" >> "\$props"; fi/);
        assert.doesNotMatch(script, /PGSSLMODE/);
        assert.deepEqual(init.volumeMounts, [{ name: "xroad-config", mountPath: "/etc/xroad" }]);
    });
    it("lets the pod reach the database only at its configured CIDRs and port", () => {
        const policy = (0, render_1.theObject)(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
        assert.deepEqual(policy.spec.egress[0], { to: [{ ipBlock: { cidr: "10.30.0.0/24" } }], ports: [{ protocol: "TCP", port: 6432 }] });
    });
    it("sizes a bigger heap for a bigger limit", () => {
        const init = sts.spec.template.spec.initContainers.find((c) => c.name === "proxy-heap");
        const xmx = Number(init.env.find((e) => e.name === "PROXY_XMX").value.replace("m", ""));
        assert.equal(xmx, (0, java_heap_1.proxyHeap)("6Gi", "slim", false).maxMiB);
        assert.ok(xmx > (0, java_heap_1.proxyHeap)("3Gi", "slim", false).maxMiB);
        assert.equal(sts.spec.template.metadata.annotations["xroad-sidecar/proxy-heap"], `XROAD_PROXY_PARAMS=-Xms${(0, java_heap_1.proxyHeap)("6Gi", "slim", false).initialMiB}m -Xmx${xmx}m`);
        assert.deepEqual(container.resources, { requests: { cpu: "2", memory: "6Gi" }, limits: { cpu: "3", memory: "6Gi" } });
    });
});
