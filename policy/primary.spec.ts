import * as assert from "node:assert/strict";
import * as path from "path";
import { planStack } from "../plan/run";
import { engineResources } from "../plan/self-check";
import { readStackFile } from "../plan/stack-file";
import { ROLE_ARCHIVER, ROLE_LABEL, ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE } from "./xroad/labels";
import { evaluate } from "./engine/evaluate";
import { podLabels } from "../kubernetes-model/workloads";
import { primaryManagedByController, primarySingleInstance } from "./primary";
import { FakeResource, UNKNOWN, k8s, messages, run, toEngine } from "./testing/harness";

const POD_SPEC = { containers: [{ name: "security-server", image: "niis/xroad-security-server-sidecar:7.6.2-slim-primary" }] };

/** A workload of `kind` whose pods carry role=`role`; `spec` is merged over the generated spec. */
function workload(kind: string, role: string, spec: Record<string, unknown> = {}, name = "ss-primary"): FakeResource {
    const labels = { [ROLE_LABEL]: role, app: "xroad" };
    const template = { metadata: { labels }, spec: POD_SPEC };
    const apiVersion =
        kind === "Job" || kind === "CronJob" ? "batch/v1" : kind === "Pod" || kind === "ReplicationController" ? "v1" : "apps/v1";
    const base =
        kind === "Pod"
            ? { metadata: { name, namespace: "xroad", labels }, spec: POD_SPEC }
            : kind === "CronJob"
              ? { metadata: { name, namespace: "xroad" }, spec: { schedule: "@daily", jobTemplate: { spec: { template } }, ...spec } }
              : { metadata: { name, namespace: "xroad" }, spec: { selector: { matchLabels: labels }, template, ...spec } };
    return k8s({ apiVersion, kind, ...base });
}

describe("xroad-primary-single-instance (guide §10)", () => {
    it("passes a StatefulSet of one (or replicas unset, or scaled to zero), a Recreate Deployment of one, a ReplicaSet of one and a bare Pod", async () => {
        for (const role of [ROLE_PRIMARY, ROLE_STANDALONE]) {
            assert.deepEqual(await messages(primarySingleInstance, workload("StatefulSet", role, { replicas: 1, serviceName: "ss" })), []);
            assert.deepEqual(await messages(primarySingleInstance, workload("StatefulSet", role)), []);
            assert.deepEqual(await messages(primarySingleInstance, workload("StatefulSet", role, { replicas: 0 })), []);
            assert.deepEqual(
                await messages(primarySingleInstance, workload("Deployment", role, { replicas: 1, strategy: { type: "Recreate" } })),
                [],
            );
            assert.deepEqual(await messages(primarySingleInstance, workload("Deployment", role, { strategy: { type: "Recreate" } })), []);
            // A ReplicaSet has no update strategy: it never replaces its pods on a template change.
            assert.deepEqual(await messages(primarySingleInstance, workload("ReplicaSet", role, { replicas: 1 })), []);
            assert.deepEqual(await messages(primarySingleInstance, workload("Pod", role)), []);
        }
    });

    it("flags a Deployment on the default RollingUpdate strategy, as the official load_balancer_setup.yaml", async () => {
        const { violations } = await run(primarySingleInstance, workload("Deployment", ROLE_PRIMARY, { replicas: 1 }));
        assert.deepEqual(
            violations.map((v) => [v.level, v.urn, v.message]),
            [
                [
                    "mandatory",
                    toEngine(workload("Deployment", ROLE_PRIMARY)).urn,
                    "Deployment xroad/ss-primary runs the role=primary Security Server with update strategy RollingUpdate (the default): a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet",
                ],
            ],
        );
    });

    it("flags an explicit RollingUpdate, even with maxSurge 0 (it does not wait for the old pod to stop)", async () => {
        const explicit = workload("Deployment", ROLE_STANDALONE, {
            replicas: 1,
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
        });
        assert.deepEqual(await messages(primarySingleInstance, explicit), [
            "Deployment xroad/ss-primary runs the role=standalone Security Server with update strategy RollingUpdate: a rollout starts the new pod before the old one stops, so two primaries run and the ReadWriteOnce volume fails to attach (Multi-Attach); set strategy.type Recreate or use a StatefulSet",
        ]);
    });

    it("flags more than one replica: StatefulSet, Recreate Deployment, ReplicaSet", async () => {
        assert.deepEqual(await messages(primarySingleInstance, workload("StatefulSet", ROLE_PRIMARY, { replicas: 2 })), [
            "StatefulSet xroad/ss-primary runs the role=primary Security Server with 2 replicas; it must run as one pod (replicas: 1)",
        ]);
        assert.deepEqual(
            await messages(primarySingleInstance, workload("Deployment", ROLE_PRIMARY, { replicas: 3, strategy: { type: "Recreate" } })),
            ["Deployment xroad/ss-primary runs the role=primary Security Server with 3 replicas; it must run as one pod (replicas: 1)"],
        );
        assert.equal((await messages(primarySingleInstance, workload("ReplicaSet", ROLE_PRIMARY, { replicas: 2 }))).length, 1);
    });

    it("flags a DaemonSet, a Job and a CronJob running the primary", async () => {
        assert.deepEqual(await messages(primarySingleInstance, workload("DaemonSet", ROLE_PRIMARY)), [
            "DaemonSet xroad/ss-primary runs the role=primary Security Server on every node; it must run as one pod: use a StatefulSet with replicas: 1",
        ]);
        assert.deepEqual(await messages(primarySingleInstance, workload("Job", ROLE_PRIMARY)), [
            "Job xroad/ss-primary runs the role=primary Security Server as a Job, whose runs can overlap or finish; it must run as one long-lived pod: use a StatefulSet with replicas: 1",
        ]);
        assert.equal((await messages(primarySingleInstance, workload("CronJob", ROLE_STANDALONE))).length, 1);
    });

    it("flags an HPA that scales the primary above one replica, matched by scaleTargetRef or by dependency", async () => {
        const sts = workload("StatefulSet", ROLE_PRIMARY, { replicas: 1 });
        const hpa = (maxReplicas: number, ref: Record<string, unknown>, extra: Partial<FakeResource> = {}): FakeResource => ({
            ...k8s({
                apiVersion: "autoscaling/v2",
                kind: "HorizontalPodAutoscaler",
                metadata: { name: "hpa", namespace: "xroad" },
                spec: { scaleTargetRef: { apiVersion: "apps/v1", ...ref }, minReplicas: 1, maxReplicas },
            }),
            ...extra,
        });
        const { violations } = await run(primarySingleInstance, [sts, hpa(3, { kind: "StatefulSet", name: "ss-primary" })]);
        assert.deepEqual(
            violations.map((v) => [v.urn, v.message]),
            [
                [
                    toEngine(hpa(3, {})).urn,
                    "HorizontalPodAutoscaler xroad/hpa scales StatefulSet xroad/ss-primary, which runs the role=primary Security Server, up to 3 replicas; it must run as one pod",
                ],
            ],
        );
        // The name is an output unknown at plan time: the dependency of the HPA's spec links it.
        assert.equal(
            (
                await messages(primarySingleInstance, [
                    sts,
                    hpa(2, { kind: "StatefulSet", name: "computed" }, { propDeps: { spec: [toEngine(sts).urn] } }),
                ])
            ).length,
            1,
        );
        assert.deepEqual(await messages(primarySingleInstance, [sts, hpa(1, { kind: "StatefulSet", name: "ss-primary" })]), []);
        assert.deepEqual(await messages(primarySingleInstance, [sts, hpa(5, { kind: "Deployment", name: "ss-primary" })]), []);
    });

    it("does not apply to the secondaries, the archiver or unlabelled workloads", async () => {
        const secondaries = workload("Deployment", ROLE_SECONDARY, { replicas: 4 }, "ss-secondary");
        const hpa = k8s({
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            metadata: { name: "hpa", namespace: "xroad" },
            spec: { scaleTargetRef: { kind: "Deployment", name: "ss-secondary" }, maxReplicas: 8 },
        });
        const other = k8s({
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            metadata: { name: "agent", namespace: "xroad" },
            spec: { template: { metadata: { labels: { app: "agent" } }, spec: POD_SPEC } },
        });
        assert.deepEqual(
            await messages(primarySingleInstance, [secondaries, hpa, workload("CronJob", ROLE_ARCHIVER, {}, "archiver"), other]),
            [],
        );
    });

    it("follows singleInstanceLabels, ignoring an empty entry (which would match every pod)", async () => {
        const custom = k8s({
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            metadata: { name: "p", namespace: "x" },
            spec: { template: { metadata: { labels: { tier: "xroad-primary" } }, spec: POD_SPEC } },
        });
        assert.deepEqual(await messages(primarySingleInstance, custom, { config: { singleInstanceLabels: [{ tier: "xroad-primary" }] } }), [
            "DaemonSet x/p runs the tier=xroad-primary Security Server on every node; it must run as one pod: use a StatefulSet with replicas: 1",
        ]);
        assert.deepEqual(
            await messages(primarySingleInstance, workload("DaemonSet", ROLE_SECONDARY), { config: { singleInstanceLabels: [{}] } }),
            [],
        );
    });

    it("tolerates partial props, and an unknown replica count makes it advisory 'can't run during preview'", async () => {
        const partial: FakeResource[] = [
            { type: "kubernetes:apps/v1:Deployment", name: "a", props: {} },
            { type: "kubernetes:apps/v1:StatefulSet", name: "b", props: { metadata: null, spec: null } },
            { type: "kubernetes:apps/v1:Deployment", name: "c", props: { spec: { template: { metadata: { labels: null }, spec: {} } } } },
            { type: "kubernetes:core/v1:Pod", name: "d", props: { metadata: { labels: { [ROLE_LABEL]: ROLE_PRIMARY } } } },
            { type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", name: "e", props: { spec: null } },
        ];
        assert.deepEqual(await messages(primarySingleInstance, partial), []);
        assert.deepEqual(await messages(primaryManagedByController, partial), []);
        const { violations } = await run(primarySingleInstance, workload("StatefulSet", ROLE_PRIMARY, { replicas: UNKNOWN.number }));
        assert.deepEqual(
            violations.map((v) => [v.level, v.unknownAtPreview]),
            [["advisory", true]],
        );
    });
});

describe("xroad-primary-managed-by-controller (guide §10)", () => {
    it("advises against a bare Pod running the primary or the single pod, as the NIIS user guide §4.5.6", async () => {
        const { violations } = await run(primaryManagedByController, workload("Pod", ROLE_PRIMARY));
        assert.deepEqual(
            violations.map((v) => [v.level, v.message]),
            [
                [
                    "advisory",
                    "bare Pod runs the role=primary Security Server: it is not recreated when its node fails; use a StatefulSet with replicas: 1",
                ],
            ],
        );
        assert.equal((await messages(primaryManagedByController, workload("Pod", ROLE_STANDALONE))).length, 1);
    });

    it("passes controllers and bare Pods of other roles", async () => {
        assert.deepEqual(
            await messages(primaryManagedByController, [
                workload("StatefulSet", ROLE_PRIMARY),
                workload("Pod", ROLE_SECONDARY),
                workload("Pod", ROLE_ARCHIVER),
            ]),
            [],
        );
    });
});

describe("xroad-primary-single-instance on the components' own plans", function () {
    this.timeout(120000);
    const projectDir = path.resolve(__dirname, "..");
    for (const [stack, role] of [
        ["dev", ROLE_STANDALONE],
        ["existing", ROLE_PRIMARY],
    ] as const) {
        it(`${stack}: the ${role} is a StatefulSet of one, and a second replica would be caught`, async () => {
            const resources = engineResources((await planStack(readStackFile(projectDir, stack))).resources);
            const servers = resources.filter(
                (r) => r.type === "kubernetes:apps/v1:StatefulSet" && podLabels(r.type, r.props)[ROLE_LABEL] === role,
            );
            assert.equal(servers.length, 1, `one ${role} StatefulSet in ${stack}`);
            const policies = [primarySingleInstance, primaryManagedByController];
            assert.deepEqual((await evaluate(policies, resources)).violations, []);
            const scaled = resources.map((r) =>
                r === servers[0] ? { ...r, props: { ...r.props, spec: { ...(r.props.spec as object), replicas: 2 } } } : r,
            );
            assert.deepEqual(
                (await evaluate(policies, scaled)).violations.map((v) => [v.policy, v.urn]),
                [["xroad-primary-single-instance", servers[0].urn]],
            );
        });
    }
});
