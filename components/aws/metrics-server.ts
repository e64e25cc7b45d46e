import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

const METRICS_SERVER_CHART_REPOSITORY = "https://kubernetes-sigs.github.io/metrics-server/";

export interface MetricsServerArgs {
    /** Chart version, pinned by the release config. */
    chartVersion: string;
    /** Two replicas and a PodDisruptionBudget, so a node drain does not blind the HPA. */
    highAvailability: boolean;
}

/** metrics-server: EKS does not ship it, and the HPA of the secondaries (guide §11) needs resource metrics. */
export class MetricsServer extends pulumi.ComponentResource {
    readonly release: k8s.helm.v3.Release;

    constructor(name: string, args: MetricsServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:MetricsServer", name, {}, opts);
        this.release = new k8s.helm.v3.Release(
            name,
            {
                name: "metrics-server",
                chart: "metrics-server",
                version: args.chartVersion,
                repositoryOpts: { repo: METRICS_SERVER_CHART_REPOSITORY },
                namespace: "kube-system",
                atomic: true,
                cleanupOnFail: true,
                values: {
                    replicas: args.highAvailability ? 2 : 1,
                    podDisruptionBudget: { enabled: args.highAvailability, minAvailable: 1 },
                },
            },
            { parent: this },
        );
        this.registerOutputs({ release: this.release.status });
    }
}
