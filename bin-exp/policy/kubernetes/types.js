"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLUSTER_SCOPED_KINDS = exports.VPA = exports.HELM_CHARTS = exports.HELM_RELEASE = exports.ROLE = exports.CLUSTER_ROLE = exports.ROLE_BINDING = exports.CLUSTER_ROLE_BINDING = exports.NETWORK_POLICY = exports.STORAGE_CLASS = exports.PERSISTENT_VOLUME = exports.SERVICE = exports.CONFIG_MAP = exports.NAMESPACE_PATCH = exports.NAMESPACE = void 0;
exports.k8sTypeToken = k8sTypeToken;
exports.k8sKind = k8sKind;
exports.isHpa = isHpa;
/**
 * Kubernetes type tokens as @pulumi/kubernetes registers them (`kubernetes:<group|core>/<version>:<Kind>`);
 * Pulumi Kubernetes inputs are the manifest object, so the same policies read plain YAML.
 */
function k8sTypeToken(apiVersion, kind) {
    const slash = apiVersion.indexOf("/");
    const group = slash < 0 ? "core" : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return `kubernetes:${group}/${version}:${kind}`;
}
/** `Deployment` from `kubernetes:apps/v1:Deployment`; undefined for non-Kubernetes tokens. */
function k8sKind(type) {
    if (!type.startsWith("kubernetes:"))
        return undefined;
    const colon = type.lastIndexOf(":");
    return type.slice(colon + 1);
}
exports.NAMESPACE = "kubernetes:core/v1:Namespace";
exports.NAMESPACE_PATCH = "kubernetes:core/v1:NamespacePatch";
exports.CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
exports.SERVICE = "kubernetes:core/v1:Service";
exports.PERSISTENT_VOLUME = "kubernetes:core/v1:PersistentVolume";
exports.STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
exports.NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
exports.CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
exports.ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
exports.CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
exports.ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
exports.HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
exports.HELM_CHARTS = ["kubernetes:helm.sh/v3:Chart", "kubernetes:helm.sh/v4:Chart"];
exports.VPA = "kubernetes:autoscaling.k8s.io/v1:VerticalPodAutoscaler";
/** HPA tokens: the GA v2 and v1, plus the removed v2beta versions older clusters still served. */
function isHpa(type) {
    return /^kubernetes:autoscaling\/v(1|2|2beta1|2beta2):HorizontalPodAutoscaler$/.test(type);
}
/** Kinds that are cluster-scoped, so `metadata.namespace` does not apply. */
exports.CLUSTER_SCOPED_KINDS = new Set([
    "Namespace",
    "NamespacePatch",
    "Node",
    "PersistentVolume",
    "StorageClass",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "PriorityClass",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "CSIDriver",
    "IngressClass",
    "RuntimeClass",
    "APIService",
]);
