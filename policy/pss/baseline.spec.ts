import * as assert from "node:assert/strict";
import * as path from "path";
import { loadManifests } from "../engine/manifests";
import { podTemplate } from "../../kubernetes-model/workloads";
import { podSecurityBaseline } from "../pod-security";
import { PSA_FIXTURES, yamlFiles } from "../testing/fixtures";
import { deployment, k8s, messages } from "../testing/harness";
import { evaluateBaseline } from "./baseline";
import { parsePssVersion } from "./version";

/** Baseline check ids of the kubernetes/pod-security-admission fixtures (file prefix). */
const BASELINE_CHECK_PREFIXES = [
    "apparmorprofile",
    "capabilities_baseline",
    "hostnamespaces",
    "hostpathvolumes",
    "hostports",
    "hostprobesandhostlifecycle",
    "privileged",
    "procmount",
    "seccompprofile_baseline",
    "selinuxoptions",
    "sysctls",
    "windowshostprocess",
];

function load(file: string) {
    const { resources, errors } = loadManifests([file]);
    assert.deepEqual(errors, []);
    assert.equal(resources.length, 1);
    return resources[0];
}

/** The policy's verdict through the engine: violation messages of pod-security-baseline. */
async function verdict(file: string, kubernetesVersion?: string): Promise<string[]> {
    const r = load(file);
    return messages(
        podSecurityBaseline,
        { type: r.type, name: r.name, props: r.props },
        kubernetesVersion ? { config: { kubernetesVersion } } : {},
    );
}

function checkIds(file: string, version = "latest"): string[] {
    const r = load(file);
    const tpl = podTemplate(r.type, r.props)!;
    return evaluateBaseline(tpl.metadata, tpl.spec, parsePssVersion(version)!).map((c) => c.id);
}

describe("pod-security-baseline: the Kubernetes verdict on every PSA fixture", () => {
    for (const dir of ["baseline/pass", "restricted/pass"]) {
        for (const file of yamlFiles(path.join(PSA_FIXTURES, dir))) {
            it(`allows ${dir}/${path.basename(file)}`, async () => assert.deepEqual(await verdict(file), []));
        }
    }
    for (const file of yamlFiles(path.join(PSA_FIXTURES, "baseline/fail"))) {
        const check = path.basename(file, ".yaml").replace(/\d+$/, "");
        it(`forbids baseline/fail/${path.basename(file)}, for its ${check} check`, async () => {
            const found = await verdict(file);
            assert.equal(found.length, 1);
            assert.match(found[0], /^violates PodSecurity "baseline:latest": /);
            const ids = checkIds(file).map((id) => id.toLowerCase());
            assert.ok(ids.includes(check), `${ids.join(", ")} should include ${check}`);
            // The Windows hostProcess fixtures also set hostNetwork, as hostProcess pods must.
            assert.deepEqual(ids, check === "windowshostprocess" ? ["hostnamespaces", check] : [check]);
        });
    }
    // restricted/fail fixtures of baseline checks fail baseline as well (restricted includes baseline).
    for (const file of yamlFiles(path.join(PSA_FIXTURES, "restricted/fail")).filter((f) =>
        BASELINE_CHECK_PREFIXES.includes(path.basename(f, ".yaml").replace(/\d+$/, "")),
    )) {
        it(`forbids restricted/fail/${path.basename(file)} (a baseline check)`, async () => assert.equal((await verdict(file)).length, 1));
    }
    it("allows restricted-only violations that baseline does not cover", async () => {
        const dir = path.join(PSA_FIXTURES, "restricted/fail");
        for (const f of [
            "allowprivilegeescalation0.yaml",
            "runasnonroot0.yaml",
            "runasuser0.yaml",
            "capabilities_restricted0.yaml",
            "restrictedvolumes0.yaml",
            "seccompprofile_restricted0.yaml",
        ]) {
            assert.deepEqual(await verdict(path.join(dir, f)), [], f);
        }
    });

    it("gives the admission controller's reason and detail text", async () => {
        const dir = path.join(PSA_FIXTURES, "baseline/fail");
        assert.deepEqual(await verdict(path.join(dir, "hostnamespaces1.yaml")), [
            'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
        ]);
        assert.deepEqual(await verdict(path.join(dir, "capabilities_baseline0.yaml")), [
            'violates PodSecurity "baseline:latest": non-default capabilities (container "container1" must not include "NET_RAW" in securityContext.capabilities.add)',
        ]);
        assert.deepEqual(await verdict(path.join(dir, "windowshostprocess0.yaml")), [
            'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)',
        ]);
        assert.deepEqual(await verdict(path.join(dir, "hostports2.yaml")), [
            'violates PodSecurity "baseline:latest": hostPort (containers "initcontainer1", "container1" use hostPorts 12345, 12346)',
        ]);
    });
});

describe("pod-security-baseline: version by version", () => {
    const pass = (f: string) => path.join(PSA_FIXTURES, "baseline/pass", f);
    const fail = (f: string) => path.join(PSA_FIXTURES, "baseline/fail", f);

    it("allows the 1.37 sysctls only from v1.37", async () => {
        assert.deepEqual(await verdict(pass("sysctls1.yaml"), "v1.37"), []);
        assert.deepEqual(await verdict(pass("sysctls1.yaml"), "v1.99"), [], "newer versions are clamped to the newest check");
        assert.deepEqual(await verdict(pass("sysctls1.yaml"), "v1.36"), [
            'violates PodSecurity "baseline:v1.36": forbidden sysctls (net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat)',
        ]);
    });

    it("checks probe and lifecycle hosts from v1.34 only", async () => {
        assert.equal((await verdict(fail("hostprobesandhostlifecycle0.yaml"), "v1.34")).length, 1);
        assert.deepEqual(await verdict(fail("hostprobesandhostlifecycle0.yaml"), "v1.33"), []);
    });

    it("allows any procMount in a user namespace (hostUsers: false) from v1.35 only", async () => {
        assert.deepEqual(await verdict(pass("procmount1.yaml"), "v1.35"), []);
        assert.deepEqual(checkIds(pass("procmount1.yaml"), "v1.34"), ["procMount"]);
    });

    it("allows SELinux type container_engine_t from v1.31", () => {
        const spec = { containers: [{ name: "c", securityContext: { seLinuxOptions: { type: "container_engine_t" } } }] };
        assert.deepEqual(evaluateBaseline({}, spec, parsePssVersion("v1.31")!), []);
        assert.deepEqual(
            evaluateBaseline({}, spec, parsePssVersion("v1.30")!).map((r) => r.detail),
            ['container "c" set forbidden securityContext.seLinuxOptions: type "container_engine_t"'],
        );
    });

    it("reads seccomp annotations before v1.19 and the seccompProfile field from v1.19", () => {
        const metadata = { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" } };
        const field = { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [{ name: "c" }] };
        assert.deepEqual(
            evaluateBaseline(metadata, { containers: [{ name: "c" }] }, parsePssVersion("v1.18")!).map((r) => r.id),
            ["seccompProfile_baseline"],
        );
        assert.deepEqual(evaluateBaseline(metadata, { containers: [{ name: "c" }] }, parsePssVersion("v1.19")!), []);
        assert.deepEqual(evaluateBaseline({}, field, parsePssVersion("v1.18")!), []);
        assert.deepEqual(
            evaluateBaseline({}, field, parsePssVersion("v1.19")!).map((r) => r.id),
            ["seccompProfile_baseline"],
        );
    });

    it("allows the 1.27/1.29/1.32 sysctls from their versions", () => {
        const spec = (name: string) => ({ securityContext: { sysctls: [{ name, value: "1" }] }, containers: [{ name: "c" }] });
        for (const [name, minor] of [
            ["net.ipv4.ip_local_reserved_ports", 27],
            ["net.ipv4.tcp_keepalive_time", 29],
            ["net.ipv4.tcp_rmem", 32],
        ] as const) {
            assert.deepEqual(evaluateBaseline({}, spec(name), parsePssVersion(`v1.${minor}`)!), [], name);
            assert.equal(evaluateBaseline({}, spec(name), parsePssVersion(`v1.${minor - 1}`)!).length, 1, name);
        }
    });

    it("visits ephemeral containers too", () => {
        const spec = { containers: [{ name: "c" }], ephemeralContainers: [{ name: "debug", securityContext: { privileged: true } }] };
        assert.deepEqual(
            evaluateBaseline({}, spec, parsePssVersion("latest")!).map((r) => r.detail),
            ['container "debug" must not set securityContext.privileged=true'],
        );
    });

    it("reads pod templates of every workload kind", async () => {
        const bad = { hostPID: true, containers: [{ name: "c" }] };
        const workloads = [
            { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: bad },
            deployment("d", "ns", bad),
            { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "s" }, spec: { template: { spec: bad } } },
            { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { template: { spec: bad } } },
            { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "rs" }, spec: { template: { spec: bad } } },
            { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: bad } } },
            {
                apiVersion: "batch/v1",
                kind: "CronJob",
                metadata: { name: "cj" },
                spec: { jobTemplate: { spec: { template: { spec: bad } } } },
            },
        ];
        for (const w of workloads)
            assert.deepEqual(
                await messages(podSecurityBaseline, k8s(w)),
                ['violates PodSecurity "baseline:latest": host namespaces (hostPID=true)'],
                w.kind,
            );
    });

    it("tolerates partial specs", async () => {
        assert.deepEqual(
            await messages(podSecurityBaseline, k8s({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" } })),
            [],
        );
        assert.deepEqual(await messages(podSecurityBaseline, k8s(deployment("x", "ns", {}))), []);
    });

    it("rejects an unparsable version", () => {
        assert.equal(parsePssVersion("v2.1"), undefined);
        assert.equal(parsePssVersion("1.x"), undefined);
        assert.deepEqual(parsePssVersion("1.30"), { minor: 30, latest: false });
    });
});
