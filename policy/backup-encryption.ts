/**
 * guide §9 ("only trusted backups are restored") and §10 (archives and backups encrypted at rest): X-Road's own
 * OpenPGP encryption of configuration backups and message-log archives is on, on top of the storage's. Without
 * it a backup holds the `db.properties` passwords and the softtoken keystore in the clear wherever it is copied
 * (review xroad-k8s.md C11; ug-syspar `backup-encryption-enabled`, `archive-encryption-enabled`; ig-ss §3.5).
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    ARCHIVE_ENABLED,
    ARCHIVE_SECTION,
    BACKUP_ENABLED,
    BACKUP_KEY_IDS,
    BACKUP_SECTION,
    ENCRYPTION_INI_PATH,
    parseIni,
} from "./xroad/encryption";
import { SIDECAR_REPOSITORY } from "./xroad/images";
import { ROLE_LABEL, ROLE_PRIMARY, ROLE_STANDALONE } from "./xroad/labels";
import { guide } from "./common";
import { CONFIG_MAP, k8sKind } from "../kubernetes-model/types";
import { Obj, allContainers, asArray, asObj, asString, podLabels, podTemplate } from "../kubernetes-model/workloads";
import { namespaceOf, ofTypes, props, workloads } from "./stack-helpers";

/** The X-Road settings the ConfigMaps a pod template mounts carry in their `.ini` entries. */
function mountedSettings(spec: Obj, namespace: string, configMaps: PolicyResource[]): Map<string, string> {
    const names = new Set(asArray(spec.volumes).map((v) => asString(asObj(v.configMap)?.name) ?? ""));
    const settings = new Map<string, string>();
    for (const cm of configMaps) {
        const p = props(cm);
        if (namespaceOf(cm) !== namespace || !names.has(asString(asObj(p.metadata)?.name) ?? "")) continue;
        for (const [key, value] of Object.entries(asObj(p.data) ?? {}))
            if (key.endsWith(".ini") && typeof value === "string") for (const [k, v] of parseIni(value)) settings.set(k, v);
    }
    return settings;
}

const isTrue = (v: string | undefined) => v?.toLowerCase() === "true";

export const backupArchiveEncryption: StackValidationPolicy = {
    name: "xroad-backup-archive-encryption",
    description: `The primary and the single-pod Security Server encrypt their configuration backups ([${BACKUP_SECTION}] ${BACKUP_ENABLED} with ${BACKUP_KEY_IDS}) and, in full images, their message-log archives ([${ARCHIVE_SECTION}] ${ARCHIVE_ENABLED}) with X-Road's own OpenPGP support, set from a mounted ConfigMap (guide §9, §10; ug-syspar; ig-ss §3.5).`,
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: `Set instances[].archiving.encryption: { enabled: true, recipients: [{ fingerprint, publicKey }] }: the stack imports the public keys into /etc/xroad/gpghome and writes ${ENCRYPTION_INI_PATH}. Keep the matching private keys offline; see the README, "Where archives land".`,
    ...guide("10", "xroad", "archives", "backups"),
    validateStack: (args, report) => {
        const configMaps = ofTypes(args.resources, CONFIG_MAP);
        for (const w of workloads(args.resources)) {
            const p = props(w);
            const role = podLabels(w.type, p)[ROLE_LABEL];
            if (role !== ROLE_PRIMARY && role !== ROLE_STANDALONE) continue;
            const tpl = podTemplate(w.type, p);
            if (!tpl) continue;
            const images = allContainers(tpl.spec)
                .filter((c) => c.kind === "container")
                .map((c) => asString(c.container.image) ?? "")
                .filter((i) => i.startsWith(`${SIDECAR_REPOSITORY}:`));
            if (images.length === 0) continue;
            // Slim images have no message log, so no archives (NIIS Sidecar user guide §2.9).
            const archives = images.some((i) => !/-slim(-|$)/.test(i.slice(SIDECAR_REPOSITORY.length + 1)));
            const namespace = namespaceOf(w);
            const settings = mountedSettings(tpl.spec, namespace, configMaps);
            const what = `${k8sKind(w.type) ?? w.type} ${namespace}/${asString(asObj(p.metadata)?.name) ?? w.name}`;
            const missing: string[] = [];
            if (!isTrue(settings.get(`${BACKUP_SECTION}.${BACKUP_ENABLED}`))) missing.push(`[${BACKUP_SECTION}] ${BACKUP_ENABLED} = true`);
            else if (!settings.get(`${BACKUP_SECTION}.${BACKUP_KEY_IDS}`))
                missing.push(`[${BACKUP_SECTION}] ${BACKUP_KEY_IDS} (a key besides the server's own, or backups are lost with it)`);
            if (archives && !isTrue(settings.get(`${ARCHIVE_SECTION}.${ARCHIVE_ENABLED}`)))
                missing.push(`[${ARCHIVE_SECTION}] ${ARCHIVE_ENABLED} = true`);
            if (missing.length > 0)
                report(
                    `${what} (${role}) does not encrypt its ${archives ? "backups and archives" : "backups"}: no mounted ConfigMap sets ${missing.join(", ")}`,
                    w.urn,
                );
        }
    },
};

export const backupPolicies = [backupArchiveEncryption];
