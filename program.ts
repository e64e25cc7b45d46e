import * as pulumi from "@pulumi/pulumi";
import { StackConfig } from "./config";
import { Platform } from "./components/platform";
import { AwsPlatform } from "./components/aws/aws-platform";
import { AzurePlatform } from "./components/azure/azure-platform";
import { ExistingCluster } from "./components/kubernetes/existing-cluster";
import { SidecarInstance } from "./components/kubernetes/sidecar-instance";

function createPlatform(config: StackConfig): Platform {
    const common = { release: config.release, instances: config.instances, protectData: config.protectData, environment: config.environment };
    switch (config.target) {
        case "aws":
            return new AwsPlatform(config.aws.clusterName, { ...common, settings: config.aws });
        case "azure":
            return new AzurePlatform(`${config.project}-${config.stack}`, { ...common, settings: config.azure });
        case "existing":
            return new ExistingCluster(`${config.project}-${config.stack}`, { settings: config.existing });
    }
}

/**
 * The whole program for one stack: the platform, then one hardened Sidecar per configured instance.
 * `index.ts` calls this with the config of the running stack; the offline plan and the tests call it
 * under mocks.
 */
export function deployStack(config: StackConfig): pulumi.Inputs {
    const platform = createPlatform(config);
    const instances: pulumi.Inputs = {};
    for (const instance of config.instances) {
        const sidecar = new SidecarInstance(
            instance.name,
            { instance, release: config.release, platform: platform.bindings, protectData: config.protectData },
            { provider: platform.bindings.provider, dependsOn: platform.bindings.dependsOn },
        );
        instances[instance.name] = sidecar.outputs;
    }
    // Platform outputs stand at the top level: Pulumi marks a whole output secret when anything inside it
    // is, so nesting them would hide the cluster name and addresses behind the kubeconfig's secrecy.
    return { target: config.target, ...platform.outputs, instances };
}
