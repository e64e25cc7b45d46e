import * as k8s from "@pulumi/kubernetes";
import { Variant } from "../../policy/xroad/images";
import { EE_CONSUMER_PORTS, XROAD_PORTS } from "../../policy/xroad/ports";

/** Consumer information-system ports: 8080/8443, or 80/443 for the `ee` variant (xroad-facts §2). */
export function consumerPorts(variant: Variant): { http: number; https: number } {
    return variant === "ee" ? { ...EE_CONSUMER_PORTS } : { http: XROAD_PORTS.consumerHttp, https: XROAD_PORTS.consumerHttps };
}

/**
 * Probes as the NIIS Kubernetes user guide recommends (§4.5.5, §4.5.6). The consumer port answers a GET
 * with a SOAP fault and HTTP 200 once the proxy runs (xroad-facts §4.2), so it proves liveness; the
 * health check on 5588 also proves the Security Server is configured and its token logged in, so it
 * gates the secondaries' traffic.
 */
export interface SidecarProbes {
    startupProbe: k8s.types.input.core.v1.Probe;
    livenessProbe?: k8s.types.input.core.v1.Probe;
    readinessProbe?: k8s.types.input.core.v1.Probe;
}

/** NIIS's liveness probe (user guide §4.5.5): the consumer port, every 10 s, restarted after 5 failures in a row. */
function consumerPortLiveness(port: number): k8s.types.input.core.v1.Probe {
    return { httpGet: { path: "/", port }, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 };
}

/** Primary and single pod: startup for up to 10 minutes (10 s × 60), then liveness 10 s × 5. */
export function primaryProbes(variant: Variant): SidecarProbes {
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
export function secondaryProbes(variant: Variant): SidecarProbes {
    const port = consumerPorts(variant).http;
    return {
        startupProbe: { httpGet: { path: "/", port }, periodSeconds: 10, failureThreshold: 30 },
        livenessProbe: consumerPortLiveness(port),
        readinessProbe: {
            httpGet: { path: "/", port: XROAD_PORTS.healthCheck },
            periodSeconds: 10,
            timeoutSeconds: 6,
            successThreshold: 1,
            failureThreshold: 1,
        },
    };
}
