/**
 * Primary/secondary sync over SSH (xroad-facts §3.3). The secondary runs rsync as user `xroad`
 * (uid/gid 999) and secret-volume files are owned by root, so the private key must be readable by
 * group 999: mode 0440 together with the pod's `fsGroup: 999`. No world-readable bits (guide §3.1),
 * unlike the official 0644.
 */
export const XROAD_UID = 999;
export const XROAD_GID = 999;
export const SSH_MOUNT_PATH = "/etc/.ssh";
export const SSH_PRIVATE_KEY_FILE = "id_rsa";
export const SSH_PUBLIC_KEY_FILE = "id_rsa.pub";
export const SSH_SECRET_PRIVATE_KEY = "private-key";
export const SSH_SECRET_PUBLIC_KEY = "public-key";
/** The public key with `restrict` and the rsync-only forced command: what the primary installs as authorized_keys. */
export const SSH_SECRET_AUTHORIZED_KEY = "authorized-key";
/** The tree the secondaries pull from the primary (`xroad-slave@<primary>:/etc/xroad/`, xroad-facts §3.3). */
export const SYNC_SOURCE_PATH = "/etc/xroad";
/** Owner and group may read; nothing for others. */
export const SSH_PRIVATE_KEY_MODE = 0o440;
export const SSH_PUBLIC_KEY_MODE = 0o444;
/** The bits a private key file must never have: anything for "other". */
export const WORLD_BITS = 0o007;
