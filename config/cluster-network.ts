import type { StackConfig } from "./index";
import { AKS_POD_CIDR, AKS_SERVICE_CIDR } from "./azure";
import { cidrContains } from "../kubernetes-model/cidr";

/**
 * Addresses no Sidecar or archiver pod ever needs, excluded from every "Internet" egress rule and never
 * accepted as an allowed destination: the link-local range holds the cloud instance-metadata endpoint
 * (169.254.169.254: node credentials on AWS and Azure, review B1), and 168.63.129.16 is the Azure
 * wireserver (host DNS, health probes, VM agent).
 */
const LINK_LOCAL_CIDR = "169.254.0.0/16";
export const AZURE_WIRESERVER_CIDR = "168.63.129.16/32";
export const NEVER_REACHABLE_CIDRS = [LINK_LOCAL_CIDR, AZURE_WIRESERVER_CIDR] as const;

/**
 * EKS picks its Service range itself when the cluster does not set one: 172.20.0.0/16 when the VPC lies
 * in 10.0.0.0/8, else 10.100.0.0/16 (EKS `kubernetesNetworkConfig.serviceIpv4Cidr` docs). Both are
 * excluded, so the choice does not matter.
 */
const EKS_DEFAULT_SERVICE_CIDRS = ["10.100.0.0/16", "172.20.0.0/16"] as const;

/** EKS with the VPC CNI: pods and nodes take VPC addresses; Services come from the EKS default range. */
export function eksClusterCidrs(vpcCidr: string): string[] {
    return [vpcCidr, ...EKS_DEFAULT_SERVICE_CIDRS];
}

/** AKS with the overlay CNI this project sets: the VNet (nodes, database, private endpoints), pods and Services. */
export function aksClusterCidrs(vnetCidr: string): string[] {
    return [vnetCidr, AKS_POD_CIDR, AKS_SERVICE_CIDR];
}

/**
 * For an existing cluster whose ranges config does not give: every private (RFC 1918) and shared (RFC 6598)
 * range, where pods, Services and nodes almost always live. Fail closed: a central server or OCSP responder
 * on such an address must be listed explicitly.
 */
export const PRIVATE_CIDRS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

/** Sample ranges of a cluster, for flow tables: where pods, Services and nodes take their addresses. */
export interface ClusterNetwork {
    podCidr: string;
    serviceCidr: string;
    nodeCidr: string;
    /** Everything Internet egress excludes (PlatformBindings.clusterCidrs). */
    clusterCidrs: string[];
    /** Where a managed database lives (PlatformBindings.privateNetworkCidrs). */
    privateNetworkCidrs: string[];
}

/** The ranges each target uses, as its platform component hands them to the Sidecar stack. */
export function clusterNetwork(config: StackConfig): ClusterNetwork {
    switch (config.target) {
        case "aws": {
            const vpc = config.aws.vpcCidr;
            const service = cidrContains("10.0.0.0/8", vpc) ? "172.20.0.0/16" : "10.100.0.0/16";
            return { podCidr: vpc, serviceCidr: service, nodeCidr: vpc, clusterCidrs: eksClusterCidrs(vpc), privateNetworkCidrs: [vpc] };
        }
        case "azure": {
            const a = config.azure;
            return {
                podCidr: AKS_POD_CIDR,
                serviceCidr: AKS_SERVICE_CIDR,
                nodeCidr: a.nodeSubnetCidr,
                clusterCidrs: aksClusterCidrs(a.vnetCidr),
                privateNetworkCidrs: [a.vnetCidr],
            };
        }
        case "existing": {
            const c = config.existing.clusterCidrs;
            return {
                podCidr: c[0] ?? PRIVATE_CIDRS[0],
                serviceCidr: c[1] ?? c[0] ?? PRIVATE_CIDRS[1],
                nodeCidr: c[2] ?? c[0] ?? PRIVATE_CIDRS[2],
                clusterCidrs: c,
                privateNetworkCidrs: [],
            };
        }
    }
}
