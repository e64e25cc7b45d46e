"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateManifest = validateManifest;
const v1_1 = require("kubernetes-models/v1");
const v1_2 = require("kubernetes-models/apps/v1");
const v2_1 = require("kubernetes-models/autoscaling/v2");
const v1_3 = require("kubernetes-models/policy/v1");
const v1_4 = require("kubernetes-models/networking.k8s.io/v1");
const v1_5 = require("kubernetes-models/batch/v1");
const v1_6 = require("kubernetes-models/storage.k8s.io/v1");
/** The Kubernetes API schema (kubernetes-models, generated from the upstream OpenAPI) of each kind we create. */
const MODELS = {
    "v1/ConfigMap": v1_1.ConfigMap,
    "v1/Namespace": v1_1.Namespace,
    "v1/Secret": v1_1.Secret,
    "v1/Service": v1_1.Service,
    "v1/ServiceAccount": v1_1.ServiceAccount,
    "v1/PersistentVolumeClaim": v1_1.PersistentVolumeClaim,
    "apps/v1/Deployment": v1_2.Deployment,
    "apps/v1/StatefulSet": v1_2.StatefulSet,
    "autoscaling/v2/HorizontalPodAutoscaler": v2_1.HorizontalPodAutoscaler,
    "policy/v1/PodDisruptionBudget": v1_3.PodDisruptionBudget,
    "networking.k8s.io/v1/NetworkPolicy": v1_4.NetworkPolicy,
    "batch/v1/CronJob": v1_5.CronJob,
    // Created by the cloud platforms, validated when a whole stack is.
    "storage.k8s.io/v1/StorageClass": v1_6.StorageClass,
};
/** Validates one manifest against the API schema of its apiVersion and kind; throws with the schema's message. */
function validateManifest(object) {
    const key = `${String(object.apiVersion)}/${String(object.kind)}`;
    const Model = MODELS[key];
    if (!Model)
        throw new Error(`no schema registered for ${key}`);
    new Model(object).validate();
}
