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
exports.SCENARIOS = exports.WORKLOAD_IDENTITY_ANNOTATION = exports.publishedAddresses = exports.S3_ROLE_ANNOTATION = exports.INTERNAL_LB_ANNOTATIONS = exports.LB_ANNOTATIONS = void 0;
exports.scenario = scenario;
const pulumi = __importStar(require("@pulumi/pulumi"));
const render_1 = require("./render");
exports.LB_ANNOTATIONS = {
    "service.beta.kubernetes.io/aws-load-balancer-type": "external",
    "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
};
exports.INTERNAL_LB_ANNOTATIONS = { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" };
exports.S3_ROLE_ANNOTATION = { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/xroad-archiver" };
/** What the fake platform's DNS was asked to publish: instance name and load-balancer hostname. */
exports.publishedAddresses = [];
exports.WORKLOAD_IDENTITY_ANNOTATION = { "azure.workload.identity/client-id": "00000000-0000-4000-8000-0000000000aa" };
const builders = {
    /** §2.1: one pod, PostgreSQL inside. */
    "single-local": () => ({
        instance: (0, render_1.instanceFromConfig)({
            name: "solo",
            namespace: "xroad-solo",
            flavour: "full",
            topology: "single",
            database: { mode: "local" },
        }),
        platform: (0, render_1.existingPlatform)(),
    }),
    /** §2.1 with the `fi` variant: ACME HTTP-01 challenges in on port 80 and mail out on 587. */
    "single-acme": () => ({
        instance: (0, render_1.instanceFromConfig)({
            name: "acme",
            namespace: "xroad-acme",
            flavour: "full",
            variant: "fi",
            topology: "single",
            database: { mode: "local" },
            network: {
                mailCidrs: ["192.0.2.25/32"],
                producers: [{ name: "registry", namespaces: ["registry"], podLabels: { app: "registry" }, ports: [8443] }],
            },
        }),
        platform: (0, render_1.existingPlatform)(),
    }),
    /** §2.2: one pod, a PostgreSQL server the user runs, with a superuser not named postgres. */
    "single-external": () => ({
        instance: (0, render_1.instanceFromConfig)({
            name: "edge",
            namespace: "xroad-edge",
            flavour: "slim",
            topology: "single",
            database: {
                mode: "external",
                host: "pg.db.example.internal",
                port: 6432,
                user: "xroadadmin",
                namePrefix: "edge",
                egressCidrs: ["10.30.0.0/24"],
            },
            resources: { requests: { cpu: "2", memory: "6Gi" }, limits: { cpu: "3", memory: "6Gi" } },
        }, { dbPassword: "configured-db-password-value", tokenPin: "configured-token-pin-1234" }),
        // The instance's own file share class (as Azure Files per instance) and no config class: the cluster default.
        platform: (0, render_1.existingPlatform)({ storage: { sharedClassByInstance: { edge: "azurefile-edge", other: "azurefile-other" } } }),
    }),
    /** §2.3 on a cluster with shared storage and an S3 archive store (EKS-like). */
    "primary-secondaries-external": () => ({
        instance: (0, render_1.instanceFromConfig)({
            name: "lb",
            namespace: "xroad-lb",
            flavour: "slim",
            variant: "fi",
            topology: "primary-secondaries",
            database: { mode: "external", host: "10.20.30.40" },
            resources: { requests: { cpu: "2", memory: "3Gi" }, limits: { cpu: "2", memory: "3Gi" } },
            secondaryResources: { requests: { cpu: "2", memory: "6Gi" }, limits: { cpu: "4", memory: "6Gi" } },
            autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 65, scaleDownStabilizationSeconds: 900 },
            network: {
                consumerNamespaces: ["apps", "billing"],
                consumerPodLabels: { "xroad/consumer": "yes" },
                consumerCidrs: ["10.70.0.0/24"],
                loadBalancerSourceRanges: ["192.0.2.0/24", "198.51.100.0/24"],
                xroadEgressCidrs: ["203.0.113.0/24"],
                ocspTsaPorts: [8888, 8899],
                producers: [
                    { name: "backend", cidrs: ["10.30.0.0/24"], ports: [8443] },
                    { name: "orders", namespaces: ["apps"], podLabels: { app: "orders" }, ports: [8080, 9090] },
                ],
                // Target existing knows no internal load balancer annotations; these stand in for a cloud's.
                consumerLoadBalancer: { annotations: { "example.org/internal": "true" } },
            },
            archiving: {
                enabled: true,
                schedule: "15 */4 * * *",
                resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "250m", memory: "384Mi" } },
            },
        }),
        platform: (0, render_1.existingPlatform)({
            cloud: "aws",
            storage: { configClass: "gp3-encrypted", sharedClass: "efs-ap" },
            clusterCidrs: ["10.0.0.0/16", "172.20.0.0/16"],
            loadBalancer: {
                annotations: exports.LB_ANNOTATIONS,
                internalAnnotations: exports.INTERNAL_LB_ANNOTATIONS,
                loadBalancerIP: "198.51.100.77",
                publishAddress: (instance, hostname) => pulumi.output(hostname).apply((h) => {
                    exports.publishedAddresses.push({ instance, hostname: h });
                    return `${instance}.xroad.example.org`;
                }),
            },
            archives: {
                lb: {
                    kind: "s3",
                    bucket: "xroad-archives-123456789012",
                    prefix: "lb/",
                    region: "eu-north-1",
                    kmsKeyArn: "arn:aws:kms:eu-north-1:123456789012:key/11111111-2222-3333-4444-555555555555",
                    serviceAccountAnnotations: exports.S3_ROLE_ANNOTATION,
                    serviceAccountName: "xroad-archiver",
                    image: "public.ecr.aws/aws-cli/aws-cli:2.31.39",
                },
            },
            privateNetworkCidrs: ["10.0.0.0/16"],
        }),
    }),
    /** §2.3 with the platform's managed database and a Blob store, without shared storage (AKS-like). */
    "primary-secondaries-managed": () => {
        const loaded = (0, render_1.instanceFromConfig)({
            name: "ee",
            namespace: "xroad-ee",
            flavour: "full",
            variant: "ee",
            topology: "primary-secondaries",
            database: { mode: "external", host: "10.1.2.3" },
            archiving: { enabled: true },
            network: { consumerNamespaces: ["apps"] },
        });
        // target existing cannot create a managed database; switch the loaded instance to it as aws/azure would.
        const instance = { ...loaded, database: { mode: "managed", namePrefix: "ee" } };
        return {
            instance,
            platform: (0, render_1.existingPlatform)({
                cloud: "azure",
                storage: { configClass: "managed-csi-premium" },
                loadBalancer: { annotations: { "service.beta.kubernetes.io/azure-pip-name": "pip-xroad-ee" } },
                databases: {
                    ee: {
                        host: "psql-xroad.postgres.database.azure.com",
                        port: 5432,
                        user: "xroadadmin",
                        password: pulumi.secret("managed-db-password-value"),
                        requireTls: true,
                    },
                },
                archives: {
                    ee: {
                        kind: "blob",
                        accountName: "stxroadarchive",
                        container: "archives",
                        serviceAccountAnnotations: exports.WORKLOAD_IDENTITY_ANNOTATION,
                        serviceAccountName: "xroad-archiver",
                        podLabels: { "azure.workload.identity/use": "true" },
                        image: "mcr.microsoft.com/azure-cli:2.79.0",
                    },
                },
                privateNetworkCidrs: ["10.224.0.0/12"],
                clusterCidrs: ["10.224.0.0/12", "10.244.0.0/16", "10.245.0.0/16"],
            }),
        };
    },
};
exports.SCENARIOS = Object.keys(builders);
const cache = new Map();
/** Renders a scenario the first time it is asked for; call from `before` hooks (sequential). */
async function scenario(name) {
    const hit = cache.get(name);
    if (hit)
        return hit;
    const { instance, platform } = builders[name]();
    const rendered = await (0, render_1.render)(instance, platform);
    const s = { instance, platform, rendered };
    cache.set(name, s);
    return s;
}
