"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRIVATE_CIDRS = exports.NEVER_REACHABLE_CIDRS = exports.AZURE_WIRESERVER_CIDR = void 0;
exports.eksClusterCidrs = eksClusterCidrs;
exports.aksClusterCidrs = aksClusterCidrs;
exports.clusterNetwork = clusterNetwork;
const azure_1 = require("./azure");
const cidr_1 = require("../policy/kubernetes/cidr");
/**
 * Addresses no Sidecar or archiver pod ever needs, excluded from every "Internet" egress rule and never
 * accepted as an allowed destination: the link-local range holds the cloud instance-metadata endpoint
 * (169.254.169.254: node credentials on AWS and Azure, review B1), and 168.63.129.16 is the Azure
 * wireserver (host DNS, health probes, VM agent).
 */
const LINK_LOCAL_CIDR = "169.254.0.0/16";
exports.AZURE_WIRESERVER_CIDR = "168.63.129.16/32";
exports.NEVER_REACHABLE_CIDRS = [LINK_LOCAL_CIDR, exports.AZURE_WIRESERVER_CIDR];
/**
 * EKS picks its Service range itself when the cluster does not set one: 172.20.0.0/16 when the VPC lies
 * in 10.0.0.0/8, else 10.100.0.0/16 (EKS `kubernetesNetworkConfig.serviceIpv4Cidr` docs). Both are
 * excluded, so the choice does not matter.
 */
const EKS_DEFAULT_SERVICE_CIDRS = ["10.100.0.0/16", "172.20.0.0/16"];
/** EKS with the VPC CNI: pods and nodes take VPC addresses; Services come from the EKS default range. */
function eksClusterCidrs(vpcCidr) {
    return [vpcCidr, ...EKS_DEFAULT_SERVICE_CIDRS];
}
/** AKS with the overlay CNI this project sets: the VNet (nodes, database, private endpoints), pods and Services. */
function aksClusterCidrs(vnetCidr) {
    return [vnetCidr, azure_1.AKS_POD_CIDR, azure_1.AKS_SERVICE_CIDR];
}
/**
 * For an existing cluster whose ranges config does not give: every private (RFC 1918) and shared (RFC 6598)
 * range, where pods, Services and nodes almost always live. Fail closed: a central server or OCSP responder
 * on such an address must be listed explicitly.
 */
exports.PRIVATE_CIDRS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];
/** The ranges each target uses, as its platform component hands them to the Sidecar stack. */
function clusterNetwork(config) {
    switch (config.target) {
        case "aws": {
            const vpc = config.aws.vpcCidr;
            const service = (0, cidr_1.cidrContains)("10.0.0.0/8", vpc) ? "172.20.0.0/16" : "10.100.0.0/16";
            return { podCidr: vpc, serviceCidr: service, nodeCidr: vpc, clusterCidrs: eksClusterCidrs(vpc), privateNetworkCidrs: [vpc] };
        }
        case "azure": {
            const a = config.azure;
            return {
                podCidr: azure_1.AKS_POD_CIDR,
                serviceCidr: azure_1.AKS_SERVICE_CIDR,
                nodeCidr: a.nodeSubnetCidr,
                clusterCidrs: aksClusterCidrs(a.vnetCidr),
                privateNetworkCidrs: [a.vnetCidr],
            };
        }
        case "existing": {
            const c = config.existing.clusterCidrs;
            return {
                podCidr: c[0] ?? exports.PRIVATE_CIDRS[0],
                serviceCidr: c[1] ?? c[0] ?? exports.PRIVATE_CIDRS[1],
                nodeCidr: c[2] ?? c[0] ?? exports.PRIVATE_CIDRS[2],
                clusterCidrs: c,
                privateNetworkCidrs: [],
            };
        }
    }
}
