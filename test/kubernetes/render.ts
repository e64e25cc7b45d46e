import * as k8s from "@pulumi/kubernetes";
import type * as Out from "@pulumi/kubernetes/types/output";
import { loadStackConfig } from "../../config";
import { SidecarInstanceConfig } from "../../config/instance";
import { RELEASE_DEFAULTS, ReleaseConfig } from "../../config/release";
import { PlatformBindings } from "../../components/platform";
import { SidecarInstance } from "../../components/kubernetes/sidecar-instance";
import { PlannedResource, recordResources } from "../../plan/run";
import { Manifest, kubernetesManifests } from "../../plan/manifests";
import { unwrapSecrets } from "../../plan/redact";
import { AWS_BASE } from "../aws/aws-fixtures";

/**
 * One instance read through the real config loader, so defaults are the product's: target existing, or aws
 * when the instance archives (target existing creates no archive store and refuses archiving).
 */
export function instanceFromConfig(instance: Record<string, unknown>, secrets?: Record<string, unknown>): SidecarInstanceConfig {
    const archives = (instance.archiving as { enabled?: boolean } | undefined)?.enabled === true;
    const raw: Record<string, string> = {
        "xroad-sidecar:target": archives ? "aws" : "existing",
        // Room for any scenario's pods: the component tests are not about node capacity.
        ...(archives ? { "xroad-sidecar:aws": JSON.stringify({ ...AWS_BASE, nodeGroup: { maxSize: 20 } }) } : {}),
        "xroad-sidecar:instances": JSON.stringify([instance]),
    };
    if (secrets) raw["xroad-sidecar:secrets"] = JSON.stringify({ [String(instance.name)]: secrets });
    return loadStackConfig(raw, { project: "xroad-sidecar", stack: "test" }).instances[0];
}

/** What a platform would hand over, minus the provider, which must be created inside the recorded program. */
export type FakePlatform = Omit<PlatformBindings, "provider">;

export function existingPlatform(overrides: Partial<FakePlatform> = {}): FakePlatform {
    return {
        cloud: "none",
        storage: { configClass: "standard" },
        loadBalancer: { annotations: {} },
        archives: {},
        databases: {},
        dependsOn: [],
        privateNetworkCidrs: [],
        clusterCidrs: ["10.0.0.0/8"],
        ...overrides,
    };
}

/** The SDK's output shape of each Kubernetes kind the tests look into (every field present, as the API server returns it). */
export interface KubeKinds {
    ConfigMap: Out.core.v1.ConfigMap;
    CronJob: Out.batch.v1.CronJob;
    Deployment: Out.apps.v1.Deployment;
    HorizontalPodAutoscaler: Out.autoscaling.v2.HorizontalPodAutoscaler;
    Namespace: Out.core.v1.Namespace;
    NetworkPolicy: Out.networking.v1.NetworkPolicy;
    PersistentVolumeClaim: Out.core.v1.PersistentVolumeClaim;
    PodDisruptionBudget: Out.policy.v1.PodDisruptionBudget;
    Role: Out.rbac.v1.Role;
    RoleBinding: Out.rbac.v1.RoleBinding;
    Secret: Out.core.v1.Secret;
    Service: Out.core.v1.Service;
    ServiceAccount: Out.core.v1.ServiceAccount;
    StatefulSet: Out.apps.v1.StatefulSet;
    ValidatingAdmissionPolicy: Out.admissionregistration.v1.ValidatingAdmissionPolicy;
    ValidatingAdmissionPolicyBinding: Out.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
}
export type KubeKind = keyof KubeKinds;

/** Any Kubernetes object the program registered: its kind and metadata, the rest read through `KubeKinds`. */
export interface KubeObject {
    apiVersion: string;
    kind: string;
    metadata: Out.meta.v1.ObjectMeta;
    [field: string]: unknown;
}

export type PodTemplate = Out.core.v1.PodTemplateSpec;
export type Container = Out.core.v1.Container;

/** An instance's outputs as the plan records them (resolved values; see SidecarInstance.outputs). */
export interface InstanceOutputs {
    namespace: string;
    topology: string;
    services: { primarySsh?: string; public: string; consumer: string; consumerInternal?: string };
    consumerLoadBalancerAddress?: string;
    loadBalancerAddress: string;
    registeredAddress: string;
    loadBalancerAddressCommand: string;
    adminUi: { portForward: string; url: string };
    secrets: Record<string, string>;
    database?: string;
    proxyHeap: string;
    archive?: string;
}

export interface Rendered {
    resources: PlannedResource[];
    outputs: { instance: InstanceOutputs };
    /** The manifests exactly as `npm run plan` writes them (secrets redacted). */
    manifests: Manifest[];
    /** Kubernetes objects with secrets unwrapped, for assertions on what the API server would get. */
    objects: KubeObject[];
}

/** Runs one SidecarInstance under the plan's mocks with a fake platform and returns what it registered. */
export async function render(
    instance: SidecarInstanceConfig,
    platform: FakePlatform = existingPlatform(),
    release: ReleaseConfig = RELEASE_DEFAULTS,
    protectData?: boolean,
): Promise<Rendered> {
    const { resources, outputs } = await recordResources(() => {
        const provider = new k8s.Provider("test-cluster", { kubeconfig: "fake" });
        const sidecar = new SidecarInstance(
            instance.name,
            { instance, release, platform: { ...platform, provider }, protectData },
            { provider },
        );
        return { instance: sidecar.outputs };
    });
    const manifests = kubernetesManifests(resources);
    const objects = resources
        .filter((r) => r.custom && r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:"))
        .map((r) => unwrapSecrets(r.inputs) as KubeObject);
    return { resources, outputs: outputs as { instance: InstanceOutputs }, manifests, objects };
}

/** Whether the object is of the kind; narrows it to the SDK's shape of that kind. */
export function isKind<K extends KubeKind>(object: KubeObject, kind: K): object is KubeObject & KubeKinds[K] {
    return object.kind === kind;
}

export function objectsOfKind<K extends KubeKind>(objects: KubeObject[], kind: K): KubeKinds[K][] {
    return objects.filter((object): object is KubeObject & KubeKinds[K] => isKind(object, kind));
}

export function theObject<K extends KubeKind>(objects: KubeObject[], kind: K, name: string): KubeKinds[K] {
    const found = objectsOfKind(objects, kind).filter((object) => object.metadata?.name === name);
    if (found.length !== 1)
        throw new Error(
            `expected one ${kind} ${name}, found ${found.length} among ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(", ")}`,
        );
    return found[0];
}

/** Pod templates of every workload kind we create. */
export function podTemplates(objects: KubeObject[]): { owner: string; namespace: string; template: PodTemplate }[] {
    const out: { owner: string; namespace: string; template: PodTemplate }[] = [];
    for (const object of objects) {
        const namespace = object.metadata?.namespace;
        if (isKind(object, "Deployment") || isKind(object, "StatefulSet"))
            out.push({ owner: `${object.kind}/${object.metadata.name}`, namespace, template: object.spec.template });
        if (isKind(object, "CronJob"))
            out.push({ owner: `CronJob/${object.metadata.name}`, namespace, template: object.spec.jobTemplate.spec.template });
    }
    return out;
}

/** Every container of a pod template, init containers included. */
export function allContainers(template: PodTemplate): Container[] {
    return [...(template.spec.initContainers ?? []), ...template.spec.containers];
}
