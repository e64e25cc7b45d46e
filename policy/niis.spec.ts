/**
 * The official NIIS manifests (X-Road doc/Sidecar/files, current and the archived 2023 repository) are
 * flagged for the problems they really have (xroad-facts §7) and nothing else.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheck } from "../scripts/check";
import { NIIS_FIXTURES } from "./testing/fixtures";

async function check(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCheck(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
}

interface Finding {
    policy: string;
    level: string;
    kind: string;
    namespace: string | null;
    name: string;
    message: string;
}

async function findings(dir: string): Promise<{ code: number; pairs: string[]; all: Finding[]; err: string[] }> {
    const r = await check("--json", dir);
    const all = JSON.parse(r.out.join("\n")) as Finding[];
    const pairs = all.map((f) => `${f.level} ${f.policy} ${f.kind}/${f.namespace === null ? "" : `${f.namespace}/`}${f.name}`).sort();
    return { code: r.code, pairs, all, err: r.err };
}

/** What both versions really get wrong; `primary` is a Deployment now, a bare Pod in 2023. */
function expected(primaryKind: "Deployment" | "Pod"): string[] {
    return [
        // The primary can run twice: the Deployment's default RollingUpdate starts the new pod before the old one
        // stops (item 17); the bare Pod is not recreated on node loss (item 10).
        primaryKind === "Deployment"
            ? "mandatory xroad-primary-single-instance Deployment/sidecar/security-server-sidecar-primary"
            : "advisory xroad-primary-managed-by-controller Pod/sidecar/security-server-sidecar-primary",
        // No default deny in the namespace the Sidecar runs in (its example policies sit in sidecar-psp-restrictive).
        "mandatory k8s-namespace-default-deny-ingress Namespace/sidecar",
        // No pod-security.kubernetes.io/enforce label, although guide §6 asks for baseline.
        "mandatory k8s-namespace-psa-enforce Namespace/sidecar",
        // No requests/limits on either Sidecar (guide §7).
        `mandatory k8s-container-resources ${primaryKind}/sidecar/security-server-sidecar-primary`,
        "mandatory k8s-container-resources Deployment/sidecar/security-server-sidecar-secondary",
        // The primary is reachable by any pod: no policy in its namespace selects it (guide §5.1).
        `mandatory xroad-primary-ingress-secondary-ssh-only ${primaryKind}/sidecar/security-server-sidecar-primary`,
        // The primary keeps /var/lib/xroad (backups, message-log archives) in its container filesystem (item 18).
        `mandatory xroad-archive-volume-persistent ${primaryKind}/sidecar/security-server-sidecar-primary`,
        // Backups (db.properties passwords, the softtoken) and archives are not gpg-encrypted by X-Road (review C11).
        `mandatory xroad-backup-archive-encryption ${primaryKind}/sidecar/security-server-sidecar-primary`,
        // The secondary's private key is mounted 0644 (world-readable; facts §7 item 5).
        "mandatory k8s-ssh-key-secret-volume-mode Deployment/sidecar/security-server-sidecar-secondary",
        // The example NetworkPolicies protect a namespace nothing runs in (item 27); allow-internet-access admits everything (item 15).
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-internet-access",
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-internet-access",
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-same-namespace",
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-sidecar-access",
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-deployment-to-access-sidecar",
        "advisory k8s-networkpolicy-hygiene NetworkPolicy/sidecar-psp-restrictive/allow-namespace-and-deployment-to-access-sidecar",
    ].sort();
}

describe("npm run check over the official NIIS manifests", () => {
    it("flags exactly the real problems of the current manifests and exits 1", async () => {
        const r = await findings(path.join(NIIS_FIXTURES, "current"));
        assert.deepEqual(r.pairs, expected("Deployment"));
        assert.equal(r.code, 1);
        const key = r.all.find((f) => f.policy === "k8s-ssh-key-secret-volume-mode")!;
        assert.equal(
            key.message,
            'volume "secret-ssh-sidecar" (secret secret-ssh-keys) item private-key -> id_rsa has mode 0644, readable by others; use 0440 with fsGroup 999',
        );
        const twice = r.all.find((f) => f.policy === "xroad-primary-single-instance")!;
        assert.match(
            twice.message,
            /^Deployment sidecar\/security-server-sidecar-primary runs the role=primary Security Server with update strategy RollingUpdate \(the default\)/,
        );
    });

    it("flags the same problems in the archived 2023 manifests, and their duplicate port name as invalid YAML (exit 2)", async () => {
        const r = await findings(path.join(NIIS_FIXTURES, "archived-2023"));
        assert.deepEqual(r.pairs, expected("Pod"));
        assert.equal(r.code, 2);
        assert.ok(
            r.err.some((l) => /archived-2023\/load_balancer_setup\.yaml:115: invalid YAML: duplicated mapping key/.test(l)),
            r.err.join("\n"),
        );
    });

    it("prints one human line per violation: policy kind/namespace/name: message", async () => {
        const r = await check(path.join(NIIS_FIXTURES, "current", "load_balancer_setup.yaml"));
        assert.equal(r.code, 1);
        assert.ok(
            r.out.includes(
                "k8s-namespace-psa-enforce Namespace/sidecar: namespace sidecar has no pod-security.kubernetes.io/enforce label: Pod Security Admission enforces nothing there; set it to baseline",
            ),
            r.out.join("\n"),
        );
        assert.ok(
            r.out.some((l) => l.startsWith("k8s-container-resources Deployment/sidecar/security-server-sidecar-secondary: container ")),
        );
    });

    it("reads 0644 as octal (YAML 1.1), handles multi-document files and all workload kinds, exits 0 when clean and 2 on bad YAML", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-"));
        const pod = (kind: string, apiVersion: string, wrap: (spec: object) => object) => ({
            apiVersion,
            kind,
            metadata: { name: kind.toLowerCase(), namespace: "ok" },
            spec: wrap({
                containers: [
                    { name: "c", image: "i", resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } } },
                ],
            }),
        });
        const tpl = (spec: object) => ({ selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec } });
        const docs = [
            { apiVersion: "v1", kind: "Namespace", metadata: { name: "ok", labels: { "pod-security.kubernetes.io/enforce": "baseline" } } },
            {
                apiVersion: "networking.k8s.io/v1",
                kind: "NetworkPolicy",
                metadata: { name: "deny", namespace: "ok" },
                spec: { podSelector: {}, policyTypes: ["Ingress"] },
            },
            pod("Pod", "v1", (s) => s),
            pod("Deployment", "apps/v1", tpl),
            pod("StatefulSet", "apps/v1", tpl),
            pod("DaemonSet", "apps/v1", tpl),
            pod("ReplicaSet", "apps/v1", tpl),
            pod("Job", "batch/v1", (s) => ({ template: { spec: s } })),
            pod("CronJob", "batch/v1", (s) => ({ schedule: "* * * * *", jobTemplate: { spec: { template: { spec: s } } } })),
        ];
        fs.writeFileSync(path.join(dir, "clean.yaml"), docs.map((d) => JSON.stringify(d)).join("\n---\n"));
        assert.deepEqual(await check("--json", dir).then((r) => [r.code, r.out.join("")]), [0, "[]"]);

        fs.writeFileSync(
            path.join(dir, "key.yml"),
            `apiVersion: v1\nkind: Pod\nmetadata: {name: k, namespace: ok}\nspec:\n  containers: [{name: c, image: i, resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}}]\n  volumes:\n  - name: ssh\n    secret:\n      secretName: s\n      items:\n      - {key: private-key, path: id_rsa, mode: 0644}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj, namespace: ok}\nspec:\n  jobTemplate: {spec: {template: {spec: {hostNetwork: true, containers: [{name: c, image: i, resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}}]}}}}\n`,
        );
        const bad = await findings(dir);
        assert.equal(bad.code, 1);
        assert.deepEqual(bad.pairs, ["mandatory k8s-ssh-key-secret-volume-mode Pod/ok/k", "mandatory pod-security-baseline CronJob/ok/cj"]);
        assert.match(bad.all[0].message, /has mode 0644, readable by others/);

        // `kind: List` items are objects of their own; a document that is no Kubernetes object is an error naming file and line.
        fs.writeFileSync(
            path.join(dir, "list.yaml"),
            JSON.stringify({
                apiVersion: "v1",
                kind: "List",
                items: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "bare" } }],
            }) + "\n---\nfoo: bar\n",
        );
        const listed = await check("--json", path.join(dir, "list.yaml"));
        assert.deepEqual(
            (JSON.parse(listed.out.join("")) as Finding[]).map((f) => `${f.policy} ${f.kind}/${f.name} ${f.namespace}`),
            ["k8s-namespace-psa-enforce Namespace/bare null"],
        );
        assert.ok(
            listed.err.some((l) => /list\.yaml:3: not a Kubernetes object/.test(l)),
            listed.err.join("\n"),
        );
        fs.rmSync(path.join(dir, "list.yaml"));

        const broken = path.join(dir, "broken.yaml");
        fs.writeFileSync(broken, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n");
        const r = await check(broken);
        assert.equal(r.code, 2);
        assert.ok(
            r.err.some((l) => l.startsWith(`${broken}:5: invalid YAML: bad indentation`)),
            r.err.join("\n"),
        );
        assert.equal((await check(path.join(dir, "missing.yaml"))).code, 2);
        assert.equal((await check()).code, 2);
        fs.rmSync(dir, { recursive: true });
    });

    it("is wired as `npm run check` (package.json's command, exit code of the process)", () => {
        const root = path.resolve(__dirname, "..");
        const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { check: string } };
        const [command, ...nodeArgs] = manifest.scripts.check.split(/\s+/);
        assert.equal(command, "node");
        const r = spawnSync(process.execPath, [...nodeArgs, "--json", path.join(NIIS_FIXTURES, "current")], {
            encoding: "utf8",
            cwd: root,
        });
        assert.equal(r.status, 1, r.stderr);
        assert.equal((JSON.parse(r.stdout) as Finding[]).filter((f) => f.level === "mandatory").length, 9);
    });
});
