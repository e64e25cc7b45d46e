import * as assert from "node:assert/strict";
import { Scenario, scenario } from "./scenarios";
import type * as Out from "@pulumi/kubernetes/types/output";
import { KubeKinds, objectsOfKind, theObject } from "./render";
import { AccessRule, AdmissionRequest, AdmittedObject, admit } from "./admission";
import { ARCHIVER_SERVICE_ACCOUNT } from "../../policy/xroad/archiver";
import { USE_VERB } from "../../components/kubernetes/archiver-admission";

/** cluster-admin: every verb on every resource (bootstrap policy), so also `use`; the deployer has it on EKS and AKS. */
const CLUSTER_ADMIN: AccessRule[] = [{ verbs: ["*"], resources: ["*"] }];
/**
 * A namespace operator with Kubernetes' `edit` role (bootstrap policy testdata/cluster-roles.yaml `system:aggregate-to-edit`;
 * EKS documents AmazonEKSEditPolicy as similar): it may write workloads and ServiceAccounts, impersonate them and request
 * their tokens, but never names the verb `use`. The Azure operator role (components/azure/operator-role.ts) grants less.
 */
const OPERATOR: AccessRule[] = [
    {
        verbs: ["create", "delete", "deletecollection", "patch", "update", "get", "list", "watch"],
        resources: ["pods", "serviceaccounts", "secrets"],
    },
    {
        verbs: ["create", "delete", "deletecollection", "patch", "update"],
        resources: ["deployments", "replicasets", "statefulsets", "jobs", "cronjobs"],
    },
    { verbs: ["impersonate"], resources: ["serviceaccounts"] },
    { verbs: ["create"], resources: ["serviceaccounts/token", "pods/eviction"] },
];
const NO_RULES: AccessRule[] = [];

const OPERATOR_USER = { username: "arn:aws:sts::123456789012:assumed-role/xroad-operators/alice", groups: ["system:authenticated"] };
const DEPLOYER = { username: "arn:aws:sts::123456789012:assumed-role/deployer/pulumi", groups: ["system:authenticated"] };
const controller = (name: string) => ({
    username: `system:serviceaccount:kube-system:${name}`,
    groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"],
});
const KUBELET = { username: "system:node:ip-10-0-1-23.eu-north-1.compute.internal", groups: ["system:nodes", "system:authenticated"] };

/** A Pod or Job as the controllers create them from the archiver CronJob. */
type WithPodSpec = AdmittedObject & { spec: Out.core.v1.PodSpec };
type WithTemplate = AdmittedObject & { spec: Out.batch.v1.JobSpec };

type Resource = { group: string; kind: string; resource: string };
const POD: Resource = { group: "", kind: "Pod", resource: "pods" };
const JOB: Resource = { group: "batch", kind: "Job", resource: "jobs" };
const CRONJOB: Resource = { group: "batch", kind: "CronJob", resource: "cronjobs" };
const DEPLOYMENT: Resource = { group: "apps", kind: "Deployment", resource: "deployments" };
const REPLICASET: Resource = { group: "apps", kind: "ReplicaSet", resource: "replicasets" };
const PODTEMPLATE: Resource = { group: "", kind: "PodTemplate", resource: "podtemplates" };

function request<T extends AdmittedObject>(
    namespace: string,
    operation: AdmissionRequest["operation"],
    kind: Resource,
    user: AdmissionRequest["userInfo"],
    object: T,
    oldObject: T | null = null,
    subResource = "",
): AdmissionRequest {
    const version = "v1";
    return {
        operation,
        namespace,
        name: object.metadata.name ?? "",
        kind: { group: kind.group, version, kind: kind.kind },
        resource: { group: kind.group, version, resource: kind.resource },
        subResource,
        userInfo: user,
        object,
        oldObject,
    };
}

/** `kubectl create token <name> --audience …`: a TokenRequest on the serviceaccounts/token subresource. */
function tokenRequest(namespace: string, serviceAccount: string, user: AdmissionRequest["userInfo"]): AdmissionRequest {
    return {
        operation: "CREATE",
        namespace,
        name: serviceAccount,
        kind: { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest" },
        resource: { group: "", version: "v1", resource: "serviceaccounts" },
        subResource: "token",
        userInfo: user,
        object: {
            apiVersion: "authentication.k8s.io/v1",
            kind: "TokenRequest",
            metadata: { name: serviceAccount, namespace },
            spec: { audiences: ["sts.amazonaws.com"], expirationSeconds: 3600 },
        },
        oldObject: null,
    };
}

/** A deep copy, changed by `edit`. */
function edited<T>(object: T, edit: (copy: T) => void): T {
    const copy = structuredClone(object);
    edit(copy);
    return copy;
}

for (const [label, name] of [
    ["S3 archive (IRSA)", "primary-secondaries-external"],
    ["Blob archive (Azure workload identity)", "primary-secondaries-managed"],
] as const) {
    describe(`archiver admission, ${label}`, () => {
        let s: Scenario;
        let policy: KubeKinds["ValidatingAdmissionPolicy"];
        let binding: KubeKinds["ValidatingAdmissionPolicyBinding"];
        let cronJob: KubeKinds["CronJob"];
        let ns: string;
        let job: WithTemplate;
        let pod: WithPodSpec;
        const verdict = (r: AdmissionRequest, rules: AccessRule[] = NO_RULES) => admit(policy, binding, r, rules);

        before(async () => {
            s = await scenario(name);
            ns = s.instance.namespace;
            policy = theObject(s.rendered.objects, "ValidatingAdmissionPolicy", `${ns}-archiver-identity`);
            binding = theObject(s.rendered.objects, "ValidatingAdmissionPolicyBinding", `${ns}-archiver-identity`);
            cronJob = theObject(s.rendered.objects, "CronJob", `${s.instance.name}-archiver`);
            // What the cronjob-controller and the job-controller make of the archiver CronJob.
            job = {
                apiVersion: "batch/v1",
                kind: "Job",
                metadata: { name: `${cronJob.metadata.name}-29000000`, namespace: ns, labels: cronJob.spec.jobTemplate.metadata.labels },
                spec: cronJob.spec.jobTemplate.spec,
            };
            pod = {
                apiVersion: "v1",
                kind: "Pod",
                metadata: {
                    name: `${cronJob.metadata.name}-29000000-x7k2p`,
                    namespace: ns,
                    finalizers: ["batch.kubernetes.io/job-tracking"],
                },
                spec: cronJob.spec.jobTemplate.spec.template.spec,
            };
        });

        it("is one policy and one binding, named after the namespace, denying and auditing, failing closed", () => {
            assert.equal(objectsOfKind(s.rendered.objects, "ValidatingAdmissionPolicy").length, 1);
            assert.equal(objectsOfKind(s.rendered.objects, "ValidatingAdmissionPolicyBinding").length, 1);
            assert.equal(policy.apiVersion, "admissionregistration.k8s.io/v1");
            assert.equal(policy.spec.failurePolicy, "Fail");
            assert.equal(binding.spec.policyName, policy.metadata.name);
            assert.deepEqual(binding.spec.validationActions, ["Deny", "Audit"]);
            assert.deepEqual(binding.spec.matchResources.namespaceSelector.matchLabels, { "kubernetes.io/metadata.name": ns });
            assert.equal(cronJob.spec.jobTemplate.spec.template.spec.serviceAccountName, ARCHIVER_SERVICE_ACCOUNT);
        });

        it("is in force before the archiver's ServiceAccount exists", () => {
            // The component waits for both objects, and its children (the ServiceAccount among them) are registered after it.
            const archiver = s.rendered.resources.find((r) => r.type === "xroad:kubernetes:MessageLogArchiver")!;
            const admission = s.rendered.resources.filter((r) => r.type.startsWith("kubernetes:admissionregistration.k8s.io/v1:"));
            assert.equal(admission.length, 2);
            for (const r of admission) assert.ok(archiver.dependencies.includes(r.urn), `the archiver waits for ${r.type}`);
        });

        describe("a namespace operator", () => {
            it("may not create a Pod running as the archiver", () => {
                const v = verdict(
                    request(ns, "CREATE", POD, OPERATOR_USER, { ...pod, metadata: { name: "debug", namespace: ns } }),
                    OPERATOR,
                );
                assert.equal(v.allowed, false);
                assert.equal(v.messages.length, 1);
                assert.match(
                    v.messages[0],
                    new RegExp(
                        `^${OPERATOR_USER.username} may not create Pod debug running as ServiceAccount ${ARCHIVER_SERVICE_ACCOUNT} in namespace ${ns}: `,
                    ),
                );
                assert.match(v.messages[0], /guide §10; review azure\.md B2/);
                assert.match(v.messages[0], /verb 'use' on serviceaccounts\/xroad-archiver/);
            });

            it("may not create one through the deprecated serviceAccount field, or with generateName", () => {
                const deprecated = {
                    metadata: { generateName: "x-", namespace: ns },
                    spec: { serviceAccount: ARCHIVER_SERVICE_ACCOUNT, containers: [{ name: "x", image: "busybox" }] },
                };
                const v = verdict(request(ns, "CREATE", POD, OPERATOR_USER, deprecated), OPERATOR);
                assert.equal(v.allowed, false);
                assert.match(v.messages[0], / may not create Pod x-\* running as /);
            });

            for (const [kind, object] of [
                [
                    DEPLOYMENT,
                    (p: WithPodSpec) => ({
                        metadata: { name: "shell", namespace: ns },
                        spec: { replicas: 1, template: { metadata: {}, spec: p.spec } },
                    }),
                ],
                [
                    REPLICASET,
                    (p: WithPodSpec) => ({
                        metadata: { name: "shell", namespace: ns },
                        spec: { replicas: 1, template: { metadata: {}, spec: p.spec } },
                    }),
                ],
                [
                    JOB,
                    (p: WithPodSpec) => ({
                        metadata: { name: "run-once", namespace: ns },
                        spec: { template: { metadata: {}, spec: p.spec } },
                    }),
                ],
                [
                    CRONJOB,
                    (p: WithPodSpec) => ({
                        metadata: { name: "copy", namespace: ns },
                        spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { metadata: {}, spec: p.spec } } } },
                    }),
                ],
                [PODTEMPLATE, (p: WithPodSpec) => ({ metadata: { name: "tpl", namespace: ns }, template: { metadata: {}, spec: p.spec } })],
            ] as const) {
                it(`may not create a ${kind.kind} whose pods run as the archiver`, () => {
                    const v = verdict(request(ns, "CREATE", kind, OPERATOR_USER, object(pod)), OPERATOR);
                    assert.equal(v.allowed, false, JSON.stringify(v.variables));
                    assert.match(v.messages[0], new RegExp(` may not create ${kind.kind} `));
                });
            }

            it("may not run the archiver CronJob by hand (kubectl create job --from)", () => {
                assert.equal(verdict(request(ns, "CREATE", JOB, OPERATOR_USER, job), OPERATOR).allowed, false);
            });

            it("may not change the archiver CronJob's pod template: image, command, or another container", () => {
                const changes: ((c: KubeKinds["CronJob"]) => void)[] = [
                    (c) => (c.spec.jobTemplate.spec.template.spec.containers[0].image = "attacker.example/aws-cli:latest"),
                    (c) =>
                        (c.spec.jobTemplate.spec.template.spec.containers[0].command = ["/bin/sh", "-c", "aws s3 rm --recursive s3://x"]),
                    (c) =>
                        c.spec.jobTemplate.spec.template.spec.containers.push({
                            ...c.spec.jobTemplate.spec.template.spec.containers[0],
                            name: "extra",
                        }),
                ];
                for (const change of changes) {
                    const v = verdict(request(ns, "UPDATE", CRONJOB, OPERATOR_USER, edited(cronJob, change), cronJob), OPERATOR);
                    assert.equal(v.allowed, false);
                    assert.match(
                        v.messages[0],
                        new RegExp(` may not change the pod template of CronJob ${cronJob.metadata.name} running as `),
                    );
                }
            });

            it("may suspend, reschedule or relabel the archiver CronJob: its pods stay as they were", () => {
                const changes: ((c: KubeKinds["CronJob"]) => void)[] = [
                    (c) => (c.spec.suspend = true),
                    (c) => (c.spec.schedule = "0 3 * * *"),
                    (c) => (c.metadata.labels = { ...c.metadata.labels, team: "x" }),
                ];
                for (const change of changes)
                    assert.equal(
                        verdict(request(ns, "UPDATE", CRONJOB, OPERATOR_USER, edited(cronJob, change), cronJob), OPERATOR).allowed,
                        true,
                    );
            });

            it("may not add an ephemeral container to a running archiver pod, nor change its image", () => {
                const debug = edited(
                    pod,
                    (p) =>
                        (p.spec.ephemeralContainers = [
                            { ...p.spec.containers[0], name: "debugger", image: "busybox", targetContainerName: "archiver" },
                        ]),
                );
                const v = verdict(request(ns, "UPDATE", POD, OPERATOR_USER, debug, pod, "ephemeralcontainers"), OPERATOR);
                assert.equal(v.allowed, false);
                assert.match(v.messages[0], / may not change the pod template of Pod /);
                const image = edited(pod, (p) => (p.spec.containers[0].image = "busybox"));
                assert.equal(verdict(request(ns, "UPDATE", POD, OPERATOR_USER, image, pod), OPERATOR).allowed, false);
            });

            it("may not request a token of the archiver's ServiceAccount (kubectl create token)", () => {
                const v = verdict(tokenRequest(ns, ARCHIVER_SERVICE_ACCOUNT, OPERATOR_USER), OPERATOR);
                assert.equal(v.allowed, false);
                assert.equal(v.messages.length, 1);
                assert.match(
                    v.messages[0],
                    new RegExp(
                        `^${OPERATOR_USER.username} may not request a token of ServiceAccount ${ARCHIVER_SERVICE_ACCOUNT} in namespace ${ns}: `,
                    ),
                );
            });

            it("may run anything else: the Sidecar's own pods, the default ServiceAccount, other tokens", () => {
                const sidecar = objectsOfKind(s.rendered.objects, "StatefulSet")[0];
                assert.equal(
                    verdict(
                        request(ns, "CREATE", { group: "apps", kind: "StatefulSet", resource: "statefulsets" }, OPERATOR_USER, sidecar),
                        OPERATOR,
                    ).allowed,
                    true,
                );
                const plain = { metadata: { name: "tools", namespace: ns }, spec: { containers: [{ name: "x", image: "busybox" }] } };
                assert.equal(verdict(request(ns, "CREATE", POD, OPERATOR_USER, plain), OPERATOR).allowed, true);
                const other = { ...plain, spec: { ...plain.spec, serviceAccountName: "default" } };
                assert.equal(verdict(request(ns, "CREATE", POD, OPERATOR_USER, other), OPERATOR).allowed, true);
                assert.equal(verdict(tokenRequest(ns, "default", OPERATOR_USER), OPERATOR).allowed, true);
            });
        });

        describe("the identities that run the archiver", () => {
            it("admit the deployer (cluster-admin, so verb 'use') creating and changing the CronJob", () => {
                assert.equal(verdict(request(ns, "CREATE", CRONJOB, DEPLOYER, cronJob), CLUSTER_ADMIN).allowed, true);
                const newImage = edited(
                    cronJob,
                    (c) => (c.spec.jobTemplate.spec.template.spec.containers[0].image = "public.ecr.aws/aws-cli/aws-cli:2.32.0"),
                );
                assert.equal(verdict(request(ns, "UPDATE", CRONJOB, DEPLOYER, newImage, cronJob), CLUSTER_ADMIN).allowed, true);
                assert.equal(
                    verdict(request(ns, "CREATE", JOB, DEPLOYER, job), CLUSTER_ADMIN).allowed,
                    true,
                    "a cluster-admin may run it by hand",
                );
            });

            it(`checks exactly the verb '${USE_VERB}' on the archiver's ServiceAccount`, () => {
                const only = (rule: AccessRule) => verdict(request(ns, "CREATE", JOB, DEPLOYER, job), [rule]).allowed;
                assert.equal(only({ verbs: [USE_VERB], resources: ["serviceaccounts"] }), true);
                assert.equal(only({ verbs: ["create", "update", "patch", "impersonate"], resources: ["serviceaccounts", "jobs"] }), false);
                assert.equal(only({ verbs: [USE_VERB], resources: ["secrets"] }), false);
            });

            it("admit the cronjob-controller creating the Job and the job-controller creating its Pod", () => {
                assert.equal(verdict(request(ns, "CREATE", JOB, controller("cronjob-controller"), job)).allowed, true);
                assert.equal(verdict(request(ns, "CREATE", POD, controller("job-controller"), pod)).allowed, true);
                const manager = { username: "system:kube-controller-manager", groups: ["system:authenticated"] };
                assert.equal(verdict(request(ns, "CREATE", JOB, manager, job)).allowed, true, "without --use-service-account-credentials");
                assert.equal(verdict(request(ns, "CREATE", POD, manager, pod)).allowed, true);
            });

            it("admit the job-controller removing its finalizer from the pod (the spec stays)", () => {
                const done = edited(pod, (p) => (p.metadata.finalizers = []));
                assert.equal(verdict(request(ns, "UPDATE", POD, controller("job-controller"), done, pod)).allowed, true);
            });

            it("refuse other controllers, and each controller outside its own step", () => {
                assert.equal(verdict(request(ns, "CREATE", POD, controller("cronjob-controller"), pod)).allowed, false);
                assert.equal(verdict(request(ns, "CREATE", JOB, controller("job-controller"), job)).allowed, false);
                assert.equal(verdict(request(ns, "CREATE", POD, controller("replicaset-controller"), pod)).allowed, false);
                assert.equal(verdict(request(ns, "CREATE", POD, controller("daemon-set-controller"), pod)).allowed, false);
            });

            it("admit the kubelet requesting the archiver pod's projected token", () => {
                assert.equal(verdict(tokenRequest(ns, ARCHIVER_SERVICE_ACCOUNT, KUBELET)).allowed, true);
            });
        });

        it("applies in the Sidecar namespace only, and to pods, workloads and token requests", () => {
            const elsewhere = request("other", "CREATE", POD, OPERATOR_USER, { ...pod, metadata: { name: "x", namespace: "other" } });
            assert.equal(verdict(elsewhere, OPERATOR).matched, false);
            assert.equal(
                verdict(request(ns, "DELETE", POD, OPERATOR_USER, pod), OPERATOR).matched,
                false,
                "deleting the archiver's pod is no use of its identity",
            );
            for (const r of [
                request(ns, "CREATE", POD, OPERATOR_USER, pod),
                request(ns, "UPDATE", POD, OPERATOR_USER, pod, pod, "ephemeralcontainers"),
                request(ns, "CREATE", { group: "", kind: "ReplicationController", resource: "replicationcontrollers" }, OPERATOR_USER, job),
                request(ns, "CREATE", { group: "apps", kind: "DaemonSet", resource: "daemonsets" }, OPERATOR_USER, job),
                request(ns, "CREATE", { group: "apps", kind: "StatefulSet", resource: "statefulsets" }, OPERATOR_USER, job),
                tokenRequest(ns, ARCHIVER_SERVICE_ACCOUNT, OPERATOR_USER),
            ])
                assert.equal(verdict(r, OPERATOR).matched, true, `${r.resource.resource}/${r.subResource}`);
        });
    });
}

describe("archiver admission without an archive store", () => {
    it("is not created: no archiver, no ServiceAccount a cloud identity trusts", async () => {
        const s = await scenario("single-local");
        assert.equal(objectsOfKind(s.rendered.objects, "ValidatingAdmissionPolicy").length, 0);
        assert.equal(objectsOfKind(s.rendered.objects, "ValidatingAdmissionPolicyBinding").length, 0);
    });
});
