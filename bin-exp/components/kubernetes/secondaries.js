"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.SidecarSecondaries = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const images_1 = require("../../policy/xroad/images");
const env_1 = require("../../policy/xroad/env");
const ports_1 = require("../../policy/xroad/ports");
const labels_1 = require("../../policy/xroad/labels");
const names_1 = require("./names");
const labels_2 = require("./labels");
const sidecar_secret_1 = require("./sidecar-secret");
const ssh_keys_1 = require("./ssh-keys");
const java_heap_1 = require("./java-heap");
const probes_1 = require("./probes");
const security_contexts_1 = require("./security-contexts");
const services_1 = require("./services");
const autoscaling_1 = require("./autoscaling");
const await_1 = require("./await");
const resources_1 = require("./resources");
/** Seconds a stopping secondary keeps serving while the load balancer takes it out of rotation. */
const DRAIN_SECONDS = 30;
/** The proxy's loopback admin port; `/maintenance?targetState=true` makes the 5588 health check answer 503. */
const PROXY_ADMIN_PORT = 5566;
/**
 * Drain before stop [inference from ig-xlb §3.4, xroad-facts §4.2]: maintenance mode fails the health
 * check, so health-checking load balancers stop sending new messages, and the pause lets messages in
 * flight finish before supervisord stops the proxy. A failed call must not block the stop.
 */
function drainHook() {
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
/**
 * The secondaries of the load-balanced topology (NIIS user guide §4.5.6): a Deployment that rsyncs
 * `/etc/xroad` from the primary over SSH and serves the traffic, the public LoadBalancer Service for
 * 5500/5577, the internal consumer Service, and their autoscaling.
 *
 * The secondaries need no volume of their own: their configuration is the primary's, copied at start
 * and every minute; message-log archiving is off on them (archive-interval 2099 in their image).
 */
class SidecarSecondaries extends pulumi.ComponentResource {
    deployment;
    publicService;
    consumerService;
    constructor(name, args, opts) {
        super("xroad:kubernetes:SidecarSecondaries", name, {}, opts);
        const { instance, release, platform, names } = args;
        const version = release.sidecarVersion;
        const labels = (0, labels_2.roleLabels)(instance, labels_1.ROLE_SECONDARY, version);
        const selector = (0, labels_2.selectorLabels)(instance, labels_1.ROLE_SECONDARY);
        const child = { parent: this };
        const consumer = (0, probes_1.consumerPorts)(instance.variant);
        const image = (0, images_1.imageReference)(release.imageRepository, version, instance.flavour, instance.variant, labels_1.ROLE_SECONDARY);
        this.deployment = new k8s.apps.v1.Deployment(name, {
            metadata: { name: names.secondaries, namespace: args.namespace, labels, annotations: await_1.SKIP_AWAIT },
            spec: {
                // No `replicas`: the HPA owns the count. A value here would be re-applied on every update
                // and fight the autoscaler (Kubernetes HPA docs, "Migrating Deployments ... to horizontal autoscaling").
                selector: { matchLabels: selector },
                // One new pod at a time and never below the current capacity: a secondary takes minutes to become ready.
                strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
                template: {
                    metadata: { labels, annotations: (0, java_heap_1.heapAnnotation)(args.heap) },
                    spec: {
                        automountServiceAccountToken: false,
                        enableServiceLinks: false,
                        securityContext: (0, security_contexts_1.sidecarPodSecurityContext)(instance.variant, true),
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
                                    { name: env_1.ENV.primaryDns, value: (0, names_1.serviceDnsName)(names.primaryService, instance.namespace) },
                                    ...(0, sidecar_secret_1.secretEnv)(args.variables.secretName, args.variables.keys),
                                ],
                                ports: [
                                    { name: "messaging", containerPort: ports_1.XROAD_PORTS.messaging, protocol: "TCP" },
                                    { name: "ocsp", containerPort: ports_1.XROAD_PORTS.ocsp, protocol: "TCP" },
                                    { name: "health", containerPort: ports_1.XROAD_PORTS.healthCheck, protocol: "TCP" },
                                    { name: "consumer-http", containerPort: consumer.http, protocol: "TCP" },
                                    { name: "consumer-https", containerPort: consumer.https, protocol: "TCP" },
                                ],
                                resources: (0, resources_1.resourceRequirements)(instance.secondaryResources),
                                securityContext: security_contexts_1.sidecarContainerSecurityContext,
                                volumeMounts: [ssh_keys_1.sshVolumeMount],
                                lifecycle: drainHook(),
                                ...(0, probes_1.secondaryProbes)(instance.variant),
                            },
                        ],
                        volumes: [(0, ssh_keys_1.secondarySshVolume)(args.sshSecretName)],
                    },
                },
            },
        }, child);
        this.publicService = (0, services_1.createPublicService)(`${name}-public`, {
            name: names.publicService,
            namespace: args.namespace,
            labels,
            selector,
            loadBalancer: platform.loadBalancer,
            sourceRanges: instance.network.loadBalancerSourceRanges,
        }, child);
        this.consumerService = (0, services_1.createConsumerService)(`${name}-consumer`, { name: names.consumerService, namespace: args.namespace, labels, selector, ports: consumer }, child);
        (0, autoscaling_1.createSecondaryAutoscaling)(name, {
            namespace: args.namespace,
            labels,
            selector,
            deploymentName: names.secondaries,
            autoscalerName: names.autoscaler,
            disruptionBudgetName: names.disruptionBudget,
            settings: instance.autoscaling,
        }, child);
        this.registerOutputs({ deployment: names.secondaries });
    }
}
exports.SidecarSecondaries = SidecarSecondaries;
