/**
 * X-Road's own OpenPGP encryption of configuration backups and message-log archives (ug-syspar §3.1
 * `[proxy] backup-encryption-enabled`, `backup-encryption-keyids`; §3.5 `[message-log]
 * archive-encryption-enabled`, `archive-default-encryption-key`; ig-ss §3.5). Off by default, so a
 * backup holds `db.properties` passwords and the softtoken keystore in the clear (review xroad-k8s.md C11).
 *
 * The settings go into an override file in `/etc/xroad/conf.d`, not `local.ini`, which stays the
 * operator's: the variant images configure themselves the same way (`override-securityserver-<variant>.ini`,
 * xroad-facts §2), and `local.ini` is read last, so an operator can still override them [inference:
 * X-Road's SystemPropertiesLoader reads `override-*.ini` before `local.ini`].
 */
export const ENCRYPTION_INI_FILE = "override-k8s-backup-encryption.ini";
export const ENCRYPTION_INI_PATH = `/etc/xroad/conf.d/${ENCRYPTION_INI_FILE}`;
/** The keyring X-Road encrypts with (ug-syspar `archive-gpg-home-directory`, ig-ss §3.5). */
export const GPG_HOME = "/etc/xroad/gpghome";

export const BACKUP_SECTION = "proxy";
export const BACKUP_ENABLED = "backup-encryption-enabled";
export const BACKUP_KEY_IDS = "backup-encryption-keyids";
export const ARCHIVE_SECTION = "message-log";
export const ARCHIVE_ENABLED = "archive-encryption-enabled";
const ARCHIVE_DEFAULT_KEY = "archive-default-encryption-key";

/** An INI text's `section.key` → value pairs (`;` and `#` comments, whitespace around `=` ignored). */
export function parseIni(text: string): Map<string, string> {
    const out = new Map<string, string>();
    let section = "";
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === "" || line.startsWith(";") || line.startsWith("#")) continue;
        const header = /^\[([^\]]+)\]$/.exec(line);
        if (header) {
            section = header[1].trim();
            continue;
        }
        const eq = line.indexOf("=");
        if (eq > 0) out.set(`${section}.${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim());
    }
    return out;
}

/** The override file for these recipients (40-hex fingerprints): backups to all of them, archives to the first. */
export function encryptionIni(fingerprints: readonly string[]): string {
    return [
        `[${BACKUP_SECTION}]`,
        `${BACKUP_ENABLED} = true`,
        `${BACKUP_KEY_IDS} = ${fingerprints.join(", ")}`,
        "",
        `[${ARCHIVE_SECTION}]`,
        `${ARCHIVE_ENABLED} = true`,
        `${ARCHIVE_DEFAULT_KEY} = ${fingerprints[0]}`,
        "",
    ].join("\n");
}
