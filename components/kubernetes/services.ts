import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ACME_CHALLENGE_PORT, XROAD_PORTS } from "../../policy/xroad/ports";
import { PlatformBindings } from "../platform";
import { LOAD_BALANCER_ADDRESS_AWAIT, SKIP_AWAIT } from "./await";

interface ServiceBase {
    name: string;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** Exactly the selector labels of the pods' template (labels.ts `selectorLabels`). */
    selector: Record<string, string>;
}

/**
 * The one shape of an instance's Services: an explicit name, exactly the pods' selector, and TCP ports that
 * keep the container's own numbers (by name, in order). `spec` holds what sets each kind apart.
 */
function sidecarService(
    resourceName: string,
    args: ServiceBase,
    service: {
        annotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
        spec: Omit<k8s.types.input.core.v1.ServiceSpec, "selector" | "ports">;
        ports: Record<string, number>;
    },
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Service {
    return new k8s.core.v1.Service(
        resourceName,
        {
            metadata: { name: args.name, namespace: args.namespace, labels: args.labels, annotations: service.annotations },
            spec: {
                ...service.spec,
                selector: args.selector,
                ports: Object.entries(service.ports).map(([name, port]) => ({ name, port, targetPort: port, protocol: "TCP" })),
            },
        },
        opts,
    );
}

/** The consumer information systems' ports, on the ClusterIP Service and the internal load balancer alike. */
function consumerServicePorts(ports: ConsumerServiceArgs["ports"]): Record<string, number> {
    return { "consumer-http": ports.http, "consumer-https": ports.https };
}

/**
 * The primary's headless Service: a fixed cluster DNS name for the secondaries' rsync over SSH, and
 * only port 22 (guide §5.1). Its selector is the primary's own pod labels: the guide's example selects
 * `app:` while its pod carries `run:`, so its DNS name never resolves (xroad-facts §7 item 1).
 * Not-ready addresses are published: sshd answers as soon as supervisord runs, long before the
 * primary's startup probe passes, and the secondaries' first sync waits for it.
 */
export function createPrimaryService(resourceName: string, args: ServiceBase, opts: pulumi.CustomResourceOptions): k8s.core.v1.Service {
    return sidecarService(
        resourceName,
        args,
        { spec: { clusterIP: "None", publishNotReadyAddresses: true }, ports: { ssh: XROAD_PORTS.ssh } },
        opts,
    );
}

export interface PublicServiceArgs extends ServiceBase {
    loadBalancer: PlatformBindings["loadBalancer"];
    /** Who may reach 5500/5577; the cloud LB enforces it, and the NetworkPolicy repeats it. */
    sourceRanges: string[];
    /**
     * ACME HTTP-01 on port 80 (a single pod with network.acmeChallenge): the challenge comes to the
     * registered address, which is this load balancer. Its sources are added to the LB's.
     */
    acme?: { sourceRanges: string[] };
}

/**
 * The public face of the instance: only 5500 (messages) and 5577 (OCSP) between Security Servers,
 * TCP passthrough (TLS ends in the Sidecar), with the platform's annotations (NLB on EKS, the standard
 * LB on AKS) and static address. `externalTrafficPolicy: Local` keeps the client address, so the
 * NetworkPolicy's ipBlock sees the real source and not a node's SNAT address, and skips a second hop.
 * Awaited only until it has an address (await.ts): its pods become ready only once the primary is configured.
 */
export function createPublicService(
    resourceName: string,
    args: PublicServiceArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Service {
    return sidecarService(
        resourceName,
        args,
        {
            annotations: pulumi.output(args.loadBalancer.annotations).apply((a) => ({ ...a, ...LOAD_BALANCER_ADDRESS_AWAIT })),
            spec: {
                type: "LoadBalancer",
                externalTrafficPolicy: "Local",
                loadBalancerIP: args.loadBalancer.loadBalancerIP,
                loadBalancerSourceRanges: [...new Set([...args.sourceRanges, ...(args.acme?.sourceRanges ?? [])])],
            },
            ports: {
                "xroad-messaging": XROAD_PORTS.messaging,
                "xroad-ocsp": XROAD_PORTS.ocsp,
                ...(args.acme ? { "acme-http": ACME_CHALLENGE_PORT } : {}),
            },
        },
        opts,
    );
}

export interface ConsumerServiceArgs extends ServiceBase {
    ports: { http: number; https: number };
}

/** The consumer information systems' entry point, inside the cluster only (ClusterIP). */
export function createConsumerService(
    resourceName: string,
    args: ConsumerServiceArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Service {
    return sidecarService(
        resourceName,
        args,
        { annotations: SKIP_AWAIT, spec: { type: "ClusterIP" }, ports: consumerServicePorts(args.ports) },
        opts,
    );
}

export interface ConsumerLoadBalancerArgs extends ConsumerServiceArgs {
    /** Annotations that make the load balancer internal (platform's, then the instance's own). */
    annotations: Record<string, string>;
    /** The out-of-cluster consumer networks (network.consumerCidrs); the NetworkPolicy repeats them. */
    sourceRanges: string[];
}

/**
 * The consumer ports for information systems outside the cluster (NIIS table: "Inbound | Consumer
 * Information System | 8080, 8443 | From internal network"): an internal load balancer (AWS internal NLB,
 * Azure internal load balancer) limited to the consumer networks. `externalTrafficPolicy: Local` keeps
 * the caller's address, so the NetworkPolicy's ipBlock sees it.
 */
export function createConsumerLoadBalancer(
    resourceName: string,
    args: ConsumerLoadBalancerArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Service {
    return sidecarService(
        resourceName,
        args,
        {
            annotations: { ...args.annotations, ...LOAD_BALANCER_ADDRESS_AWAIT },
            spec: { type: "LoadBalancer", externalTrafficPolicy: "Local", loadBalancerSourceRanges: args.sourceRanges },
            ports: consumerServicePorts(args.ports),
        },
        opts,
    );
}
