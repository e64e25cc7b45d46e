/**
 * The capacity model (guide §11: "Make sure the Node can handle the maximum number of Pods to be autoscaled").
 * At config time, before any resource: can the node pool, at its maximum size, hold every Sidecar pod at its
 * requests (the primary, `maxReplicas` secondaries and the rollout's surge pod, per instance), next to the
 * platform's DaemonSets and add-ons? Node sizes come from a table of the families this project accepts; the
 * allocatable figures follow each cloud's documented reservation formula.
 */
import { cpuMillis, memoryBytes } from "./checker";
import { SidecarInstanceConfig } from "./instance";
import { AKS_MAX_PODS } from "./azure";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export interface NodeShape {
    vcpus: number;
    memoryBytes: number;
}

export interface Allocatable {
    cpuMillis: number;
    memoryBytes: number;
}

/** GiB of memory per vCPU by EC2 family letter (EC2 instance types: c compute, m general, r memory, t burstable). */
const EC2_MEMORY_PER_VCPU: Record<string, number> = { c: 2, m: 4, r: 8, t: 4 };
/** vCPUs by EC2 size: xlarge 4, then doubling per multiple (2xlarge 8, 4xlarge 16 …). */
function ec2Vcpus(size: string): number | undefined {
    if (size === "xlarge") return 4;
    const m = /^(\d+)xlarge$/.exec(size);
    return m ? 4 * Number(m[1]) : undefined;
}

/** The shape of an EC2 instance type from the families in the table, or undefined when it is not in the table. */
export function ec2Shape(instanceType: string): NodeShape | undefined {
    const m = /^([cmrt])(\d)[a-z]*\.([a-z0-9]+)$/.exec(instanceType);
    if (!m) return undefined;
    const vcpus = ec2Vcpus(m[3]);
    return vcpus === undefined ? undefined : { vcpus, memoryBytes: vcpus * EC2_MEMORY_PER_VCPU[m[1]] * GIB };
}

/** GiB of memory per vCPU by Azure series (Dsv5/Ddsv5: 4, Esv5: 8, Fsv2: 2). */
const AZURE_MEMORY_PER_VCPU: Record<string, number> = { D: 4, E: 8, F: 2 };

/** The shape of an Azure VM size such as Standard_D4s_v5, or undefined when it is not in the table. */
export function azureShape(vmSize: string): NodeShape | undefined {
    const m = /^Standard_([DEF])(\d+)([a-z]*)_v\d$/.exec(vmSize);
    if (!m) return undefined;
    const vcpus = Number(m[2]);
    // An `l` in the suffix is the low-memory variant: 2 GiB per vCPU (Dlsv5, Dldsv6).
    const perVcpu = m[3].includes("l") ? 2 : AZURE_MEMORY_PER_VCPU[m[1]];
    return { vcpus, memoryBytes: vcpus * perVcpu * GIB };
}

/**
 * EKS AL2023 (nodeadm) kube-reserved: CPU 6% of the first core, 1% of the second, 0.5% of the third and fourth,
 * 0.25% of the rest; memory 11 MiB per pod of max-pods plus 255 MiB; eviction threshold 100 MiB
 * (awslabs/amazon-eks-ami, "kube-reserved"). Max pods from the ENI formula: 58 up to 2xlarge, else 110.
 */
export function eksAllocatable(shape: NodeShape): Allocatable {
    const cores = shape.vcpus;
    const reservedCpu = 60 + (cores > 1 ? 10 : 0) + Math.min(Math.max(cores - 2, 0), 2) * 5 + Math.max(cores - 4, 0) * 2.5;
    const maxPods = cores <= 8 ? 58 : 110;
    const reservedMemory = (11 * maxPods + 255 + 100) * MIB;
    return { cpuMillis: Math.floor(cores * 1000 - reservedCpu), memoryBytes: shape.memoryBytes - reservedMemory };
}

/**
 * AKS kube-reserved: CPU by core count (1: 60m, 2: 100m, 4: 140m, 8: 180m, 16: 260m, 32: 420m, 64: 740m); memory
 * the lesser of 20 MiB per pod plus 50 MiB and 25% of the memory, with the pools' max-pods (AKS_MAX_PODS);
 * eviction threshold 100 MiB (AKS docs, "Resource reservations").
 */
export function aksAllocatable(shape: NodeShape): Allocatable {
    const table: [number, number][] = [
        [1, 60],
        [2, 100],
        [4, 140],
        [8, 180],
        [16, 260],
        [32, 420],
        [64, 740],
    ];
    const reservedCpu = (table.find(([c]) => shape.vcpus <= c) ?? table[table.length - 1])[1];
    const reservedMemory = Math.min((20 * AKS_MAX_PODS + 50) * MIB, shape.memoryBytes * 0.25) + 100 * MIB;
    return { cpuMillis: shape.vcpus * 1000 - reservedCpu, memoryBytes: shape.memoryBytes - reservedMemory };
}

/**
 * What every node gives to DaemonSets, and what the cluster's own add-ons take as a whole (requests, estimated
 * from the charts and add-ons this project installs). EKS: kube-proxy, aws-node, calico-node, the EBS and EFS
 * CSI node drivers, the CloudWatch agent and Fluent Bit; add-ons CoreDNS, metrics-server, the Cluster Autoscaler,
 * Calico's operator and typha, the CSI controllers. AKS: its system pool runs the add-ons (tainted
 * CriticalAddonsOnly), so the user pool carries only its DaemonSets (kube-proxy, azure-cns, CSI nodes, ama-logs).
 */
export const PLATFORM_OVERHEAD = {
    aws: { daemonSets: { cpuMillis: 600, memoryBytes: 768 * MIB }, addOns: { cpuMillis: 1000, memoryBytes: 1536 * MIB } },
    azure: { daemonSets: { cpuMillis: 400, memoryBytes: 1024 * MIB }, addOns: { cpuMillis: 0, memoryBytes: 0 } },
} as const;

export interface PodDemand {
    what: string;
    cpuMillis: number;
    memoryBytes: number;
}

/** Every pod the instances may run at once at their requests: primary, maxReplicas secondaries and one surge pod. */
export function sidecarPods(instances: SidecarInstanceConfig[]): PodDemand[] {
    const pods: PodDemand[] = [];
    const podOf = (what: string, r: SidecarInstanceConfig["primaryResources"]): PodDemand => ({
        what,
        cpuMillis: cpuMillis(r.requests.cpu) ?? 0,
        memoryBytes: memoryBytes(r.requests.memory) ?? 0,
    });
    for (const instance of instances) {
        pods.push(podOf(`${instance.name} ${instance.topology === "single" ? "pod" : "primary"}`, instance.primaryResources));
        if (instance.topology === "primary-secondaries") {
            // maxSurge 1, maxUnavailable 0: a rollout at the HPA's maximum runs one more secondary.
            for (let i = 0; i < instance.autoscaling.maxReplicas + 1; i++)
                pods.push(podOf(`${instance.name} secondary ${i + 1}`, instance.secondaryResources));
        }
        if (instance.archiving.enabled) pods.push(podOf(`${instance.name} archiver`, instance.archiving.resources));
    }
    return pods;
}

/** The fewest nodes of this allocatable size that hold every pod (first fit, largest first); undefined if a pod fits no node. */
export function nodesNeeded(pods: PodDemand[], perNode: Allocatable): number | undefined {
    if (pods.some((p) => p.cpuMillis > perNode.cpuMillis || p.memoryBytes > perNode.memoryBytes)) return undefined;
    const free: Allocatable[] = [];
    for (const pod of [...pods].sort((a, b) => b.cpuMillis - a.cpuMillis || b.memoryBytes - a.memoryBytes)) {
        const node = free.find((n) => n.cpuMillis >= pod.cpuMillis && n.memoryBytes >= pod.memoryBytes);
        if (node) {
            node.cpuMillis -= pod.cpuMillis;
            node.memoryBytes -= pod.memoryBytes;
        } else {
            free.push({ cpuMillis: perNode.cpuMillis - pod.cpuMillis, memoryBytes: perNode.memoryBytes - pod.memoryBytes });
        }
    }
    return free.length;
}

/** The Sidecar pods' total requests, for clusters whose nodes this program does not know (target existing). */
export function totalRequests(pods: PodDemand[]): { cpu: string; memory: string; pods: number; largest: string } {
    const cpu = pods.reduce((n, p) => n + p.cpuMillis, 0);
    const memory = pods.reduce((n, p) => n + p.memoryBytes, 0);
    const largest = [...pods].sort((a, b) => b.cpuMillis - a.cpuMillis)[0];
    return {
        cpu: `${cpu / 1000} CPU`,
        memory: `${(memory / GIB).toFixed(1)} GiB`,
        pods: pods.length,
        largest: largest ? `${largest.cpuMillis / 1000} CPU and ${(largest.memoryBytes / GIB).toFixed(1)} GiB on one node` : "none",
    };
}

/** Allocatable of one node for Sidecar pods, after the node's own reservations and the platform's DaemonSets. */
export function sidecarAllocatable(cloud: "aws" | "azure", shape: NodeShape): Allocatable {
    const base = cloud === "aws" ? eksAllocatable(shape) : aksAllocatable(shape);
    const daemonSets = PLATFORM_OVERHEAD[cloud].daemonSets;
    return { cpuMillis: base.cpuMillis - daemonSets.cpuMillis, memoryBytes: base.memoryBytes - daemonSets.memoryBytes };
}
