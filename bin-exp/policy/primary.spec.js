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
const run_1 = require("../plan/run");
const self_check_1 = require("../plan/self-check");
const stack_file_1 = require("../plan/stack-file");
const labels_1 = require("./xroad/labels");
const evaluate_1 = require("./engine/evaluate");
const workloads_1 = require("./kubernetes/workloads");
const primary_1 = require("./primary");
const harness_1 = require("./testing/harness");
const POD_SPEC = { containers: [{ name: "security-server", image: "niis/xroad-security-server-sidecar:7.6.2-slim-primary" }] };
/** A workload of `kind` whose pods carry role=`role`; `spec` is merged over the generated spec. */
function workload(kind, role, spec = {}, name = "ss-primary") {
    const labels = { [labels_1.ROLE_LABEL]: role, app: "xroad" };
    const template = { metadata: { labels }, spec: POD_SPEC };
    const apiVersion = kind === "Job" || kind === "CronJob" ? "batch/v1" : kind === "Pod" || kind === "ReplicationController" ? "v1" : "apps/v1";
    const base = kind === "Pod"
        ? { metadata: { name, namespace: "xroad", labels }, spec: POD_SPEC }
        : kind === "CronJob"
            ? { metadata: { name, namespace: "xroad" }, spec: { schedule: "@daily", jobTemplate: { spec: { template } }, ...spec } }
            : { metadata: { name, namespace: "xroad" }, spec: { selector: { matchLabels: labels }, template, ...spec } };
    return (0, harness_1.k8s)({ apiVersion, kind, ...base });
}
describe("xroad-primary-single-instance (guide §10)", () => {
    it("passes a StatefulSet of one (or replicas unset, or scaled to zero), a Recreate Deployment of one, a ReplicaSet of one and a bare Pod", async () => {
        for (const role of [labels_1.ROLE_PRIMARY, labels_1.ROLE_STANDALONE]) {
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("StatefulSet", role, { replicas: 1, serviceName: "ss" })), []);
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("StatefulSet", role)), []);
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("StatefulSet", role, { replicas: 0 })), []);
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("Deployment", role, { replicas: 1, strategy: { type: "Recreate" } })), []);
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("Deployment", role, { strategy: { type: "Recreate" } })), []);
            // A ReplicaSet has no update strategy: it never replaces its pods on a template change.
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("ReplicaSet", role, { replicas: 1 })), []);
            assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("Pod", role)), []);
        }
    });
    it("flags a Deployment on the default RollingUpdate strategy, as the official load_balancer_setup.yaml", async () => {
        const { violations } = await (0, harness_1.run)(primary_1.primarySingleInstance, workload("Deployment", labels_1.ROLE_PRIMARY, { replicas: 1 }));
        assert.deepEqual(violations.map((v) => [v.level, v.urn, v.message]), [
            [
                "mandatory",
                (0, harness_1.toEngine)(workload("Deployment", labels_1.ROLE_PRIMARY)).urn,
                "Deployment xroad/ss-primary runs the role=primary Security Server with update strategy RollingUpdate (the default): a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet",
            ],
        ]);
    });
    it("flags an explicit RollingUpdate, even with maxSurge 0 (it does not wait for the old pod to stop)", async () => {
        const explicit = workload("Deployment", labels_1.ROLE_STANDALONE, {
            replicas: 1,
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
        });
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, explicit), [
            "Deployment xroad/ss-primary runs the role=standalone Security Server with update strategy RollingUpdate: a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet",
        ]);
    });
    it("flags more than one replica: StatefulSet, Recreate Deployment, ReplicaSet", async () => {
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("StatefulSet", labels_1.ROLE_PRIMARY, { replicas: 2 })), [
            "StatefulSet xroad/ss-primary runs the role=primary Security Server with 2 replicas; it must run as one pod (replicas: 1)",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("Deployment", labels_1.ROLE_PRIMARY, { replicas: 3, strategy: { type: "Recreate" } })), ["Deployment xroad/ss-primary runs the role=primary Security Server with 3 replicas; it must run as one pod (replicas: 1)"]);
        assert.equal((await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("ReplicaSet", labels_1.ROLE_PRIMARY, { replicas: 2 }))).length, 1);
    });
    it("flags a DaemonSet, a Job and a CronJob running the primary", async () => {
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("DaemonSet", labels_1.ROLE_PRIMARY)), [
            "DaemonSet xroad/ss-primary runs the role=primary Security Server on every node; it must run as one pod: use a StatefulSet with replicas: 1",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("Job", labels_1.ROLE_PRIMARY)), [
            "Job xroad/ss-primary runs the role=primary Security Server as a Job, whose runs can overlap or finish; it must run as one long-lived pod: use a StatefulSet with replicas: 1",
        ]);
        assert.equal((await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("CronJob", labels_1.ROLE_STANDALONE))).length, 1);
    });
    it("flags an HPA that scales the primary above one replica, matched by scaleTargetRef or by dependency", async () => {
        const sts = workload("StatefulSet", labels_1.ROLE_PRIMARY, { replicas: 1 });
        const hpa = (maxReplicas, ref, extra = {}) => ({
            ...(0, harness_1.k8s)({
                apiVersion: "autoscaling/v2",
                kind: "HorizontalPodAutoscaler",
                metadata: { name: "hpa", namespace: "xroad" },
                spec: { scaleTargetRef: { apiVersion: "apps/v1", ...ref }, minReplicas: 1, maxReplicas },
            }),
            ...extra,
        });
        const { violations } = await (0, harness_1.run)(primary_1.primarySingleInstance, [sts, hpa(3, { kind: "StatefulSet", name: "ss-primary" })]);
        assert.deepEqual(violations.map((v) => [v.urn, v.message]), [
            [
                (0, harness_1.toEngine)(hpa(3, {})).urn,
                "HorizontalPodAutoscaler xroad/hpa scales StatefulSet xroad/ss-primary, which runs the role=primary Security Server, up to 3 replicas; it must run as one pod",
            ],
        ]);
        // The name is an output unknown at plan time: the dependency of the HPA's spec links it.
        assert.equal((await (0, harness_1.messages)(primary_1.primarySingleInstance, [
            sts,
            hpa(2, { kind: "StatefulSet", name: "computed" }, { propDeps: { spec: [(0, harness_1.toEngine)(sts).urn] } }),
        ])).length, 1);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, [sts, hpa(1, { kind: "StatefulSet", name: "ss-primary" })]), []);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, [sts, hpa(5, { kind: "Deployment", name: "ss-primary" })]), []);
    });
    it("does not apply to the secondaries, the archiver or unlabelled workloads", async () => {
        const secondaries = workload("Deployment", labels_1.ROLE_SECONDARY, { replicas: 4 }, "ss-secondary");
        const hpa = (0, harness_1.k8s)({
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            metadata: { name: "hpa", namespace: "xroad" },
            spec: { scaleTargetRef: { kind: "Deployment", name: "ss-secondary" }, maxReplicas: 8 },
        });
        const other = (0, harness_1.k8s)({
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            metadata: { name: "agent", namespace: "xroad" },
            spec: { template: { metadata: { labels: { app: "agent" } }, spec: POD_SPEC } },
        });
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, [secondaries, hpa, workload("CronJob", labels_1.ROLE_ARCHIVER, {}, "archiver"), other]), []);
    });
    it("follows singleInstanceLabels, ignoring an empty entry (which would match every pod)", async () => {
        const custom = (0, harness_1.k8s)({
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            metadata: { name: "p", namespace: "x" },
            spec: { template: { metadata: { labels: { tier: "xroad-primary" } }, spec: POD_SPEC } },
        });
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, custom, { config: { singleInstanceLabels: [{ tier: "xroad-primary" }] } }), [
            "DaemonSet x/p runs the tier=xroad-primary Security Server on every node; it must run as one pod: use a StatefulSet with replicas: 1",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, workload("DaemonSet", labels_1.ROLE_SECONDARY), { config: { singleInstanceLabels: [{}] } }), []);
    });
    it("tolerates partial props, and an unknown replica count makes it advisory 'can't run during preview'", async () => {
        const partial = [
            { type: "kubernetes:apps/v1:Deployment", name: "a", props: {} },
            { type: "kubernetes:apps/v1:StatefulSet", name: "b", props: { metadata: null, spec: null } },
            { type: "kubernetes:apps/v1:Deployment", name: "c", props: { spec: { template: { metadata: { labels: null }, spec: {} } } } },
            { type: "kubernetes:core/v1:Pod", name: "d", props: { metadata: { labels: { [labels_1.ROLE_LABEL]: labels_1.ROLE_PRIMARY } } } },
            { type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", name: "e", props: { spec: null } },
        ];
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primarySingleInstance, partial), []);
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primaryManagedByController, partial), []);
        const { violations } = await (0, harness_1.run)(primary_1.primarySingleInstance, workload("StatefulSet", labels_1.ROLE_PRIMARY, { replicas: harness_1.UNKNOWN.number }));
        assert.deepEqual(violations.map((v) => [v.level, v.unknownAtPreview]), [["advisory", true]]);
    });
});
describe("xroad-primary-managed-by-controller (guide §10)", () => {
    it("advises against a bare Pod running the primary or the single pod, as the NIIS user guide §4.5.6", async () => {
        const { violations } = await (0, harness_1.run)(primary_1.primaryManagedByController, workload("Pod", labels_1.ROLE_PRIMARY));
        assert.deepEqual(violations.map((v) => [v.level, v.message]), [
            [
                "advisory",
                "bare Pod runs the role=primary Security Server: it is not recreated when its node fails; use a StatefulSet with replicas: 1",
            ],
        ]);
        assert.equal((await (0, harness_1.messages)(primary_1.primaryManagedByController, workload("Pod", labels_1.ROLE_STANDALONE))).length, 1);
    });
    it("passes controllers and bare Pods of other roles", async () => {
        assert.deepEqual(await (0, harness_1.messages)(primary_1.primaryManagedByController, [
            workload("StatefulSet", labels_1.ROLE_PRIMARY),
            workload("Pod", labels_1.ROLE_SECONDARY),
            workload("Pod", labels_1.ROLE_ARCHIVER),
        ]), []);
    });
});
describe("xroad-primary-single-instance on the components' own plans", function () {
    this.timeout(120000);
    const projectDir = path.resolve(__dirname, "..");
    for (const [stack, role] of [
        ["dev", labels_1.ROLE_STANDALONE],
        ["existing", labels_1.ROLE_PRIMARY],
    ]) {
        it(`${stack}: the ${role} is a StatefulSet of one, and a second replica would be caught`, async () => {
            const resources = (0, self_check_1.engineResources)((await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack))).resources);
            const servers = resources.filter((r) => r.type === "kubernetes:apps/v1:StatefulSet" && (0, workloads_1.podLabels)(r.type, r.props)[labels_1.ROLE_LABEL] === role);
            assert.equal(servers.length, 1, `one ${role} StatefulSet in ${stack}`);
            const policies = [primary_1.primarySingleInstance, primary_1.primaryManagedByController];
            assert.deepEqual((await (0, evaluate_1.evaluate)(policies, resources)).violations, []);
            const scaled = resources.map((r) => r === servers[0] ? { ...r, props: { ...r.props, spec: { ...r.props.spec, replicas: 2 } } } : r);
            assert.deepEqual((await (0, evaluate_1.evaluate)(policies, scaled)).violations.map((v) => [v.policy, v.urn]), [["xroad-primary-single-instance", servers[0].urn]]);
        });
    }
});
