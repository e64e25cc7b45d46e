import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ExistingClusterSettings } from "../../config/existing";
import { Platform, PlatformBindings } from "../platform";

export interface ExistingClusterArgs {
    /** Kubeconfig, context and storage classes of the cluster the user already runs. */
    settings: ExistingClusterSettings;
}

/**
 * `target: existing`: a cluster the user already has, reached through a kubeconfig (or the ambient one).
 * It provides no archive store and no managed database; storage classes come from config.
 */
export class ExistingCluster extends pulumi.ComponentResource implements Platform {
    readonly bindings: PlatformBindings;
    readonly outputs: pulumi.Inputs;

    constructor(name: string, args: ExistingClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:ExistingCluster", name, {}, opts);
        const { kubeconfigPath, context, storageClasses, clusterCidrs } = args.settings;
        const provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: kubeconfigPath, context }, { parent: this });
        this.bindings = {
            provider,
            cloud: "none",
            storage: { configClass: storageClasses.config, sharedClass: storageClasses.shared },
            loadBalancer: { annotations: {} },
            archives: {},
            databases: {},
            dependsOn: [],
            privateNetworkCidrs: [],
            clusterCidrs,
        };
        this.outputs = { kubeconfig: kubeconfigPath ?? "(ambient)", context: context ?? "(current)" };
        this.registerOutputs(this.outputs);
    }
}
