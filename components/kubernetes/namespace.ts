import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SIDECAR_NAMESPACE_PSA, psaLabels } from "../../policy/xroad/pod-security";

export interface SidecarNamespaceArgs {
    name: string;
    labels: Record<string, string>;
    /** Keep the namespace (and so every PVC in it) when the stack is destroyed. */
    protectData: boolean;
}

/**
 * The instance's own namespace (guide §4.3) with Pod Security Admission labels (guide §6): the Sidecar
 * runs as root under supervisord, so `baseline` is enforced and `restricted` is warned and audited,
 * all pinned to one PSA version so a cluster upgrade cannot silently change what is admitted.
 *
 * Deleting a namespace deletes every PVC in it, whatever `retainOnDelete` says on the PVCs; so the
 * namespace itself is retained when data is protected.
 */
export function createSidecarNamespace(
    resourceName: string,
    args: SidecarNamespaceArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Namespace {
    return new k8s.core.v1.Namespace(
        resourceName,
        {
            metadata: {
                name: args.name,
                labels: { ...args.labels, ...psaLabels(SIDECAR_NAMESPACE_PSA) },
            },
        },
        { ...opts, retainOnDelete: args.protectData },
    );
}
