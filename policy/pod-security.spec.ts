import * as assert from "node:assert/strict";
import { SIDECAR_NAMESPACE_PSA, psaLabels } from "./xroad/pod-security";
import { namespacePsaEnforce, podSecurityBaseline, podSecurityBaselineAtNamespaceVersion, workloadNamespacePsa } from "./pod-security";
import { UNKNOWN, deployment, k8s, messages, run } from "./testing/harness";

const ns = (name: string, labels?: Record<string, string>) => k8s({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

describe("k8s-namespace-psa-enforce (guide §6)", () => {
    it("passes the components' labels (enforce baseline, pinned version) and restricted", async () => {
        assert.deepEqual(await messages(namespacePsaEnforce, ns("xroad", psaLabels(SIDECAR_NAMESPACE_PSA))), []);
        assert.deepEqual(
            await messages(
                namespacePsaEnforce,
                ns("x", { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" }),
            ),
            [],
        );
    });
    it("flags a missing label, privileged, an old or invalid pinned version", async () => {
        assert.deepEqual(await messages(namespacePsaEnforce, ns("sidecar")), [
            "namespace sidecar has no pod-security.kubernetes.io/enforce label: Pod Security Admission enforces nothing there; set it to baseline",
        ]);
        assert.deepEqual(await messages(namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "privileged" })), [
            'namespace x enforces "privileged"; at least "baseline" is required',
        ]);
        assert.match(
            (
                await messages(
                    namespacePsaEnforce,
                    ns("x", { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "v1.22" }),
                )
            )[0],
            /older than v1\.25/,
        );
        assert.match(
            (
                await messages(
                    namespacePsaEnforce,
                    ns("x", { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "1.30" }),
                )
            )[0],
            /cannot parse/,
        );
    });
    it("follows config: minimumLevel restricted, exempt system namespaces; also checks NamespacePatch", async () => {
        assert.equal(
            (
                await messages(namespacePsaEnforce, ns("x", { "pod-security.kubernetes.io/enforce": "baseline" }), {
                    config: { minimumLevel: "restricted" },
                })
            ).length,
            1,
        );
        assert.deepEqual(await messages(namespacePsaEnforce, ns("kube-system")), []);
        assert.equal(
            (await messages(namespacePsaEnforce, { type: "kubernetes:core/v1:NamespacePatch", props: { metadata: { name: "existing" } } }))
                .length,
            1,
        );
    });
    it("cannot run when the labels are unknown at preview", async () => {
        const { violations } = await run(namespacePsaEnforce, {
            type: "kubernetes:core/v1:Namespace",
            props: { metadata: { name: "x", labels: UNKNOWN.object } },
        });
        assert.equal(violations[0].unknownAtPreview, true);
    });
});

describe("k8s-workload-namespace-psa (guide §6)", () => {
    const w = k8s(deployment("ss", "xroad", { containers: [{ name: "c" }] }));
    it("passes workloads whose namespace is declared", async () =>
        assert.deepEqual(await messages(workloadNamespacePsa, [ns("xroad"), w]), []));
    it("flags workloads in undeclared namespaces, advisory by default", async () => {
        const { violations } = await run(workloadNamespacePsa, [w]);
        assert.deepEqual(
            violations.map((v) => [v.level, v.message]),
            [
                [
                    "advisory",
                    "Deployment xroad/ss runs in namespace xroad, which is not declared here: its Pod Security Admission level cannot be verified",
                ],
            ],
        );
    });
});

describe("pod-security-baseline on the Sidecar's own pod (guide §6)", () => {
    it("passes root with NET_RAW dropped (the image needs root: baseline, not restricted)", async () => {
        const sidecar = deployment("ss", "x", {
            containers: [{ name: "ss", securityContext: { capabilities: { drop: ["NET_RAW"] }, privileged: false } }],
            securityContext: { fsGroup: 999, sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] },
        });
        assert.deepEqual(await messages(podSecurityBaseline, k8s(sidecar)), []);
    });
    it("uses the configured kubernetesVersion in its message", async () => {
        const priv = deployment("ss", "x", { containers: [{ name: "ss", securityContext: { privileged: true } }] });
        assert.deepEqual(await messages(podSecurityBaseline, k8s(priv), { config: { kubernetesVersion: "v1.33" } }), [
            'violates PodSecurity "baseline:v1.33": privileged (container "ss" must not set securityContext.privileged=true)',
        ]);
    });
});

describe("pod-security-baseline-at-namespace-version (guide §6)", () => {
    const newSysctl = deployment("ss", "xroad", {
        securityContext: { sysctls: [{ name: "net.ipv4.tcp_slow_start_after_idle", value: "0" }] },
        containers: [{ name: "c" }],
    });
    const pinned = (version?: string, enforce = "baseline") =>
        ns("xroad", {
            "pod-security.kubernetes.io/enforce": enforce,
            ...(version ? { "pod-security.kubernetes.io/enforce-version": version } : {}),
        });

    it("passes pods that meet baseline at the namespace's pinned version; leaves unpinned namespaces to pod-security-baseline", async () => {
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [pinned("v1.37"), k8s(newSysctl)]), []);
        const hostPid = k8s(deployment("ss", "xroad", { hostPID: true, containers: [{ name: "c" }] }));
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [pinned(), hostPid]), []);
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [pinned("latest"), hostPid]), []);
        assert.equal((await messages(podSecurityBaselineAtNamespaceVersion, [pinned("v1.33"), hostPid])).length, 1);
        assert.deepEqual(
            await messages(podSecurityBaselineAtNamespaceVersion, [
                ns("xroad", psaLabels(SIDECAR_NAMESPACE_PSA)),
                k8s(deployment("ss", "xroad", { containers: [{ name: "c" }] })),
            ]),
            [],
        );
    });
    it("flags pods the pinned version rejects although latest allows them, while pod-security-baseline at latest passes them", async () => {
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [pinned("v1.33"), k8s(newSysctl)]), [
            "Deployment xroad/ss: its pods would be rejected by namespace xroad (enforce=baseline:v1.33): forbidden sysctls (net.ipv4.tcp_slow_start_after_idle)",
        ]);
        assert.deepEqual(await messages(podSecurityBaseline, k8s(newSysctl)), []);
    });
    it("ignores namespaces that enforce nothing or privileged (k8s-namespace-psa-enforce reports those) and undeclared ones", async () => {
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [pinned("v1.33", "privileged"), k8s(newSysctl)]), []);
        assert.deepEqual(await messages(podSecurityBaselineAtNamespaceVersion, [k8s(newSysctl)]), []);
    });
});
