// SKELETON: replaced by the Sidecar stack work (issue 3) in this session.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ReleaseConfig } from "../../config/release";
import { SidecarInstanceConfig } from "../../config/instance";
import { PlatformBindings } from "../platform";

export interface SidecarInstanceArgs {
    instance: SidecarInstanceConfig;
    release: ReleaseConfig;
    platform: PlatformBindings;
}

export class SidecarInstance extends pulumi.ComponentResource {
    readonly outputs: pulumi.Inputs;
    constructor(name: string, args: SidecarInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarInstance", name, {}, opts);
        const ns = new k8s.core.v1.Namespace(`${name}-ns`, { metadata: { name: args.instance.namespace } }, { parent: this });
        this.outputs = { namespace: ns.metadata.name };
        this.registerOutputs(this.outputs);
    }
}
