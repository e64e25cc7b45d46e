// SKELETON: replaced by the AWS platform work (issue 4) in this session.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AwsSettings } from "../../config/aws";
import { ReleaseConfig } from "../../config/release";
import { Environment } from "../../config";
import { SidecarInstanceConfig } from "../../config/instance";
import { Platform, PlatformBindings } from "../platform";

export interface AwsPlatformArgs {
    settings: AwsSettings;
    release: ReleaseConfig;
    instances: SidecarInstanceConfig[];
    protectData: boolean;
    environment: Environment;
}

export class AwsPlatform extends pulumi.ComponentResource implements Platform {
    readonly bindings: PlatformBindings;
    readonly outputs: pulumi.Inputs;
    constructor(name: string, args: AwsPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Platform", name, {}, opts);
        const provider = new k8s.Provider(`${name}-k8s`, {}, { parent: this });
        this.bindings = { provider, cloud: "aws", storage: {}, loadBalancer: { annotations: {} }, archives: {}, databases: {}, dependsOn: [], privateNetworkCidrs: [args.settings.vpcCidr] };
        this.outputs = {};
        this.registerOutputs(this.outputs);
    }
}
