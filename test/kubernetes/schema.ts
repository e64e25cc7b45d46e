import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { CronJob } from "kubernetes-models/batch/v1";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1";
import { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from "kubernetes-models/admissionregistration.k8s.io/v1";

type Validating = { validate(): void };
type ModelClass = new (data: never) => Validating;

/** The Kubernetes API schema (kubernetes-models, generated from the upstream OpenAPI) of each kind we create. */
const MODELS: Record<string, ModelClass> = {
    "v1/ConfigMap": ConfigMap,
    "v1/Namespace": Namespace,
    "v1/Secret": Secret,
    "v1/Service": Service,
    "v1/ServiceAccount": ServiceAccount,
    "v1/PersistentVolumeClaim": PersistentVolumeClaim,
    "apps/v1/Deployment": Deployment,
    "apps/v1/StatefulSet": StatefulSet,
    "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
    "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
    "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
    "batch/v1/CronJob": CronJob,
    "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy": ValidatingAdmissionPolicy,
    "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding": ValidatingAdmissionPolicyBinding,
    // Created by the cloud platforms, validated when a whole stack is.
    "storage.k8s.io/v1/StorageClass": StorageClass,
};

/** Validates one manifest against the API schema of its apiVersion and kind; throws with the schema's message. */
export function validateManifest(object: Record<string, unknown>): void {
    const key = `${String(object.apiVersion)}/${String(object.kind)}`;
    const Model = MODELS[key];
    if (!Model) throw new Error(`no schema registered for ${key}`);
    new Model(object as never).validate();
}
