import * as assert from "node:assert/strict";
import { INTERNAL_LB_ANNOTATIONS, scenario } from "./scenarios";
import { objectsOfKind, theObject } from "./render";
import { selectorMatches } from "./label-selector";

const tcp = (port: number) => ({ protocol: "TCP", port });

describe("X-Road traffic beyond the basics (NIIS network table)", () => {
    it("puts out-of-cluster consumers behind an internal load balancer limited to their networks", async () => {
        const s = await scenario("primary-secondaries-external");
        const lb = theObject(s.rendered.objects, "Service", "lb-consumer-internal");
        assert.equal(lb.spec.type, "LoadBalancer");
        assert.equal(lb.spec.externalTrafficPolicy, "Local", "keeps the consumer's address for the ipBlock");
        assert.deepEqual(lb.spec.loadBalancerSourceRanges, ["10.70.0.0/24"]);
        // The platform's internal annotations first, then the instance's own.
        for (const [k, v] of Object.entries({ ...INTERNAL_LB_ANNOTATIONS, "example.org/internal": "true" }))
            assert.equal(lb.metadata.annotations[k], v);
        assert.deepEqual(
            lb.spec.ports.map((p) => p.port),
            [8080, 8443],
        );
        const secondary = theObject(s.rendered.objects, "Deployment", "lb-secondary");
        assert.ok(selectorMatches({ matchLabels: lb.spec.selector }, secondary.spec.template.metadata.labels));
        assert.equal(s.rendered.outputs.instance.services.consumerInternal, "lb-consumer-internal");
    });

    it("creates no consumer load balancer without consumer networks", async () => {
        for (const name of ["single-local", "primary-secondaries-managed"]) {
            const s = await scenario(name);
            assert.equal(
                objectsOfKind(s.rendered.objects, "Service").filter((o) => o.metadata.name.endsWith("-consumer-internal")).length,
                0,
            );
        }
    });

    it("routes ACME HTTP-01 challenges to a single fi pod on port 80, and lets it send mail on 587", async () => {
        const s = await scenario("single-acme");
        const pub = theObject(s.rendered.objects, "Service", "acme-public");
        assert.deepEqual(pub.spec.ports.at(-1), { name: "acme-http", port: 80, targetPort: 80, protocol: "TCP" });
        const policy = theObject(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
        assert.deepEqual(policy.spec.ingress.at(-1), {
            from: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16", "168.63.129.16/32", "10.0.0.0/8"] } }],
            ports: [tcp(80)],
        });
        assert.deepEqual(policy.spec.egress.at(-1), { to: [{ ipBlock: { cidr: "192.0.2.25/32" } }], ports: [tcp(587)] });
        assert.deepEqual(policy.spec.egress.at(-2), {
            to: [
                {
                    namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["registry"] }] },
                    podSelector: { matchLabels: { app: "registry" } },
                },
            ],
            ports: [tcp(8443)],
        });
    });

    it("gives no ingress rule for the consumer ports when nobody may call them (an empty from would admit everyone)", async () => {
        const s = await scenario("single-local");
        const policy = theObject(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
        for (const rule of policy.spec.ingress) assert.ok(Array.isArray(rule.from) && rule.from.length > 0);
        assert.ok(!policy.spec.ingress.some((r) => r.ports.some((p) => p.port === 8443)));
    });
});
