"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARCHIVER_UID = exports.ARCHIVE_MOUNT_PATH = exports.ARCHIVER_SERVICE_ACCOUNT = void 0;
const ssh_1 = require("./ssh");
/**
 * The message-log archiver (guide §10): a CronJob in each Sidecar namespace that copies the primary's
 * archives and backups from `/var/lib/xroad` to the platform's archive store over TLS. Its ServiceAccount
 * is the only identity the cloud trusts to write archives (IRSA on EKS, workload identity on AKS).
 */
exports.ARCHIVER_SERVICE_ACCOUNT = "xroad-archiver";
exports.ARCHIVE_MOUNT_PATH = "/var/lib/xroad";
/**
 * The archiver runs as the xroad user (uid and gid 999), non-root: it reads what the Sidecar wrote (umask
 * 0027) and removes uploaded files, which needs write access to directories only their owner has.
 */
exports.ARCHIVER_UID = ssh_1.XROAD_UID;
