import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { PlatformBindings } from "../platform";

export interface ClaimArgs {
    name: string;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    size: string;
    storageClass?: pulumi.Input<string>;
    accessMode: "ReadWriteOnce" | "ReadWriteMany";
    /** Keep the claim (and so its volume) when the stack is destroyed. */
    protectData: boolean;
}

/** A PVC whose data outlives `pulumi destroy` unless the stack turned data protection off. */
export function createClaim(resourceName: string, args: ClaimArgs, opts: pulumi.CustomResourceOptions): k8s.core.v1.PersistentVolumeClaim {
    return new k8s.core.v1.PersistentVolumeClaim(
        resourceName,
        {
            metadata: { name: args.name, namespace: args.namespace, labels: args.labels },
            spec: {
                accessModes: [args.accessMode],
                storageClassName: args.storageClass,
                resources: { requests: { storage: args.size } },
            },
        },
        // Pulumi must not wait for binding: WaitForFirstConsumer classes bind only when the pod is scheduled.
        { ...opts, retainOnDelete: args.protectData },
    );
}

/**
 * Where `/var/lib/xroad` (backups, message-log archives) lives (guide §10; NIIS user guide §5). On the
 * platform's shared file storage (EFS, Azure Files) when it has one: it survives node loss and the
 * archiver reads it from any node. Without one (`target: existing` with no shared class) it is a
 * ReadWriteOnce volume of the config class, and the archiver must run on the primary's node.
 */
export function archiveStorage(
    platform: PlatformBindings,
    instanceName: string,
): { storageClass?: pulumi.Input<string>; accessMode: "ReadWriteOnce" | "ReadWriteMany"; shared: boolean } {
    // A class bound to this instance's own file share (Azure Files) wins over the platform-wide one.
    const shared = platform.storage.sharedClassByInstance?.[instanceName] ?? platform.storage.sharedClass;
    return shared !== undefined
        ? { storageClass: shared, accessMode: "ReadWriteMany", shared: true }
        : { storageClass: platform.storage.configClass, accessMode: "ReadWriteOnce", shared: false };
}
