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
exports.SidecarPrimary = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const images_1 = require("../../policy/xroad/images");
const env_1 = require("../../policy/xroad/env");
const ports_1 = require("../../policy/xroad/ports");
const labels_1 = require("../../policy/xroad/labels");
const archiver_1 = require("../../policy/xroad/archiver");
const labels_2 = require("./labels");
const sidecar_secret_1 = require("./sidecar-secret");
const ssh_keys_1 = require("./ssh-keys");
const database_1 = require("./database");
const java_heap_1 = require("./java-heap");
const probes_1 = require("./probes");
const security_contexts_1 = require("./security-contexts");
const storage_1 = require("./storage");
const services_1 = require("./services");
const await_1 = require("./await");
const resources_1 = require("./resources");
const xroad_encryption_1 = require("./xroad-encryption");
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
 */
class SidecarPrimary extends pulumi.ComponentResource {
    statefulSet;
    service;
    archiveClaimName;
    /** Whether `/var/lib/xroad` is on ReadWriteMany storage. */
    archiveShared;
    constructor(name, args, opts) {
        super("xroad:kubernetes:SidecarPrimary", name, {}, opts);
        const { instance, release, platform, names, role } = args;
        const version = release.sidecarVersion;
        const labels = (0, labels_2.roleLabels)(instance, role, version);
        const selector = (0, labels_2.selectorLabels)(instance, role);
        const child = { parent: this };
        const resources = instance.primaryResources;
        const image = (0, images_1.imageReference)(release.imageRepository, version, instance.flavour, instance.variant, role);
        const workloadName = role === labels_1.ROLE_PRIMARY ? names.primary : names.standalone;
        (0, storage_1.createClaim)(`${name}-config`, {
            name: names.configClaim,
            namespace: args.namespace,
            labels,
            size: instance.storage.config,
            storageClass: platform.storage.configClass,
            accessMode: "ReadWriteOnce",
            protectData: args.protectData,
        }, child);
        const archive = (0, storage_1.archiveStorage)(platform, instance.name);
        this.archiveClaimName = names.archiveClaim;
        this.archiveShared = archive.shared;
        (0, storage_1.createClaim)(`${name}-archive`, {
            name: names.archiveClaim,
            namespace: args.namespace,
            labels,
            size: instance.storage.archive,
            storageClass: archive.storageClass,
            accessMode: archive.accessMode,
            protectData: args.protectData,
        }, child);
        const localDatabase = args.database.kind === "local";
        if (localDatabase) {
            (0, storage_1.createClaim)(`${name}-database`, {
                name: names.databaseClaim,
                namespace: args.namespace,
                labels,
                size: instance.storage.database,
                storageClass: platform.storage.configClass,
                accessMode: "ReadWriteOnce",
                protectData: args.protectData,
            }, child);
        }
        const volumes = [
            { name: CONFIG_VOLUME, persistentVolumeClaim: { claimName: names.configClaim } },
            { name: ARCHIVE_VOLUME, persistentVolumeClaim: { claimName: names.archiveClaim } },
        ];
        const mounts = [
            { name: CONFIG_VOLUME, mountPath: "/etc/xroad" },
            { name: ARCHIVE_VOLUME, mountPath: archiver_1.ARCHIVE_MOUNT_PATH },
        ];
        if (localDatabase) {
            volumes.push({ name: DATABASE_VOLUME, persistentVolumeClaim: { claimName: names.databaseClaim } });
            mounts.push({ name: DATABASE_VOLUME, mountPath: database_1.LOCAL_DATABASE_MOUNT });
        }
        if (role === labels_1.ROLE_PRIMARY) {
            if (!args.sshSecretName)
                throw new Error("the primary needs the SSH key pair Secret");
            volumes.push((0, ssh_keys_1.primarySshVolume)(args.sshSecretName));
            mounts.push(ssh_keys_1.sshVolumeMount);
        }
        const consumer = (0, probes_1.consumerPorts)(instance.variant);
        const ports = [
            { name: "admin-ui", containerPort: ports_1.XROAD_PORTS.adminUi, protocol: "TCP" },
            { name: "health", containerPort: ports_1.XROAD_PORTS.healthCheck, protocol: "TCP" },
            { name: "consumer-http", containerPort: consumer.http, protocol: "TCP" },
            { name: "consumer-https", containerPort: consumer.https, protocol: "TCP" },
        ];
        if (role === labels_1.ROLE_PRIMARY)
            ports.push({ name: "ssh", containerPort: ports_1.XROAD_PORTS.ssh, protocol: "TCP" });
        else
            ports.push({ name: "messaging", containerPort: ports_1.XROAD_PORTS.messaging, protocol: "TCP" }, { name: "ocsp", containerPort: ports_1.XROAD_PORTS.ocsp, protocol: "TCP" });
        const initContainers = [
            (0, java_heap_1.heapInitContainer)(image, args.heap, resources, CONFIG_VOLUME, security_contexts_1.fileSetupSecurityContext),
        ];
        const dbSettings = (0, database_1.databaseSettingsInitContainer)(args.database, image, resources, CONFIG_VOLUME, security_contexts_1.fileSetupSecurityContext);
        if (dbSettings)
            initContainers.push(dbSettings);
        // X-Road's own gpg encryption of backups and archives (review C11): keys and settings before the first start.
        const encryption = instance.archiving.encryption;
        if (encryption.enabled) {
            (0, xroad_encryption_1.encryptionConfigMap)(`${name}-encryption`, { name: xroad_encryption_1.ENCRYPTION_CONFIG_MAP, namespace: args.namespace, labels, settings: encryption }, child);
            volumes.push((0, xroad_encryption_1.encryptionVolume)(xroad_encryption_1.ENCRYPTION_CONFIG_MAP));
            initContainers.push((0, xroad_encryption_1.encryptionInitContainer)(encryption, image, resources, CONFIG_VOLUME, security_contexts_1.fileSetupSecurityContext));
        }
        if (role === labels_1.ROLE_PRIMARY) {
            this.service = (0, services_1.createPrimaryService)(`${name}-ssh`, { name: names.primaryService, namespace: args.namespace, labels, selector }, child);
        }
        this.statefulSet = new k8s.apps.v1.StatefulSet(name, {
            metadata: { name: workloadName, namespace: args.namespace, labels, annotations: await_1.SERVER_AWAIT },
            spec: {
                replicas: 1,
                // The single pod needs no per-pod DNS name: its serviceName names no Service.
                serviceName: role === labels_1.ROLE_PRIMARY ? names.primaryService : workloadName,
                selector: { matchLabels: selector },
                template: {
                    metadata: { labels, annotations: (0, java_heap_1.heapAnnotation)(args.heap) },
                    spec: {
                        // The Sidecar never talks to the Kubernetes API.
                        automountServiceAccountToken: false,
                        enableServiceLinks: false,
                        securityContext: (0, security_contexts_1.sidecarPodSecurityContext)(instance.variant, false),
                        terminationGracePeriodSeconds: 60,
                        initContainers,
                        containers: [
                            {
                                name: "security-server",
                                image,
                                imagePullPolicy: "IfNotPresent",
                                env: [
                                    ...(0, sidecar_secret_1.secretEnv)(args.variables.secretName, args.variables.keys),
                                    { name: env_1.ENV.logLevel, value: instance.logLevel },
                                    ...(0, database_1.databaseEnv)(args.database),
                                ],
                                ports,
                                resources: (0, resources_1.resourceRequirements)(resources),
                                securityContext: security_contexts_1.sidecarContainerSecurityContext,
                                volumeMounts: mounts,
                                ...(0, probes_1.primaryProbes)(instance.variant),
                            },
                        ],
                        volumes,
                    },
                },
            },
        }, child);
        this.registerOutputs({ statefulSet: workloadName });
    }
}
exports.SidecarPrimary = SidecarPrimary;
