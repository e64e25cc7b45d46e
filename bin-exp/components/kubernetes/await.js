"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SERVER_AWAIT = exports.LOAD_BALANCER_ADDRESS_AWAIT = exports.SKIP_AWAIT = void 0;
/**
 * How long `pulumi up` waits for the Sidecar's objects (@pulumi/kubernetes await logic).
 *
 * Secondaries are NotReady until an administrator has configured the primary through the admin UI
 * (their readiness is the 5588 health check: token logged in, certificates registered), and on a
 * first install that happens after `pulumi up`. Waiting for them, or for the Services whose endpoints
 * are those pods, would fail every first install after the provider's 10 minutes. They are not awaited.
 */
exports.SKIP_AWAIT = { "pulumi.com/skipAwait": "true" };
/**
 * The public LoadBalancer Service is awaited only until the cloud has given it an address (the
 * provider's `pulumi.com/waitFor` replaces its default logic, which would also wait for ready pods):
 * the address is what the Security Server registers, and what a platform's DNS record points to.
 */
exports.LOAD_BALANCER_ADDRESS_AWAIT = { "pulumi.com/waitFor": "jsonpath={.status.loadBalancer.ingress}" };
/**
 * The primary and the single pod are awaited, but past their startup probe's 10 minutes (60 × 10 s)
 * plus image pull and the init containers.
 */
exports.SERVER_AWAIT = { "pulumi.com/timeoutSeconds": "1200" };
