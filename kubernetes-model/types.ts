/**
 * Kubernetes type tokens as @pulumi/kubernetes registers them (`kubernetes:<group|core>/<version>:<Kind>`);
 * Pulumi Kubernetes inputs are the manifest object, so the same policies read plain YAML.
 */
export function k8sTypeToken(apiVersion: string, kind: string): string {
    const slash = apiVersion.indexOf("/");
    const group = slash < 0 ? "core" : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return `kubernetes:${group}/${version}:${kind}`;
}

/** `Deployment` from `kubernetes:apps/v1:Deployment`; undefined for non-Kubernetes tokens. */
export function k8sKind(type: string): string | undefined {
    if (!type.startsWith("kubernetes:")) return undefined;
    const colon = type.lastIndexOf(":");
    return type.slice(colon + 1);
}

export const NAMESPACE = "kubernetes:core/v1:Namespace";
export const NAMESPACE_PATCH = "kubernetes:core/v1:NamespacePatch";
export const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
export const SERVICE = "kubernetes:core/v1:Service";
export const PERSISTENT_VOLUME = "kubernetes:core/v1:PersistentVolume";
export const STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
export const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
export const CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
export const ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
export const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
export const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";
export const HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
export const HELM_CHARTS = ["kubernetes:helm.sh/v3:Chart", "kubernetes:helm.sh/v4:Chart"];
export const VALIDATING_ADMISSION_POLICY = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy";
export const VALIDATING_ADMISSION_POLICY_BINDING = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding";
export const VPA = "kubernetes:autoscaling.k8s.io/v1:VerticalPodAutoscaler";

/** HPA tokens: the GA v2 and v1, plus the removed v2beta versions older clusters still served. */
export function isHpa(type: string): boolean {
    return /^kubernetes:autoscaling\/v(1|2|2beta1|2beta2):HorizontalPodAutoscaler$/.test(type);
}

/** Kinds that are cluster-scoped, so `metadata.namespace` does not apply. */
export const CLUSTER_SCOPED_KINDS = new Set([
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
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "CSIDriver",
    "IngressClass",
    "RuntimeClass",
    "APIService",
]);
