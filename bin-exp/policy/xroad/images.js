"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_CPU_MILLIS = exports.MIN_MEMORY_MIB = exports.SUPPORTED_MAJOR = exports.MIN_SUPPORTED_VERSION = exports.VARIANTS = exports.IMAGE_FLAVOURS = exports.SIDECAR_REPOSITORY = void 0;
exports.publishedVariants = publishedVariants;
exports.isPublished = isPublished;
exports.imageReference = imageReference;
exports.parseVersion = parseVersion;
exports.compareVersions = compareVersions;
/**
 * Sidecar images as NIIS publishes them (xroad-facts §2, `sidecar/docker-build.sh`).
 * Tags: `<v>[-slim][-<variant>]` for a single pod and `<v>[-slim]-{primary|secondary}[-<variant>]`
 * for the load-balanced topology; the variant suffix always comes last.
 */
exports.SIDECAR_REPOSITORY = "niis/xroad-security-server-sidecar";
exports.IMAGE_FLAVOURS = ["slim", "full"];
/** Country variants; `none` is the vanilla image. */
exports.VARIANTS = ["none", "ee", "fi", "fo", "is"];
/** Which variants exist for each flavour and role (no slim-ee, no fo balancer images: X-Road #3460). */
const PUBLISHED = {
    slim: { standalone: ["none", "fi", "fo", "is"], balanced: ["none", "fi", "is"] },
    full: { standalone: ["none", "ee", "fi", "fo", "is"], balanced: ["none", "ee", "fi", "is"] },
};
function publishedVariants(flavour, role) {
    return PUBLISHED[flavour][role === "standalone" ? "standalone" : "balanced"];
}
function isPublished(flavour, variant, role) {
    return publishedVariants(flavour, role).includes(variant);
}
/** The image tag for a version, flavour, variant and role, as `docker-build.sh` names it. */
function imageTag(version, flavour, variant, role) {
    const parts = [version];
    if (flavour === "slim")
        parts.push("slim");
    if (role !== "standalone")
        parts.push(role);
    if (variant !== "none")
        parts.push(variant);
    return parts.join("-");
}
function imageReference(repository, version, flavour, variant, role) {
    return `${repository}:${imageTag(version, flavour, variant, role)}`;
}
/**
 * Versions this program supports: X-Road 7 from 7.5.0, the first with PostgreSQL 16 and the
 * `/var/lib/postgresql/16/main` layout (Kubernetes user guide §7). X-Road 8 is a different product.
 */
const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;
exports.MIN_SUPPORTED_VERSION = "7.5.0";
exports.SUPPORTED_MAJOR = 7;
function parseVersion(version) {
    const m = VERSION_PATTERN.exec(version);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
/** Negative when a < b, 0 when equal, positive when a > b. Both must be valid versions. */
function compareVersions(a, b) {
    const pa = parseVersion(a);
    const pb = parseVersion(b);
    if (!pa || !pb)
        throw new Error(`cannot compare versions "${a}" and "${b}"`);
    for (let i = 0; i < 3; i++)
        if (pa[i] !== pb[i])
            return pa[i] - pb[i];
    return 0;
}
/** Minimum memory per Sidecar container (Docker guide §2.1): 3 GiB slim, 4 GiB full; 2 CPUs. */
exports.MIN_MEMORY_MIB = { slim: 3072, full: 4096 };
exports.MIN_CPU_MILLIS = 2000;
