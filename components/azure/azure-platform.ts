// SKELETON: replaced by the AWS platform work (issue 5) in this session.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AzureSettings } from "../../config/azure";
import { ReleaseConfig } from "../../config/release";
import { Environment } from "../../config";
import { SidecarInstanceConfig } from "../../config/instance";
import { Platform, PlatformBindings } from "../platform";

export interface AzurePlatformArgs {
    settings: AzureSettings;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
    protectData: boolean;
    environment: Environment;
}

export class AzurePlatform extends pulumi.ComponentResource implements Platform {
    readonly bindings: PlatformBindings;
    readonly outputs: pulumi.Inputs;
    constructor(name: string, args: AzurePlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:Platform", name, {}, opts);
        const provider = new k8s.Provider(`${name}-k8s`, {}, { parent: this });
        this.bindings = { provider, cloud: "azure", storage: {}, loadBalancer: { annotations: {} }, archives: {}, databases: {}, dependsOn: [], privateNetworkCidrs: [args.settings.vnetCidr] };
        this.outputs = {};
        this.registerOutputs(this.outputs);
    }
}
