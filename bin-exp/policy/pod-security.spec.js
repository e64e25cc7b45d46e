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
const pod_security_1 = require("./xroad/pod-security");
const pod_security_2 = require("./pod-security");
const harness_1 = require("./testing/harness");
const ns = (name, labels) => (0, harness_1.k8s)({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
describe("k8s-namespace-psa-enforce (guide §6)", () => {
    it("passes the components' labels (enforce baseline, pinned version) and restricted", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("xroad", (0, pod_security_1.psaLabels)(pod_security_1.SIDECAR_NAMESPACE_PSA))), []);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" })), []);
    });
    it("flags a missing label, privileged, an old or invalid pinned version", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("sidecar")), [
            "namespace sidecar has no pod-security.kubernetes.io/enforce label: Pod Security Admission enforces nothing there; set it to baseline",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "privileged" })), [
            'namespace x enforces "privileged"; at least "baseline" is required',
        ]);
        assert.match((await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "v1.22" })))[0], /older than v1\.25/);
        assert.match((await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "1.30" })))[0], /cannot parse/);
    });
    it("follows config: minimumLevel restricted, exempt system namespaces; also checks NamespacePatch", async () => {
        assert.equal((await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "baseline" }), {
            config: { minimumLevel: "restricted" },
        })).length, 1);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, ns("kube-system")), []);
        assert.equal((await (0, harness_1.messages)(pod_security_2.namespacePsaEnforce, { type: "kubernetes:core/v1:NamespacePatch", props: { metadata: { name: "existing" } } }))
            .length, 1);
    });
    it("cannot run when the labels are unknown at preview", async () => {
        const { violations } = await (0, harness_1.run)(pod_security_2.namespacePsaEnforce, {
            type: "kubernetes:core/v1:Namespace",
            props: { metadata: { name: "x", labels: harness_1.UNKNOWN.object } },
        });
        assert.equal(violations[0].unknownAtPreview, true);
    });
});
describe("k8s-workload-namespace-psa (guide §6)", () => {
    const w = (0, harness_1.k8s)((0, harness_1.deployment)("ss", "xroad", { containers: [{ name: "c" }] }));
    it("passes workloads whose namespace is declared", async () => assert.deepEqual(await (0, harness_1.messages)(pod_security_2.workloadNamespacePsa, [ns("xroad"), w]), []));
    it("flags workloads in undeclared namespaces, advisory by default", async () => {
        const { violations } = await (0, harness_1.run)(pod_security_2.workloadNamespacePsa, [w]);
        assert.deepEqual(violations.map((v) => [v.level, v.message]), [
            [
                "advisory",
                "Deployment xroad/ss runs in namespace xroad, which is not declared here: its Pod Security Admission level cannot be verified",
            ],
        ]);
    });
});
describe("pod-security-baseline on the Sidecar's own pod (guide §6)", () => {
    it("passes root with NET_RAW dropped (the image needs root: baseline, not restricted)", async () => {
        const sidecar = (0, harness_1.deployment)("ss", "x", {
            containers: [{ name: "ss", securityContext: { capabilities: { drop: ["NET_RAW"] }, privileged: false } }],
            securityContext: { fsGroup: 999, sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] },
        });
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaseline, (0, harness_1.k8s)(sidecar)), []);
    });
    it("uses the configured kubernetesVersion in its message", async () => {
        const priv = (0, harness_1.deployment)("ss", "x", { containers: [{ name: "ss", securityContext: { privileged: true } }] });
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaseline, (0, harness_1.k8s)(priv), { config: { kubernetesVersion: "v1.33" } }), [
            'violates PodSecurity "baseline:v1.33": privileged (container "ss" must not set securityContext.privileged=true)',
        ]);
    });
});
describe("pod-security-baseline-at-namespace-version (guide §6)", () => {
    const newSysctl = (0, harness_1.deployment)("ss", "xroad", {
        securityContext: { sysctls: [{ name: "net.ipv4.tcp_slow_start_after_idle", value: "0" }] },
        containers: [{ name: "c" }],
    });
    const pinned = (version, enforce = "baseline") => ns("xroad", {
        "pod-security.kubernetes.io/enforce": enforce,
        ...(version ? { "pod-security.kubernetes.io/enforce-version": version } : {}),
    });
    it("passes pods that meet baseline at the namespace's pinned version; leaves unpinned namespaces to pod-security-baseline", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned("v1.37"), (0, harness_1.k8s)(newSysctl)]), []);
        const hostPid = (0, harness_1.k8s)((0, harness_1.deployment)("ss", "xroad", { hostPID: true, containers: [{ name: "c" }] }));
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned(), hostPid]), []);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned("latest"), hostPid]), []);
        assert.equal((await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned("v1.33"), hostPid])).length, 1);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [
            ns("xroad", (0, pod_security_1.psaLabels)(pod_security_1.SIDECAR_NAMESPACE_PSA)),
            (0, harness_1.k8s)((0, harness_1.deployment)("ss", "xroad", { containers: [{ name: "c" }] })),
        ]), []);
    });
    it("flags pods the pinned version rejects although latest allows them, while pod-security-baseline at latest passes them", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned("v1.33"), (0, harness_1.k8s)(newSysctl)]), [
            "Deployment xroad/ss: its pods would be rejected by namespace xroad (enforce=baseline:v1.33): forbidden sysctls (net.ipv4.tcp_slow_start_after_idle)",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaseline, (0, harness_1.k8s)(newSysctl)), []);
    });
    it("ignores namespaces that enforce nothing or privileged (k8s-namespace-psa-enforce reports those) and undeclared ones", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [pinned("v1.33", "privileged"), (0, harness_1.k8s)(newSysctl)]), []);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_2.podSecurityBaselineAtNamespaceVersion, [(0, harness_1.k8s)(newSysctl)]), []);
    });
});
