import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { imageReference } from "../../policy/xroad/images";
import { ENV } from "../../policy/xroad/env";
import { XROAD_PORTS } from "../../policy/xroad/ports";
import { ROLE_PRIMARY, ROLE_STANDALONE } from "../../policy/xroad/labels";
import { ARCHIVE_MOUNT_PATH } from "../../policy/xroad/archiver";
import { SidecarPodArgs } from "./sidecar-pod";
import { roleLabels, selectorLabels } from "./labels";
import { secretEnv } from "./sidecar-secret";
import { primarySshVolume, sshVolumeMount } from "./ssh-keys";
import { DatabaseConnection, LOCAL_DATABASE_MOUNT, databaseEnv, databaseSettingsInitContainer } from "./database";
import { heapAnnotation, heapInitContainer } from "./java-heap";
import { consumerPorts, primaryProbes } from "./probes";
import { fileSetupSecurityContext, sidecarContainerSecurityContext, sidecarPodSecurityContext } from "./security-contexts";
import { archiveStorage, createClaim } from "./storage";
import { createPrimaryService } from "./services";
import { SERVER_AWAIT } from "./await";
import { resourceRequirements } from "./resources";
import { ENCRYPTION_CONFIG_MAP, encryptionConfigMap, encryptionInitContainer, encryptionVolume } from "./xroad-encryption";

export interface SidecarStatefulServerArgs extends SidecarPodArgs {
    /** `primary` of the load-balanced topology, or the `standalone` single pod. */
    role: typeof ROLE_PRIMARY | typeof ROLE_STANDALONE;
    database: DatabaseConnection;
    /** Keep the claims (configuration, archives, local database) when the stack is destroyed. */
    protectData: boolean;
}

const CONFIG_VOLUME = "xroad-config";
const ARCHIVE_VOLUME = "xroad-archive";
const DATABASE_VOLUME = "postgresql";

/**
 * The one stateful Security Server pod: the primary of the load-balanced topology (NIIS user guide
 * §4.5.6), or the single pod (§4.5.2). A StatefulSet of one replica: unlike a Deployment's default
 * RollingUpdate (xroad-facts §7 item 17) it never starts a second pod before the first is gone, so two
 * pods can never share the ReadWriteOnce config volume or both act as primary.
 *
 * Volumes: `/etc/xroad` on its own PVC (configuration, keys, gpghome); `/var/lib/xroad` (backups and
 * message-log archives, lost on restart in the official example: xroad-facts §7 item 18) on the shared
 * class when the platform has one; the local PostgreSQL data (single pod only) one level above PGDATA.
 * The admin UI (4000) has no Service: it is reached by `kubectl port-forward` only.
 *
 * Named for what it is in both topologies: X-Road's "primary" is only the load-balanced one (NIIS user guide
 * §4.5.6; the secondaries sync from it), while the single pod is a standalone server (§4.5.2).
 */
export class SidecarStatefulServer extends pulumi.ComponentResource {
    readonly statefulSet: k8s.apps.v1.StatefulSet;
    readonly service?: k8s.core.v1.Service;
    readonly archiveClaimName: string;
    /** Whether `/var/lib/xroad` is on ReadWriteMany storage. */
    readonly archiveShared: boolean;

    constructor(name: string, args: SidecarStatefulServerArgs, opts?: pulumi.ComponentResourceOptions) {
        // Stacks deployed before the rename recorded the component, and under it the claims and the StatefulSet, as
        // SidecarPrimary: the alias (which its children inherit) keeps their URNs, so nothing is replaced.
        super(
            "xroad:kubernetes:SidecarStatefulServer",
            name,
            {},
            {
                ...opts,
                aliases: [...(opts?.aliases ?? []), { type: "xroad:kubernetes:SidecarPrimary" }],
            },
        );
        const { instance, release, platform, names, role } = args;
        const version = release.sidecarVersion;
        const labels = roleLabels(instance, role, version);
        const selector = selectorLabels(instance, role);
        const child = { parent: this };
        const resources = instance.primaryResources;
        const image = imageReference(release.imageRepository, version, instance.flavour, instance.variant, role);
        const workloadName = role === ROLE_PRIMARY ? names.primary : names.standalone;

        createClaim(
            `${name}-config`,
            {
                name: names.configClaim,
                namespace: args.namespace,
                labels,
                size: instance.storage.config,
                storageClass: platform.storage.configClass,
                accessMode: "ReadWriteOnce",
                protectData: args.protectData,
            },
            child,
        );
        const archive = archiveStorage(platform, instance.name);
        this.archiveClaimName = names.archiveClaim;
        this.archiveShared = archive.shared;
        createClaim(
            `${name}-archive`,
            {
                name: names.archiveClaim,
                namespace: args.namespace,
                labels,
                size: instance.storage.archive,
                storageClass: archive.storageClass,
                accessMode: archive.accessMode,
                protectData: args.protectData,
            },
            child,
        );
        const localDatabase = args.database.kind === "local";
        if (localDatabase) {
            createClaim(
                `${name}-database`,
                {
                    name: names.databaseClaim,
                    namespace: args.namespace,
                    labels,
                    size: instance.storage.database,
                    storageClass: platform.storage.configClass,
                    accessMode: "ReadWriteOnce",
                    protectData: args.protectData,
                },
                child,
            );
        }

        const volumes: k8s.types.input.core.v1.Volume[] = [
            { name: CONFIG_VOLUME, persistentVolumeClaim: { claimName: names.configClaim } },
            { name: ARCHIVE_VOLUME, persistentVolumeClaim: { claimName: names.archiveClaim } },
        ];
        const mounts: k8s.types.input.core.v1.VolumeMount[] = [
            { name: CONFIG_VOLUME, mountPath: "/etc/xroad" },
            { name: ARCHIVE_VOLUME, mountPath: ARCHIVE_MOUNT_PATH },
        ];
        if (localDatabase) {
            volumes.push({ name: DATABASE_VOLUME, persistentVolumeClaim: { claimName: names.databaseClaim } });
            mounts.push({ name: DATABASE_VOLUME, mountPath: LOCAL_DATABASE_MOUNT });
        }
        if (role === ROLE_PRIMARY) {
            if (!args.sshSecretName) throw new Error("the primary needs the SSH key pair Secret");
            volumes.push(primarySshVolume(args.sshSecretName));
            mounts.push(sshVolumeMount);
        }

        const consumer = consumerPorts(instance.variant);
        const ports: k8s.types.input.core.v1.ContainerPort[] = [
            { name: "admin-ui", containerPort: XROAD_PORTS.adminUi, protocol: "TCP" },
            { name: "health", containerPort: XROAD_PORTS.healthCheck, protocol: "TCP" },
            { name: "consumer-http", containerPort: consumer.http, protocol: "TCP" },
            { name: "consumer-https", containerPort: consumer.https, protocol: "TCP" },
        ];
        if (role === ROLE_PRIMARY) ports.push({ name: "ssh", containerPort: XROAD_PORTS.ssh, protocol: "TCP" });
        else
            ports.push(
                { name: "messaging", containerPort: XROAD_PORTS.messaging, protocol: "TCP" },
                { name: "ocsp", containerPort: XROAD_PORTS.ocsp, protocol: "TCP" },
            );

        const initContainers: k8s.types.input.core.v1.Container[] = [
            heapInitContainer(image, args.heap, resources, CONFIG_VOLUME, fileSetupSecurityContext),
        ];
        const dbSettings = databaseSettingsInitContainer(args.database, image, resources, CONFIG_VOLUME, fileSetupSecurityContext);
        if (dbSettings) initContainers.push(dbSettings);
        // X-Road's own gpg encryption of backups and archives (review C11): keys and settings before the first start.
        const encryption = instance.archiving.encryption;
        if (encryption.enabled) {
            encryptionConfigMap(
                `${name}-encryption`,
                { name: ENCRYPTION_CONFIG_MAP, namespace: args.namespace, labels, settings: encryption },
                child,
            );
            volumes.push(encryptionVolume(ENCRYPTION_CONFIG_MAP));
            initContainers.push(encryptionInitContainer(encryption, image, resources, CONFIG_VOLUME, fileSetupSecurityContext));
        }

        if (role === ROLE_PRIMARY) {
            this.service = createPrimaryService(
                `${name}-ssh`,
                { name: names.primaryService, namespace: args.namespace, labels, selector },
                child,
            );
        }

        this.statefulSet = new k8s.apps.v1.StatefulSet(
            name,
            {
                metadata: { name: workloadName, namespace: args.namespace, labels, annotations: SERVER_AWAIT },
                spec: {
                    replicas: 1,
                    // The single pod needs no per-pod DNS name: its serviceName names no Service.
                    serviceName: role === ROLE_PRIMARY ? names.primaryService : workloadName,
                    selector: { matchLabels: selector },
                    template: {
                        metadata: { labels, annotations: heapAnnotation(args.heap) },
                        spec: {
                            // The Sidecar never talks to the Kubernetes API.
                            automountServiceAccountToken: false,
                            enableServiceLinks: false,
                            securityContext: sidecarPodSecurityContext(instance.variant, false),
                            terminationGracePeriodSeconds: 60,
                            initContainers,
                            containers: [
                                {
                                    name: "security-server",
                                    image,
                                    imagePullPolicy: "IfNotPresent",
                                    env: [
                                        ...secretEnv(args.variables.secretName, args.variables.keys),
                                        { name: ENV.logLevel, value: instance.logLevel },
                                        ...databaseEnv(args.database),
                                    ],
                                    ports,
                                    resources: resourceRequirements(resources),
                                    securityContext: sidecarContainerSecurityContext,
                                    volumeMounts: mounts,
                                    ...primaryProbes(instance.variant),
                                },
                            ],
                            volumes,
                        },
                    },
                },
            },
            child,
        );
        this.registerOutputs({ statefulSet: workloadName });
    }
}
