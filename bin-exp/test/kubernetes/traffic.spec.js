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
const tcp = (port) => ({ protocol: "TCP", port });
describe("X-Road traffic beyond the basics (NIIS network table)", () => {
    it("puts out-of-cluster consumers behind an internal load balancer limited to their networks", async () => {
        const s = await (0, scenarios_1.scenario)("primary-secondaries-external");
        const lb = (0, render_1.theObject)(s.rendered.objects, "Service", "lb-consumer-internal");
        assert.equal(lb.spec.type, "LoadBalancer");
        assert.equal(lb.spec.externalTrafficPolicy, "Local", "keeps the consumer's address for the ipBlock");
        assert.deepEqual(lb.spec.loadBalancerSourceRanges, ["10.70.0.0/24"]);
        // The platform's internal annotations first, then the instance's own.
        for (const [k, v] of Object.entries({ ...scenarios_1.INTERNAL_LB_ANNOTATIONS, "example.org/internal": "true" }))
            assert.equal(lb.metadata.annotations[k], v);
        assert.deepEqual(lb.spec.ports.map((p) => p.port), [8080, 8443]);
        const secondary = (0, render_1.theObject)(s.rendered.objects, "Deployment", "lb-secondary");
        assert.ok((0, label_selector_1.selectorMatches)({ matchLabels: lb.spec.selector }, secondary.spec.template.metadata.labels));
        assert.equal(s.rendered.outputs.instance.services.consumerInternal, "lb-consumer-internal");
    });
    it("creates no consumer load balancer without consumer networks", async () => {
        for (const name of ["single-local", "primary-secondaries-managed"]) {
            const s = await (0, scenarios_1.scenario)(name);
            assert.equal((0, render_1.objectsOfKind)(s.rendered.objects, "Service").filter((o) => o.metadata.name.endsWith("-consumer-internal")).length, 0);
        }
    });
    it("routes ACME HTTP-01 challenges to a single fi pod on port 80, and lets it send mail on 587", async () => {
        const s = await (0, scenarios_1.scenario)("single-acme");
        const pub = (0, render_1.theObject)(s.rendered.objects, "Service", "acme-public");
        assert.deepEqual(pub.spec.ports.at(-1), { name: "acme-http", port: 80, targetPort: 80, protocol: "TCP" });
        const policy = (0, render_1.theObject)(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
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
        const s = await (0, scenarios_1.scenario)("single-local");
        const policy = (0, render_1.theObject)(s.rendered.objects, "NetworkPolicy", "standalone-traffic");
        for (const rule of policy.spec.ingress)
            assert.ok(Array.isArray(rule.from) && rule.from.length > 0);
        assert.ok(!policy.spec.ingress.some((r) => r.ports.some((p) => p.port === 8443)));
    });
});
