import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { parseCidr, subnetOf } from "../../kubernetes-model/cidr";
import { AwsSettings } from "../../config/aws";

/**
 * The VPC settings (config/aws.ts): `availabilityZoneCount` zones of private subnets (nodes, database, EFS) and
 * public subnets (load balancer, NAT); `region` names the S3 gateway endpoint's service.
 */
export interface NetworkArgs extends Pick<AwsSettings, "vpcCidr" | "availabilityZoneCount" | "region"> {
    /** EKS cluster name, for the subnet tags the cloud provider uses to place load balancers. */
    clusterName: string;
    /** One NAT gateway per zone (production), so losing a zone does not cut the other zones' egress; otherwise one. */
    natGatewayPerZone: boolean;
}

/**
 * Carves the VPC into subnets: the first three eighths are private (pods take VPC addresses under the
 * VPC CNI, so they get the space); the last eighth is cut into small public subnets, which hold only
 * the load balancer and NAT gateways.
 */
export function subnetCidrs(vpcCidr: string, zones: number): { private: string[]; public: string[] } {
    const vpc = parseCidr(vpcCidr);
    if (!vpc) throw new Error(`not an IPv4 CIDR: ${vpcCidr}`);
    const prefix = vpc.prefix;
    // The last eighth of the VPC is /+6 block number 56 onwards.
    const privateCidrs = Array.from({ length: zones }, (_, i) => subnetOf(vpcCidr, prefix + 3, i));
    const publicCidrs = Array.from({ length: zones }, (_, i) => subnetOf(vpcCidr, prefix + 6, 7 * 8 + i));
    return { private: privateCidrs, public: publicCidrs };
}

/**
 * The VPC: private subnets across the zones for nodes, the database and EFS mount targets; public
 * subnets for the internet-facing load balancer only (no public IPs on launch); NAT for egress.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly vpcCidr: string;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:Network", name, {}, opts);
        const clusterTag = { [`kubernetes.io/cluster/${args.clusterName}`]: "shared" };
        const zones = aws.getAvailabilityZonesOutput(
            { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
            { parent: this },
        );
        const cidrs = subnetCidrs(args.vpcCidr, args.availabilityZoneCount);

        const vpc = new aws.ec2.Vpc(
            name,
            {
                cidrBlock: args.vpcCidr,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: { Name: name },
            },
            { parent: this },
        );
        // The default security group allows all traffic between its members; strip its rules so nothing
        // lands in it by accident (CIS AWS 5.4).
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default`,
            { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${name}-default-closed` } },
            { parent: this },
        );

        const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: { Name: name } }, { parent: this });
        const publicRoutes = new aws.ec2.RouteTable(
            `${name}-public`,
            {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
                tags: { Name: `${name}-public` },
            },
            { parent: this },
        );

        const publicSubnets: aws.ec2.Subnet[] = [];
        const natGateways: aws.ec2.NatGateway[] = [];
        this.privateSubnetIds = [];
        const privateRouteTables: aws.ec2.RouteTable[] = [];
        for (let i = 0; i < args.availabilityZoneCount; i++) {
            const zone = zones.names.apply((names) => {
                if (names.length < args.availabilityZoneCount)
                    throw new Error(`the region has ${names.length} availability zones; ${args.availabilityZoneCount} are configured`);
                return names[i];
            });
            const pub = new aws.ec2.Subnet(
                `${name}-public-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: cidrs.public[i],
                    availabilityZone: zone,
                    mapPublicIpOnLaunch: false,
                    tags: { ...clusterTag, Name: `${name}-public-${i}`, "kubernetes.io/role/elb": "1" },
                },
                { parent: this },
            );
            new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: pub.id, routeTableId: publicRoutes.id }, { parent: this });
            publicSubnets.push(pub);

            if (args.natGatewayPerZone || i === 0) {
                const eip = new aws.ec2.Eip(`${name}-nat-${i}`, { domain: "vpc", tags: { Name: `${name}-nat-${i}` } }, { parent: this });
                natGateways.push(
                    new aws.ec2.NatGateway(
                        `${name}-nat-${i}`,
                        { subnetId: pub.id, allocationId: eip.id, connectivityType: "public", tags: { Name: `${name}-nat-${i}` } },
                        { parent: this, dependsOn: [igw] },
                    ),
                );
            }
            const nat = natGateways[args.natGatewayPerZone ? i : 0];
            const priv = new aws.ec2.Subnet(
                `${name}-private-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: cidrs.private[i],
                    availabilityZone: zone,
                    mapPublicIpOnLaunch: false,
                    tags: { ...clusterTag, Name: `${name}-private-${i}`, "kubernetes.io/role/internal-elb": "1" },
                },
                { parent: this },
            );
            const privateRoutes = new aws.ec2.RouteTable(
                `${name}-private-${i}`,
                {
                    vpcId: vpc.id,
                    routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                    tags: { Name: `${name}-private-${i}` },
                },
                { parent: this },
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-private-${i}`,
                { subnetId: priv.id, routeTableId: privateRoutes.id },
                { parent: this },
            );
            this.privateSubnetIds.push(priv.id);
            privateRouteTables.push(privateRoutes);
        }
        // Archive uploads, ECR image layers (served from S3) and EKS add-on images reach S3 through the VPC, not the
        // NAT gateways: no internet path for archive data and no NAT charge for it (review aws B12). A gateway endpoint
        // costs nothing; its route is the endpoint's own (the route tables' inline routes leave vpce- routes alone).
        new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: vpc.id,
                serviceName: `com.amazonaws.${args.region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: privateRouteTables.map((table) => table.id),
                tags: { Name: `${name}-s3` },
            },
            { parent: this },
        );
        this.vpcId = vpc.id;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.vpcCidr = args.vpcCidr;
        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds, publicSubnetIds: this.publicSubnetIds });
    }
}
