import { MockResourceArgs } from "@pulumi/pulumi/runtime/mocks";
import { MockTable, MOCK_ACCOUNT_ID } from "./types";
import { MOCK_CALLER } from "./rules/aws";
import { seededHex, seededUuid } from "./seeded";

const REGION = "eu-north-1";

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

/** An EC2-style id such as `vpc-0a1b2c3d4e5f60718`. */
function ec2Id(prefix: string, args: MockResourceArgs): Record<string, unknown> {
    const id = `${prefix}-0${seededHex(`${prefix}-${args.name}`, 16)}`;
    return { id, arn: `arn:aws:ec2:${REGION}:${MOCK_ACCOUNT_ID}:${prefix === "vpc" ? "vpc" : prefix}/${id}` };
}

/** The EKS cluster's OIDC issuer host and path, as EKS forms it. */
function oidcIssuer(clusterName: string): string {
    return `oidc.eks.${REGION}.amazonaws.com/id/${seededHex(`oidc-${clusterName}`, 32).toUpperCase()}`;
}

/**
 * The kubeconfig @pulumi/eks generates: the API endpoint, its CA and an exec of `aws eks get-token`
 * (no credentials inside).
 */
function kubeconfig(clusterName: string): Record<string, unknown> {
    const server = `https://${seededHex(`endpoint-${clusterName}`, 32).toUpperCase()}.gr7.${REGION}.eks.amazonaws.com`;
    return {
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: "kubernetes",
                cluster: { server, "certificate-authority-data": Buffer.from(`mock CA of ${clusterName}`).toString("base64") },
            },
        ],
        contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
        "current-context": "aws",
        users: [
            {
                name: "aws",
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
                        env: [{ name: "KUBERNETES_EXEC_INFO", value: '{"apiVersion": "client.authentication.k8s.io/v1beta1"}' }],
                    },
                },
            },
        ],
    };
}

/** AWS resources and invokes of the program, with the outputs the real services return. */
export const awsMocks: MockTable = {
    resources: {
        // @pulumi/eks is a remote component: under mocks it is this one resource, so its outputs are made up here.
        "eks:index:Cluster": (args) => {
            const name = str(args.inputs.name, args.name);
            const issuer = oidcIssuer(name);
            const config = kubeconfig(name);
            return {
                kubeconfig: config,
                kubeconfigJson: JSON.stringify(config),
                oidcIssuer: issuer,
                oidcProviderUrl: `https://${issuer}`,
                oidcProviderArn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/${issuer}`,
                clusterSecurityGroupId: `sg-0${seededHex(`cluster-sg-${name}`, 16)}`,
                nodeSecurityGroupId: `sg-0${seededHex(`node-sg-${name}`, 16)}`,
                clusterIngressRuleId: `sgr-0${seededHex(`ingress-${name}`, 16)}`,
            };
        },
        "aws:ec2/vpc:Vpc": (args) => ({
            ...ec2Id("vpc", args),
            defaultSecurityGroupId: `sg-0${seededHex(`default-${args.name}`, 16)}`,
            mainRouteTableId: `rtb-0${seededHex(`main-${args.name}`, 16)}`,
        }),
        "aws:ec2/subnet:Subnet": (args) => ec2Id("subnet", args),
        "aws:ec2/securityGroup:SecurityGroup": (args) => ({
            ...ec2Id("sg", args),
            name: str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`),
        }),
        "aws:ec2/internetGateway:InternetGateway": (args) => ec2Id("igw", args),
        "aws:ec2/natGateway:NatGateway": (args) => ({
            ...ec2Id("nat", args),
            publicIp: `198.51.100.${parseInt(seededHex(args.name, 2), 16) % 250}`,
        }),
        "aws:ec2/eip:Eip": (args) => ({
            ...ec2Id("eipalloc", args),
            allocationId: ec2Id("eipalloc", args).id,
            publicIp: `198.51.100.${parseInt(seededHex(args.name, 2), 16) % 250}`,
        }),
        "aws:ec2/routeTable:RouteTable": (args) => ec2Id("rtb", args),
        "aws:ec2/launchTemplate:LaunchTemplate": (args) => ({ ...ec2Id("lt", args), latestVersion: 1, defaultVersion: 1 }),
        "aws:kms/key:Key": (args) => {
            const keyId = seededUuid(`kms-${args.name}`);
            return { id: keyId, keyId, arn: `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/${keyId}` };
        },
        "aws:iam/role:Role": (args) => {
            // No truncation: a name over the limit has already failed the plan (rules/aws.ts), as it would fail the provider.
            const name = str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`);
            return {
                id: name,
                name,
                arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${name}`,
                uniqueId: `AROA${seededHex(args.name, 17).toUpperCase()}`,
            };
        },
        "aws:cloudwatch/logGroup:LogGroup": (args) => {
            const name = str(args.inputs.name, args.name);
            return { id: name, arn: `arn:aws:logs:${REGION}:${MOCK_ACCOUNT_ID}:log-group:${name}` };
        },
        "aws:s3/bucket:Bucket": (args) => {
            const bucket = str(args.inputs.bucket, `${str(args.inputs.bucketPrefix, `${args.name}-`)}${seededHex(args.name, 12)}`);
            return {
                id: bucket,
                bucket,
                arn: `arn:aws:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.${REGION}.amazonaws.com`,
                region: REGION,
            };
        },
        "aws:efs/fileSystem:FileSystem": (args) => {
            const id = `fs-0${seededHex(`efs-${args.name}`, 16)}`;
            return {
                id,
                arn: `arn:aws:elasticfilesystem:${REGION}:${MOCK_ACCOUNT_ID}:file-system/${id}`,
                dnsName: `${id}.efs.${REGION}.amazonaws.com`,
            };
        },
        "aws:efs/mountTarget:MountTarget": (args) => ({
            id: `fsmt-0${seededHex(args.name, 16)}`,
            ipAddress: `10.20.${parseInt(seededHex(args.name, 2), 16) % 96}.10`,
        }),
        "aws:rds/instance:Instance": (args) => {
            const identifier = str(args.inputs.identifier, args.name);
            const address = `${identifier}.c${seededHex(`rds-${identifier}`, 11)}.${REGION}.rds.amazonaws.com`;
            const port = typeof args.inputs.port === "number" ? args.inputs.port : 5432;
            return {
                id: identifier,
                address,
                endpoint: `${address}:${port}`,
                port,
                arn: `arn:aws:rds:${REGION}:${MOCK_ACCOUNT_ID}:db:${identifier}`,
                resourceId: `db-${seededHex(identifier, 26).toUpperCase()}`,
            };
        },
        "aws:rds/subnetGroup:SubnetGroup": (args) => ({
            id: str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`),
            name: str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`),
        }),
        "aws:rds/parameterGroup:ParameterGroup": (args) => ({
            id: str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`),
            name: str(args.inputs.name, `${args.name}-${seededHex(args.name, 7)}`),
        }),
        "aws:eks/nodeGroup:NodeGroup": (args) => ({
            nodeGroupName: str(args.inputs.nodeGroupName, `${args.name}-${seededHex(args.name, 7)}`),
            status: "ACTIVE",
        }),
        "aws:iam/serviceLinkedRole:ServiceLinkedRole": (args) => {
            const service = str(args.inputs.awsServiceName, "service.amazonaws.com");
            const name =
                service === "autoscaling.amazonaws.com" ? "AWSServiceRoleForAutoScaling" : `AWSServiceRoleFor${service.split(".")[0]}`;
            return {
                id: name,
                name,
                path: `/aws-service-role/${service}/`,
                arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/aws-service-role/${service}/${name}`,
            };
        },
        "aws:route53/record:Record": (args) => ({ fqdn: str(args.inputs.name, args.name).replace(/\.$/, "") }),
    },
    calls: {
        "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
            names: ["eu-north-1a", "eu-north-1b", "eu-north-1c"],
            zoneIds: ["eun1-az1", "eun1-az2", "eun1-az3"],
            id: "eu-north-1",
        }),
        "aws:index/getCallerIdentity:getCallerIdentity": () => ({
            accountId: MOCK_ACCOUNT_ID,
            arn: MOCK_CALLER.sessionArn,
            userId: "AROAPLANDEPLOYER:pulumi",
            id: MOCK_ACCOUNT_ID,
        }),
        // The role EC2 Auto Scaling creates in an account's first Auto Scaling group (aws.autoScalingServiceLinkedRole: existing).
        "aws:iam/getRole:getRole": (args) => {
            const name = str(args.inputs.name, "role");
            const path = name === "AWSServiceRoleForAutoScaling" ? "/aws-service-role/autoscaling.amazonaws.com/" : "/";
            return {
                id: name,
                name,
                path,
                arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role${path}${name}`,
                uniqueId: `AROA${seededHex(name, 17).toUpperCase()}`,
            };
        },
        "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
        "aws:index/getRegion:getRegion": (args) => ({
            name: args.inputs.name ?? "eu-north-1",
            region: args.inputs.region ?? "eu-north-1",
            id: "eu-north-1",
        }),
    },
};
