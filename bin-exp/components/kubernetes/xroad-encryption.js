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
exports.ENCRYPTION_CONFIG_MAP = exports.ENCRYPTION_CONTAINER = void 0;
exports.encryptionConfigMap = encryptionConfigMap;
exports.encryptionVolume = encryptionVolume;
exports.encryptionInitContainer = encryptionInitContainer;
const k8s = __importStar(require("@pulumi/kubernetes"));
const encryption_1 = require("../../policy/xroad/encryption");
const ssh_1 = require("../../policy/xroad/ssh");
const resources_1 = require("./resources");
exports.ENCRYPTION_CONTAINER = "backup-encryption";
const ENCRYPTION_VOLUME = "backup-encryption";
/** One per namespace, and each instance has its own namespace. */
exports.ENCRYPTION_CONFIG_MAP = "xroad-backup-encryption";
const MOUNT = "/run/xroad-encryption";
/** The ConfigMap key of the i-th recipient's public key. */
function keyFile(index) {
    return `recipient-${index + 1}.asc`;
}
/**
 * The recipients' public keys and the override file, in a ConfigMap: public keys and settings, nothing
 * secret. The policy `xroad-backup-archive-encryption` reads the file from here.
 */
function encryptionConfigMap(name, args, opts) {
    const data = { [encryption_1.ENCRYPTION_INI_FILE]: (0, encryption_1.encryptionIni)(args.settings.recipients.map((r) => r.fingerprint)) };
    args.settings.recipients.forEach((r, i) => (data[keyFile(i)] = r.publicKey));
    return new k8s.core.v1.ConfigMap(name, { metadata: { name: args.name, namespace: args.namespace, labels: args.labels }, data }, opts);
}
function encryptionVolume(configMapName) {
    return { name: ENCRYPTION_VOLUME, configMap: { name: configMapName, defaultMode: 0o444 } };
}
/**
 * Before the Sidecar starts: imports the recipients' public keys into X-Road's keyring with ultimate
 * owner trust (gpg encrypts only to valid keys, and nobody signs these for the server), hands the
 * keyring back to xroad, and installs the override file. Idempotent: a key imported twice is
 * unchanged. The keys must be in the keyring or backups fail (ig-ss §3.5, "Warning").
 */
function encryptionInitContainer(settings, image, resources, configVolume, securityContext) {
    const owner = `${ssh_1.XROAD_UID}:${ssh_1.XROAD_GID}`;
    const trust = settings.recipients.map((r) => `${r.fingerprint}:6:`).join("\\n");
    const script = [
        "set -eu",
        `mkdir -p ${encryption_1.GPG_HOME}`,
        `chmod 0700 ${encryption_1.GPG_HOME}`,
        ...settings.recipients.map((_, i) => `gpg --homedir ${encryption_1.GPG_HOME} --batch --quiet --import ${MOUNT}/${keyFile(i)}`),
        `printf '${trust}\\n' | gpg --homedir ${encryption_1.GPG_HOME} --batch --quiet --import-ownertrust`,
        `chown -R ${owner} ${encryption_1.GPG_HOME}`,
        `install -m 0640 -o ${ssh_1.XROAD_UID} -g ${ssh_1.XROAD_GID} ${MOUNT}/${encryption_1.ENCRYPTION_INI_FILE} ${encryption_1.ENCRYPTION_INI_PATH}`,
    ].join("\n");
    return {
        name: exports.ENCRYPTION_CONTAINER,
        image,
        command: ["/bin/bash", "-c", script],
        resources: (0, resources_1.resourceRequirements)(resources),
        securityContext,
        volumeMounts: [
            { name: configVolume, mountPath: "/etc/xroad" },
            { name: ENCRYPTION_VOLUME, mountPath: MOUNT, readOnly: true },
        ],
    };
}
