import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { SidecarInstanceConfig } from "../../config/instance";
import { ArchiveBinding } from "../platform";
import { ARCHIVE_MOUNT_PATH, ARCHIVER_UID } from "../../policy/xroad/archiver";
import { XROAD_GID } from "../../policy/xroad/ssh";
import { ROLE_ARCHIVER, ROLE_PRIMARY, ROLE_STANDALONE } from "../../policy/xroad/labels";
import { roleLabels, selectorLabels } from "./labels";
import { dnsEgressRule, tcp } from "./network-policies";
import { resourceRequirements } from "./resources";

export const HTTPS_PORT = 443;
export const ARCHIVER_POLICY = "archiver-traffic";

/** What the archiver copies: message-log archives (`mlog-*.zip[.gpg]`) and configuration backups. */
export const ARCHIVE_INCLUDES = ["mlog*", "backup/*"] as const;

/**
 * `aws s3 sync` over HTTPS to the regional endpoint, each object encrypted with the archive KMS key
 * (the old NIIS recipe, xroad-facts §5.3). Credentials come from IRSA: the webhook injects the role and
 * a projected token for the annotated ServiceAccount. `sync` skips files already uploaded.
 */
export function s3SyncScript(): string {
    return [
        "set -eu",
        [
            // `sync` treats the destination as a key prefix with or without a trailing slash; an empty prefix is the bucket root.
            'aws s3 sync "$ARCHIVE_DIR" "s3://$BUCKET/${PREFIX#/}"',
            '--endpoint-url "https://s3.$AWS_REGION.amazonaws.com"',
            "--exclude '*'",
            ...ARCHIVE_INCLUDES.map((p) => `--include '${p}'`),
            '--sse aws:kms --sse-kms-key-id "$KMS_KEY_ARN"',
            "--no-progress --only-show-errors",
        ].join(" "),
    ].join("\n");
}

/**
 * Azure CLI with workload identity (`az login --federated-token`), then `az storage blob upload
 * --auth-mode login` (Entra ID, no account key) for each archive not yet in the container. Only the
 * SDK is used, so no azcopy download at run time, and HTTPS is the only transport the account accepts.
 */
export function blobSyncScript(): string {
    return [
        "set -eu",
        'az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")" --allow-no-subscriptions --output none',
        'existing="$(az storage blob list --auth-mode login --account-name "$ACCOUNT" --container-name "$CONTAINER" --prefix "$PREFIX" --num-results "*" --query "[].name" --output tsv)"',
        'cd "$ARCHIVE_DIR"',
        "find . -type f \\( -name 'mlog*' -o -path './backup/*' \\) | sed 's|^\\./||' | while read -r file; do",
        '  name="$PREFIX$file"',
        '  if ! printf "%s\\n" "$existing" | grep -qxF "$name"; then',
        '    az storage blob upload --auth-mode login --account-name "$ACCOUNT" --container-name "$CONTAINER" --name "$name" --file "$file" --overwrite false --no-progress --output none',
        "  fi",
        "done",
    ].join("\n");
}

export interface MessageLogArchiverArgs {
    instance: SidecarInstanceConfig;
    version: string;
    namespace: pulumi.Input<string>;
    binding: ArchiveBinding;
    /** The primary's (or single pod's) `/var/lib/xroad` claim. */
    archiveClaimName: string;
    /** ReadWriteMany: the job may run on any node. Otherwise it must share the server pod's node. */
    archiveShared: boolean;
    /** `primary` or `standalone`: whose volume it is. */
    serverRole: typeof ROLE_PRIMARY | typeof ROLE_STANDALONE;
    cronJobName: string;
}

/**
 * The message-log archiver (guide §10): a CronJob that copies the archives and backups on the server's
 * `/var/lib/xroad` to the platform's archive store over TLS, with the workload identity of its own
 * ServiceAccount (the only identity the cloud trusts to write there). It meets the `restricted` Pod
 * Security level, unlike the Sidecar: non-root, no capabilities, no escalation, RuntimeDefault seccomp,
 * a read-only root file system and a read-only archive mount. Its group is 999 (xroad) so it can read
 * what the Sidecar wrote (umask 0027). Its own NetworkPolicy lets it out only to DNS and HTTPS.
 */
export class MessageLogArchiver extends pulumi.ComponentResource {
    readonly cronJob: k8s.batch.v1.CronJob;

    constructor(name: string, args: MessageLogArchiverArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:MessageLogArchiver", name, {}, opts);
        const { instance, binding } = args;
        const child = { parent: this };
        const labels = roleLabels(instance, ROLE_ARCHIVER, args.version);
        const selector = selectorLabels(instance, ROLE_ARCHIVER);
        const podLabels = { ...labels, ...(binding.kind === "blob" ? binding.podLabels : {}) };

        // The name the cloud identity trusts (IRSA trust policy subject, federated credential subject).
        new k8s.core.v1.ServiceAccount(
            `${name}-sa`,
            {
                metadata: {
                    name: binding.serviceAccountName,
                    namespace: args.namespace,
                    labels,
                    annotations: binding.serviceAccountAnnotations,
                },
                automountServiceAccountToken: false,
            },
            child,
        );

        const env: k8s.types.input.core.v1.EnvVar[] = [
            { name: "ARCHIVE_DIR", value: ARCHIVE_MOUNT_PATH },
            // The CLIs keep caches and config under HOME; the root file system is read-only.
            { name: "HOME", value: "/tmp" },
        ];
        let script: string;
        if (binding.kind === "s3") {
            script = s3SyncScript();
            env.push(
                { name: "BUCKET", value: binding.bucket },
                { name: "PREFIX", value: binding.prefix },
                { name: "KMS_KEY_ARN", value: binding.kmsKeyArn },
                { name: "AWS_REGION", value: binding.region },
                { name: "AWS_STS_REGIONAL_ENDPOINTS", value: "regional" },
            );
        } else {
            script = blobSyncScript();
            env.push(
                { name: "ACCOUNT", value: binding.accountName },
                { name: "CONTAINER", value: binding.container },
                { name: "PREFIX", value: `${instance.name}/` },
                { name: "AZURE_CONFIG_DIR", value: "/tmp/.azure" },
            );
        }

        // Without shared storage the archive volume is ReadWriteOnce: only pods on the server's node can mount it.
        const affinity: k8s.types.input.core.v1.Affinity | undefined = args.archiveShared
            ? undefined
            : {
                  podAffinity: {
                      requiredDuringSchedulingIgnoredDuringExecution: [
                          {
                              labelSelector: { matchLabels: selectorLabels(instance, args.serverRole) },
                              topologyKey: "kubernetes.io/hostname",
                          },
                      ],
                  },
              };

        this.cronJob = new k8s.batch.v1.CronJob(
            name,
            {
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
                                        runAsUser: ARCHIVER_UID,
                                        // Primary group xroad: reads what the Sidecar wrote (umask 0027). No fsGroup: the
                                        // archive volume must never be re-owned by a job that only reads it.
                                        runAsGroup: XROAD_GID,
                                        seccompProfile: { type: "RuntimeDefault" },
                                    },
                                    containers: [
                                        {
                                            name: "archiver",
                                            image: binding.image,
                                            imagePullPolicy: "IfNotPresent",
                                            command: ["/bin/sh", "-c", script],
                                            env,
                                            resources: resourceRequirements(instance.archiving.resources),
                                            securityContext: {
                                                runAsNonRoot: true,
                                                allowPrivilegeEscalation: false,
                                                readOnlyRootFilesystem: true,
                                                capabilities: { drop: ["ALL"] },
                                                seccompProfile: { type: "RuntimeDefault" },
                                            },
                                            volumeMounts: [
                                                { name: "archive", mountPath: ARCHIVE_MOUNT_PATH, readOnly: true },
                                                { name: "tmp", mountPath: "/tmp" },
                                            ],
                                        },
                                    ],
                                    volumes: [
                                        { name: "archive", persistentVolumeClaim: { claimName: args.archiveClaimName, readOnly: true } },
                                        { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
                                    ],
                                },
                            },
                        },
                    },
                },
            },
            child,
        );

        new k8s.networking.v1.NetworkPolicy(
            `${name}-policy`,
            {
                metadata: { name: ARCHIVER_POLICY, namespace: args.namespace, labels },
                spec: {
                    podSelector: { matchLabels: selector },
                    policyTypes: ["Ingress", "Egress"],
                    ingress: [],
                    egress: [dnsEgressRule(), { ports: [tcp(HTTPS_PORT)] }],
                },
            },
            child,
        );
        this.registerOutputs({ cronJob: args.cronJobName });
    }
}
