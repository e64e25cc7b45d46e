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
const assert = __importStar(require("node:assert/strict"));
const scenarios_1 = require("./scenarios");
const render_1 = require("./render");
const label_selector_1 = require("./label-selector");
const archiver_1 = require("../../policy/xroad/archiver");
const archiver_2 = require("../../components/kubernetes/archiver");
const instance_1 = require("../../config/instance");
/** The PSS `restricted` requirements (pod-security-admission check_*.go) the archiver must meet. */
function assertRestricted(pod) {
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
    for (const v of pod.spec.volumes)
        assert.equal(v.hostPath, undefined);
}
describe("message-log archiver to S3 (shared storage)", () => {
    let s;
    let job;
    let pod;
    before(async () => {
        s = await (0, scenarios_1.scenario)("primary-secondaries-external");
        job = (0, render_1.theObject)(s.rendered.objects, "CronJob", "lb-archiver");
        pod = job.spec.jobTemplate.spec.template;
    });
    it("runs on the configured schedule, never twice at once", () => {
        assert.equal(job.spec.schedule, "15 */4 * * *");
        assert.equal(job.spec.concurrencyPolicy, "Forbid");
    });
    it("uses the ServiceAccount the IRSA role trusts, with the platform's annotations", () => {
        const sa = (0, render_1.theObject)(s.rendered.objects, "ServiceAccount", archiver_1.ARCHIVER_SERVICE_ACCOUNT);
        assert.deepEqual(sa.metadata.annotations, scenarios_1.S3_ROLE_ANNOTATION);
        assert.equal(pod.spec.serviceAccountName, archiver_1.ARCHIVER_SERVICE_ACCOUNT);
    });
    it("meets Pod Security restricted as the xroad user, uid and gid 999", () => {
        assertRestricted(pod);
        assert.equal(pod.spec.securityContext.runAsUser, archiver_1.ARCHIVER_UID);
        assert.equal(archiver_1.ARCHIVER_UID, 999);
        assert.equal(pod.spec.securityContext.runAsGroup, 999);
        assert.equal(pod.spec.securityContext.fsGroup, undefined, "the archiver never re-owns the archive volume");
    });
    it("mounts the primary's archive claim read-write, to remove what it uploaded, from any node", () => {
        const volume = pod.spec.volumes.find((v) => v.persistentVolumeClaim);
        assert.deepEqual(volume.persistentVolumeClaim, { claimName: "lb-archive" });
        assert.deepEqual(pod.spec.containers[0].volumeMounts.find((m) => m.name === volume.name), { name: volume.name, mountPath: "/var/lib/xroad" });
        assert.equal(pod.spec.affinity, undefined);
    });
    it("uploads each file with aws s3 cp over HTTPS, SSE-KMS under the archive key, and reads its size back", () => {
        const c = pod.spec.containers[0];
        assert.equal(c.image, "public.ecr.aws/aws-cli/aws-cli:2.31.39");
        assert.deepEqual(c.command.slice(0, 2), ["/bin/sh", "-c"]);
        const script = c.command[2];
        assert.equal(script, (0, archiver_2.s3ArchiveScript)());
        assert.match(script, /aws s3 cp "\$1" "s3:\/\/\$BUCKET\/\$2" --endpoint-url "\$S3_ENDPOINT" --sse aws:kms --sse-kms-key-id "\$KMS_KEY_ARN"/);
        assert.match(script, /aws s3api list-objects-v2 /);
        assert.doesNotMatch(script, /s3 sync|s3api get-object|s3 rm|delete-object/);
        const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
        assert.equal(env.BUCKET, "xroad-archives-123456789012");
        assert.equal(env.PREFIX, "lb/");
        assert.equal(env.S3_ENDPOINT, "https://s3.eu-north-1.amazonaws.com");
        assert.equal(env.KMS_KEY_ARN, "arn:aws:kms:eu-north-1:123456789012:key/11111111-2222-3333-4444-555555555555");
        assert.equal(env.AWS_REGION, "eu-north-1");
        assert.equal(env.STATE_DIR, archiver_2.ARCHIVER_STATE_DIR);
        assert.equal(env.SETTLE_SECONDS, String(instance_1.DEFAULT_SETTLE_MINUTES * 60));
        assert.equal(env.RETENTION_DAYS, String(instance_1.DEFAULT_LOCAL_RETENTION_DAYS));
        assert.deepEqual(c.resources, { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "250m", memory: "384Mi" } });
    });
    it("lets the archiver out only to DNS and HTTPS, and nothing in", () => {
        const policy = (0, render_1.theObject)(s.rendered.objects, "NetworkPolicy", "archiver-traffic");
        assert.ok((0, label_selector_1.selectorMatches)(policy.spec.podSelector, pod.metadata.labels));
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
    let s;
    let pod;
    before(async () => {
        s = await (0, scenarios_1.scenario)("primary-secondaries-managed");
        pod = (0, render_1.theObject)(s.rendered.objects, "CronJob", "ee-archiver").spec.jobTemplate.spec.template;
    });
    it("turns on workload identity for its pods and annotates its ServiceAccount", () => {
        assert.equal(pod.metadata.labels["azure.workload.identity/use"], "true");
        assert.deepEqual((0, render_1.theObject)(s.rendered.objects, "ServiceAccount", archiver_1.ARCHIVER_SERVICE_ACCOUNT).metadata.annotations, scenarios_1.WORKLOAD_IDENTITY_ANNOTATION);
        assertRestricted(pod);
    });
    it("must share the primary's node, because the archive claim is ReadWriteOnce", () => {
        const term = pod.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
        assert.equal(term.topologyKey, "kubernetes.io/hostname");
        const primary = (0, render_1.theObject)(s.rendered.objects, "StatefulSet", "ee-primary");
        assert.ok((0, label_selector_1.selectorMatches)(term.labelSelector, primary.spec.template.metadata.labels));
    });
    it("logs in with the federated token and uploads with Entra ID auth, never overwriting", () => {
        const script = pod.spec.containers[0].command[2];
        assert.equal(script, (0, archiver_2.blobArchiveScript)());
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
        assert.equal((0, archiver_2.keyPrefix)("mlog/ss1"), "mlog/ss1/");
        assert.equal((0, archiver_2.keyPrefix)("/mlog/ss1/"), "mlog/ss1/");
        assert.equal((0, archiver_2.keyPrefix)(""), "");
        assert.equal((0, archiver_2.keyPrefix)("/"), "");
    });
});
describe("no archiver without an archive store", () => {
    it("creates no CronJob or ServiceAccount when the platform has no binding", async () => {
        const s = await (0, scenarios_1.scenario)("single-local");
        assert.deepEqual((0, render_1.objectsOfKind)(s.rendered.objects, "CronJob"), []);
        assert.deepEqual((0, render_1.objectsOfKind)(s.rendered.objects, "ServiceAccount"), []);
    });
});
