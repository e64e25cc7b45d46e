"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resourcePolicies = exports.containerResources = exports.RESOURCE_FIELDS = void 0;
const common_1 = require("./common");
const quantity_1 = require("./kubernetes/quantity");
const workloads_1 = require("./kubernetes/workloads");
exports.RESOURCE_FIELDS = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];
exports.containerResources = {
    name: "k8s-container-resources",
    description: "Every container and init container sets CPU and memory requests and limits, so scheduling, the HPA's utilization and the node's protection from exhaustion all work (guide §7, §11).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set resources.requests and resources.limits for cpu and memory on each container (guide §7). Size the Sidecar at 2 CPUs and 3 GiB (slim) or 4 GiB (full): the guide's 200Mi example would be OOM-killed.",
    ...(0, common_1.guide)("7", "resources"),
    configSchema: {
        properties: {
            required: { type: "array", items: { type: "string", enum: [...exports.RESOURCE_FIELDS] }, default: [...exports.RESOURCE_FIELDS] },
            requestsWithinLimits: { type: "boolean", default: true },
        },
    },
    validateResource: (args, report) => {
        const tpl = (0, workloads_1.podTemplate)(args.type, args.props);
        if (!tpl)
            return;
        const config = (0, common_1.configOf)(exports.containerResources, args);
        // Ephemeral containers cannot have resources (the API rejects them); they are not judged here.
        for (const c of (0, workloads_1.allContainers)(tpl.spec).filter((x) => x.kind !== "ephemeralContainer")) {
            const resources = (0, workloads_1.asObj)(c.container.resources) ?? {};
            const missing = config.required.filter((field) => {
                const [group, name] = field.split(".");
                const v = (0, workloads_1.asObj)(resources[group])?.[name];
                return v === undefined || v === null || v === "";
            });
            if (missing.length)
                report(`${c.kind} "${c.name}" sets no ${missing.join(", ")}`);
            if (config.requestsWithinLimits) {
                for (const name of ["cpu", "memory"]) {
                    const request = (0, quantity_1.parseQuantity)((0, workloads_1.asObj)(resources.requests)?.[name]);
                    const limit = (0, quantity_1.parseQuantity)((0, workloads_1.asObj)(resources.limits)?.[name]);
                    if (request !== undefined && limit !== undefined && request > limit)
                        report(`${c.kind} "${c.name}" requests more ${name} than its limit`);
                }
            }
        }
    },
};
exports.resourcePolicies = [exports.containerResources];
