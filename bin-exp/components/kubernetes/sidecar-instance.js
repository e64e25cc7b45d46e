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
exports.SidecarInstance = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const env_1 = require("../../policy/xroad/env");
const ports_1 = require("../../policy/xroad/ports");
const labels_1 = require("../../policy/xroad/labels");
const names_1 = require("./names");
const labels_2 = require("./labels");
const namespace_1 = require("./namespace");
const credentials_1 = require("./credentials");
const ssh_keys_1 = require("./ssh-keys");
const database_1 = require("./database");
const java_heap_1 = require("./java-heap");
const primary_1 = require("./primary");
const secondaries_1 = require("./secondaries");
const services_1 = require("./services");
const probes_1 = require("./probes");
const network_policies_1 = require("./network-policies");
const archiver_1 = require("./archiver");
/**
 * One hardened X-Road Security Server Sidecar in its own namespace, in the topology its config asks
 * for: a single pod (local or remote database), or a primary with autoscaled secondaries behind a
 * load balancer (NIIS Kubernetes user guide §2). It depends only on `PlatformBindings`, so EKS, AKS
 * and any existing cluster get the same objects.
 */
class SidecarInstance extends pulumi.ComponentResource {
    outputs;
    constructor(name, args, opts) {
        super("xroad:kubernetes:SidecarInstance", name, {}, opts);
        const { instance, release, platform } = args;
        const protectData = args.protectData ?? true;
        const version = release.sidecarVersion;
        const names = (0, names_1.objectNames)(instance);
        const labels = (0, labels_2.instanceLabels)(instance, version);
        const child = { parent: this };
        const ns = (0, namespace_1.createSidecarNamespace)(`${name}-ns`, { name: instance.namespace, labels, protectData }, child);
        // Every object names the namespace through the Namespace's output, so it is created after it.
        const namespace = ns.metadata.name;
        const database = (0, database_1.databaseConnection)(instance, platform);
        const credentials = new credentials_1.SidecarCredentials(`${name}-variables`, {
            namespace,
            secretName: names.variablesSecret,
            labels,
            configured: instance.secrets,
            database: database.kind === "local" ? "local" : { password: database.password },
        }, child);
        new network_policies_1.SidecarNetworkPolicies(`${name}-netpol`, { instance, namespace, labels, database, clusterCidrs: platform.clusterCidrs }, child);
        const serverRole = instance.topology === "single" ? labels_1.ROLE_STANDALONE : labels_1.ROLE_PRIMARY;
        const heap = instance.topology === "single"
            ? (0, java_heap_1.proxyHeap)(instance.primaryResources.limits.memory, instance.flavour, database.kind === "local")
            : (0, java_heap_1.sharedProxyHeap)([instance.primaryResources, instance.secondaryResources], instance.flavour);
        // Pods name their Secrets through the Secrets' outputs, so they are created after them.
        const variablesSecret = credentials.secret.metadata.name;
        // Only the load-balanced topology syncs over SSH.
        const sshKeys = instance.topology === "primary-secondaries"
            ? new ssh_keys_1.SshKeyPair(`${name}-ssh`, { namespace, secretName: names.sshSecret, labels }, child)
            : undefined;
        const sshSecretName = sshKeys?.secret.metadata.name;
        const server = new primary_1.SidecarPrimary(`${name}-${serverRole}`, {
            role: serverRole,
            instance,
            release,
            platform,
            namespace,
            names,
            variables: { secretName: variablesSecret, keys: credentials.keys },
            sshSecretName,
            database,
            heap,
            protectData,
        }, child);
        const workload = serverRole === labels_1.ROLE_PRIMARY ? names.primary : names.standalone;
        let publicService;
        if (sshSecretName) {
            const secondaries = new secondaries_1.SidecarSecondaries(`${name}-secondaries`, {
                instance,
                release,
                platform,
                namespace,
                names,
                // Secondaries never read the database password (their entrypoint ignores XROAD_DB_*: xroad-facts §3.2).
                variables: { secretName: variablesSecret, keys: credentials.keys.filter((k) => k !== env_1.ENV.dbPassword) },
                sshSecretName,
                heap,
            }, child);
            publicService = secondaries.publicService;
        }
        else {
            const serverLabels = (0, labels_2.roleLabels)(instance, labels_1.ROLE_STANDALONE, version);
            const selector = (0, labels_2.selectorLabels)(instance, labels_1.ROLE_STANDALONE);
            publicService = (0, services_1.createPublicService)(`${name}-public`, {
                name: names.publicService,
                namespace,
                labels: serverLabels,
                selector,
                loadBalancer: platform.loadBalancer,
                sourceRanges: instance.network.loadBalancerSourceRanges,
                acme: instance.network.acmeChallenge ? { sourceRanges: instance.network.acmeSourceRanges } : undefined,
            }, child);
            (0, services_1.createConsumerService)(`${name}-consumer`, { name: names.consumerService, namespace, labels: serverLabels, selector, ports: (0, probes_1.consumerPorts)(instance.variant) }, child);
        }
        // Consumers outside the cluster come through an internal load balancer to the pods that serve them.
        let consumerLoadBalancer;
        if (instance.network.consumerLoadBalancer.enabled) {
            const role = instance.topology === "single" ? labels_1.ROLE_STANDALONE : labels_1.ROLE_SECONDARY;
            consumerLoadBalancer = (0, services_1.createConsumerLoadBalancer)(`${name}-consumer-internal`, {
                name: names.consumerLoadBalancer,
                namespace,
                labels: (0, labels_2.roleLabels)(instance, role, version),
                selector: (0, labels_2.selectorLabels)(instance, role),
                ports: (0, probes_1.consumerPorts)(instance.variant),
                annotations: { ...platform.loadBalancer.internalAnnotations, ...instance.network.consumerLoadBalancer.annotations },
                sourceRanges: instance.network.consumerCidrs,
            }, child);
        }
        const binding = platform.archives[instance.name];
        let archive;
        if (instance.archiving.enabled && binding) {
            new archiver_1.MessageLogArchiver(`${name}-archiver`, {
                instance,
                version,
                namespace,
                binding,
                archiveClaimName: server.archiveClaimName,
                archiveShared: server.archiveShared,
                serverRole,
                cronJobName: names.archiver,
            }, child);
            archive =
                binding.kind === "s3"
                    ? pulumi.interpolate `s3://${binding.bucket}/${binding.prefix}`
                    : pulumi.interpolate `https://${binding.accountName}.blob.core.windows.net/${binding.container}/${instance.name}/`;
        }
        else {
            archive = `none: message-log archives and backups stay on the ${server.archiveShared ? "ReadWriteMany" : "ReadWriteOnce"} volume ${names.archiveClaim} (${instance.archiving.enabled ? "the platform provides no archive store" : "archiving is off"})`;
        }
        const secretCommand = (key) => `kubectl --namespace ${instance.namespace} get secret ${names.variablesSecret} -o jsonpath='{.data.${key}}' | base64 -d`;
        // An external server's superuser password must be the one in the Secret: configured, or generated here.
        const databaseNote = instance.database.external && !instance.secrets.dbPassword
            ? `generated superuser password: give role ${instance.database.external.user} on ${instance.database.external.host} the password that \`${secretCommand(env_1.ENV.dbPassword)}\` prints, or set secrets.${instance.name}.dbPassword`
            : undefined;
        const ingress = publicService.status.loadBalancer.ingress;
        const loadBalancerAddress = ingress.apply((list) => list?.[0]?.hostname ?? list?.[0]?.ip ?? "pending");
        this.outputs = {
            namespace,
            topology: instance.topology,
            services: {
                ...(instance.topology === "primary-secondaries" ? { primarySsh: names.primaryService } : {}),
                public: names.publicService,
                consumer: names.consumerService,
                ...(consumerLoadBalancer ? { consumerInternal: names.consumerLoadBalancer } : {}),
            },
            ...(consumerLoadBalancer
                ? {
                    consumerLoadBalancerAddress: consumerLoadBalancer.status.loadBalancer.ingress.apply((list) => list?.[0]?.hostname ?? list?.[0]?.ip ?? "pending"),
                }
                : {}),
            loadBalancerAddress,
            // What to register as the Security Server's address (NIIS user guide §4.5.7): the platform's stable
            // DNS name for the load balancer when it publishes one, else the load balancer's own address.
            registeredAddress: platform.loadBalancer.publishAddress
                ? platform.loadBalancer.publishAddress(instance.name, loadBalancerAddress)
                : loadBalancerAddress,
            loadBalancerAddressCommand: `kubectl --namespace ${instance.namespace} get service ${names.publicService} -o jsonpath='{.status.loadBalancer.ingress[0]}'`,
            adminUi: {
                portForward: `kubectl --namespace ${instance.namespace} port-forward statefulset/${workload} ${ports_1.XROAD_PORTS.adminUi}:${ports_1.XROAD_PORTS.adminUi}`,
                url: `https://localhost:${ports_1.XROAD_PORTS.adminUi}`,
            },
            // Where the generated (or configured) secrets, the admin user among them, can be read by whoever may
            // read Secrets in the namespace; the values themselves never appear in outputs.
            secrets: Object.fromEntries(credentials.keys.map((key) => [key, secretCommand(key)])),
            ...(databaseNote ? { database: databaseNote } : {}),
            proxyHeap: `-Xms${heap.initialMiB}m -Xmx${heap.maxMiB}m`,
            archive,
        };
        this.registerOutputs(this.outputs);
    }
}
exports.SidecarInstance = SidecarInstance;
