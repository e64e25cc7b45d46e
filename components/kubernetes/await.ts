/**
 * How long `pulumi up` waits for the Sidecar's objects (@pulumi/kubernetes await logic).
 *
 * Secondaries are NotReady until an administrator has configured the primary through the admin UI
 * (their readiness is the 5588 health check: token logged in, certificates registered), and on a
 * first install that happens after `pulumi up`. Waiting for them, or for the Services whose endpoints
 * are those pods, would fail every first install after the provider's 10 minutes. They are not awaited.
 */
export const SKIP_AWAIT: Record<string, string> = { "pulumi.com/skipAwait": "true" };

/**
 * The primary and the single pod are awaited, but past their startup probe's 10 minutes (60 × 10 s)
 * plus image pull and the init containers.
 */
export const SERVER_AWAIT: Record<string, string> = { "pulumi.com/timeoutSeconds": "1200" };
