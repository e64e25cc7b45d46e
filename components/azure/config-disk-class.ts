import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

export interface ConfigDiskClassArgs {
    /** Premium_ZRS when the cluster spans zones, so the primary's disk can follow it to another zone. */
    zoneRedundant: boolean;
    /** Retain the disk when its claim is deleted (protectData). */
    retain: boolean;
    k8sProvider: k8s.Provider;
}

/**
 * The ReadWriteOnce Azure Disk CSI class for the primary's `/etc/xroad` (keys, configuration,
 * `gpghome`) and a local database. Disks are encrypted at rest by the platform; binding waits for
 * the pod so the disk is created in the zone the pod lands in.
 */
export class ConfigDiskClass extends pulumi.ComponentResource {
    readonly storageClassName: pulumi.Output<string>;

    constructor(name: string, args: ConfigDiskClassArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ConfigDiskClass", name, {}, opts);
        const storageClass = new k8s.storage.v1.StorageClass(
            name,
            {
                metadata: { name: "xroad-config-disk" },
                provisioner: "disk.csi.azure.com",
                parameters: { skuName: args.zoneRedundant ? "Premium_ZRS" : "Premium_LRS", cachingMode: "ReadOnly" },
                reclaimPolicy: args.retain ? "Retain" : "Delete",
                allowVolumeExpansion: true,
                volumeBindingMode: "WaitForFirstConsumer",
            },
            { parent: this, provider: args.k8sProvider },
        );
        this.storageClassName = storageClass.metadata.name;
        this.registerOutputs({ storageClassName: this.storageClassName });
    }
}
