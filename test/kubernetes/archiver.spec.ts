import * as assert from "node:assert/strict";
import { S3_ROLE_ANNOTATION, Scenario, WORKLOAD_IDENTITY_ANNOTATION, scenario } from "./scenarios";
import { KubeKinds, PodTemplate, objectsOfKind, theObject } from "./render";
import { selectorMatches } from "./label-selector";
import { ARCHIVER_SERVICE_ACCOUNT, ARCHIVER_UID } from "../../policy/xroad/archiver";
import { ARCHIVER_STATE_DIR, blobArchiveScript, keyPrefix, s3ArchiveScript } from "../../components/kubernetes/archiver";
import { DEFAULT_LOCAL_RETENTION_DAYS, DEFAULT_SETTLE_MINUTES } from "../../config/instance";

/** The PSS `restricted` requirements (pod-security-admission check_*.go) the archiver must meet. */
function assertRestricted(pod: PodTemplate): void {
    const podSc = pod.spec.securityContext;
    assert.equal(podSc.runAsNonRoot, true);
    assert.equal(podSc.seccompProfile.type, "RuntimeDefault");
    for (const c of pod.spec.containers) {
        const sc = c.securityContext;
        assert.equal(sc.allowPrivilegeEscalation, false);
        assert.deepEqual(sc.capabilities.drop, ["ALL"]);
        assert.equal(sc.capabilities.add, undefined);
        assert.equal(sc.readOnlyRootFilesystem, true);
        assert.notEqual(sc.runAsUser, 0);
        assert.equal(sc.privileged, undefined);
    }
    for (const v of pod.spec.volumes) assert.equal(v.hostPath, undefined);
}

describe("message-log archiver to S3 (shared storage)", () => {
    let s: Scenario;
    let job: KubeKinds["CronJob"];
    let pod: PodTemplate;
    before(async () => {
        s = await scenario("primary-secondaries-external");
        job = theObject(s.rendered.objects, "CronJob", "lb-archiver");
        pod = job.spec.jobTemplate.spec.template;
    });

    it("runs on the configured schedule, never twice at once", () => {
        assert.equal(job.spec.schedule, "15 */4 * * *");
        assert.equal(job.spec.concurrencyPolicy, "Forbid");
    });

    it("uses the ServiceAccount the IRSA role trusts, with the platform's annotations", () => {
        const sa = theObject(s.rendered.objects, "ServiceAccount", ARCHIVER_SERVICE_ACCOUNT);
        assert.deepEqual(sa.metadata.annotations, S3_ROLE_ANNOTATION);
        assert.equal(pod.spec.serviceAccountName, ARCHIVER_SERVICE_ACCOUNT);
    });

    it("meets Pod Security restricted as the xroad user, uid and gid 999", () => {
        assertRestricted(pod);
        assert.equal(pod.spec.securityContext.runAsUser, ARCHIVER_UID);
        assert.equal(ARCHIVER_UID, 999);
        assert.equal(pod.spec.securityContext.runAsGroup, 999);
        assert.equal(pod.spec.securityContext.fsGroup, undefined, "the archiver never re-owns the archive volume");
    });

    it("mounts the primary's archive claim read-write, to remove what it uploaded, from any node", () => {
        const volume = pod.spec.volumes.find((v) => v.persistentVolumeClaim)!;
        assert.deepEqual(volume.persistentVolumeClaim, { claimName: "lb-archive" });
        assert.deepEqual(
            pod.spec.containers[0].volumeMounts.find((m) => m.name === volume.name),
            { name: volume.name, mountPath: "/var/lib/xroad" },
        );
        assert.equal(pod.spec.affinity, undefined);
    });

    it("uploads each file with aws s3 cp over HTTPS, SSE-KMS under the archive key, and reads its size back", () => {
        const c = pod.spec.containers[0];
        assert.equal(c.image, "public.ecr.aws/aws-cli/aws-cli:2.31.39");
        assert.deepEqual(c.command.slice(0, 2), ["/bin/sh", "-c"]);
        const script: string = c.command[2];
        assert.equal(script, s3ArchiveScript());
        assert.match(
            script,
            /aws s3 cp "\$1" "s3:\/\/\$BUCKET\/\$2" --endpoint-url "\$S3_ENDPOINT" --sse aws:kms --sse-kms-key-id "\$KMS_KEY_ARN"/,
        );
        assert.match(script, /aws s3api list-objects-v2 /);
        assert.doesNotMatch(script, /s3 sync|s3api get-object|s3 rm|delete-object/);
        const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
        assert.equal(env.BUCKET, "xroad-archives-123456789012");
        assert.equal(env.PREFIX, "lb/");
        assert.equal(env.S3_ENDPOINT, "https://s3.eu-north-1.amazonaws.com");
        assert.equal(env.KMS_KEY_ARN, "arn:aws:kms:eu-north-1:123456789012:key/11111111-2222-3333-4444-555555555555");
        assert.equal(env.AWS_REGION, "eu-north-1");
        assert.equal(env.STATE_DIR, ARCHIVER_STATE_DIR);
        assert.equal(env.SETTLE_SECONDS, String(DEFAULT_SETTLE_MINUTES * 60));
        assert.equal(env.RETENTION_DAYS, String(DEFAULT_LOCAL_RETENTION_DAYS));
        assert.deepEqual(c.resources, { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "250m", memory: "384Mi" } });
    });

    it("lets the archiver out only to DNS and HTTPS, and nothing in", () => {
        const policy = theObject(s.rendered.objects, "NetworkPolicy", "archiver-traffic");
        assert.ok(selectorMatches(policy.spec.podSelector, pod.metadata.labels));
        assert.deepEqual(policy.spec.policyTypes, ["Ingress", "Egress"]);
        assert.deepEqual(policy.spec.ingress, []);
        assert.deepEqual(policy.spec.egress[1], { ports: [{ protocol: "TCP", port: 443 }] });
        assert.deepEqual(policy.spec.egress[0].ports, [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
        ]);
    });

    it("reports where the archives go", () => {
        assert.equal(s.rendered.outputs.instance.archive, "s3://xroad-archives-123456789012/lb/");
    });
});

describe("message-log archiver to Blob (no shared storage)", () => {
    let s: Scenario;
    let pod: PodTemplate;
    before(async () => {
        s = await scenario("primary-secondaries-managed");
        pod = theObject(s.rendered.objects, "CronJob", "ee-archiver").spec.jobTemplate.spec.template;
    });

    it("turns on workload identity for its pods and annotates its ServiceAccount", () => {
        assert.equal(pod.metadata.labels["azure.workload.identity/use"], "true");
        assert.deepEqual(
            theObject(s.rendered.objects, "ServiceAccount", ARCHIVER_SERVICE_ACCOUNT).metadata.annotations,
            WORKLOAD_IDENTITY_ANNOTATION,
        );
        assertRestricted(pod);
    });

    it("must share the primary's node, because the archive claim is ReadWriteOnce", () => {
        const term = pod.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
        assert.equal(term.topologyKey, "kubernetes.io/hostname");
        const primary = theObject(s.rendered.objects, "StatefulSet", "ee-primary");
        assert.ok(selectorMatches(term.labelSelector, primary.spec.template.metadata.labels));
    });

    it("logs in with the federated token and uploads with Entra ID auth, never overwriting", () => {
        const script: string = pod.spec.containers[0].command[2];
        assert.equal(script, blobArchiveScript());
        assert.match(script, /read -r token < "\$\{AZURE_FEDERATED_TOKEN_FILE:\?\}"/);
        assert.match(script, /az login --service-principal .*--federated-token "\$token"/);
        assert.match(script, /az storage blob upload --auth-mode "\$AUTH_MODE" .* --overwrite false --validate-content/);
        assert.doesNotMatch(script, /account-key|connection-string|sas-token|\bfind\b|\bsed\b|\bgrep\b|\bawk\b/);
        const env = Object.fromEntries(pod.spec.containers[0].env.map((e) => [e.name, e.value]));
        assert.equal(env.AUTH_MODE, "login", "Entra ID only: the account refuses shared keys");
        assert.equal(env.ACCOUNT, "stxroadarchive");
        assert.equal(env.CONTAINER, "archives");
        assert.equal(env.PREFIX, "ee/");
    });
});

describe("archiver key prefix", () => {
    it("has no leading slash and one trailing slash, or is empty for the bucket root", () => {
        assert.equal(keyPrefix("mlog/ss1"), "mlog/ss1/");
        assert.equal(keyPrefix("/mlog/ss1/"), "mlog/ss1/");
        assert.equal(keyPrefix(""), "");
        assert.equal(keyPrefix("/"), "");
    });
});

describe("no archiver without an archive store", () => {
    it("creates no CronJob or ServiceAccount when the platform has no binding", async () => {
        const s = await scenario("single-local");
        assert.deepEqual(objectsOfKind(s.rendered.objects, "CronJob"), []);
        assert.deepEqual(objectsOfKind(s.rendered.objects, "ServiceAccount"), []);
    });
});
