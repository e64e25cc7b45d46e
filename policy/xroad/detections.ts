/**
 * guide §8 ("so that we can detect potential security risks in your Cluster"): the detections every stack
 * alerts on, declared once. The AWS component (CloudWatch metric filters and alarms), the Azure component
 * (scheduled query rules and metric alerts), the Prometheus rules of `target: existing`, the policy pack and
 * the README table ("What alerts you and what to do") all read this catalogue; none declares its own.
 */

/** How urgent an alert is; Azure maps it to its 0-4 severities, Prometheus to the `severity` label. */
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Azure Monitor severities: 0 critical, 1 error, 2 warning, 3 informational. */
export const AZURE_SEVERITY: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Audit detections look at the control-plane audit log; health and anomaly detections at Container Insights
 * (or kube-state-metrics and node-exporter); threat detections forward the cloud's own findings.
 */
export type DetectionKind = "audit" | "health" | "anomaly" | "threat";

/** Write verbs of the Kubernetes API (audit `verb`): what changes an object. */
const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"] as const;

/**
 * One condition on an audit event (audit.k8s.io/v1 Event). Every field set must match; a list matches any
 * of its values.
 */
export interface AuditCondition {
    /** `objectRef.resource`. */
    resources: readonly string[];
    /** `objectRef.subresource`. */
    subresources?: readonly string[];
    /** `verb`. Unset: any verb. */
    verbs?: readonly string[];
    /**
     * `objects`: objects inside a Sidecar namespace (`objectRef.namespace`); `namespaces`: the Sidecar namespace
     * objects themselves (`objectRef.name`, for `resources: [namespaces]`); `cluster`: anywhere.
     */
    scope: "objects" | "namespaces" | "cluster";
    /** `requestObject.roleRef.name` (a binding's role), such as `cluster-admin`. */
    roleRefName?: string;
}

/** Which audit events a detection counts. */
export interface AuditSelector {
    /** The event matches when any condition does. Unset: every event (narrowed by the fields below). */
    anyOf?: readonly AuditCondition[];
    /** Users whose name starts with one of these are the platform's own components and never count. */
    excludeUserPrefixes?: readonly string[];
    /** `responseStatus.code` must be one of these. */
    responseCodes?: readonly number[];
    /**
     * Whether the events are get or list requests: `only` (a read detection) or `partly` (kubectl exec over
     * WebSockets, Kubernetes 1.30+, is a `get` of pods/exec). AKS's cheaper kube-audit-admin category leaves
     * get and list out, so such a detection is blind (`only`) or half-blind (`partly`) there.
     */
    reads?: "only" | "partly";
}

/** A threshold a stack may change under `xroad-sidecar:alerts.thresholds.<key>`. */
export interface DetectionThreshold {
    /** Config key under `alerts.thresholds`. */
    key: string;
    default: number;
    min: number;
    max: number;
    /** What the number counts, for the README and error messages. */
    unit: string;
}

export interface Detection {
    /** Stable id: alarm and rule names are derived from it. */
    id: string;
    title: string;
    kind: DetectionKind;
    severity: Severity;
    /** What it means when it fires. */
    meaning: string;
    /** One line, written into the alarm or rule description the receiver reads. */
    runbook: string;
    /** The first three things to do, for the README table. */
    steps: readonly [string, string, string];
    threshold: DetectionThreshold;
    /** Audit detections: the events counted over the evaluation window. */
    audit?: AuditSelector;
    /**
     * Where the platform cannot watch this, and why; the README says so instead of leaving a silent gap.
     * Keys: `aws`, `azure`, `prometheus`.
     */
    notAvailable?: Partial<Record<"aws" | "azure" | "prometheus", string>>;
}

/**
 * Identities of the platform's own control plane: Kubernetes components and service accounts (`system:`),
 * and the EKS (`eks:`) and AKS (`aksService`, `masterclient`) control-plane users. Reads by them are how a
 * Secret reaches a pod at all (the kubelet is `system:node:<name>`).
 */
const PLATFORM_USER_PREFIXES = ["system:", "eks:", "aksService", "masterclient"] as const;

const IN_SIDECAR = "objects" as const;

export const DETECTIONS: readonly Detection[] = [
    {
        id: "sidecar-exec",
        title: "Shell or port-forward into a Sidecar pod",
        kind: "audit",
        severity: "high",
        meaning:
            "Someone ran kubectl exec, attach or port-forward into a Security Server pod: a shell next to the token PIN, the signing keys and the database credentials.",
        runbook:
            "Identify the user in the audit event; if the session was not a planned, approved operation, revoke the user's access and treat the instance's keys as exposed.",
        steps: [
            "Find who and from where: the audit event's user.username and sourceIPs (CloudWatch Logs Insights on /aws/eks/<cluster>/cluster, or AKSAudit in Log Analytics).",
            "Ask the person; if nobody planned it, remove their access entry or role binding at once.",
            "If unexplained, rotate the token PIN and admin password and review the Security Server's audit log (Diagnostics, /var/log/xroad).",
        ],
        threshold: { key: "execSessions", default: 1, min: 1, max: 100, unit: "sessions in the evaluation window" },
        audit: { anyOf: [{ resources: ["pods"], subresources: ["exec", "attach", "portforward"], scope: IN_SIDECAR }], reads: "partly" },
    },
    {
        id: "sidecar-secret-read",
        title: "Sidecar Secret read by a person or foreign identity",
        kind: "audit",
        severity: "high",
        meaning:
            "A user or ServiceAccount that is not part of the platform read (get, list or watch) a Secret in a Sidecar namespace: the token PIN, admin or database password, or the SSH key.",
        runbook:
            "Check who read which Secret; a read outside a pulumi up or refresh is a leak of that credential until proven otherwise: rotate it.",
        steps: [
            "Find the user, the Secret name and the time in the audit event.",
            "Match it against deployments: `pulumi up`, `refresh` and `preview` read the Secrets they manage.",
            "If it was no deployment, rotate that Secret's value (pulumi config set --secret, then pulumi up) and remove the reader's access.",
        ],
        threshold: { key: "secretReads", default: 1, min: 1, max: 1000, unit: "reads in the evaluation window" },
        audit: {
            anyOf: [{ resources: ["secrets"], verbs: ["get", "list", "watch"], scope: IN_SIDECAR }],
            excludeUserPrefixes: PLATFORM_USER_PREFIXES,
            reads: "only",
        },
        notAvailable: {
            prometheus:
                "the API server's request metrics carry no namespace or user, so a person's read cannot be told from the kubelet's; send the audit log to your SIEM for this one.",
        },
    },
    {
        id: "rbac-change",
        title: "RBAC changed in a Sidecar namespace, or cluster-admin granted",
        kind: "audit",
        severity: "high",
        meaning:
            "A Role or RoleBinding in a Sidecar namespace was created, changed or deleted, or a ClusterRoleBinding to cluster-admin was created or changed anywhere: someone widened who may touch the Security Server.",
        runbook:
            "Compare the binding with the stack (pulumi preview shows drift); remove any grant the stack did not make and find who made it.",
        steps: [
            "Find the binding, its subjects and the user who wrote it in the audit event.",
            "Run pulumi preview: a change the stack did not make shows as drift; pulumi up restores the namespace's own bindings.",
            "Delete any extra binding (kubectl delete rolebinding/clusterrolebinding <name>) and review that user's other actions.",
        ],
        threshold: { key: "rbacChanges", default: 1, min: 1, max: 100, unit: "changes in the evaluation window" },
        audit: {
            anyOf: [
                { resources: ["roles", "rolebindings"], verbs: WRITE_VERBS, scope: IN_SIDECAR },
                {
                    resources: ["clusterrolebindings"],
                    verbs: ["create", "update", "patch"],
                    scope: "cluster",
                    roleRefName: "cluster-admin",
                },
            ],
        },
    },
    {
        id: "network-policy-change",
        title: "Sidecar NetworkPolicy changed or deleted",
        kind: "audit",
        severity: "high",
        meaning:
            "A NetworkPolicy in a Sidecar namespace was created, changed or deleted: the default deny or the NIIS flow table (guide §5) may no longer hold.",
        runbook: "Run pulumi preview to see the drift and pulumi up to restore the policies; find who changed them.",
        steps: [
            "Find the policy and the user in the audit event.",
            "Run pulumi preview: the stack's policies show as changed or deleted; pulumi up restores them.",
            "Check the flows the change opened (npm run plan writes flows.md) for traffic that reached the pods meanwhile.",
        ],
        threshold: { key: "networkPolicyChanges", default: 1, min: 1, max: 100, unit: "changes in the evaluation window" },
        audit: { anyOf: [{ resources: ["networkpolicies"], verbs: WRITE_VERBS, scope: IN_SIDECAR }] },
    },
    {
        id: "namespace-security-change",
        title: "Sidecar namespace changed (Pod Security labels)",
        kind: "audit",
        severity: "high",
        meaning:
            "A Sidecar namespace was updated, patched or deleted: its Pod Security Admission labels (guide §6) may have been weakened so privileged pods can start there.",
        runbook:
            "Check the namespace's pod-security.kubernetes.io labels against the stack; restore them with pulumi up and look for pods started meanwhile.",
        steps: [
            "kubectl get namespace <ns> --show-labels: compare the pod-security.kubernetes.io/* labels with the stack (pulumi preview).",
            "pulumi up to restore them; find the user in the audit event.",
            "List pods created since the change (kubectl get pods -n <ns> --sort-by=.metadata.creationTimestamp) and delete any the stack did not create.",
        ],
        threshold: { key: "namespaceChanges", default: 1, min: 1, max: 100, unit: "changes in the evaluation window" },
        audit: { anyOf: [{ resources: ["namespaces"], verbs: ["update", "patch", "delete"], scope: "namespaces" }] },
    },
    {
        id: "denied-requests",
        title: "Burst of denied API requests",
        kind: "audit",
        severity: "medium",
        meaning:
            "Many requests to the API server were refused (401 or 403): stolen or expired credentials being tried, or an identity probing what it may do.",
        runbook: "Group the denied requests by user and source IP; revoke or rotate the credential behind an unexpected burst.",
        steps: [
            "Group the refused events by user.username and sourceIPs (Logs Insights or AKSAudit).",
            "A known component after an upgrade or rotation: fix its permissions. An unknown user or address: block it (publicAccessCidrs, authorizedIpRanges).",
            "Rotate the credential the requests used and review what that identity did successfully.",
        ],
        threshold: { key: "deniedRequests", default: 20, min: 1, max: 100000, unit: "denied requests in the evaluation window" },
        audit: { responseCodes: [401, 403] },
    },
    {
        id: "secondaries-below-minimum",
        title: "Fewer available secondaries than the autoscaler's minimum",
        kind: "health",
        severity: "high",
        meaning:
            "Fewer secondary pods are available than the HPA's minReplicas: the Security Server has less capacity and redundancy than planned (guide §11).",
        runbook: "Look at why the secondaries are not available (events, readiness, the primary's SSH sync) and restore capacity.",
        steps: [
            "kubectl get deploy,pods -n <ns> and kubectl describe pod on the unavailable ones (Pending, CrashLoopBackOff, readiness).",
            "Pending: check node capacity and the cluster autoscaler; not ready: check the secondaries' sync from the primary (SSH, guide §4.5.6).",
            "If nodes fail, cordon and replace them; keep the HPA minimum until the alert clears.",
        ],
        threshold: { key: "secondariesUnavailableMinutes", default: 10, min: 1, max: 1440, unit: "minutes below the minimum" },
    },
    {
        id: "primary-not-ready",
        title: "Primary (or single) Security Server pod not ready",
        kind: "health",
        severity: "critical",
        meaning:
            "The primary or single Security Server pod is not Ready: configuration changes, and for a single pod all message exchange, stop.",
        runbook: "Check the pod's events and logs; a primary that does not come back needs its volume, database and node checked.",
        steps: [
            "kubectl describe pod <instance>-primary-0 -n <ns> and kubectl logs: readiness failures, OOM, volume mount errors.",
            "Check the database it needs (managed server status or the local PostgreSQL) and the node it runs on.",
            "If the node is gone, let the StatefulSet reschedule it; if the volume is stuck, follow the README's restore section.",
        ],
        threshold: { key: "primaryNotReadyMinutes", default: 5, min: 1, max: 1440, unit: "minutes not ready" },
    },
    {
        id: "container-restarts",
        title: "Sidecar containers restarting",
        kind: "health",
        severity: "medium",
        meaning: "Security Server containers restarted repeatedly: crashes, failing liveness probes or memory limits reached (guide §7).",
        runbook: "Read the previous container's logs and the termination reason; raise memory or fix the crash cause.",
        steps: [
            "kubectl get pods -n <ns> and kubectl describe pod: the last termination reason (OOMKilled, Error) and exit code.",
            "kubectl logs --previous for the crash; OOMKilled means the memory limit or Java heap is too small (guide §7).",
            "Fix and roll out; if a bad release, roll back the release block (npm run promote from the previous stack).",
        ],
        threshold: { key: "containerRestarts", default: 3, min: 1, max: 100, unit: "restarts in 15 minutes" },
    },
    {
        id: "archiver-failed",
        title: "Message-log archiver failed",
        kind: "health",
        severity: "high",
        meaning:
            "The archiver job reported an error: message-log archives and backups are not reaching the archive store (guide §10) and pile up on the shared volume.",
        runbook:
            "Read the archiver job's log lines (archiver: error ...) and fix the store, identity or network; the next run retries every file.",
        steps: [
            "kubectl logs -n <ns> job/<last archiver job>: the lines starting with 'archiver: error'.",
            "Typical causes: the workload identity (IRSA or Azure workload identity) lost its grant, the store's firewall, or the image lacks a tool.",
            "After the fix a cluster admin runs it once (only the verb use on its ServiceAccount admits that): kubectl create job --from=cronjob/<instance>-archiver <instance>-archiver-manual -n <ns>.",
        ],
        threshold: { key: "archiverErrors", default: 1, min: 1, max: 1000, unit: "error lines in the evaluation window" },
    },
    {
        id: "volume-usage",
        title: "Sidecar volume filling up",
        kind: "health",
        severity: "medium",
        meaning:
            "The configuration or shared volume of a Security Server is above the usage threshold: when it is full, the Security Server stops writing message logs and backups.",
        runbook: "Check the archiver (archives should leave the volume) and the backup retention; grow the volume if the data is expected.",
        steps: [
            "kubectl exec is not needed: check the archiver-failed alert and the archiver's last summary line.",
            "Lower the local retention (archiving.localRetentionDays) or the backup count, or expand the PVC (storage classes allow expansion).",
            "Confirm the usage falls after the next archiver run.",
        ],
        threshold: { key: "volumeUsagePercent", default: 80, min: 50, max: 99, unit: "percent used" },
        notAvailable: {
            aws: "Container Insights publishes no per-volume usage for EBS or EFS claims, and EFS grows without a limit; watch the archiver-failed alert instead.",
        },
    },
    {
        id: "node-cpu-anomaly",
        title: "Node CPU outside its usual band",
        kind: "anomaly",
        severity: "medium",
        meaning:
            "Node CPU left the band learned from its own history, out of step with the Sidecar's load: a runaway process, cryptomining, or a load the HPA should absorb (guide §8).",
        runbook:
            "Compare the spike with the Sidecar's traffic and the HPA; if they do not explain it, find the process and look for a compromise.",
        steps: [
            "Compare with the Security Server's message volume and the HPA's replicas in the same minutes.",
            "kubectl top pods -A --sort-by=cpu: find what uses the CPU; unknown pods or processes are an incident.",
            "If unexplained, cordon the node, keep it for forensics and check the threat-detection findings.",
        ],
        threshold: { key: "anomalyBandWidth", default: 2, min: 1, max: 10, unit: "standard deviations of the band" },
    },
    {
        id: "node-memory-anomaly",
        title: "Node memory outside its usual band",
        kind: "anomaly",
        severity: "medium",
        meaning:
            "Node memory left the band learned from its own history: a leak, a memory-hungry foreign workload, or an attack (guide §8).",
        runbook: "Compare with the Sidecar's pods' memory; find the consumer and whether it belongs to the cluster.",
        steps: [
            "kubectl top pods -A --sort-by=memory on the node's pods.",
            "A Sidecar pod growing towards its limit: check the Java heap settings (guide §7).",
            "An unknown consumer: cordon the node, keep it for forensics and check the threat-detection findings.",
        ],
        threshold: { key: "anomalyBandWidth", default: 2, min: 1, max: 10, unit: "standard deviations of the band" },
    },
    {
        id: "threat-finding",
        title: "Cloud threat detection finding",
        kind: "threat",
        severity: "high",
        meaning:
            "GuardDuty (EKS audit-log and runtime protection) or Microsoft Defender for Containers reported a finding for the account or subscription.",
        runbook: "Open the finding in GuardDuty or Defender for Cloud, follow its remediation, and archive it only with a reason.",
        steps: [
            "Open the finding (GuardDuty console, or Defender for Cloud > Security alerts) and read the affected resource.",
            "Follow the finding's own remediation; for a compromised pod, isolate it (a deny-all NetworkPolicy) and keep the node.",
            "Archive or dismiss the finding with a written reason once handled.",
        ],
        threshold: { key: "threatMinimumSeverity", default: 4, min: 1, max: 8, unit: "GuardDuty severity (Defender: medium and above)" },
        notAvailable: {
            prometheus: "Threat detection is a cloud service; an existing cluster brings its own (Falco, the cloud's defender).",
        },
    },
];

/** Audit detections, which both clouds build from the audit log. */
export const AUDIT_DETECTIONS = DETECTIONS.filter((d) => d.kind === "audit");

/** The detection of an id; throws for an unknown one (a typo in a component is a bug). */
export function detection(id: string): Detection {
    const found = DETECTIONS.find((d) => d.id === id);
    if (!found) throw new Error(`unknown detection ${id}`);
    return found;
}

/** Each threshold key once, with its default (two detections may share one, such as the anomaly band). */
export const THRESHOLDS: readonly DetectionThreshold[] = DETECTIONS.map((d) => d.threshold).filter(
    (t, i, all) => all.findIndex((o) => o.key === t.key) === i,
);

/** The description an alarm or rule carries: title, severity and the one-line runbook. */
export function alertDescription(d: Detection): string {
    return `[${d.severity}] ${d.title}. ${d.meaning} Runbook: ${d.runbook} (guide §8, README "What alerts you and what to do")`;
}

/** Detections that see nothing (`only`) or only part (`partly`) of their events without get and list requests. */
export function readDependentDetections(): { only: Detection[]; partly: Detection[] } {
    return {
        only: AUDIT_DETECTIONS.filter((d) => d.audit?.reads === "only"),
        partly: AUDIT_DETECTIONS.filter((d) => d.audit?.reads === "partly"),
    };
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The README's "What alerts you and what to do" table, rendered from the catalogue; a test keeps the README
 * equal to it, so the table never drifts from what the stacks create.
 */
export function alertsTableMarkdown(): string {
    const rows = DETECTIONS.map((d) => {
        const gaps = Object.entries(d.notAvailable ?? {})
            .map(([where, why]) => `not on ${where}: ${why}`)
            .join(" ");
        const threshold = `\`alerts.thresholds.${d.threshold.key}\` = ${d.threshold.default} (${d.threshold.unit})`;
        const steps = d.steps.map((s, i) => `${i + 1}. ${cell(s)}`).join("<br>");
        return `| **${cell(d.title)}** (\`${d.id}\`, ${d.severity}) | ${cell(d.meaning)}${gaps ? ` *${cell(gaps)}*` : ""} | ${steps} | ${threshold} |`;
    });
    return ["| Alert | What it means | First three steps | Threshold (default) |", "|---|---|---|---|", ...rows].join("\n");
}
