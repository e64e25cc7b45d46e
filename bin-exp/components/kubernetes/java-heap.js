"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_HEAP_MIB = exports.HEAP_SHARE = exports.LOCAL_DATABASE_RESERVE_MIB = exports.NON_HEAP_RESERVE_MIB = void 0;
exports.proxyHeap = proxyHeap;
exports.sharedProxyHeap = sharedProxyHeap;
exports.heapInitContainer = heapInitContainer;
exports.heapAnnotation = heapAnnotation;
const checker_1 = require("../../config/checker");
const env_1 = require("../../policy/xroad/env");
const resources_1 = require("./resources");
const MIB = 1024 * 1024;
/**
 * Memory the rest of the container needs besides the proxy's heap [inference, sized from the JVM
 * settings in `/etc/xroad/services/*.conf`, xroad-facts §4.3]: the proxy's own non-heap (metaspace up to
 * 156m, code cache, thread stacks), the signer (-Xmx50m), proxy-ui-api (-Xmx192m), confclient
 * (-Xmx50m), each with its own metaspace, supervisord, sshd and cron. The full image adds the
 * op-monitor daemon and the message-log archiver; a local PostgreSQL adds shared buffers and backends.
 */
exports.NON_HEAP_RESERVE_MIB = { slim: 768, full: 1280 };
exports.LOCAL_DATABASE_RESERVE_MIB = 512;
/** Of what is left, the heap takes this share; the rest absorbs GC overhead and native buffers. */
exports.HEAP_SHARE = 0.75;
/** X-Road's own default (`proxy_memory_helper.sh get-default`): never go below it. */
exports.MIN_HEAP_MIB = 512;
const MIN_INITIAL_HEAP_MIB = 128;
function roundDown64(mib) {
    return Math.floor(mib / 64) * 64;
}
/**
 * The proxy's -Xms/-Xmx for a container memory limit. X-Road does not size the heap from the cgroup
 * limit: `proxy.conf` passes `proxy_memory_helper.sh get-default` (-Xms100m -Xmx512m) and the
 * `MaxRAMPercentage` sed in the slim Dockerfile matches nothing (xroad-facts §4.3, §7 item 34), which is
 * how 4 GiB pods run out of heap (sidecar issue #84). So the heap is computed here from the limit:
 * a bigger limit really means a bigger heap.
 */
function proxyHeap(memoryLimit, flavour, localDatabase) {
    const bytes = (0, checker_1.memoryBytes)(memoryLimit);
    if (bytes === undefined)
        throw new Error(`cannot size the proxy heap from memory limit "${memoryLimit}"`);
    const reserve = exports.NON_HEAP_RESERVE_MIB[flavour] + (localDatabase ? exports.LOCAL_DATABASE_RESERVE_MIB : 0);
    const maxMiB = Math.max(exports.MIN_HEAP_MIB, roundDown64((bytes / MIB - reserve) * exports.HEAP_SHARE));
    // -Xms below -Xmx, as proxy_memory_helper.sh's verify_config demands.
    const initialMiB = Math.min(maxMiB - 64, Math.max(MIN_INITIAL_HEAP_MIB, roundDown64(maxMiB / 4)));
    return { initialMiB, maxMiB };
}
/**
 * The heap of the load-balanced topology. Secondaries rsync all of `/etc/xroad` from the primary,
 * `services/local.properties` included (xroad-facts §3.3), so every pod starts the proxy with the
 * primary's heap setting: it must fit the smaller of the two memory limits.
 */
function sharedProxyHeap(limits, flavour) {
    const smallest = limits.map((r) => r.limits.memory).reduce((a, b) => (((0, checker_1.memoryBytes)(a) ?? 0) <= ((0, checker_1.memoryBytes)(b) ?? 0) ? a : b));
    return proxyHeap(smallest, flavour, false);
}
const LOCAL_PROPERTIES = "/etc/xroad/services/local.properties";
/**
 * Writes -Xms/-Xmx into `XROAD_PROXY_PARAMS` of `/etc/xroad/services/local.properties` on the config
 * volume with X-Road's own tool (`proxy_memory_helper.sh apply`, ug-ss §21.1), run from the Sidecar
 * image itself before the Sidecar starts. The line keeps whatever else it holds; the tool replaces only
 * the heap flags. This is the documented override: `global.conf` loads the line and `proxy.conf`
 * appends it after the defaults, so the last -Xmx wins; and the xroad-proxy postinst that the entrypoint
 * runs on every new container reads the current values back (`get-current`) and keeps them. On a fresh
 * volume the entrypoint copies its stock `local.properties` only when none exists (`cp -n`), so the file
 * written here survives the first start too.
 */
function heapInitContainer(image, heap, resources, configVolume, securityContext) {
    const script = [
        "set -eu",
        `mkdir -p "$(dirname ${LOCAL_PROPERTIES})"`,
        `touch ${LOCAL_PROPERTIES}`,
        `/usr/share/xroad/scripts/proxy_memory_helper.sh apply "$PROXY_XMS" "$PROXY_XMX"`,
        `chown 999:999 ${LOCAL_PROPERTIES}`,
        `chmod 0640 ${LOCAL_PROPERTIES}`,
    ].join("\n");
    return {
        name: "proxy-heap",
        image,
        command: ["/bin/bash", "-c", script],
        env: [
            { name: "PROXY_XMS", value: `${heap.initialMiB}m` },
            { name: "PROXY_XMX", value: `${heap.maxMiB}m` },
        ],
        resources: (0, resources_1.resourceRequirements)(resources),
        securityContext,
        volumeMounts: [{ name: configVolume, mountPath: "/etc/xroad" }],
    };
}
const HEAP_ANNOTATION = "xroad-sidecar/proxy-heap";
/**
 * For people reading a pod spec: the heap flags `XROAD_PROXY_PARAMS` carries (nothing reads the
 * annotation). A changed heap also changes the pod template, so the pods restart with it.
 */
function heapAnnotation(heap) {
    return { [HEAP_ANNOTATION]: `${env_1.ENV.proxyParams}=-Xms${heap.initialMiB}m -Xmx${heap.maxMiB}m` };
}
