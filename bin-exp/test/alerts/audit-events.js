"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.auditSamples = auditSamples;
let id = 0;
function event(partial) {
    id += 1;
    return {
        kind: "Event",
        apiVersion: "audit.k8s.io/v1",
        level: "Metadata",
        auditID: `0c6a6f0e-1c52-4b6e-9f0a-${String(id).padStart(12, "0")}`,
        stage: "ResponseComplete",
        sourceIPs: ["10.20.1.15"],
        ...partial,
    };
}
const ok = { metadata: {}, code: 200 };
const admin = { username: "arn:aws:sts::210987654321:assumed-role/Admin/jane", groups: ["system:authenticated"] };
/** Samples for a Sidecar namespace `ns` and an unrelated namespace `other`. */
function auditSamples(ns, other = "team-a") {
    return [
        {
            what: "kubectl exec over WebSockets into the primary",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/pods/ss1-primary-0/exec?command=sh&container=xroad&stdin=true&tty=true`,
                verb: "get",
                user: admin,
                objectRef: { resource: "pods", namespace: ns, name: "ss1-primary-0", apiVersion: "v1", subresource: "exec" },
                responseStatus: { metadata: {}, code: 101 },
            }),
            triggers: ["sidecar-exec"],
        },
        {
            what: "kubectl port-forward (SPDY create) to a secondary",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/pods/ss1-secondary-7d9c-abcde/portforward`,
                verb: "create",
                user: admin,
                objectRef: {
                    resource: "pods",
                    namespace: ns,
                    name: "ss1-secondary-7d9c-abcde",
                    apiVersion: "v1",
                    subresource: "portforward",
                },
                responseStatus: { metadata: {}, code: 101 },
            }),
            triggers: ["sidecar-exec"],
        },
        {
            what: "kubectl exec into a pod of another namespace",
            event: event({
                requestURI: `/api/v1/namespaces/${other}/pods/web-0/exec?command=sh`,
                verb: "get",
                user: admin,
                objectRef: { resource: "pods", namespace: other, name: "web-0", apiVersion: "v1", subresource: "exec" },
                responseStatus: { metadata: {}, code: 101 },
            }),
            triggers: [],
        },
        {
            what: "a person reads the token PIN Secret",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/secrets/ss1-variables`,
                verb: "get",
                user: admin,
                objectRef: { resource: "secrets", namespace: ns, name: "ss1-variables", apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: ["sidecar-secret-read"],
        },
        {
            what: "a CI role lists the Sidecar's Secrets",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/secrets`,
                verb: "list",
                user: { username: "arn:aws:iam::210987654321:role/ci-deployer", groups: ["system:authenticated"] },
                objectRef: { resource: "secrets", namespace: ns, apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: ["sidecar-secret-read"],
        },
        {
            what: "the kubelet reads a Secret to mount it",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/secrets/ss1-ssh-keys?fieldSelector=metadata.name%3Dss1-ssh-keys&watch=true`,
                verb: "watch",
                user: { username: "system:node:ip-10-20-1-15.eu-north-1.compute.internal", groups: ["system:nodes"] },
                objectRef: { resource: "secrets", namespace: ns, name: "ss1-ssh-keys", apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: [],
        },
        {
            what: "an EKS control-plane component reads a Secret",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/secrets/ss1-variables`,
                verb: "get",
                user: { username: "eks:addon-manager", groups: ["system:authenticated"] },
                objectRef: { resource: "secrets", namespace: ns, name: "ss1-variables", apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: [],
        },
        {
            what: "a person reads a Secret in another namespace",
            event: event({
                requestURI: `/api/v1/namespaces/${other}/secrets/db`,
                verb: "get",
                user: admin,
                objectRef: { resource: "secrets", namespace: other, name: "db", apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: [],
        },
        {
            what: "a RoleBinding created in the Sidecar namespace",
            event: event({
                requestURI: `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
                verb: "create",
                user: admin,
                objectRef: {
                    resource: "rolebindings",
                    namespace: ns,
                    name: "debug",
                    apiGroup: "rbac.authorization.k8s.io",
                    apiVersion: "v1",
                },
                responseStatus: { metadata: {}, code: 201 },
            }),
            triggers: ["rbac-change"],
        },
        {
            what: "a ClusterRoleBinding to cluster-admin",
            event: event({
                requestURI: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
                verb: "create",
                user: admin,
                objectRef: { resource: "clusterrolebindings", name: "jane-admin", apiGroup: "rbac.authorization.k8s.io", apiVersion: "v1" },
                responseStatus: { metadata: {}, code: 201 },
                requestObject: {
                    kind: "ClusterRoleBinding",
                    apiVersion: "rbac.authorization.k8s.io/v1",
                    metadata: { name: "jane-admin" },
                    subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }],
                    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
                },
            }),
            triggers: ["rbac-change"],
        },
        {
            what: "a ClusterRoleBinding to view",
            event: event({
                requestURI: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
                verb: "create",
                user: admin,
                objectRef: { resource: "clusterrolebindings", name: "jane-view", apiGroup: "rbac.authorization.k8s.io", apiVersion: "v1" },
                responseStatus: { metadata: {}, code: 201 },
                requestObject: {
                    kind: "ClusterRoleBinding",
                    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
                },
            }),
            triggers: [],
        },
        {
            what: "the Sidecar's default-deny NetworkPolicy deleted",
            event: event({
                requestURI: `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies/default-deny`,
                verb: "delete",
                user: admin,
                objectRef: {
                    resource: "networkpolicies",
                    namespace: ns,
                    name: "default-deny",
                    apiGroup: "networking.k8s.io",
                    apiVersion: "v1",
                },
                responseStatus: ok,
            }),
            triggers: ["network-policy-change"],
        },
        {
            what: "a NetworkPolicy read",
            event: event({
                requestURI: `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`,
                verb: "list",
                user: admin,
                objectRef: { resource: "networkpolicies", namespace: ns, apiGroup: "networking.k8s.io", apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: [],
        },
        {
            what: "the Sidecar namespace's Pod Security labels patched",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}`,
                verb: "patch",
                user: admin,
                objectRef: { resource: "namespaces", name: ns, apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: ["namespace-security-change"],
        },
        {
            what: "another namespace patched",
            event: event({
                requestURI: `/api/v1/namespaces/${other}`,
                verb: "patch",
                user: admin,
                objectRef: { resource: "namespaces", name: other, apiVersion: "v1" },
                responseStatus: ok,
            }),
            triggers: [],
        },
        {
            what: "a forbidden request",
            event: event({
                requestURI: "/api/v1/secrets",
                verb: "list",
                user: { username: "system:anonymous", groups: ["system:unauthenticated"] },
                objectRef: { resource: "secrets", apiVersion: "v1" },
                responseStatus: { metadata: {}, code: 403, status: "Failure", reason: "Forbidden" },
            }),
            triggers: ["denied-requests"],
        },
        {
            what: "an unauthenticated request",
            event: event({
                requestURI: "/version",
                verb: "get",
                user: { username: "system:anonymous", groups: ["system:unauthenticated"] },
                responseStatus: { metadata: {}, code: 401, status: "Failure", reason: "Unauthorized" },
            }),
            triggers: ["denied-requests"],
        },
        {
            what: "a denied exec into the Sidecar counts twice",
            event: event({
                requestURI: `/api/v1/namespaces/${ns}/pods/ss1-primary-0/exec?command=sh`,
                verb: "get",
                user: { username: "arn:aws:sts::210987654321:assumed-role/Operator/joe", groups: ["system:authenticated"] },
                objectRef: { resource: "pods", namespace: ns, name: "ss1-primary-0", apiVersion: "v1", subresource: "exec" },
                responseStatus: { metadata: {}, code: 403, status: "Failure", reason: "Forbidden" },
            }),
            triggers: ["sidecar-exec", "denied-requests"],
        },
        {
            what: "routine: the HPA reads the secondaries' scale",
            event: event({
                requestURI: `/apis/apps/v1/namespaces/${ns}/deployments/ss1-secondary/scale`,
                verb: "get",
                user: { username: "system:serviceaccount:kube-system:horizontal-pod-autoscaler" },
                objectRef: {
                    resource: "deployments",
                    namespace: ns,
                    name: "ss1-secondary",
                    apiGroup: "apps",
                    apiVersion: "v1",
                    subresource: "scale",
                },
                responseStatus: ok,
            }),
            triggers: [],
        },
    ];
}
