import * as k8s from "@pulumi/kubernetes";
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

export interface Rendered {
    resources: PlannedResource[];
    outputs: Record<string, unknown>;
    /** The manifests exactly as `npm run plan` writes them (secrets redacted). */
    manifests: Manifest[];
    /** Kubernetes objects with secrets unwrapped, for assertions on what the API server would get. */
    objects: Record<string, any>[];
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
        .map((r) => unwrapSecrets(r.inputs) as Record<string, any>);
    return { resources, outputs, manifests, objects };
}

export function objectsOfKind(objects: Record<string, any>[], kind: string): Record<string, any>[] {
    return objects.filter((o) => o.kind === kind);
}

export function theObject(objects: Record<string, any>[], kind: string, name: string): Record<string, any> {
    const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name);
    if (found.length !== 1)
        throw new Error(
            `expected one ${kind} ${name}, found ${found.length} among ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(", ")}`,
        );
    return found[0];
}

/** Pod templates of every workload kind we create. */
export function podTemplates(objects: Record<string, any>[]): { owner: string; namespace: string; template: Record<string, any> }[] {
    const out: { owner: string; namespace: string; template: Record<string, any> }[] = [];
    for (const o of objects) {
        const ns = o.metadata?.namespace;
        if (o.kind === "Deployment" || o.kind === "StatefulSet")
            out.push({ owner: `${o.kind}/${o.metadata.name}`, namespace: ns, template: o.spec.template });
        if (o.kind === "CronJob")
            out.push({ owner: `CronJob/${o.metadata.name}`, namespace: ns, template: o.spec.jobTemplate.spec.template });
    }
    return out;
}

/** Every container of a pod template, init containers included. */
export function allContainers(template: Record<string, any>): Record<string, any>[] {
    return [...(template.spec.initContainers ?? []), ...template.spec.containers];
}
