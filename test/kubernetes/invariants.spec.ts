import * as assert from "node:assert/strict";
import { SCENARIOS, Scenario, scenario } from "./scenarios";
import { allContainers, isKind, objectsOfKind, podTemplates } from "./render";
import { selectorMatches, serviceSelects } from "./label-selector";
import { validateManifest } from "./schema";
import { SENSITIVE_ENV_NAMES, TOKEN_PIN_PATTERN } from "../../policy/xroad/env";
import { PSA_PINNED_VERSION } from "../../policy/xroad/pod-security";
import { REDACTED } from "../../plan/redact";

/** Properties every topology must have, checked on each rendered scenario. */
for (const name of SCENARIOS) {
    describe(`Sidecar objects, ${name}`, () => {
        let s: Scenario;
        before(async () => {
            s = await scenario(name);
        });

        it("validates every written manifest against the Kubernetes API schema", () => {
            assert.ok(s.rendered.manifests.length >= 10);
            for (const m of s.rendered.manifests) {
                assert.doesNotThrow(() => validateManifest(m.object), `${m.fileName} does not match the API schema`);
            }
        });

        it("the schema check rejects a broken copy of our own manifest (it is not a no-op)", () => {
            const workload = s.rendered.manifests.find((m) => m.object.kind === "StatefulSet")!;
            const broken = JSON.parse(JSON.stringify(workload.object)) as { spec: { selector?: unknown } };
            delete broken.spec.selector;
            assert.throws(() => validateManifest(broken), /selector/);
        });

        it("gives every object an explicit name and the instance's namespace", () => {
            for (const o of s.rendered.objects) {
                assert.ok(o.metadata?.name, `${o.kind} without metadata.name`);
                if (o.kind === "Namespace") assert.equal(o.metadata.name, s.instance.namespace);
                // Cluster-scoped, so named after the namespace they guard (archiver-admission.ts).
                else if (o.kind === "ValidatingAdmissionPolicy" || o.kind === "ValidatingAdmissionPolicyBinding")
                    assert.equal(o.metadata.name, `${s.instance.namespace}-archiver-identity`);
                else assert.equal(o.metadata.namespace, s.instance.namespace, `${o.kind}/${o.metadata.name}`);
            }
        });

        it("labels the namespace for Pod Security Admission: enforce baseline, warn and audit restricted, pinned", () => {
            const ns = s.rendered.objects.find((o) => o.kind === "Namespace")!;
            const labels = ns.metadata.labels;
            assert.equal(labels["pod-security.kubernetes.io/enforce"], "baseline");
            assert.equal(labels["pod-security.kubernetes.io/warn"], "restricted");
            assert.equal(labels["pod-security.kubernetes.io/audit"], "restricted");
            for (const mode of ["enforce", "warn", "audit"])
                assert.equal(labels[`pod-security.kubernetes.io/${mode}-version`], PSA_PINNED_VERSION);
        });

        it("every workload selector matches its own pod template", () => {
            for (const o of s.rendered.objects.filter((x) => isKind(x, "Deployment") || isKind(x, "StatefulSet"))) {
                assert.ok(
                    selectorMatches(o.spec.selector, o.spec.template.metadata.labels),
                    `${o.kind}/${o.metadata.name} selector does not match its template`,
                );
            }
        });

        it("every Service selects exactly the pods of one workload, and selects some", () => {
            const templates = podTemplates(s.rendered.objects);
            for (const svc of s.rendered.objects.filter((o) => isKind(o, "Service"))) {
                const selected = templates.filter((t) => serviceSelects(svc.spec.selector, t.template.metadata.labels));
                assert.equal(
                    selected.length,
                    1,
                    `Service ${svc.metadata.name} selects ${selected.map((t) => t.owner).join(", ") || "nothing"}`,
                );
                assert.ok(!selected[0].owner.startsWith("CronJob/"), `Service ${svc.metadata.name} selects the archiver`);
            }
        });

        it("every NetworkPolicy and PDB selects pods that exist (or the whole namespace)", () => {
            const templates = podTemplates(s.rendered.objects);
            const selecting = [
                ...objectsOfKind(s.rendered.objects, "NetworkPolicy"),
                ...objectsOfKind(s.rendered.objects, "PodDisruptionBudget"),
            ];
            for (const o of selecting) {
                const selector = o.kind === "NetworkPolicy" ? o.spec.podSelector : o.spec.selector;
                assert.ok(
                    templates.some((t) => selectorMatches(selector, t.template.metadata.labels)),
                    `${o.kind}/${o.metadata.name} selects no pod`,
                );
            }
        });

        it("never puts a sensitive value into a pod spec: only secretKeyRef for the sensitive names", () => {
            for (const { owner, template } of podTemplates(s.rendered.objects)) {
                for (const c of allContainers(template)) {
                    for (const e of c.env ?? []) {
                        if (SENSITIVE_ENV_NAMES.includes(e.name) || TOKEN_PIN_PATTERN.test(e.name) || e.name === "XROAD_ADMIN_USER") {
                            assert.equal(e.value, undefined, `${owner}/${c.name} has a literal ${e.name}`);
                            assert.ok(
                                e.valueFrom?.secretKeyRef?.name && e.valueFrom.secretKeyRef.key === e.name,
                                `${owner}/${c.name} ${e.name} is not from a Secret`,
                            );
                        }
                    }
                    for (const ef of c.envFrom ?? [])
                        assert.equal(typeof ef.secretRef?.name, "string", "envFrom must be secretRef: {name} (xroad-facts §7 item 4)");
                }
            }
        });

        it("keeps Secret values out of the written manifests", () => {
            for (const m of s.rendered.manifests.filter((x) => x.object.kind === "Secret")) {
                const data = m.object.stringData as Record<string, unknown>;
                assert.ok(Object.keys(data).length > 0, `${m.fileName} lost its keys`);
                for (const [k, v] of Object.entries(data)) assert.equal(v, REDACTED, `${m.fileName} ${k}`);
            }
            const text = JSON.stringify(s.rendered.manifests);
            for (const secretValue of ["configured-db-password-value", "configured-token-pin-1234", "managed-db-password-value"])
                assert.ok(!text.includes(secretValue));
        });

        it("sets CPU and memory requests and limits on every container, init containers and jobs included", () => {
            for (const { owner, template } of podTemplates(s.rendered.objects)) {
                for (const c of allContainers(template)) {
                    for (const kind of ["requests", "limits"] as const)
                        for (const r of ["cpu", "memory"]) assert.ok(c.resources?.[kind]?.[r], `${owner}/${c.name} lacks ${kind}.${r}`);
                }
            }
        });

        it("creates no VerticalPodAutoscaler next to the HPA (guide §11)", () => {
            assert.ok(!s.rendered.resources.some((r) => r.type.includes("VerticalPodAutoscaler")));
        });

        it("outputs the namespace, Services, load balancer address and the admin UI port-forward", () => {
            const out = s.rendered.outputs.instance;
            assert.equal(out.namespace, s.instance.namespace);
            assert.equal(out.services.public, `${s.instance.name}-public`);
            assert.equal(out.services.consumer, `${s.instance.name}-consumer`);
            assert.match(out.loadBalancerAddress, /elb\.eu-north-1\.amazonaws\.com$|^\d+\.\d+\.\d+\.\d+$/);
            assert.match(
                out.adminUi.portForward,
                new RegExp(`^kubectl --namespace ${s.instance.namespace} port-forward statefulset/\\S+ 4000:4000$`),
            );
        });
    });
}
