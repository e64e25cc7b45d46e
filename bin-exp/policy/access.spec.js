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
const access_1 = require("./access");
const harness_1 = require("./testing/harness");
const binding = (kind, roleRef, subjects) => (0, harness_1.k8s)({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind,
    metadata: { name: "b", namespace: kind === "RoleBinding" ? "x" : undefined },
    roleRef,
    subjects,
});
describe("k8s-no-cluster-admin-binding (guide §4.2, §4.4)", () => {
    it("passes namespace-scoped roles", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noClusterAdminBinding, binding("RoleBinding", { kind: "Role", name: "archiver" }, [
            { kind: "ServiceAccount", name: "xroad-archiver", namespace: "x" },
        ])), []);
    });
    it("flags cluster-admin bindings (ClusterRoleBinding and RoleBinding) and system:masters", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noClusterAdminBinding, binding("ClusterRoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [
            { kind: "ServiceAccount", name: "admin-user", namespace: "kubernetes-dashboard" },
        ])), ["binds cluster-admin to ServiceAccount:kubernetes-dashboard/admin-user"]);
        assert.equal((await (0, harness_1.messages)(access_1.noClusterAdminBinding, binding("RoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [{ kind: "User", name: "bob" }]))).length, 1);
        assert.deepEqual(await (0, harness_1.messages)(access_1.noClusterAdminBinding, binding("ClusterRoleBinding", { kind: "ClusterRole", name: "view" }, [{ kind: "Group", name: "system:masters" }])), ["binds the system:masters group"]);
    });
    it("allows subjects from config allowedSubjects", async () => {
        const b = binding("ClusterRoleBinding", { kind: "ClusterRole", name: "cluster-admin" }, [
            { kind: "Group", name: "platform-admins" },
        ]);
        assert.deepEqual(await (0, harness_1.messages)(access_1.noClusterAdminBinding, b, { config: { allowedSubjects: ["Group:platform-admins"] } }), []);
    });
});
describe("k8s-no-wildcard-rbac (guide §4.3)", () => {
    it("passes explicit rules and flags wildcards, advisory by default", async () => {
        const role = (rules) => (0, harness_1.k8s)({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "r", namespace: "x" }, rules });
        assert.deepEqual(await (0, harness_1.messages)(access_1.noWildcardRbac, role([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }])), []);
        assert.deepEqual(await (0, harness_1.messages)(access_1.noWildcardRbac, role([{ apiGroups: ["*"], resources: ["*"], verbs: ["get"] }])), [
            'rule 0 uses "*" in resources, apiGroups',
        ]);
        assert.equal(access_1.noWildcardRbac.enforcementLevel, "advisory");
    });
});
describe("k8s-no-default-namespace (guide §4.3)", () => {
    const svc = (namespace) => (0, harness_1.k8s)({ apiVersion: "v1", kind: "Service", metadata: { name: "s", namespace } });
    it("passes objects with a namespace, or a provider namespace, and cluster-scoped kinds", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDefaultNamespace, [
            svc("xroad"),
            { ...svc(), providerProps: { namespace: "xroad" } },
            (0, harness_1.k8s)({ apiVersion: "v1", kind: "Namespace", metadata: { name: "xroad" } }),
        ]), []);
    });
    it("flags explicit and implicit default namespaces, and Helm releases into default", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDefaultNamespace, [svc("default"), svc()]), [
            "is placed in the default namespace",
            "sets no namespace, so it lands in the default namespace",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDefaultNamespace, { type: "kubernetes:helm.sh/v3:Release", props: { chart: "x" } }), [
            "Helm release installs into the default namespace",
        ]);
    });
});
describe("k8s-no-default-namespace exempts what Kubernetes keeps in default", () => {
    const obj = (kind, name, namespace) => (0, harness_1.k8s)({ apiVersion: "v1", kind, metadata: { name, namespace } });
    it("does not flag the built-in default ServiceAccount and kubernetes Service (explicit or implicit default)", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDefaultNamespace, [
            obj("ServiceAccount", "default", "default"),
            obj("ServiceAccount", "default"),
            obj("Service", "kubernetes", "default"),
            obj("Service", "kubernetes"),
        ]), []);
    });
    it("still flags other objects of those kinds and names in default", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDefaultNamespace, [
            obj("ServiceAccount", "app", "default"),
            obj("Service", "default", "default"),
            obj("ConfigMap", "kubernetes", "default"),
        ]), ["is placed in the default namespace", "is placed in the default namespace", "is placed in the default namespace"]);
    });
});
describe("k8s-no-dashboard (guide §4.4)", () => {
    it("passes ordinary charts and workloads", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.noDashboard, [
            { type: "kubernetes:helm.sh/v3:Release", props: { chart: "tigera-operator", namespace: "tigera-operator" } },
            (0, harness_1.k8s)((0, harness_1.deployment)("ss", "x", { containers: [{ name: "c", image: "niis/xroad-security-server-sidecar:7.8.0" }] })),
        ]), []);
    });
    it("flags the dashboard chart, its images, its namespace and the AKS add-on", async () => {
        const found = await (0, harness_1.messages)(access_1.noDashboard, [
            {
                type: "kubernetes:helm.sh/v3:Release",
                props: { chart: "kubernetes-dashboard", repositoryOpts: { repo: "https://kubernetes.github.io/dashboard/" } },
            },
            (0, harness_1.k8s)((0, harness_1.deployment)("d", "kubernetes-dashboard", {
                containers: [{ name: "c", image: "kubernetesui/dashboard:v2.7.0", resources: harness_1.RESOURCES }],
            })),
            (0, harness_1.k8s)({ apiVersion: "v1", kind: "Namespace", metadata: { name: "kubernetes-dashboard" } }),
            { type: "azure-native:containerservice:ManagedCluster", props: { addonProfiles: { kubeDashboard: { enabled: true } } } },
        ]);
        assert.equal(found.length, 4);
    });
});
describe("eks-cluster-access-least-privilege (guide §4.1, §4.2)", () => {
    it("passes API authentication without creator admin", async () => {
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, [
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
        ]), []);
    });
    it("flags CONFIG_MAP mode and creator admin", async () => {
        assert.equal((await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, { type: "aws:eks/cluster:Cluster", props: {} })).length, 2);
        assert.equal((await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, {
            type: "eks:index:Cluster",
            props: { authenticationMode: "API_AND_CONFIG_MAP" },
        })).length, 1);
    });
    it("accepts creator admin on the aws.eks.Cluster the eks component creates (it deploys charts as the creator)", async () => {
        const child = {
            type: "aws:eks/cluster:Cluster",
            name: "c",
            props: { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true } },
        };
        const r = (0, harness_1.toEngine)(child);
        const underComponent = {
            ...r,
            urn: "urn:pulumi:prod::xroad-sidecar::xroad:aws:AwsPlatform$eks:index:Cluster$aws:eks/cluster:Cluster::c",
        };
        const { evaluate } = await Promise.resolve().then(() => __importStar(require("./engine/evaluate")));
        assert.deepEqual((await evaluate([access_1.eksClusterAccessLeastPrivilege], [underComponent])).violations, []);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, child), [
            "bootstrapClusterCreatorAdminPermissions is not false: the creating identity silently becomes cluster-admin",
        ]);
    });
    it("flags IAM identities mapped to system:masters in the aws-auth ConfigMap", async () => {
        const awsAuth = (mapRoles, namespace = "kube-system") => (0, harness_1.k8s)({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "aws-auth", namespace }, data: { mapRoles } });
        const masters = "- rolearn: arn:aws:iam::1:role/ops\n  username: ops\n  groups:\n  - system:masters\n";
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, awsAuth(masters)), [
            "aws-auth mapRoles maps IAM identities to system:masters; use access entries with scoped access policies",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, awsAuth("- rolearn: arn:aws:iam::1:role/node\n  groups:\n  - system:nodes\n")), []);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, awsAuth(masters, "other")), []);
    });
    it("lets only IAM roles (or allowlisted principals) be cluster admin, in associations and in the eks component's access entries", async () => {
        const admin = { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } };
        const assoc = (principalArn) => ({
            type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
            props: { principalArn, ...admin },
        });
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:role/platform-admins")), []);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:user/alice")), [
            "makes arn:aws:iam::123456789012:user/alice cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:user/alice"), {
            config: { allowedClusterAdminPrincipals: ["arn:aws:iam::123456789012:user/alice"] },
        }), []);
        assert.equal((await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, assoc("arn:aws:iam::123456789012:role/ops"), {
            config: { clusterAdminPrincipalPattern: "^$" },
        })).length, 1);
        const component = (principalArn) => ({
            type: "eks:index:Cluster",
            props: { authenticationMode: "API", accessEntries: { admins: { principalArn, accessPolicies: { clusterAdmin: admin } } } },
        });
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, component("arn:aws:iam::123456789012:role/platform-admins")), []);
        assert.deepEqual(await (0, harness_1.messages)(access_1.eksClusterAccessLeastPrivilege, component("arn:aws:iam::123456789012:root")), [
            "access entry admins makes arn:aws:iam::123456789012:root cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted",
        ]);
    });
});
describe("aks-rbac-local-accounts (guide §4.1, §4.2)", () => {
    it("passes Entra ID with Azure RBAC and no local accounts; flags each gap", async () => {
        const aks = (props) => ({ type: "azure-native:containerservice:ManagedCluster", props });
        assert.deepEqual(await (0, harness_1.messages)(access_1.aksRbacLocalAccounts, aks({ enableRBAC: true, disableLocalAccounts: true, aadProfile: { managed: true, enableAzureRBAC: true } })), []);
        assert.equal((await (0, harness_1.messages)(access_1.aksRbacLocalAccounts, aks({ enableRBAC: false }))).length, 3);
        assert.equal((await (0, harness_1.messages)(access_1.aksRbacLocalAccounts, { type: "azure:containerservice/kubernetesCluster:KubernetesCluster", props: {} }))
            .length, 1);
    });
});
