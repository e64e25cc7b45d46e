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
exports.createPrimaryService = createPrimaryService;
exports.createPublicService = createPublicService;
exports.createConsumerService = createConsumerService;
exports.createConsumerLoadBalancer = createConsumerLoadBalancer;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const ports_1 = require("../../policy/xroad/ports");
const await_1 = require("./await");
/**
 * The primary's headless Service: a fixed cluster DNS name for the secondaries' rsync over SSH, and
 * only port 22 (guide §5.1). Its selector is the primary's own pod labels: the guide's example selects
 * `app:` while its pod carries `run:`, so its DNS name never resolves (xroad-facts §7 item 1).
 * Not-ready addresses are published: sshd answers as soon as supervisord runs, long before the
 * primary's startup probe passes, and the secondaries' first sync waits for it.
 */
function createPrimaryService(resourceName, args, opts) {
    return new k8s.core.v1.Service(resourceName, {
        metadata: { name: args.name, namespace: args.namespace, labels: args.labels },
        spec: {
            clusterIP: "None",
            publishNotReadyAddresses: true,
            selector: args.selector,
            ports: [{ name: "ssh", port: ports_1.XROAD_PORTS.ssh, targetPort: ports_1.XROAD_PORTS.ssh, protocol: "TCP" }],
        },
    }, opts);
}
/**
 * The public face of the instance: only 5500 (messages) and 5577 (OCSP) between Security Servers,
 * TCP passthrough (TLS ends in the Sidecar), with the platform's annotations (NLB on EKS, the standard
 * LB on AKS) and static address. `externalTrafficPolicy: Local` keeps the client address, so the
 * NetworkPolicy's ipBlock sees the real source and not a node's SNAT address, and skips a second hop.
 * Awaited only until it has an address (await.ts): its pods become ready only once the primary is configured.
 */
function createPublicService(resourceName, args, opts) {
    return new k8s.core.v1.Service(resourceName, {
        metadata: {
            name: args.name,
            namespace: args.namespace,
            labels: args.labels,
            annotations: pulumi.output(args.loadBalancer.annotations).apply((a) => ({ ...a, ...await_1.LOAD_BALANCER_ADDRESS_AWAIT })),
        },
        spec: {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            loadBalancerIP: args.loadBalancer.loadBalancerIP,
            loadBalancerSourceRanges: [...new Set([...args.sourceRanges, ...(args.acme?.sourceRanges ?? [])])],
            selector: args.selector,
            ports: [
                { name: "xroad-messaging", port: ports_1.XROAD_PORTS.messaging, targetPort: ports_1.XROAD_PORTS.messaging, protocol: "TCP" },
                { name: "xroad-ocsp", port: ports_1.XROAD_PORTS.ocsp, targetPort: ports_1.XROAD_PORTS.ocsp, protocol: "TCP" },
                ...(args.acme
                    ? [{ name: "acme-http", port: ports_1.ACME_CHALLENGE_PORT, targetPort: ports_1.ACME_CHALLENGE_PORT, protocol: "TCP" }]
                    : []),
            ],
        },
    }, opts);
}
/** The consumer information systems' entry point, inside the cluster only (ClusterIP). */
function createConsumerService(resourceName, args, opts) {
    return new k8s.core.v1.Service(resourceName, {
        metadata: { name: args.name, namespace: args.namespace, labels: args.labels, annotations: await_1.SKIP_AWAIT },
        spec: {
            type: "ClusterIP",
            selector: args.selector,
            ports: [
                { name: "consumer-http", port: args.ports.http, targetPort: args.ports.http, protocol: "TCP" },
                { name: "consumer-https", port: args.ports.https, targetPort: args.ports.https, protocol: "TCP" },
            ],
        },
    }, opts);
}
/**
 * The consumer ports for information systems outside the cluster (NIIS table: "Inbound | Consumer
 * Information System | 8080, 8443 | From internal network"): an internal load balancer (AWS internal NLB,
 * Azure internal load balancer) limited to the consumer networks. `externalTrafficPolicy: Local` keeps
 * the caller's address, so the NetworkPolicy's ipBlock sees it.
 */
function createConsumerLoadBalancer(resourceName, args, opts) {
    return new k8s.core.v1.Service(resourceName, {
        metadata: {
            name: args.name,
            namespace: args.namespace,
            labels: args.labels,
            annotations: { ...args.annotations, ...await_1.LOAD_BALANCER_ADDRESS_AWAIT },
        },
        spec: {
            type: "LoadBalancer",
            externalTrafficPolicy: "Local",
            loadBalancerSourceRanges: args.sourceRanges,
            selector: args.selector,
            ports: [
                { name: "consumer-http", port: args.ports.http, targetPort: args.ports.http, protocol: "TCP" },
                { name: "consumer-https", port: args.ports.https, targetPort: args.ports.https, protocol: "TCP" },
            ],
        },
    }, opts);
}
