"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.backupPolicies = exports.backupArchiveEncryption = void 0;
const encryption_1 = require("./xroad/encryption");
const images_1 = require("./xroad/images");
const labels_1 = require("./xroad/labels");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const stack_helpers_1 = require("./stack-helpers");
/** The X-Road settings the ConfigMaps a pod template mounts carry in their `.ini` entries. */
function mountedSettings(spec, namespace, configMaps) {
    const names = new Set((0, workloads_1.asArray)(spec.volumes).map((v) => (0, workloads_1.asString)((0, workloads_1.asObj)(v.configMap)?.name) ?? ""));
    const settings = new Map();
    for (const cm of configMaps) {
        const p = (0, stack_helpers_1.props)(cm);
        if ((0, stack_helpers_1.namespaceOf)(cm) !== namespace || !names.has((0, workloads_1.asString)((0, workloads_1.asObj)(p.metadata)?.name) ?? ""))
            continue;
        for (const [key, value] of Object.entries((0, workloads_1.asObj)(p.data) ?? {}))
            if (key.endsWith(".ini") && typeof value === "string")
                for (const [k, v] of (0, encryption_1.parseIni)(value))
                    settings.set(k, v);
    }
    return settings;
}
const isTrue = (v) => v?.toLowerCase() === "true";
exports.backupArchiveEncryption = {
    name: "xroad-backup-archive-encryption",
    description: `The primary and the single-pod Security Server encrypt their configuration backups ([${encryption_1.BACKUP_SECTION}] ${encryption_1.BACKUP_ENABLED} with ${encryption_1.BACKUP_KEY_IDS}) and, in full images, their message-log archives ([${encryption_1.ARCHIVE_SECTION}] ${encryption_1.ARCHIVE_ENABLED}) with X-Road's own OpenPGP support, set from a mounted ConfigMap (guide §9, §10; ug-syspar; ig-ss §3.5).`,
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: `Set instances[].archiving.encryption: { enabled: true, recipients: [{ fingerprint, publicKey }] }: the stack imports the public keys into /etc/xroad/gpghome and writes ${encryption_1.ENCRYPTION_INI_PATH}. Keep the matching private keys offline; see the README, "Where archives land".`,
    ...(0, common_1.guide)("10", "xroad", "archives", "backups"),
    validateStack: (args, report) => {
        const configMaps = (0, stack_helpers_1.ofTypes)(args.resources, types_1.CONFIG_MAP);
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const p = (0, stack_helpers_1.props)(w);
            const role = (0, workloads_1.podLabels)(w.type, p)[labels_1.ROLE_LABEL];
            if (role !== labels_1.ROLE_PRIMARY && role !== labels_1.ROLE_STANDALONE)
                continue;
            const tpl = (0, workloads_1.podTemplate)(w.type, p);
            if (!tpl)
                continue;
            const images = (0, workloads_1.allContainers)(tpl.spec)
                .filter((c) => c.kind === "container")
                .map((c) => (0, workloads_1.asString)(c.container.image) ?? "")
                .filter((i) => i.startsWith(`${images_1.SIDECAR_REPOSITORY}:`));
            if (images.length === 0)
                continue;
            // Slim images have no message log, so no archives (NIIS Sidecar user guide §2.9).
            const archives = images.some((i) => !/-slim(-|$)/.test(i.slice(images_1.SIDECAR_REPOSITORY.length + 1)));
            const namespace = (0, stack_helpers_1.namespaceOf)(w);
            const settings = mountedSettings(tpl.spec, namespace, configMaps);
            const what = `${(0, types_1.k8sKind)(w.type) ?? w.type} ${namespace}/${(0, workloads_1.asString)((0, workloads_1.asObj)(p.metadata)?.name) ?? w.name}`;
            const missing = [];
            if (!isTrue(settings.get(`${encryption_1.BACKUP_SECTION}.${encryption_1.BACKUP_ENABLED}`)))
                missing.push(`[${encryption_1.BACKUP_SECTION}] ${encryption_1.BACKUP_ENABLED} = true`);
            else if (!settings.get(`${encryption_1.BACKUP_SECTION}.${encryption_1.BACKUP_KEY_IDS}`))
                missing.push(`[${encryption_1.BACKUP_SECTION}] ${encryption_1.BACKUP_KEY_IDS} (a key besides the server's own, or backups are lost with it)`);
            if (archives && !isTrue(settings.get(`${encryption_1.ARCHIVE_SECTION}.${encryption_1.ARCHIVE_ENABLED}`)))
                missing.push(`[${encryption_1.ARCHIVE_SECTION}] ${encryption_1.ARCHIVE_ENABLED} = true`);
            if (missing.length > 0)
                report(`${what} (${role}) does not encrypt its ${archives ? "backups and archives" : "backups"}: no mounted ConfigMap sets ${missing.join(", ")}`, w.urn);
        }
    },
};
exports.backupPolicies = [exports.backupArchiveEncryption];
