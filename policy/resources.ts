/** guide §7 (and §11): requests and limits on every container. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf, guide } from "./common";
import { parseQuantity } from "../kubernetes-model/quantity";
import { allContainers, asObj, podTemplate } from "../kubernetes-model/workloads";

export const RESOURCE_FIELDS = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

export interface ContainerResourcesConfig {
    required: ResourceField[];
    requestsWithinLimits: boolean;
}

export const containerResources: ResourceValidationPolicy = {
    name: "k8s-container-resources",
    description:
        "Every container and init container sets CPU and memory requests and limits, so scheduling, the HPA's utilization and the node's protection from exhaustion all work (guide §7, §11).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set resources.requests and resources.limits for cpu and memory on each container (guide §7). Size the Sidecar at 2 CPUs and 3 GiB (slim) or 4 GiB (full): the guide's 200Mi example would be OOM-killed.",
    ...guide("7", "resources"),
    configSchema: {
        properties: {
            required: { type: "array", items: { type: "string", enum: [...RESOURCE_FIELDS] }, default: [...RESOURCE_FIELDS] },
            requestsWithinLimits: { type: "boolean", default: true },
        },
    },
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        const config = configOf<ContainerResourcesConfig>(containerResources, args);
        // Ephemeral containers cannot have resources (the API rejects them); they are not judged here.
        for (const c of allContainers(tpl.spec).filter((x) => x.kind !== "ephemeralContainer")) {
            const resources = asObj(c.container.resources) ?? {};
            const missing = config.required.filter((field) => {
                const [group, name] = field.split(".");
                const v = asObj(resources[group])?.[name];
                return v === undefined || v === null || v === "";
            });
            if (missing.length) report(`${c.kind} "${c.name}" sets no ${missing.join(", ")}`);
            if (config.requestsWithinLimits) {
                for (const name of ["cpu", "memory"]) {
                    const request = parseQuantity(asObj(resources.requests)?.[name]);
                    const limit = parseQuantity(asObj(resources.limits)?.[name]);
                    if (request !== undefined && limit !== undefined && request > limit)
                        report(`${c.kind} "${c.name}" requests more ${name} than its limit`);
                }
            }
        }
    },
};

export const resourcePolicies = [containerResources];
