import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { AutoscalingSettings } from "../../config/instance";

export interface SecondaryAutoscalingArgs {
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** The secondaries' pod selector. */
    selector: Record<string, string>;
    deploymentName: string;
    autoscalerName: string;
    disruptionBudgetName: string;
    settings: AutoscalingSettings;
}

/** Scale up by at most one pod per this period: a secondary needs minutes to sync and warm up. */
const SCALE_UP_PERIOD_SECONDS = 180;
/** Look back this long before scaling up, so a short burst does not start a slow pod. */
const SCALE_UP_STABILIZATION_SECONDS = 120;

/** Remove at most one secondary per 5 minutes, after the cooldown. */
const SCALE_DOWN_PERIOD_SECONDS = 300;

/**
 * Autoscaling of the secondaries (guide §11; NIIS user guide §9): an autoscaling/v2 HPA on CPU
 * utilisation of the requests, with a scale-down cooldown of at least 5 minutes (config enforces it)
 * and a conservative scale-up, because the "container is relatively heavyweight, and start-up and
 * warm-up takes some time". There is deliberately no VPA: it would fight the HPA over the same pods.
 * A PodDisruptionBudget keeps node drains from taking more than one secondary at a time.
 */
export function createSecondaryAutoscaling(
    name: string,
    args: SecondaryAutoscalingArgs,
    opts: pulumi.CustomResourceOptions,
): { autoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler; disruptionBudget: k8s.policy.v1.PodDisruptionBudget } {
    const settings = args.settings;
    const autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
        name,
        {
            metadata: { name: args.autoscalerName, namespace: args.namespace, labels: args.labels },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: args.deploymentName },
                minReplicas: settings.minReplicas,
                maxReplicas: settings.maxReplicas,
                metrics: [
                    {
                        type: "Resource",
                        resource: { name: "cpu", target: { type: "Utilization", averageUtilization: settings.targetCpuUtilization } },
                    },
                ],
                behavior: {
                    scaleUp: {
                        stabilizationWindowSeconds: SCALE_UP_STABILIZATION_SECONDS,
                        selectPolicy: "Min",
                        policies: [{ type: "Pods", value: 1, periodSeconds: SCALE_UP_PERIOD_SECONDS }],
                    },
                    scaleDown: {
                        stabilizationWindowSeconds: settings.scaleDownStabilizationSeconds,
                        selectPolicy: "Min",
                        policies: [{ type: "Pods", value: 1, periodSeconds: SCALE_DOWN_PERIOD_SECONDS }],
                    },
                },
            },
        },
        opts,
    );
    const disruptionBudget = new k8s.policy.v1.PodDisruptionBudget(
        `${name}-pdb`,
        {
            metadata: { name: args.disruptionBudgetName, namespace: args.namespace, labels: args.labels },
            // maxUnavailable, not minAvailable: with minReplicas 1 a minAvailable of 1 would block every drain.
            // AlwaysAllow: NotReady secondaries may always be evicted. With the default (IfHealthyBudget) a node
            // drain deadlocks whenever the secondaries are NotReady, which is their normal state until the primary
            // is configured (review xroad-k8s A4; GA since Kubernetes 1.31).
            spec: { maxUnavailable: 1, unhealthyPodEvictionPolicy: "AlwaysAllow", selector: { matchLabels: args.selector } },
        },
        opts,
    );
    return { autoscaler, disruptionBudget };
}
