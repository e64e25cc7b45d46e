import * as assert from "node:assert/strict";
import {
    aksRbacLocalAccounts,
    archiverIdentityAdmission,
    eksClusterAccessLeastPrivilege,
    noClusterAdminBinding,
    noDashboard,
    noDefaultNamespace,
    noWildcardRbac,
} from "./access";
import { FakeResource, ManifestObject, RESOURCES, deployment, k8s, messages, toEngine } from "./testing/harness";
import { ARCHIVER_IDENTITY_REQUESTS, ARCHIVER_SERVICE_ACCOUNT } from "./xroad/archiver";

const binding = (kind: string, roleRef: Record<string, string>, subjects: Record<string, string>[]) =>
    k8s({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind,
        metadata: { name: "b", namespace: kind === "RoleBinding" ? "x" : undefined },
        roleRef,
        subjects,
    });

describe("k8s-no-cluster-admin-binding (guide §4.2, §4.4)", () => {
    it("passes namespace-scoped roles", async () => {
        assert.deepEqual(
            await messages(
                noClusterAdminBinding,
                binding("RoleBinding", { kind: "Role", name: "archiver" }, [
                    { kind: "ServiceAccount", name: "xroad-archiver", namespace: "x" },
                ]),
            ),
            [],
        );
    });
    it("flags cluster-admin bindings (ClusterRoleBinding and RoleBinding) and system:masters", async () => {
        assert.deepEqual(
            await messages(
                noClusterAdminBinding,
                binding("ClusterRoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [
                    { kind: "ServiceAccount", name: "admin-user", namespace: "kubernetes-dashboard" },
                ]),
            ),
            ["binds cluster-admin to ServiceAccount:kubernetes-dashboard/admin-user"],
        );
        assert.equal(
            (
                await messages(
                    noClusterAdminBinding,
                    binding("RoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [{ kind: "User", name: "bob" }]),
                )
            ).length,
            1,
        );
        assert.deepEqual(
            await messages(
                noClusterAdminBinding,
                binding("ClusterRoleBinding", { kind: "ClusterRole", name: "view" }, [{ kind: "Group", name: "system:masters" }]),
            ),
            ["binds the system:masters group"],
        );
    });
    it("allows subjects from config allowedSubjects", async () => {
        const b = binding("ClusterRoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [
            { kind: "Group", name: "platform-admins" },
        ]);
        assert.deepEqual(await messages(noClusterAdminBinding, b, { config: { allowedSubjects: ["Group:platform-admins"] } }), []);
    });
});

describe("k8s-no-wildcard-rbac (guide §4.3)", () => {
    it("passes explicit rules and flags wildcards, advisory by default", async () => {
        const role = (rules: unknown[]) =>
            k8s({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "r", namespace: "x" }, rules });
        assert.deepEqual(await messages(noWildcardRbac, role([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }])), []);
        assert.deepEqual(await messages(noWildcardRbac, role([{ apiGroups: ["*"], resources: ["*"], verbs: ["get"] }])), [
            'rule 0 uses "*" in resources, apiGroups',
        ]);
        assert.equal(noWildcardRbac.enforcementLevel, "advisory");
    });
});

describe("k8s-no-default-namespace (guide §4.3)", () => {
    const svc = (namespace?: string) => k8s({ apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace } });
    it("passes objects with a namespace, or a provider namespace, and cluster-scoped kinds", async () => {
        assert.deepEqual(
            await messages(noDefaultNamespace, [
                svc("xroad"),
                { ...svc(), providerProps: { namespace: "xroad" } },
                k8s({ apiVersion: "v1", kind: "Namespace", metadata: { name: "xroad" } }),
            ]),
            [],
        );
    });
    it("flags explicit and implicit default namespaces, and Helm releases into default", async () => {
        assert.deepEqual(await messages(noDefaultNamespace, [svc("default"), svc()]), [
            "is placed in the default namespace",
            "sets no namespace, so it lands in the default namespace",
        ]);
        assert.deepEqual(await messages(noDefaultNamespace, { type: "kubernetes:helm.sh/v3:Release", props: { chart: "x" } }), [
            "Helm release installs into the default namespace",
        ]);
    });
});

describe("k8s-no-default-namespace exempts what Kubernetes keeps in default", () => {
    const obj = (kind: string, name: string, namespace?: string) => k8s({ apiVersion: "v1", kind, metadata: { name, namespace } });
    it("does not flag the built-in default ServiceAccount and kubernetes Service (explicit or implicit default)", async () => {
        assert.deepEqual(
            await messages(noDefaultNamespace, [
                obj("ServiceAccount", "default", "default"),
                obj("ServiceAccount", "default"),
                obj("Service", "kubernetes", "default"),
                obj("Service", "kubernetes"),
            ]),
            [],
        );
    });
    it("still flags other objects of those kinds and names in default", async () => {
        assert.deepEqual(
            await messages(noDefaultNamespace, [
                obj("ServiceAccount", "app", "default"),
                obj("Service", "default", "default"),
                obj("ConfigMap", "kubernetes", "default"),
            ]),
            ["is placed in the default namespace", "is placed in the default namespace", "is placed in the default namespace"],
        );
    });
});

describe("k8s-no-dashboard (guide §4.4)", () => {
    it("passes ordinary charts and workloads", async () => {
        assert.deepEqual(
            await messages(noDashboard, [
                { type: "kubernetes:helm.sh/v3:Release", props: { chart: "tigera-operator", namespace: "tigera-operator" } },
                k8s(deployment("ss", "x", { containers: [{ name: "c", image: "niis/xroad-security-server-sidecar:7.8.0" }] })),
            ]),
            [],
        );
    });
    it("flags the dashboard chart, its images, its namespace and the AKS add-on", async () => {
        const found = await messages(noDashboard, [
            {
                type: "kubernetes:helm.sh/v3:Release",
                props: { chart: "kubernetes-dashboard", repositoryOpts: { repo: "https://kubernetes.github.io/dashboard/" } },
            },
            k8s(
                deployment("d", "kubernetes-dashboard", {
                    containers: [{ name: "c", image: "kubernetesui/dashboard:v2.7.0", resources: RESOURCES }],
                }),
            ),
            k8s({ apiVersion: "v1", kind: "Namespace", metadata: { name: "kubernetes-dashboard" } }),
            { type: "azure-native:containerservice:ManagedCluster", props: { addonProfiles: { kubeDashboard: { enabled: true } } } },
        ]);
        assert.equal(found.length, 4);
    });
});

describe("eks-cluster-access-least-privilege (guide §4.1, §4.2)", () => {
    it("passes API authentication without creator admin", async () => {
        assert.deepEqual(
            await messages(eksClusterAccessLeastPrivilege, [
                {
                    type: "aws:eks/cluster:Cluster",
                    props: { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false } },
                },
                { type: "eks:index:Cluster", props: { authenticationMode: "API" } },
                {
                    type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
                    props: {
                        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
                        accessScope: { type: "namespace", namespaces: ["x"] },
                    },
                },
            ]),
            [],
        );
    });
    it("flags CONFIG_MAP mode and creator admin", async () => {
        assert.equal((await messages(eksClusterAccessLeastPrivilege, { type: "aws:eks/cluster:Cluster", props: {} })).length, 2);
        assert.equal(
            (
                await messages(eksClusterAccessLeastPrivilege, {
                    type: "eks:index:Cluster",
                    props: { authenticationMode: "API_AND_CONFIG_MAP" },
                })
            ).length,
            1,
        );
    });
    it("accepts creator admin on the aws.eks.Cluster the eks component creates (it deploys charts as the creator)", async () => {
        const child = {
            type: "aws:eks/cluster:Cluster",
            name: "c",
            props: { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true } },
        };
        const r = toEngine(child);
        const underComponent = {
            ...r,
            urn: "urn:pulumi:prod::xroad-sidecar::xroad:aws:AwsPlatform$eks:index:Cluster$aws:eks/cluster:Cluster::c",
        };
        const { evaluate } = await import("./engine/evaluate");
        assert.deepEqual((await evaluate([eksClusterAccessLeastPrivilege], [underComponent])).violations, []);
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, child), [
            "bootstrapClusterCreatorAdminPermissions is not false: the creating identity silently becomes cluster-admin",
        ]);
    });
    it("flags IAM identities mapped to system:masters in the aws-auth ConfigMap", async () => {
        const awsAuth = (mapRoles: string, namespace = "kube-system") =>
            k8s({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "aws-auth", namespace }, data: { mapRoles } });
        const masters = "- rolearn: arn:aws:iam::1:role/ops\n  username: ops\n  groups:\n  - system:masters\n";
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, awsAuth(masters)), [
            "aws-auth mapRoles maps IAM identities to system:masters; use access entries with scoped access policies",
        ]);
        assert.deepEqual(
            await messages(eksClusterAccessLeastPrivilege, awsAuth("- rolearn: arn:aws:iam::1:role/node\n  groups:\n  - system:nodes\n")),
            [],
        );
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, awsAuth(masters, "other")), []);
    });
    it("lets only IAM roles (or allowlisted principals) be cluster admin, in associations and in the eks component's access entries", async () => {
        const admin = { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } };
        const assoc = (principalArn: string) => ({
            type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
            props: { principalArn, ...admin },
        });
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:role/platform-admins")), []);
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:user/alice")), [
            "makes arn:aws:iam::123456789012:user/alice cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted",
        ]);
        assert.deepEqual(
            await messages(eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:user/alice"), {
                config: { allowedClusterAdminPrincipals: ["arn:aws:iam::123456789012:user/alice"] },
            }),
            [],
        );
        assert.equal(
            (
                await messages(eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:role/ops"), {
                    config: { clusterAdminPrincipalPattern: "^$" },
                })
            ).length,
            1,
        );
        const component = (principalArn: string) => ({
            type: "eks:index:Cluster",
            props: { authenticationMode: "API", accessEntries: { admins: { principalArn, accessPolicies: { clusterAdmin: admin } } } },
        });
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, component("arn:aws:iam::123456789012:role/platform-admins")), []);
        assert.deepEqual(await messages(eksClusterAccessLeastPrivilege, component("arn:aws:iam::123456789012:root")), [
            "access entry admins makes arn:aws:iam::123456789012:root cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted",
        ]);
    });
});

describe("aks-rbac-local-accounts (guide §4.1, §4.2)", () => {
    it("passes Entra ID with Azure RBAC and no local accounts; flags each gap", async () => {
        const aks = (props: Record<string, unknown>) => ({ type: "azure-native:containerservice:ManagedCluster", props });
        assert.deepEqual(
            await messages(
                aksRbacLocalAccounts,
                aks({ enableRBAC: true, disableLocalAccounts: true, aadProfile: { managed: true, enableAzureRBAC: true } }),
            ),
            [],
        );
        assert.equal((await messages(aksRbacLocalAccounts, aks({ enableRBAC: false }))).length, 3);
        assert.equal(
            (await messages(aksRbacLocalAccounts, { type: "azure:containerservice/kubernetesCluster:KubernetesCluster", props: {} }))
                .length,
            1,
        );
    });
});

describe("xroad-archiver-identity-admission (guide §4.3, §10; review azure.md B2)", () => {
    const ns = "xroad-sidecar";
    const archiver = (namespace = ns, field: "serviceAccountName" | "serviceAccount" = "serviceAccountName") =>
        k8s({
            apiVersion: "batch/v1",
            kind: "CronJob",
            metadata: { name: "sidecar-archiver", namespace },
            spec: {
                schedule: "15 */4 * * *",
                jobTemplate: {
                    spec: { template: { spec: { [field]: ARCHIVER_SERVICE_ACCOUNT, containers: [{ name: "archiver", image: "x" }] } } },
                },
            },
        });
    const byName = { matchLabels: { "kubernetes.io/metadata.name": ns } };
    type PolicyChange = (spec: Record<string, unknown>) => void;
    const vap = (change: PolicyChange = () => undefined): FakeResource => {
        const spec: Record<string, unknown> = {
            failurePolicy: "Fail",
            matchConstraints: {
                namespaceSelector: byName,
                resourceRules: ARCHIVER_IDENTITY_REQUESTS.map((r) => ({
                    apiGroups: [r.apiGroup],
                    apiVersions: ["v1"],
                    operations: [...r.operations],
                    resources: [...r.resources],
                })),
            },
            variables: [{ name: "runsAsArchiver", expression: `object.spec.serviceAccountName == "${ARCHIVER_SERVICE_ACCOUNT}"` }],
            validations: [
                { expression: "!variables.runsAsArchiver || authorizer.group('').resource('serviceaccounts').check('use').allowed()" },
            ],
        };
        change(spec);
        const manifest: ManifestObject = {
            apiVersion: "admissionregistration.k8s.io/v1",
            kind: "ValidatingAdmissionPolicy",
            metadata: { name: `${ns}-archiver-identity` },
            spec,
        };
        return k8s(manifest);
    };
    const binding = (spec: Record<string, unknown> = {}) =>
        k8s({
            apiVersion: "admissionregistration.k8s.io/v1",
            kind: "ValidatingAdmissionPolicyBinding",
            metadata: { name: `${ns}-archiver-identity` },
            spec: {
                policyName: `${ns}-archiver-identity`,
                validationActions: ["Deny", "Audit"],
                matchResources: { namespaceSelector: byName },
                ...spec,
            },
        });
    const flagged = (detail: string, namespace = ns) =>
        `CronJob sidecar-archiver runs as ServiceAccount ${ARCHIVER_SERVICE_ACCOUNT} in namespace ${namespace}, but admission does not keep others from running as it: ${detail}`;

    it("passes an archiver whose namespace a bound, failing-closed policy guards, and stacks without an archiver", async () => {
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(), vap(), binding()]), []);
        // Unset failurePolicy is Fail; a binding without matchResources applies in every namespace the policy selects.
        assert.deepEqual(
            await messages(archiverIdentityAdmission, [
                archiver(),
                vap((s) => delete s.failurePolicy),
                binding({ matchResources: undefined }),
            ]),
            [],
        );
        const other = k8s(
            deployment("tools", ns, { serviceAccountName: "default", containers: [{ name: "x", image: "x", resources: RESOURCES }] }),
        );
        assert.deepEqual(await messages(archiverIdentityAdmission, [other]), []);
    });

    it("flags an archiver with no policy naming its ServiceAccount, by either field", async () => {
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver()]), [flagged("no ValidatingAdmissionPolicy names it")]);
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(ns, "serviceAccount"), binding()]), [
            flagged("no ValidatingAdmissionPolicy names it"),
        ]);
    });

    it("flags a policy that misses a way to act as the ServiceAccount, or admits on error", async () => {
        const noTokens = vap((s) => {
            const constraints = s.matchConstraints as { resourceRules: { resources: string[] }[] };
            constraints.resourceRules = constraints.resourceRules.filter((r) => !r.resources.includes("serviceaccounts/token"));
        });
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(), noTokens, binding()]), [
            flagged(`${ns}-archiver-identity does not match core/serviceaccounts/token CREATE`),
        ]);
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(), vap((s) => (s.failurePolicy = "Ignore")), binding()]), [
            flagged(`${ns}-archiver-identity has failurePolicy Ignore, so an error admits the request`),
        ]);
    });

    it("flags a policy that is not bound with Deny to the archiver's namespace", async () => {
        const unbound = `no binding of ${ns}-archiver-identity with validationActions Deny selects namespace ${ns}`;
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(), vap()]), [flagged(unbound)]);
        assert.deepEqual(
            await messages(archiverIdentityAdmission, [archiver(), vap(), binding({ validationActions: ["Warn", "Audit"] })]),
            [flagged(unbound)],
        );
        const elsewhere = { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "other" } } };
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver(), vap(), binding({ matchResources: elsewhere })]), [
            flagged(unbound),
        ]);
        assert.deepEqual(await messages(archiverIdentityAdmission, [archiver("xroad-other"), vap(), binding()]), [
            flagged(
                `${ns}-archiver-identity does not select namespace xroad-other; no binding of ${ns}-archiver-identity with validationActions Deny selects namespace xroad-other`,
                "xroad-other",
            ),
        ]);
    });
});
