import * as pulumi from "@pulumi/pulumi";
import { StackConfig } from "./config";
import { Platform } from "./components/platform";
import { SidecarInstance } from "./components/kubernetes/sidecar-instance";
import { PrometheusRules } from "./components/kubernetes/prometheus-rules";

/**
 * The platform of the stack's target. Each platform module is loaded only for its own target: the AWS
 * and Azure SDKs are large, and a stack needs at most one of them.
 */
async function createPlatform(config: StackConfig): Promise<Platform> {
    const common = {
        release: config.release,
        instances: config.instances,
        protectData: config.protectData,
        environment: config.environment,
        alerts: config.alerts,
    };
    switch (config.target) {
        case "aws": {
            const { AwsPlatform } = await import("./components/aws/aws-platform");
            return new AwsPlatform(config.aws.clusterName, { ...common, settings: config.aws });
        }
        case "azure": {
            const { AzurePlatform } = await import("./components/azure/azure-platform");
            return new AzurePlatform(`${config.project}-${config.stack}`, { ...common, settings: config.azure });
        }
        case "existing": {
            const { ExistingCluster } = await import("./components/kubernetes/existing-cluster");
            return new ExistingCluster(`${config.project}-${config.stack}`, { settings: config.existing });
        }
    }
}

/**
 * The whole program for one stack: the platform, then one hardened Sidecar per configured instance.
 * `index.ts` calls this with the config of the running stack; the offline plan and the tests call it
 * under mocks.
 */
export async function deployStack(config: StackConfig): Promise<pulumi.Inputs> {
    const platform = await createPlatform(config);
    const instances: pulumi.Inputs = {};
    const sidecars: SidecarInstance[] = [];
    for (const instance of config.instances) {
        const sidecar = new SidecarInstance(
            instance.name,
            { instance, release: config.release, platform: platform.bindings, protectData: config.protectData },
            { provider: platform.bindings.provider, dependsOn: platform.bindings.dependsOn },
        );
        instances[instance.name] = sidecar.outputs;
        sidecars.push(sidecar);
    }
    // guide §8 on a cluster you run: the detections as a PrometheusRule when the Prometheus Operator is there;
    // otherwise the offline plan writes them as a rules file (plan/write.ts).
    if (config.target === "existing" && config.alerts.prometheusRule)
        new PrometheusRules(
            `${config.project}-${config.stack}-alerts`,
            { instances: config.instances, thresholds: config.alerts.thresholds, evaluationMinutes: config.alerts.evaluationMinutes },
            { provider: platform.bindings.provider, dependsOn: sidecars },
        );
    // Platform outputs stand at the top level: Pulumi marks a whole output secret when anything inside it
    // is, so nesting them would hide the cluster name and addresses behind the kubeconfig's secrecy.
    return { target: config.target, ...platform.outputs, instances };
}
