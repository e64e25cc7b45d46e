"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resourceRequirements = resourceRequirements;
/**
 * A container's requests and limits from config (guide §7): both, for CPU and memory, on every
 * container, init containers and jobs included. The defaults are NIIS's minimum (config/instance.ts).
 */
function resourceRequirements(r) {
    return {
        requests: { cpu: r.requests.cpu, memory: r.requests.memory },
        limits: { cpu: r.limits.cpu, memory: r.limits.memory },
    };
}
