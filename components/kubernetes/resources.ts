import * as k8s from "@pulumi/kubernetes";
import { ContainerResources } from "../../config/instance";

/**
 * A container's requests and limits from config (guide §7): both, for CPU and memory, on every
 * container, init containers and jobs included. The defaults are NIIS's minimum (config/instance.ts).
 */
export function resourceRequirements(resources: ContainerResources): k8s.types.input.core.v1.ResourceRequirements {
    return {
        requests: { cpu: resources.requests.cpu, memory: resources.requests.memory },
        limits: { cpu: resources.limits.cpu, memory: resources.limits.memory },
    };
}
