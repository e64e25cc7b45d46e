import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ContainerResources, GpgEncryptionSettings } from "../../config/instance";
import { ENCRYPTION_INI_FILE, ENCRYPTION_INI_PATH, GPG_HOME, encryptionIni } from "../../policy/xroad/encryption";
import { XROAD_GID, XROAD_UID } from "../../policy/xroad/ssh";
import { resourceRequirements } from "./resources";

export const ENCRYPTION_CONTAINER = "backup-encryption";
const ENCRYPTION_VOLUME = "backup-encryption";
/** One per namespace, and each instance has its own namespace. */
export const ENCRYPTION_CONFIG_MAP = "xroad-backup-encryption";
const MOUNT = "/run/xroad-encryption";

/** The ConfigMap key of the i-th recipient's public key. */
function keyFile(index: number): string {
    return `recipient-${index + 1}.asc`;
}

/**
 * The recipients' public keys and the override file, in a ConfigMap: public keys and settings, nothing
 * secret. The policy `xroad-backup-archive-encryption` reads the file from here.
 */
export function encryptionConfigMap(
    name: string,
    args: { name: string; namespace: pulumi.Input<string>; labels: Record<string, string>; settings: GpgEncryptionSettings },
    opts: pulumi.CustomResourceOptions,
): k8s.core.v1.ConfigMap {
    const data: Record<string, string> = { [ENCRYPTION_INI_FILE]: encryptionIni(args.settings.recipients.map((r) => r.fingerprint)) };
    args.settings.recipients.forEach((r, i) => (data[keyFile(i)] = r.publicKey));
    return new k8s.core.v1.ConfigMap(name, { metadata: { name: args.name, namespace: args.namespace, labels: args.labels }, data }, opts);
}

export function encryptionVolume(configMapName: string): k8s.types.input.core.v1.Volume {
    return { name: ENCRYPTION_VOLUME, configMap: { name: configMapName, defaultMode: 0o444 } };
}

/**
 * Before the Sidecar starts: imports the recipients' public keys into X-Road's keyring with ultimate
 * owner trust (gpg encrypts only to valid keys, and nobody signs these for the server), hands the
 * keyring back to xroad, and installs the override file. Idempotent: a key imported twice is
 * unchanged. The keys must be in the keyring or backups fail (ig-ss §3.5, "Warning").
 */
export function encryptionInitContainer(
    settings: GpgEncryptionSettings,
    image: string,
    resources: ContainerResources,
    configVolume: string,
    securityContext: k8s.types.input.core.v1.SecurityContext,
): k8s.types.input.core.v1.Container {
    const owner = `${XROAD_UID}:${XROAD_GID}`;
    const trust = settings.recipients.map((r) => `${r.fingerprint}:6:`).join("\\n");
    const script = [
        "set -eu",
        `mkdir -p ${GPG_HOME}`,
        `chmod 0700 ${GPG_HOME}`,
        ...settings.recipients.map((_, i) => `gpg --homedir ${GPG_HOME} --batch --quiet --import ${MOUNT}/${keyFile(i)}`),
        `printf '${trust}\\n' | gpg --homedir ${GPG_HOME} --batch --quiet --import-ownertrust`,
        `chown -R ${owner} ${GPG_HOME}`,
        `install -m 0640 -o ${XROAD_UID} -g ${XROAD_GID} ${MOUNT}/${ENCRYPTION_INI_FILE} ${ENCRYPTION_INI_PATH}`,
    ].join("\n");
    return {
        name: ENCRYPTION_CONTAINER,
        image,
        command: ["/bin/bash", "-c", script],
        resources: resourceRequirements(resources),
        securityContext,
        volumeMounts: [
            { name: configVolume, mountPath: "/etc/xroad" },
            { name: ENCRYPTION_VOLUME, mountPath: MOUNT, readOnly: true },
        ],
    };
}
