"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARCHIVE_ENABLED = exports.ARCHIVE_SECTION = exports.BACKUP_KEY_IDS = exports.BACKUP_ENABLED = exports.BACKUP_SECTION = exports.GPG_HOME = exports.ENCRYPTION_INI_PATH = exports.ENCRYPTION_INI_FILE = void 0;
exports.parseIni = parseIni;
exports.encryptionIni = encryptionIni;
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
exports.ENCRYPTION_INI_FILE = "override-k8s-backup-encryption.ini";
exports.ENCRYPTION_INI_PATH = `/etc/xroad/conf.d/${exports.ENCRYPTION_INI_FILE}`;
/** The keyring X-Road encrypts with (ug-syspar `archive-gpg-home-directory`, ig-ss §3.5). */
exports.GPG_HOME = "/etc/xroad/gpghome";
exports.BACKUP_SECTION = "proxy";
exports.BACKUP_ENABLED = "backup-encryption-enabled";
exports.BACKUP_KEY_IDS = "backup-encryption-keyids";
exports.ARCHIVE_SECTION = "message-log";
exports.ARCHIVE_ENABLED = "archive-encryption-enabled";
const ARCHIVE_DEFAULT_KEY = "archive-default-encryption-key";
/** An INI text's `section.key` → value pairs (`;` and `#` comments, whitespace around `=` ignored). */
function parseIni(text) {
    const out = new Map();
    let section = "";
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === "" || line.startsWith(";") || line.startsWith("#"))
            continue;
        const header = /^\[([^\]]+)\]$/.exec(line);
        if (header) {
            section = header[1].trim();
            continue;
        }
        const eq = line.indexOf("=");
        if (eq > 0)
            out.set(`${section}.${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim());
    }
    return out;
}
/** The override file for these recipients (40-hex fingerprints): backups to all of them, archives to the first. */
function encryptionIni(fingerprints) {
    return [
        `[${exports.BACKUP_SECTION}]`,
        `${exports.BACKUP_ENABLED} = true`,
        `${exports.BACKUP_KEY_IDS} = ${fingerprints.join(", ")}`,
        "",
        `[${exports.ARCHIVE_SECTION}]`,
        `${exports.ARCHIVE_ENABLED} = true`,
        `${ARCHIVE_DEFAULT_KEY} = ${fingerprints[0]}`,
        "",
    ].join("\n");
}
