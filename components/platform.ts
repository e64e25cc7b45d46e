import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/**
 * What a platform (EKS, AKS or an existing cluster) hands to the Sidecar stack. The Sidecar
 * component depends only on this interface, never on a cloud SDK: the AWS and Azure components
 * fill it in, and `target: existing` fills it from config.
 */
export interface PlatformBindings {
    /** The Kubernetes provider every Sidecar object is created with. */
    provider: k8s.Provider;
    /** Which cloud, for cloud-specific annotations. */
    cloud: "aws" | "azure" | "none";
    storage: {
        /** ReadWriteOnce StorageClass for `/etc/xroad` and the local database; undefined means the cluster default. */
        configClass?: pulumi.Input<string>;
        /** ReadWriteMany StorageClass for the shared `/var/lib/xroad` (EFS, Azure Files); undefined when none. */
        sharedClass?: pulumi.Input<string>;
        /**
         * Per instance (keyed by instance name): a ReadWriteMany StorageClass bound to that instance's own
         * file share (Azure Files). Takes precedence over `sharedClass` for the instances it names.
         */
        sharedClassByInstance?: Record<string, pulumi.Input<string>>;
    };
    /** Service annotations and settings for the public LoadBalancer of 5500/5577. */
    loadBalancer: {
        annotations: pulumi.Input<Record<string, pulumi.Input<string>>>;
        /** A static address the Service binds to (Azure static public IP, or a fixed internal IP). */
        loadBalancerIP?: pulumi.Input<string>;
        /**
         * Publishes an instance's load-balancer hostname under a stable DNS name (a Route 53 record on
         * AWS) and returns the address to register in X-Road. Absent when the platform has no DNS
         * configured: then the load balancer's own address is the one to register.
         */
        publishAddress?: (instanceName: string, loadBalancerHostname: pulumi.Input<string>) => pulumi.Output<string>;
        /**
         * Annotations that make a Service's load balancer internal (the consumer load balancer): the AWS
         * internal NLB, the Azure internal load balancer. Absent: the platform does not know them.
         */
        internalAnnotations?: Record<string, string>;
    };
    /**
     * Per Sidecar instance (keyed by instance name): where its archiver CronJob copies message-log
     * archives and backups (guide §10). An instance with no entry has no archive store.
     */
    archives: Record<string, ArchiveBinding>;
    /** Per Sidecar instance with `database.mode: managed`: the server the platform created. */
    databases: Record<string, ManagedDatabaseBinding>;
    /** Kubernetes objects the platform creates first (Calico, CSI drivers, metrics-server). */
    dependsOn: pulumi.Input<pulumi.Resource>[];
    /** CIDRs the pods may reach for the database and the cloud's storage and identity endpoints. */
    privateNetworkCidrs: string[];
    /**
     * The cluster's own pod, Service and node (VPC/VNet) ranges: "Internet" egress rules exclude them, so
     * an Internet-facing pod cannot reach the API server, the nodes or other pods (review B1).
     */
    clusterCidrs: string[];
}

/** The archive store and the workload identity the archiver's ServiceAccount uses to reach it. */
export type ArchiveBinding = S3ArchiveBinding | BlobArchiveBinding;

export interface S3ArchiveBinding {
    kind: "s3";
    bucket: pulumi.Input<string>;
    prefix: string;
    region: string;
    kmsKeyArn: pulumi.Input<string>;
    /** ServiceAccount annotations for IRSA (`eks.amazonaws.com/role-arn`). */
    serviceAccountAnnotations: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The ServiceAccount name the role trusts; the Sidecar stack must create exactly this one. */
    serviceAccountName: string;
    /** The archiver image (aws CLI). */
    image: string;
}

export interface BlobArchiveBinding {
    kind: "blob";
    accountName: pulumi.Input<string>;
    container: pulumi.Input<string>;
    /** ServiceAccount annotations for Azure workload identity (`azure.workload.identity/client-id`). */
    serviceAccountAnnotations: pulumi.Input<Record<string, pulumi.Input<string>>>;
    serviceAccountName: string;
    /** Pod label that turns on the workload identity webhook. */
    podLabels: Record<string, string>;
    image: string;
}

/** A managed database the platform created for one instance (RDS, Flexible Server). */
export interface ManagedDatabaseBinding {
    host: pulumi.Input<string>;
    port: number;
    /** Superuser login; written to `/etc/xroad.properties` when it is not `postgres`. */
    user: pulumi.Input<string>;
    password: pulumi.Output<string>;
    /** Whether the server requires TLS; the Sidecar is then given `PGSSLMODE` (xroad-facts §6). */
    requireTls: boolean;
}

/** A platform component: the cluster and cloud services, and what it hands to the Sidecar stack. */
export interface Platform {
    readonly bindings: PlatformBindings;
    /** Stack outputs of the platform (cluster name, addresses to register, where archives land). */
    readonly outputs: pulumi.Inputs;
}
