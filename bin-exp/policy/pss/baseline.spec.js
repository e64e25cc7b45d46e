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
const path = __importStar(require("path"));
const manifests_1 = require("../engine/manifests");
const workloads_1 = require("../kubernetes/workloads");
const pod_security_1 = require("../pod-security");
const fixtures_1 = require("../testing/fixtures");
const harness_1 = require("../testing/harness");
const baseline_1 = require("./baseline");
const version_1 = require("./version");
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
function load(file) {
    const { resources, errors } = (0, manifests_1.loadManifests)([file]);
    assert.deepEqual(errors, []);
    assert.equal(resources.length, 1);
    return resources[0];
}
/** The policy's verdict through the engine: violation messages of pod-security-baseline. */
async function verdict(file, kubernetesVersion) {
    const r = load(file);
    return (0, harness_1.messages)(pod_security_1.podSecurityBaseline, { type: r.type, name: r.name, props: r.props }, kubernetesVersion ? { config: { kubernetesVersion } } : {});
}
function checkIds(file, version = "latest") {
    const r = load(file);
    const tpl = (0, workloads_1.podTemplate)(r.type, r.props);
    return (0, baseline_1.evaluateBaseline)(tpl.metadata, tpl.spec, (0, version_1.parsePssVersion)(version)).map((c) => c.id);
}
describe("pod-security-baseline: the Kubernetes verdict on every PSA fixture", () => {
    for (const dir of ["baseline/pass", "restricted/pass"]) {
        for (const file of (0, fixtures_1.yamlFiles)(path.join(fixtures_1.PSA_FIXTURES, dir))) {
            it(`allows ${dir}/${path.basename(file)}`, async () => assert.deepEqual(await verdict(file), []));
        }
    }
    for (const file of (0, fixtures_1.yamlFiles)(path.join(fixtures_1.PSA_FIXTURES, "baseline/fail"))) {
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
    for (const file of (0, fixtures_1.yamlFiles)(path.join(fixtures_1.PSA_FIXTURES, "restricted/fail")).filter((f) => BASELINE_CHECK_PREFIXES.includes(path.basename(f, ".yaml").replace(/\d+$/, "")))) {
        it(`forbids restricted/fail/${path.basename(file)} (a baseline check)`, async () => assert.equal((await verdict(file)).length, 1));
    }
    it("allows restricted-only violations that baseline does not cover", async () => {
        const dir = path.join(fixtures_1.PSA_FIXTURES, "restricted/fail");
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
        const dir = path.join(fixtures_1.PSA_FIXTURES, "baseline/fail");
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
    const pass = (f) => path.join(fixtures_1.PSA_FIXTURES, "baseline/pass", f);
    const fail = (f) => path.join(fixtures_1.PSA_FIXTURES, "baseline/fail", f);
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
        assert.deepEqual((0, baseline_1.evaluateBaseline)({}, spec, (0, version_1.parsePssVersion)("v1.31")), []);
        assert.deepEqual((0, baseline_1.evaluateBaseline)({}, spec, (0, version_1.parsePssVersion)("v1.30")).map((r) => r.detail), ['container "c" set forbidden securityContext.seLinuxOptions: type "container_engine_t"']);
    });
    it("reads seccomp annotations before v1.19 and the seccompProfile field from v1.19", () => {
        const metadata = { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" } };
        const field = { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [{ name: "c" }] };
        assert.deepEqual((0, baseline_1.evaluateBaseline)(metadata, { containers: [{ name: "c" }] }, (0, version_1.parsePssVersion)("v1.18")).map((r) => r.id), ["seccompProfile_baseline"]);
        assert.deepEqual((0, baseline_1.evaluateBaseline)(metadata, { containers: [{ name: "c" }] }, (0, version_1.parsePssVersion)("v1.19")), []);
        assert.deepEqual((0, baseline_1.evaluateBaseline)({}, field, (0, version_1.parsePssVersion)("v1.18")), []);
        assert.deepEqual((0, baseline_1.evaluateBaseline)({}, field, (0, version_1.parsePssVersion)("v1.19")).map((r) => r.id), ["seccompProfile_baseline"]);
    });
    it("allows the 1.27/1.29/1.32 sysctls from their versions", () => {
        const spec = (name) => ({ securityContext: { sysctls: [{ name, value: "1" }] }, containers: [{ name: "c" }] });
        for (const [name, minor] of [
            ["net.ipv4.ip_local_reserved_ports", 27],
            ["net.ipv4.tcp_keepalive_time", 29],
            ["net.ipv4.tcp_rmem", 32],
        ]) {
            assert.deepEqual((0, baseline_1.evaluateBaseline)({}, spec(name), (0, version_1.parsePssVersion)(`v1.${minor}`)), [], name);
            assert.equal((0, baseline_1.evaluateBaseline)({}, spec(name), (0, version_1.parsePssVersion)(`v1.${minor - 1}`)).length, 1, name);
        }
    });
    it("visits ephemeral containers too", () => {
        const spec = { containers: [{ name: "c" }], ephemeralContainers: [{ name: "debug", securityContext: { privileged: true } }] };
        assert.deepEqual((0, baseline_1.evaluateBaseline)({}, spec, (0, version_1.parsePssVersion)("latest")).map((r) => r.detail), ['container "debug" must not set securityContext.privileged=true']);
    });
    it("reads pod templates of every workload kind", async () => {
        const bad = { hostPID: true, containers: [{ name: "c" }] };
        const workloads = [
            { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: bad },
            (0, harness_1.deployment)("d", "ns", bad),
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
            assert.deepEqual(await (0, harness_1.messages)(pod_security_1.podSecurityBaseline, (0, harness_1.k8s)(w)), ['violates PodSecurity "baseline:latest": host namespaces (hostPID=true)'], w.kind);
    });
    it("tolerates partial specs", async () => {
        assert.deepEqual(await (0, harness_1.messages)(pod_security_1.podSecurityBaseline, (0, harness_1.k8s)({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" } })), []);
        assert.deepEqual(await (0, harness_1.messages)(pod_security_1.podSecurityBaseline, (0, harness_1.k8s)((0, harness_1.deployment)("x", "ns", {}))), []);
    });
    it("rejects an unparsable version", () => {
        assert.equal((0, version_1.parsePssVersion)("v2.1"), undefined);
        assert.equal((0, version_1.parsePssVersion)("1.x"), undefined);
        assert.deepEqual((0, version_1.parsePssVersion)("1.30"), { minor: 30, latest: false });
    });
});
