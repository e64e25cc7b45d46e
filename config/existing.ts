import { z } from "zod";
import { Checker } from "./checker";
import { PRIVATE_CIDRS } from "./cluster-network";
import { cidr, list, optionalText, section, withDefault } from "./kinds";
import { parseSetting } from "./parse";

const CLASS_NAME = { pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, allowed: "a StorageClass name (DNS-1123 subdomain)" };

/** Settings of `target: existing`, read from `xroad-sidecar:existing`. */
export const existingSchema = withDefault(
    section(
        {
            kubeconfigPath: optionalText(undefined, "Path to a kubeconfig file; unset: the ambient one (KUBECONFIG or ~/.kube/config)."),
            context: optionalText(undefined, "Context inside the kubeconfig; unset: its current context."),
            storageClasses: withDefault(
                section({
                    config: optionalText(
                        CLASS_NAME,
                        "ReadWriteOnce class for /etc/xroad and the local database; unset: the cluster default.",
                    ),
                    shared: optionalText(
                        CLASS_NAME,
                        "ReadWriteMany class for the shared /var/lib/xroad; unset: archives stay on a ReadWriteOnce volume.",
                    ),
                }),
                {},
                { description: "StorageClasses of the Sidecar's volumes." },
            ),
            clusterCidrs: withDefault(list(cidr()), [...PRIVATE_CIDRS], {
                description:
                    "The cluster's pod, Service and node ranges, which the Sidecar's Internet egress excludes (review B1); default: every private range (RFC 1918 and RFC 6598).",
            }),
        },
        "target existing only: the cluster you already run, reached through a kubeconfig.",
    ),
    {},
);

export type ExistingClusterSettings = z.output<typeof existingSchema>;

export function readExistingSettings(check: Checker, raw: unknown): ExistingClusterSettings {
    return parseSetting(check, "existing", raw, existingSchema) ?? existingSchema.parse({});
}
