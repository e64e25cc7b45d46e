import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { imageReference } from "../../policy/xroad/images";
import { ENV } from "../../policy/xroad/env";
import { XROAD_PORTS } from "../../policy/xroad/ports";
import { ROLE_SECONDARY } from "../../policy/xroad/labels";
import { serviceDnsName } from "./names";
import { SidecarPodArgs } from "./sidecar-pod";
import { roleLabels, selectorLabels } from "./labels";
import { secretEnv } from "./sidecar-secret";
import { secondarySshVolume, sshVolumeMount } from "./ssh-keys";
import { heapAnnotation } from "./java-heap";
import { consumerPorts, secondaryProbes } from "./probes";
import { sidecarContainerSecurityContext, sidecarPodSecurityContext } from "./security-contexts";
import { createConsumerService, createPublicService } from "./services";
import { createSecondaryAutoscaling } from "./autoscaling";
import { SKIP_AWAIT } from "./await";
import { resourceRequirements } from "./resources";

/** Seconds a stopping secondary keeps serving while the load balancer takes it out of rotation. */
const DRAIN_SECONDS = 30;
/** The proxy's loopback admin port; `/maintenance?targetState=true` makes the 5588 health check answer 503. */
const PROXY_ADMIN_PORT = 5566;

/**
 * Drain before stop [inference from ig-xlb §3.4, xroad-facts §4.2]: maintenance mode fails the health
 * check, so health-checking load balancers stop sending new messages, and the pause lets messages in
 * flight finish before supervisord stops the proxy. A failed call must not block the stop.
 */
function drainHook(): k8s.types.input.core.v1.Lifecycle {
    return {
        preStop: {
            exec: {
                command: [
                    "/bin/sh",
                    "-c",
                    `curl -fsS --max-time 5 'http://127.0.0.1:${PROXY_ADMIN_PORT}/maintenance?targetState=true' || true; sleep ${DRAIN_SECONDS}`,
                ],
            },
        },
    };
}

export interface SidecarSecondariesArgs extends SidecarPodArgs {
    /** The secondaries sync `/etc/xroad` from the primary over SSH: the key pair is required. */
    sshSecretName: pulumi.Input<string>;
}

/**
 * The secondaries of the load-balanced topology (NIIS user guide §4.5.6): a Deployment that rsyncs
 * `/etc/xroad` from the primary over SSH and serves the traffic, the public LoadBalancer Service for
 * 5500/5577, the internal consumer Service, and their autoscaling.
 *
 * The secondaries need no volume of their own: their configuration is the primary's, copied at start
 * and every minute; message-log archiving is off on them (archive-interval 2099 in their image).
 */
export class SidecarSecondaries extends pulumi.ComponentResource {
    readonly deployment: k8s.apps.v1.Deployment;
    readonly publicService: k8s.core.v1.Service;
    readonly consumerService: k8s.core.v1.Service;

    constructor(name: string, args: SidecarSecondariesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarSecondaries", name, {}, opts);
        const { instance, release, platform, names } = args;
        const version = release.sidecarVersion;
        const labels = roleLabels(instance, ROLE_SECONDARY, version);
        const selector = selectorLabels(instance, ROLE_SECONDARY);
        const child = { parent: this };
        const consumer = consumerPorts(instance.variant);
        const image = imageReference(release.imageRepository, version, instance.flavour, instance.variant, ROLE_SECONDARY);

        this.deployment = new k8s.apps.v1.Deployment(
            name,
            {
                metadata: { name: names.secondaries, namespace: args.namespace, labels, annotations: SKIP_AWAIT },
                spec: {
                    // No `replicas`: the HPA owns the count. A value here would be re-applied on every update
                    // and fight the autoscaler (Kubernetes HPA docs, "Migrating Deployments ... to horizontal autoscaling").
                    selector: { matchLabels: selector },
                    // One new pod at a time and never below the current capacity: a secondary takes minutes to become ready.
                    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
                    template: {
                        metadata: { labels, annotations: heapAnnotation(args.heap) },
                        spec: {
                            automountServiceAccountToken: false,
                            enableServiceLinks: false,
                            securityContext: sidecarPodSecurityContext(instance.variant, true),
                            // The drain, then supervisord's own shutdown of the Java services.
                            terminationGracePeriodSeconds: DRAIN_SECONDS + 60,
                            // Spread over zones where the cluster has them, and over nodes always (guide §11).
                            topologySpreadConstraints: [
                                {
                                    maxSkew: 1,
                                    topologyKey: "topology.kubernetes.io/zone",
                                    whenUnsatisfiable: "ScheduleAnyway",
                                    labelSelector: { matchLabels: selector },
                                },
                                {
                                    maxSkew: 1,
                                    topologyKey: "kubernetes.io/hostname",
                                    whenUnsatisfiable: "DoNotSchedule",
                                    // Tainted nodes (the AKS system pool) cannot take a secondary, so they must not
                                    // count towards the skew (review xroad-k8s C5).
                                    nodeTaintsPolicy: "Honor",
                                    labelSelector: { matchLabels: selector },
                                },
                            ],
                            containers: [
                                {
                                    name: "security-server",
                                    image,
                                    imagePullPolicy: "IfNotPresent",
                                    env: [
                                        // The full cluster DNS name of the primary's headless Service (NIIS reference data 3.11).
                                        { name: ENV.primaryDns, value: serviceDnsName(names.primaryService, instance.namespace) },
                                        ...secretEnv(args.variables.secretName, args.variables.keys),
                                    ],
                                    ports: [
                                        { name: "messaging", containerPort: XROAD_PORTS.messaging, protocol: "TCP" },
                                        { name: "ocsp", containerPort: XROAD_PORTS.ocsp, protocol: "TCP" },
                                        { name: "health", containerPort: XROAD_PORTS.healthCheck, protocol: "TCP" },
                                        { name: "consumer-http", containerPort: consumer.http, protocol: "TCP" },
                                        { name: "consumer-https", containerPort: consumer.https, protocol: "TCP" },
                                    ],
                                    resources: resourceRequirements(instance.secondaryResources),
                                    securityContext: sidecarContainerSecurityContext,
                                    volumeMounts: [sshVolumeMount],
                                    lifecycle: drainHook(),
                                    ...secondaryProbes(instance.variant),
                                },
                            ],
                            volumes: [secondarySshVolume(args.sshSecretName)],
                        },
                    },
                },
            },
            child,
        );

        this.publicService = createPublicService(
            `${name}-public`,
            {
                name: names.publicService,
                namespace: args.namespace,
                labels,
                selector,
                loadBalancer: platform.loadBalancer,
                sourceRanges: instance.network.loadBalancerSourceRanges,
            },
            child,
        );
        this.consumerService = createConsumerService(
            `${name}-consumer`,
            { name: names.consumerService, namespace: args.namespace, labels, selector, ports: consumer },
            child,
        );
        createSecondaryAutoscaling(
            name,
            {
                namespace: args.namespace,
                labels,
                selector,
                deploymentName: names.secondaries,
                autoscalerName: names.autoscaler,
                disruptionBudgetName: names.disruptionBudget,
                settings: instance.autoscaling,
            },
            child,
        );
        this.registerOutputs({ deployment: names.secondaries });
    }
}
