import { XROAD_UID } from "./ssh";

/**
 * The message-log archiver (guide §10): a CronJob in each Sidecar namespace that copies the primary's
 * archives and backups from `/var/lib/xroad` to the platform's archive store over TLS. Its ServiceAccount
 * is the only identity the cloud trusts to write archives (IRSA on EKS, workload identity on AKS).
 */
export const ARCHIVER_SERVICE_ACCOUNT = "xroad-archiver";
export const ARCHIVE_MOUNT_PATH = "/var/lib/xroad";
/**
 * The archiver runs as the xroad user (uid and gid 999), non-root: it reads what the Sidecar wrote (umask
 * 0027) and removes uploaded files, which needs write access to directories only their owner has.
 */
export const ARCHIVER_UID = XROAD_UID;
