"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.Network = void 0;
exports.subnetCidrs = subnetCidrs;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
function ipToInt(ip) {
    return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}
function intToIp(n) {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}
/**
 * Carves the VPC into subnets: the first three eighths are private (pods take VPC addresses under the
 * VPC CNI, so they get the space); the last eighth is cut into small public subnets, which hold only
 * the load balancer and NAT gateways.
 */
function subnetCidrs(vpcCidr, zones) {
    const [address, prefixText] = vpcCidr.split("/");
    const prefix = Number(prefixText);
    const size = 2 ** (32 - prefix);
    const base = ipToInt(address) - (ipToInt(address) % size);
    const eighth = size / 8;
    const privateCidrs = Array.from({ length: zones }, (_, i) => `${intToIp(base + i * eighth)}/${prefix + 3}`);
    const publicBase = base + 7 * eighth;
    const publicCidrs = Array.from({ length: zones }, (_, i) => `${intToIp(publicBase + (i * eighth) / 8)}/${prefix + 6}`);
    return { private: privateCidrs, public: publicCidrs };
}
/**
 * The VPC: private subnets across the zones for nodes, the database and EFS mount targets; public
 * subnets for the internet-facing load balancer only (no public IPs on launch); NAT for egress.
 */
class Network extends pulumi.ComponentResource {
    vpcId;
    privateSubnetIds;
    publicSubnetIds;
    vpcCidr;
    constructor(name, args, opts) {
        super("xroad:aws:Network", name, {}, opts);
        const clusterTag = { [`kubernetes.io/cluster/${args.clusterName}`]: "shared" };
        const zones = aws.getAvailabilityZonesOutput({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, { parent: this });
        const cidrs = subnetCidrs(args.vpcCidr, args.availabilityZoneCount);
        const vpc = new aws.ec2.Vpc(name, {
            cidrBlock: args.vpcCidr,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: { Name: name },
        }, { parent: this });
        // The default security group allows all traffic between its members; strip its rules so nothing
        // lands in it by accident (CIS AWS 5.4).
        new aws.ec2.DefaultSecurityGroup(`${name}-default`, { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${name}-default-closed` } }, { parent: this });
        const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: { Name: name } }, { parent: this });
        const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
            tags: { Name: `${name}-public` },
        }, { parent: this });
        const publicSubnets = [];
        const natGateways = [];
        this.privateSubnetIds = [];
        const privateRouteTables = [];
        for (let i = 0; i < args.availabilityZoneCount; i++) {
            const zone = zones.names.apply((names) => {
                if (names.length < args.availabilityZoneCount)
                    throw new Error(`the region has ${names.length} availability zones; ${args.availabilityZoneCount} are configured`);
                return names[i];
            });
            const pub = new aws.ec2.Subnet(`${name}-public-${i}`, {
                vpcId: vpc.id,
                cidrBlock: cidrs.public[i],
                availabilityZone: zone,
                mapPublicIpOnLaunch: false,
                tags: { ...clusterTag, Name: `${name}-public-${i}`, "kubernetes.io/role/elb": "1" },
            }, { parent: this });
            new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: pub.id, routeTableId: publicRoutes.id }, { parent: this });
            publicSubnets.push(pub);
            if (args.natGatewayPerZone || i === 0) {
                const eip = new aws.ec2.Eip(`${name}-nat-${i}`, { domain: "vpc", tags: { Name: `${name}-nat-${i}` } }, { parent: this });
                natGateways.push(new aws.ec2.NatGateway(`${name}-nat-${i}`, { subnetId: pub.id, allocationId: eip.id, connectivityType: "public", tags: { Name: `${name}-nat-${i}` } }, { parent: this, dependsOn: [igw] }));
            }
            const nat = natGateways[args.natGatewayPerZone ? i : 0];
            const priv = new aws.ec2.Subnet(`${name}-private-${i}`, {
                vpcId: vpc.id,
                cidrBlock: cidrs.private[i],
                availabilityZone: zone,
                mapPublicIpOnLaunch: false,
                tags: { ...clusterTag, Name: `${name}-private-${i}`, "kubernetes.io/role/internal-elb": "1" },
            }, { parent: this });
            const privateRoutes = new aws.ec2.RouteTable(`${name}-private-${i}`, {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                tags: { Name: `${name}-private-${i}` },
            }, { parent: this });
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: priv.id, routeTableId: privateRoutes.id }, { parent: this });
            this.privateSubnetIds.push(priv.id);
            privateRouteTables.push(privateRoutes);
        }
        // Archive uploads, ECR image layers (served from S3) and EKS add-on images reach S3 through the VPC, not the
        // NAT gateways: no internet path for archive data and no NAT charge for it (review aws B12). A gateway endpoint
        // costs nothing; its route is the endpoint's own (the route tables' inline routes leave vpce- routes alone).
        new aws.ec2.VpcEndpoint(`${name}-s3`, {
            vpcId: vpc.id,
            serviceName: `com.amazonaws.${args.region}.s3`,
            vpcEndpointType: "Gateway",
            routeTableIds: privateRouteTables.map((table) => table.id),
            tags: { Name: `${name}-s3` },
        }, { parent: this });
        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.vpcCidr = args.vpcCidr;
        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds, publicSubnetIds: this.publicSubnetIds });
    }
}
exports.Network = Network;
