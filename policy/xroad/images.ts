/**
 * Sidecar images as NIIS publishes them (xroad-facts §2, `sidecar/docker-build.sh`).
 * Tags: `<v>[-slim][-<variant>]` for a single pod and `<v>[-slim]-{primary|secondary}[-<variant>]`
 * for the load-balanced topology; the variant suffix always comes last.
 */
export const SIDECAR_REPOSITORY = "niis/xroad-security-server-sidecar";

export const IMAGE_FLAVOURS = ["slim", "full"] as const;
export type ImageFlavour = (typeof IMAGE_FLAVOURS)[number];

/** Country variants; `none` is the vanilla image. */
export const VARIANTS = ["none", "ee", "fi", "fo", "is"] as const;
export type Variant = (typeof VARIANTS)[number];

export type ImageRole = "standalone" | "primary" | "secondary";

/** Which variants exist for each flavour and role (no slim-ee, no fo balancer images: X-Road #3460). */
const PUBLISHED: Record<ImageFlavour, Record<"standalone" | "balanced", readonly Variant[]>> = {
    slim: { standalone: ["none", "fi", "fo", "is"], balanced: ["none", "fi", "is"] },
    full: { standalone: ["none", "ee", "fi", "fo", "is"], balanced: ["none", "ee", "fi", "is"] },
};

export function publishedVariants(flavour: ImageFlavour, role: ImageRole): readonly Variant[] {
    return PUBLISHED[flavour][role === "standalone" ? "standalone" : "balanced"];
}

export function isPublished(flavour: ImageFlavour, variant: Variant, role: ImageRole): boolean {
    return publishedVariants(flavour, role).includes(variant);
}

/** The image tag for a version, flavour, variant and role, as `docker-build.sh` names it. */
function imageTag(version: string, flavour: ImageFlavour, variant: Variant, role: ImageRole): string {
    const parts = [version];
    if (flavour === "slim") parts.push("slim");
    if (role !== "standalone") parts.push(role);
    if (variant !== "none") parts.push(variant);
    return parts.join("-");
}

export function imageReference(repository: string, version: string, flavour: ImageFlavour, variant: Variant, role: ImageRole): string {
    return `${repository}:${imageTag(version, flavour, variant, role)}`;
}

/**
 * Versions this program supports: X-Road 7 from 7.5.0, the first with PostgreSQL 16 and the
 * `/var/lib/postgresql/16/main` layout (Kubernetes user guide §7). X-Road 8 is a different product.
 */
const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)$/;
export const MIN_SUPPORTED_VERSION = "7.5.0";
export const SUPPORTED_MAJOR = 7;

export function parseVersion(version: string): [number, number, number] | undefined {
    const m = VERSION_PATTERN.exec(version);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b. Both must be valid versions. */
export function compareVersions(a: string, b: string): number {
    const pa = parseVersion(a);
    const pb = parseVersion(b);
    if (!pa || !pb) throw new Error(`cannot compare versions "${a}" and "${b}"`);
    for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
}

/** Minimum memory per Sidecar container (Docker guide §2.1): 3 GiB slim, 4 GiB full; 2 CPUs. */
export const MIN_MEMORY_MIB: Record<ImageFlavour, number> = { slim: 3072, full: 4096 };
export const MIN_CPU_MILLIS = 2000;
