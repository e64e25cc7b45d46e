import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ENV } from "../../policy/xroad/env";
import { XROAD_PORTS } from "../../policy/xroad/ports";
import { ROLE_PRIMARY, ROLE_SECONDARY, ROLE_STANDALONE } from "../../policy/xroad/labels";
import { objectNames } from "./names";
import { instanceLabels, roleLabels, selectorLabels } from "./labels";
import { createSidecarNamespace } from "./namespace";
import { SidecarCredentials } from "./credentials";
import { SshKeyPair } from "./ssh-keys";
import { databaseConnection } from "./database";
import { proxyHeap, sharedProxyHeap } from "./java-heap";
import { SidecarStatefulServer } from "./stateful-server";
import { SidecarSecondaries } from "./secondaries";
import { SidecarPodArgs } from "./sidecar-pod";
import { createConsumerLoadBalancer, createConsumerService, createPublicService } from "./services";
import { consumerPorts } from "./probes";
import { SidecarNetworkPolicies } from "./network-policies";
import { MessageLogArchiver } from "./archiver";
import { ArchiverAdmission } from "./archiver-admission";

export interface SidecarInstanceArgs extends Pick<SidecarPodArgs, "instance" | "release" | "platform"> {
    /**
     * Keep the namespace and the PVCs (configuration, archives, local database) on `pulumi destroy`.
     * Defaults to true; pass the stack's `protectData`.
     */
    protectData?: boolean;
}

/**
 * One hardened X-Road Security Server Sidecar in its own namespace, in the topology its config asks
 * for: a single pod (local or remote database), or a primary with autoscaled secondaries behind a
 * load balancer (NIIS Kubernetes user guide §2). It depends only on `PlatformBindings`, so EKS, AKS
 * and any existing cluster get the same objects.
 */
export class SidecarInstance extends pulumi.ComponentResource {
    readonly outputs: pulumi.Inputs;

    constructor(name: string, args: SidecarInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarInstance", name, {}, opts);
        const { instance, release, platform } = args;
        const protectData = args.protectData ?? true;
        const version = release.sidecarVersion;
        const names = objectNames(instance);
        const labels = instanceLabels(instance, version);
        const child = { parent: this };

        const namespaceObject = createSidecarNamespace(`${name}-ns`, { name: instance.namespace, labels, protectData }, child);
        // Every object names the namespace through the Namespace's output, so it is created after it.
        const namespace = namespaceObject.metadata.name;
        const database = databaseConnection(instance, platform);

        const credentials = new SidecarCredentials(
            `${name}-variables`,
            {
                namespace,
                secretName: names.variablesSecret,
                labels,
                configured: instance.secrets,
                database: database.kind === "local" ? "local" : { password: database.password },
            },
            child,
        );

        new SidecarNetworkPolicies(`${name}-netpol`, { instance, namespace, labels, database, clusterCidrs: platform.clusterCidrs }, child);

        const serverRole = instance.topology === "single" ? ROLE_STANDALONE : ROLE_PRIMARY;
        const heap =
            instance.topology === "single"
                ? proxyHeap(instance.primaryResources.limits.memory, instance.flavour, database.kind === "local")
                : sharedProxyHeap([instance.primaryResources, instance.secondaryResources], instance.flavour);

        // Pods name their Secrets through the Secrets' outputs, so they are created after them.
        const variablesSecret = credentials.secret.metadata.name;
        // Only the load-balanced topology syncs over SSH.
        const sshKeys =
            instance.topology === "primary-secondaries"
                ? new SshKeyPair(`${name}-ssh`, { namespace, secretName: names.sshSecret, labels }, child)
                : undefined;
        const sshSecretName = sshKeys?.secret.metadata.name;

        const server = new SidecarStatefulServer(
            `${name}-${serverRole}`,
            {
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
            },
            child,
        );
        const workload = serverRole === ROLE_PRIMARY ? names.primary : names.standalone;

        let publicService: k8s.core.v1.Service;
        if (sshSecretName) {
            const secondaries = new SidecarSecondaries(
                `${name}-secondaries`,
                {
                    instance,
                    release,
                    platform,
                    namespace,
                    names,
                    // Secondaries never read the database password (their entrypoint ignores XROAD_DB_*: xroad-facts §3.2).
                    variables: { secretName: variablesSecret, keys: credentials.keys.filter((k) => k !== ENV.dbPassword) },
                    sshSecretName,
                    heap,
                },
                child,
            );
            publicService = secondaries.publicService;
        } else {
            const serverLabels = roleLabels(instance, ROLE_STANDALONE, version);
            const selector = selectorLabels(instance, ROLE_STANDALONE);
            publicService = createPublicService(
                `${name}-public`,
                {
                    name: names.publicService,
                    namespace,
                    labels: serverLabels,
                    selector,
                    loadBalancer: platform.loadBalancer,
                    sourceRanges: instance.network.loadBalancerSourceRanges,
                    acme: instance.network.acmeChallenge ? { sourceRanges: instance.network.acmeSourceRanges } : undefined,
                },
                child,
            );
            createConsumerService(
                `${name}-consumer`,
                { name: names.consumerService, namespace, labels: serverLabels, selector, ports: consumerPorts(instance.variant) },
                child,
            );
        }

        // Consumers outside the cluster come through an internal load balancer to the pods that serve them.
        let consumerLoadBalancer: k8s.core.v1.Service | undefined;
        if (instance.network.consumerLoadBalancer.enabled) {
            const role = instance.topology === "single" ? ROLE_STANDALONE : ROLE_SECONDARY;
            consumerLoadBalancer = createConsumerLoadBalancer(
                `${name}-consumer-internal`,
                {
                    name: names.consumerLoadBalancer,
                    namespace,
                    labels: roleLabels(instance, role, version),
                    selector: selectorLabels(instance, role),
                    ports: consumerPorts(instance.variant),
                    annotations: { ...platform.loadBalancer.internalAnnotations, ...instance.network.consumerLoadBalancer.annotations },
                    sourceRanges: instance.network.consumerCidrs,
                },
                child,
            );
        }

        const binding = platform.archives[instance.name];
        let archive: pulumi.Input<string>;
        if (instance.archiving.enabled && binding) {
            // Only the archiver may run as its ServiceAccount (review azure.md B2): the policy is in force before the
            // ServiceAccount the cloud identity trusts exists, and goes after it on destroy.
            const admission = new ArchiverAdmission(
                `${name}-archiver-admission`,
                { namespace: instance.namespace, serviceAccountName: binding.serviceAccountName, labels },
                child,
            );
            new MessageLogArchiver(
                `${name}-archiver`,
                {
                    instance,
                    version,
                    namespace,
                    binding,
                    archiveClaimName: server.archiveClaimName,
                    archiveShared: server.archiveShared,
                    serverRole,
                    cronJobName: names.archiver,
                },
                { ...child, dependsOn: [admission] },
            );
            archive =
                binding.kind === "s3"
                    ? pulumi.interpolate`s3://${binding.bucket}/${binding.prefix}`
                    : pulumi.interpolate`https://${binding.accountName}.blob.core.windows.net/${binding.container}/${instance.name}/`;
        } else {
            archive = `none: message-log archives and backups stay on the ${server.archiveShared ? "ReadWriteMany" : "ReadWriteOnce"} volume ${names.archiveClaim} (${instance.archiving.enabled ? "the platform provides no archive store" : "archiving is off"})`;
        }

        const secretCommand = (key: string): string =>
            `kubectl --namespace ${instance.namespace} get secret ${names.variablesSecret} -o jsonpath='{.data.${key}}' | base64 -d`;
        // An external server's superuser password must be the one in the Secret: configured, or generated here.
        const databaseNote =
            instance.database.external && !instance.secrets.dbPassword
                ? `generated superuser password: give role ${instance.database.external.user} on ${instance.database.external.host} the password that \`${secretCommand(ENV.dbPassword)}\` prints, or set secrets.${instance.name}.dbPassword`
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
                      consumerLoadBalancerAddress: consumerLoadBalancer.status.loadBalancer.ingress.apply(
                          (list) => list?.[0]?.hostname ?? list?.[0]?.ip ?? "pending",
                      ),
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
                portForward: `kubectl --namespace ${instance.namespace} port-forward statefulset/${workload} ${XROAD_PORTS.adminUi}:${XROAD_PORTS.adminUi}`,
                url: `https://localhost:${XROAD_PORTS.adminUi}`,
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
