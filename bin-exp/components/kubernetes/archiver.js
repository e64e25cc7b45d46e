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
exports.MessageLogArchiver = exports.BLOB_TOOLS = exports.S3_TOOLS = exports.ARCHIVER_STATE_DIR = void 0;
exports.s3ArchiveScript = s3ArchiveScript;
exports.blobArchiveScript = blobArchiveScript;
exports.keyPrefix = keyPrefix;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const archiver_1 = require("../../policy/xroad/archiver");
const ssh_1 = require("../../policy/xroad/ssh");
const labels_1 = require("../../policy/xroad/labels");
const labels_2 = require("./labels");
const network_policies_1 = require("./network-policies");
const resources_1 = require("./resources");
const HTTPS_PORT = 443;
const ARCHIVER_POLICY = "archiver-traffic";
/** Where the archiver records what it has uploaded, on the archive volume itself (see `archiveScript`). */
exports.ARCHIVER_STATE_DIR = `${archiver_1.ARCHIVE_MOUNT_PATH}/.archiver`;
/**
 * The tools each script runs besides the shell's builtins. The script checks them before anything else
 * and the end-to-end test runs it with a PATH holding exactly these, so a tool the image lacks is found
 * by the test, not in production. `date`, `stat`, `mkdir` and `rm` are coreutils, in the Amazon Linux 2
 * base of the aws-cli image and the Azure Linux core base of the azure-cli image; `find`, `sed`, `grep`
 * and `awk` are not used (the azure-cli image dropped `awk` and `tar`: Azure/azure-cli#30450, #29927).
 */
const COMMON_TOOLS = ["date", "stat", "mkdir", "rm"];
exports.S3_TOOLS = ["aws", ...COMMON_TOOLS];
exports.BLOB_TOOLS = ["az", ...COMMON_TOOLS];
/**
 * The archiver's run (guide §10; review xroad-k8s.md B2, B5): every finished message-log archive
 * (`mlog*`) and backup (`backup/*`) reaches the store exactly once, and the volume never holds more than
 * the local retention. POSIX sh, so the same text runs under the images' bash and Debian's dash.
 *
 * Per file, in this order:
 * - `tmp-*`, `*.tmp` and hidden files are skipped: X-Road writes archives to a temporary name and renames
 *   them (LogArchiveWriter); names with other characters than `[A-Za-z0-9._-]` are skipped and logged.
 * - A file with a marker under `$STATE_DIR/uploaded/` is done: it is never uploaded again, even after the
 *   store's lifecycle has expired the object. Once its age passes the local retention it is removed.
 * - A file modified less than the settle time ago is skipped: backups are written in place by gpg
 *   (`_backup_xroad.sh`), and a truncated upload would stay forever under WORM.
 * - Otherwise the store is asked for the object first: if it is there with the same size, an earlier run
 *   uploaded it and was interrupted before recording it, so it is only recorded. If absent it is uploaded,
 *   then the object's size is read back and must equal the file's, and the file must not have changed
 *   meanwhile; only then is the marker written. Anything else is an error, the file stays, and the next
 *   run starts over, so a run that stops anywhere is safe to repeat.
 * - Markers whose file is gone are pruned; a marker holds the file's size, and an empty or different one
 *   (a run killed while writing it) counts as absent.
 * One log line per file and a summary line; the exit status is non-zero when any file failed.
 */
function archiveScript(store) {
    const tools = store.tools.join(" ");
    return [
        "set -u",
        "log() { printf 'archiver: %s\\n' \"$*\"; }",
        `for tool in ${tools}; do`,
        `  command -v "$tool" >/dev/null 2>&1 || { log "error: $tool is not in this image; the script needs ${tools}"; exit 2; }`,
        "done",
        ': "${ARCHIVE_DIR:?}" "${STATE_DIR:?}" "${PREFIX?}" "${SETTLE_SECONDS:?}" "${RETENTION_DAYS:?}"',
        ...store.setup,
        'state="$STATE_DIR/uploaded"',
        'mkdir -p "$state/backup" || { log "error: cannot create $state/backup"; exit 1; }',
        "started=$(date +%s)",
        "retention=$((RETENTION_DAYS * 86400))",
        "uploaded=0 found=0 kept=0 removed=0 skipped=0 failed=0 bytes=0",
        'fail() { log "error $rel: $*"; failed=$((failed + 1)); }',
        ...store.remoteSize,
        ...store.upload,
        "archive_one() {",
        '  rel=$1 path="$ARCHIVE_DIR/$1"',
        '  [ -f "$path" ] || return 0',
        '  case "${rel##*/}" in',
        '    tmp-*|*.tmp|.*) log "skip $rel: temporary file"; skipped=$((skipped + 1)); return 0 ;;',
        '    *[!A-Za-z0-9._-]*) log "skip $rel: unexpected characters in the name"; skipped=$((skipped + 1)); return 0 ;;',
        "  esac",
        // The file may vanish between the glob and here (X-Road removes backups after 30 days).
        '  st=$(stat -c "%s %Y" "$path") || { fail "cannot stat"; return 0; }',
        "  set -- $st",
        "  size=$1 mtime=$2 age=$((started - $2))",
        '  key="$PREFIX$rel" marker="$state/$rel" recorded=""',
        '  [ -f "$marker" ] && { read -r recorded < "$marker" || :; }',
        '  if [ -n "$recorded" ] && [ "$recorded" = "$size" ]; then',
        '    if [ "$age" -ge "$retention" ]; then',
        '      if rm -f "$path"; then log "removed $rel: uploaded, older than $RETENTION_DAYS days"; removed=$((removed + 1)); else fail "cannot remove"; fi',
        '    else log "kept $rel: uploaded, removed after $RETENTION_DAYS days"; kept=$((kept + 1)); fi',
        "    return 0",
        "  fi",
        '  if [ "$age" -lt "$SETTLE_SECONDS" ]; then',
        '    log "skip $rel: modified $age s ago, settle time $SETTLE_SECONDS s"; skipped=$((skipped + 1)); return 0',
        "  fi",
        '  remote=$(remote_size "$key") || { fail "cannot read $key from the store"; return 0; }',
        '  if [ -n "$remote" ]; then action=found',
        "  else",
        '    upload "$path" "$key" || { fail "upload to $key failed"; return 0; }',
        '    remote=$(remote_size "$key") || { fail "cannot read $key back from the store"; return 0; }',
        "    action=uploaded",
        "  fi",
        '  [ "$remote" = "$size" ] || { fail "the store holds ${remote:-no} bytes at $key, the file $size; not recorded"; return 0; }',
        '  st=$(stat -c "%s %Y" "$path") || { fail "cannot stat after the upload"; return 0; }',
        '  [ "$st" = "$size $mtime" ] || { fail "changed during the upload; not recorded"; return 0; }',
        '  printf "%s\\n" "$size" > "$marker" || { fail "cannot record the upload in $marker"; return 0; }',
        '  log "$action $rel: $size bytes at $key"',
        '  if [ "$action" = uploaded ]; then uploaded=$((uploaded + 1)) bytes=$((bytes + size)); else found=$((found + 1)); fi',
        "}",
        'for f in "$ARCHIVE_DIR"/mlog* "$ARCHIVE_DIR"/backup/*; do archive_one "${f#"$ARCHIVE_DIR"/}"; done',
        'for m in "$state"/mlog* "$state"/backup/*; do',
        '  [ -f "$m" ] && [ ! -e "$ARCHIVE_DIR/${m#"$state"/}" ] && rm -f "$m"',
        "done",
        'log "summary: uploaded=$uploaded bytes=$bytes found=$found kept=$kept removed=$removed skipped=$skipped failed=$failed seconds=$(($(date +%s) - started))"',
        '[ "$failed" -eq 0 ]',
    ].join("\n");
}
/**
 * S3 through the AWS CLI, over HTTPS to `$S3_ENDPOINT` (the regional endpoint). Credentials come from
 * IRSA: the webhook injects the role and a projected token for the annotated ServiceAccount. `aws s3 cp`
 * names the archive key explicitly (the bucket policy denies any other); above 8 MiB it uploads in
 * parts, which the policy allows (aws.md A2). The CLI sends a checksum S3 verifies (Content-MD5, or CRC
 * from CLI 2.23), and the object's size is read back with ListBucket, the only read the role has.
 */
function s3ArchiveScript() {
    return archiveScript({
        tools: exports.S3_TOOLS,
        setup: [': "${BUCKET:?}" "${S3_ENDPOINT:?}" "${KMS_KEY_ARN:?}"'],
        remoteSize: [
            "remote_size() {",
            '  out=$(aws s3api list-objects-v2 --endpoint-url "$S3_ENDPOINT" --bucket "$BUCKET" --prefix "$1" --query "Contents[?Key==\'$1\'].Size" --output text) || return 1',
            '  [ "$out" = None ] || printf "%s" "$out"',
            "}",
        ],
        upload: [
            "upload() {",
            '  aws s3 cp "$1" "s3://$BUCKET/$2" --endpoint-url "$S3_ENDPOINT" --sse aws:kms --sse-kms-key-id "$KMS_KEY_ARN" --no-progress --only-show-errors',
            "}",
        ],
    });
}
/**
 * Blob Storage through the Azure CLI. With `AUTH_MODE=login` (what the CronJob sets) it logs in with the
 * workload identity's federated token and uses Entra ID for every call, never an account key. Uploads
 * never overwrite, and `--validate-content` has the service check an MD5 of every block. The end-to-end
 * test sets `AUTH_MODE=key` and a connection string for Azurite; that is the only difference.
 */
function blobArchiveScript() {
    const target = '--auth-mode "$AUTH_MODE" --account-name "$ACCOUNT" --container-name "$CONTAINER"';
    return archiveScript({
        tools: exports.BLOB_TOOLS,
        setup: [
            ': "${ACCOUNT:?}" "${CONTAINER:?}" "${AUTH_MODE:?}"',
            'if [ "$AUTH_MODE" = login ]; then',
            '  token="" && { read -r token < "${AZURE_FEDERATED_TOKEN_FILE:?}" || [ -n "$token" ]; } || { log "error: cannot read the federated token"; exit 1; }',
            '  az login --service-principal --username "${AZURE_CLIENT_ID:?}" --tenant "${AZURE_TENANT_ID:?}" --federated-token "$token" --allow-no-subscriptions --output none || { log "error: az login failed"; exit 1; }',
            "fi",
        ],
        remoteSize: [
            "remote_size() {",
            `  out=$(az storage blob exists ${target} --name "$1" --query exists --output tsv) || return 1`,
            '  [ "$out" = true ] || return 0',
            `  az storage blob show ${target} --name "$1" --query properties.contentLength --output tsv`,
            "}",
        ],
        upload: [
            "upload() {",
            `  az storage blob upload ${target} --file "$1" --name "$2" --overwrite false --validate-content --no-progress --output none`,
            "}",
        ],
    });
}
/** `PREFIX` as the scripts use it: no leading slash, a trailing one unless empty (the bucket root). */
function keyPrefix(prefix) {
    const trimmed = prefix.replace(/^\/+|\/+$/g, "");
    return trimmed === "" ? "" : `${trimmed}/`;
}
/**
 * The message-log archiver (guide §10): a CronJob that copies the archives and backups on the server's
 * `/var/lib/xroad` to the platform's archive store over TLS, with the workload identity of its own
 * ServiceAccount (the only identity the cloud trusts to write there). It meets the `restricted` Pod
 * Security level, unlike the Sidecar: non-root, no capabilities, no escalation, RuntimeDefault seccomp,
 * and a read-only root file system. It runs as the xroad user (999), the owner of what it uploads and
 * then removes after the local retention. Its own NetworkPolicy lets it out only to DNS and HTTPS.
 */
class MessageLogArchiver extends pulumi.ComponentResource {
    cronJob;
    constructor(name, args, opts) {
        super("xroad:kubernetes:MessageLogArchiver", name, {}, opts);
        const { instance, binding } = args;
        const child = { parent: this };
        const labels = (0, labels_2.roleLabels)(instance, labels_1.ROLE_ARCHIVER, args.version);
        const selector = (0, labels_2.selectorLabels)(instance, labels_1.ROLE_ARCHIVER);
        const podLabels = { ...labels, ...(binding.kind === "blob" ? binding.podLabels : {}) };
        // The name the cloud identity trusts (IRSA trust policy subject, federated credential subject).
        new k8s.core.v1.ServiceAccount(`${name}-sa`, {
            metadata: {
                name: binding.serviceAccountName,
                namespace: args.namespace,
                labels,
                annotations: binding.serviceAccountAnnotations,
            },
            automountServiceAccountToken: false,
        }, child);
        const env = [
            { name: "ARCHIVE_DIR", value: archiver_1.ARCHIVE_MOUNT_PATH },
            { name: "STATE_DIR", value: exports.ARCHIVER_STATE_DIR },
            { name: "SETTLE_SECONDS", value: String(instance.archiving.settleMinutes * 60) },
            { name: "RETENTION_DAYS", value: String(instance.archiving.localRetentionDays) },
            // The CLIs keep caches and config under HOME; the root file system is read-only.
            { name: "HOME", value: "/tmp" },
        ];
        let script;
        if (binding.kind === "s3") {
            script = s3ArchiveScript();
            env.push({ name: "BUCKET", value: binding.bucket }, { name: "PREFIX", value: keyPrefix(binding.prefix) }, { name: "S3_ENDPOINT", value: `https://s3.${binding.region}.amazonaws.com` }, { name: "KMS_KEY_ARN", value: binding.kmsKeyArn }, { name: "AWS_REGION", value: binding.region }, { name: "AWS_STS_REGIONAL_ENDPOINTS", value: "regional" });
        }
        else {
            script = blobArchiveScript();
            env.push({ name: "ACCOUNT", value: binding.accountName }, { name: "CONTAINER", value: binding.container }, { name: "PREFIX", value: `${instance.name}/` }, { name: "AUTH_MODE", value: "login" }, { name: "AZURE_CONFIG_DIR", value: "/tmp/.azure" });
        }
        // Without shared storage the archive volume is ReadWriteOnce: only pods on the server's node can mount it.
        const affinity = args.archiveShared
            ? undefined
            : {
                podAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: [
                        {
                            labelSelector: { matchLabels: (0, labels_2.selectorLabels)(instance, args.serverRole) },
                            topologyKey: "kubernetes.io/hostname",
                        },
                    ],
                },
            };
        this.cronJob = new k8s.batch.v1.CronJob(name, {
            metadata: { name: args.cronJobName, namespace: args.namespace, labels },
            spec: {
                schedule: instance.archiving.schedule,
                concurrencyPolicy: "Forbid",
                startingDeadlineSeconds: 600,
                successfulJobsHistoryLimit: 3,
                failedJobsHistoryLimit: 3,
                jobTemplate: {
                    metadata: { labels },
                    spec: {
                        backoffLimit: 2,
                        activeDeadlineSeconds: 3 * 3600,
                        ttlSecondsAfterFinished: 86400,
                        template: {
                            metadata: { labels: podLabels },
                            spec: {
                                serviceAccountName: binding.serviceAccountName,
                                // The identity webhooks project their own token; the API token is not needed.
                                automountServiceAccountToken: false,
                                enableServiceLinks: false,
                                restartPolicy: "Never",
                                affinity,
                                securityContext: {
                                    runAsNonRoot: true,
                                    // The xroad user, owner of /var/lib/xroad: removing an uploaded file needs write
                                    // access to its directory, which X-Road gives only its owner. No fsGroup: the
                                    // archive volume is never re-owned.
                                    runAsUser: archiver_1.ARCHIVER_UID,
                                    runAsGroup: ssh_1.XROAD_GID,
                                    seccompProfile: { type: "RuntimeDefault" },
                                },
                                containers: [
                                    {
                                        name: "archiver",
                                        image: binding.image,
                                        imagePullPolicy: "IfNotPresent",
                                        command: ["/bin/sh", "-c", script],
                                        env,
                                        resources: (0, resources_1.resourceRequirements)(instance.archiving.resources),
                                        securityContext: {
                                            runAsNonRoot: true,
                                            allowPrivilegeEscalation: false,
                                            readOnlyRootFilesystem: true,
                                            capabilities: { drop: ["ALL"] },
                                            seccompProfile: { type: "RuntimeDefault" },
                                        },
                                        // Read-write: the archiver removes uploaded files after the local retention and
                                        // keeps its markers in ARCHIVER_STATE_DIR, so the volume never fills (B2).
                                        volumeMounts: [
                                            { name: "archive", mountPath: archiver_1.ARCHIVE_MOUNT_PATH },
                                            { name: "tmp", mountPath: "/tmp" },
                                        ],
                                    },
                                ],
                                volumes: [
                                    { name: "archive", persistentVolumeClaim: { claimName: args.archiveClaimName } },
                                    { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
                                ],
                            },
                        },
                    },
                },
            },
        }, child);
        new k8s.networking.v1.NetworkPolicy(`${name}-policy`, {
            metadata: { name: ARCHIVER_POLICY, namespace: args.namespace, labels },
            spec: {
                podSelector: { matchLabels: selector },
                policyTypes: ["Ingress", "Egress"],
                ingress: [],
                egress: [(0, network_policies_1.dnsEgressRule)(), { ports: [(0, network_policies_1.tcp)(HTTPS_PORT)] }],
            },
        }, child);
        this.registerOutputs({ cronJob: args.cronJobName });
    }
}
exports.MessageLogArchiver = MessageLogArchiver;
