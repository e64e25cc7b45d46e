"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.consumerPorts = consumerPorts;
exports.primaryProbes = primaryProbes;
exports.secondaryProbes = secondaryProbes;
const ports_1 = require("../../policy/xroad/ports");
/** Consumer information-system ports: 8080/8443, or 80/443 for the `ee` variant (xroad-facts §2). */
function consumerPorts(variant) {
    return variant === "ee" ? { ...ports_1.EE_CONSUMER_PORTS } : { http: ports_1.XROAD_PORTS.consumerHttp, https: ports_1.XROAD_PORTS.consumerHttps };
}
/** NIIS's liveness probe (user guide §4.5.5): the consumer port, every 10 s, restarted after 5 failures in a row. */
function consumerPortLiveness(port) {
    return { httpGet: { path: "/", port }, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 };
}
/** Primary and single pod: startup for up to 10 minutes (10 s × 60), then liveness 10 s × 5. */
function primaryProbes(variant) {
    const port = consumerPorts(variant).http;
    return {
        startupProbe: { httpGet: { path: "/", port }, periodSeconds: 10, failureThreshold: 60 },
        livenessProbe: consumerPortLiveness(port),
    };
}
/**
 * Secondaries: startup 10 s × 30, readiness on the health check (out of the LB at the first failure), and
 * the primary's liveness probe. NIIS gives secondaries no liveness probe, so a hung secondary would never be
 * restarted (review xroad-k8s C8). Liveness starts only after the startup probe has passed, so it does not
 * eat into the 5-minute slow-start budget; it probes the proxy, not 5588, so an instance-wide health-check
 * failure (global configuration expired, OCSP down) takes secondaries out of the LB without restarting them.
 */
function secondaryProbes(variant) {
    const port = consumerPorts(variant).http;
    return {
        startupProbe: { httpGet: { path: "/", port }, periodSeconds: 10, failureThreshold: 30 },
        livenessProbe: consumerPortLiveness(port),
        readinessProbe: {
            httpGet: { path: "/", port: ports_1.XROAD_PORTS.healthCheck },
            periodSeconds: 10,
            timeoutSeconds: 6,
            successThreshold: 1,
            failureThreshold: 1,
        },
    };
}
