"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORLD_BITS = exports.SSH_PUBLIC_KEY_MODE = exports.SSH_PRIVATE_KEY_MODE = exports.SYNC_SOURCE_PATH = exports.SSH_SECRET_AUTHORIZED_KEY = exports.SSH_SECRET_PUBLIC_KEY = exports.SSH_SECRET_PRIVATE_KEY = exports.SSH_PUBLIC_KEY_FILE = exports.SSH_PRIVATE_KEY_FILE = exports.SSH_MOUNT_PATH = exports.XROAD_GID = exports.XROAD_UID = void 0;
/**
 * Primary/secondary sync over SSH (xroad-facts §3.3). The secondary runs rsync as user `xroad`
 * (uid/gid 999) and secret-volume files are owned by root, so the private key must be readable by
 * group 999: mode 0440 together with the pod's `fsGroup: 999`. No world-readable bits (guide §3.1),
 * unlike the official 0644.
 */
exports.XROAD_UID = 999;
exports.XROAD_GID = 999;
exports.SSH_MOUNT_PATH = "/etc/.ssh";
exports.SSH_PRIVATE_KEY_FILE = "id_rsa";
exports.SSH_PUBLIC_KEY_FILE = "id_rsa.pub";
exports.SSH_SECRET_PRIVATE_KEY = "private-key";
exports.SSH_SECRET_PUBLIC_KEY = "public-key";
/** The public key with `restrict` and the rsync-only forced command: what the primary installs as authorized_keys. */
exports.SSH_SECRET_AUTHORIZED_KEY = "authorized-key";
/** The tree the secondaries pull from the primary (`xroad-slave@<primary>:/etc/xroad/`, xroad-facts §3.3). */
exports.SYNC_SOURCE_PATH = "/etc/xroad";
/** Owner and group may read; nothing for others. */
exports.SSH_PRIVATE_KEY_MODE = 0o440;
exports.SSH_PUBLIC_KEY_MODE = 0o444;
/** The bits a private key file must never have: anything for "other". */
exports.WORLD_BITS = 0o007;
