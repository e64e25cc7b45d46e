/**
 * The message-log archiver (guide §10): a CronJob in each Sidecar namespace that copies the primary's
 * archives and backups from `/var/lib/xroad` to the platform's archive store over TLS. Its ServiceAccount
 * is the only identity the cloud trusts to write archives (IRSA on EKS, workload identity on AKS).
 */
export const ARCHIVER_SERVICE_ACCOUNT = "xroad-archiver";
export const ARCHIVE_MOUNT_PATH = "/var/lib/xroad";
/** Non-root identity of the archiver; group 999 (xroad) so it can read what the Sidecar wrote. */
export const ARCHIVER_UID = 10001;
