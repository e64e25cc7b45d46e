"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fileSetupSecurityContext = exports.sidecarContainerSecurityContext = void 0;
exports.sidecarPodSecurityContext = sidecarPodSecurityContext;
const ssh_1 = require("../../policy/xroad/ssh");
/**
 * Pod-level security of every Sidecar pod (guide §6, `baseline`):
 * - secondaries only: `fsGroup: 999` (xroad), so the kubelet gives the projected Secret files group 999,
 *   which is what lets `xroad` read the 0440 SSH private key (see ssh-keys.ts). Secondaries have no
 *   persistent volume for it to touch. The primary and the single pod get none: on their volumes a
 *   recursive fsGroup change would make root's 0600 `xroad.properties` (database superuser) group-readable
 *   and a local PGDATA group-writable, which PostgreSQL refuses; their entrypoint sets ownership itself.
 * - RuntimeDefault seccomp: allowed by baseline and required by restricted, so `warn`/`audit` stay quiet on it.
 * - The `ee` images bind the consumer proxy to 80/443, and the `fi` images the ACME challenge listener
 *   to 80, as user `xroad` without CAP_NET_BIND_SERVICE (xroad-facts §2 [inference]); the namespaced,
 *   PSS-"safe" sysctl `ip_unprivileged_port_start=0` lets them.
 * The Sidecar itself must run as root (supervisord, sshd, `useradd` in the entrypoint; guide §6,
 * X-Road #2906), so there is no `runAsNonRoot` and no read-only root filesystem here.
 */
const LOW_PORT_VARIANTS = ["ee", "fi"];
function sidecarPodSecurityContext(variant, readsPrivateKey) {
    return {
        ...(readsPrivateKey ? { fsGroup: ssh_1.XROAD_GID } : {}),
        seccompProfile: { type: "RuntimeDefault" },
        ...(LOW_PORT_VARIANTS.includes(variant) ? { sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] } : {}),
    };
}
/**
 * The Sidecar container: not privileged, and without NET_RAW, as NIIS's own manifest drops it
 * (`sidecar/kubernetes/security-server-sidecar.yaml`). Privilege escalation stays allowed because the
 * entrypoint and cron switch users with `sudo`/`su` (setuid binaries).
 */
exports.sidecarContainerSecurityContext = {
    privileged: false,
    capabilities: { drop: ["NET_RAW"] },
};
/**
 * Init containers that prepare files on the config volume: root (to own files as root or xroad), but
 * only the file capabilities they need and no escalation.
 */
exports.fileSetupSecurityContext = {
    privileged: false,
    runAsUser: 0,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"], add: ["CHOWN", "DAC_OVERRIDE", "FOWNER"] },
};
