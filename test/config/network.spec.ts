import * as assert from "node:assert/strict";
import { ConfigValidationError, loadStackConfig } from "../../config";
import { formatIssue } from "../../config/checker";
import { SidecarInstanceConfig } from "../../config/instance";

const names = { project: "xroad-sidecar", stack: "test" };

function load(instance: Record<string, unknown>, extra: Record<string, unknown> = {}): SidecarInstanceConfig {
    const flat: Record<string, string> = { "xroad-sidecar:target": "existing", "xroad-sidecar:instances": JSON.stringify([instance]) };
    for (const [k, v] of Object.entries(extra)) flat[`xroad-sidecar:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    return loadStackConfig(flat, names).instances[0];
}

function errorsOf(instance: Record<string, unknown>, extra: Record<string, unknown> = {}): string[] {
    try {
        load(instance, extra);
        return [];
    } catch (e) {
        assert.ok(e instanceof ConfigValidationError, String(e));
        return e.issues.map(formatIssue);
    }
}

const key = "xroad-sidecar:instances[0].network";

describe("network settings (every row of the NIIS network table)", () => {
    it("reads producers, consumers, OCSP/TSA ports, ACME and mail", () => {
        const i = load({
            name: "ss",
            namespace: "xroad-ss",
            flavour: "full",
            variant: "fi",
            topology: "single",
            network: {
                consumerNamespaces: ["apps"],
                consumerCidrs: ["10.50.0.0/24"],
                ocspTsaPorts: [8888, "8899", 8888],
                producers: [
                    { name: "backend", cidrs: ["10.30.0.0/24"], ports: [8443] },
                    { namespaces: ["apps"], podLabels: { app: "orders" }, ports: [8080] },
                ],
                mailCidrs: ["192.0.2.25/32"],
                consumerLoadBalancer: { annotations: { "example.org/internal": "true" } },
            },
        });
        assert.deepEqual(i.network.ocspTsaPorts, [8888, 8899]);
        assert.deepEqual(
            i.network.producers.map((p) => p.name),
            ["backend", "producer-2"],
        );
        assert.equal(i.network.consumerLoadBalancer.enabled, true, "on by default when consumerCidrs is set");
        assert.equal(i.network.acmeChallenge, true, "the fi variant listens for ACME on a single pod");
        assert.deepEqual(i.network.acmeSourceRanges, ["0.0.0.0/0"]);
    });

    it("defaults to no consumers from outside, no producers, no ACME, no mail", () => {
        const i = load({ name: "ss" });
        assert.deepEqual([i.network.consumerCidrs, i.network.producers, i.network.mailCidrs, i.network.ocspTsaPorts], [[], [], [], []]);
        assert.deepEqual(i.network.consumerLoadBalancer, { enabled: false, annotations: {} });
        assert.equal(i.network.acmeChallenge, false);
    });

    it("explains why a production stack needs consumers or producers", () => {
        assert.deepEqual(errorsOf({ name: "ss" }, { environment: "production" }), [
            `${key}: (not set) is not valid; allowed: at least one consumer (consumerNamespaces or consumerCidrs) or producer (producers) in a production environment: every other port is closed by default deny, so without them no information system can call this Security Server and it can call no backend, and it carries no X-Road traffic`,
        ]);
        assert.deepEqual(
            errorsOf({ name: "ss", network: { producers: [{ cidrs: ["10.1.0.0/24"], ports: [443] }] } }, { environment: "production" }),
            [],
        );
        assert.deepEqual(
            errorsOf(
                { name: "ss", network: { consumerCidrs: ["10.1.0.0/24"], consumerLoadBalancer: { enabled: false } } },
                { environment: "production" },
            ),
            [],
        );
    });

    it("names key, value and what is allowed for bad producers", () => {
        assert.deepEqual(
            errorsOf({
                name: "ss",
                namespace: "xroad-ss",
                network: {
                    producers: [
                        { name: "a", ports: [8080] },
                        { name: "b", cidrs: ["10.0.0.0/8"], ports: [] },
                        { name: "c", namespaces: ["apps"], ports: [70000] },
                        { name: "d", cidrs: ["10.1.0.0/24"], podLabels: { app: "x" }, ports: [80] },
                        { name: "e", namespaces: ["xroad-ss"], podLabels: { app: "x" }, ports: [80] },
                        { name: "a", cidrs: ["169.254.169.254/32"], ports: [80] },
                    ],
                },
            }),
            [
                // Each value's own check first, in the schema's order; then the rules that relate settings.
                `${key}.producers[1].ports: [] is not valid; allowed: a list of at least one TCP port (1-65535)`,
                `${key}.producers[2].ports[0]: 70000 is not valid; allowed: an integer from 1 to 65535`,
                `${key}.producers[5].cidrs[0]: "169.254.169.254/32" is not valid; allowed: a CIDR outside 169.254.0.0/16 and 168.63.129.16/32: the cloud metadata endpoint and the Azure wireserver are never reachable`,
                `${key}.producers[0]: (a section with name, ports) is not valid; allowed: cidrs (addresses outside the cluster) or namespaces (with podLabels, pods inside it), with ports`,
                `${key}.producers[2].podLabels: (not set) is not valid; allowed: the labels of the producer's pods, such as {app: backend}: without them every pod of the namespace would be reachable`,
                `${key}.producers[3].podLabels: (a section with app) is not valid; allowed: nothing unless namespaces is set: pod labels select pods of those namespaces`,
                `${key}.producers[4].namespaces: "xroad-ss" is not valid; allowed: namespaces other than the Sidecar's own: it runs only the Sidecar`,
                `${key}.producers[5].name: "a" is not valid; allowed: a name not already used by producers[0]`,
            ],
        );
    });

    it("refuses consumers in the Sidecar's namespace, consumers from anywhere, and a load balancer without sources or annotations", () => {
        assert.deepEqual(
            errorsOf({
                name: "ss",
                namespace: "xroad-ss",
                network: {
                    consumerNamespaces: ["xroad-ss"],
                    consumerCidrs: ["0.0.0.0/0"],
                    consumerPodLabels: { "bad key!": "x" },
                },
            }),
            [
                // Each value's own check first; then the rules that relate settings.
                `${key}.consumerPodLabels.bad key!: "[secret]" is not valid; allowed: a label key: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.'`,
                `${key}.consumerNamespaces: "xroad-ss" is not valid; allowed: namespaces other than the Sidecar's own: its default deny blocks every other pod there, so run information systems in their own namespace`,
                `${key}.consumerCidrs: "0.0.0.0/0" is not valid; allowed: the networks of your information systems: the consumer ports are internal (NIIS table)`,
                `${key}.consumerLoadBalancer.annotations: (not set) is not valid; allowed: the annotations that make your cluster's load balancer internal (target existing has no cloud defaults); without them it may be Internet-facing`,
            ],
        );
        assert.deepEqual(errorsOf({ name: "ss", network: { consumerLoadBalancer: { enabled: true } } }), [
            `${key}.consumerLoadBalancer.enabled: true is not valid; allowed: false unless ${key}.consumerCidrs lists who may use it (in-cluster consumers use the ClusterIP Service)`,
        ]);
    });

    it("allows ACME only on a single fi pod, and no X-Road or mail egress to the metadata endpoint", () => {
        assert.deepEqual(
            errorsOf({
                name: "ss",
                variant: "fi",
                topology: "primary-secondaries",
                database: { mode: "external", host: "10.1.1.1" },
                network: { acmeChallenge: true, xroadEgressCidrs: ["168.63.129.16/32"], mailCidrs: ["169.254.0.0/24"] },
            }),
            [
                // Each value's own check first; then the rules that relate settings.
                `${key}.xroadEgressCidrs[0]: "168.63.129.16/32" is not valid; allowed: a CIDR outside 169.254.0.0/16 and 168.63.129.16/32: the cloud metadata endpoint and the Azure wireserver are never reachable`,
                `${key}.mailCidrs[0]: "169.254.0.0/24" is not valid; allowed: a CIDR outside 169.254.0.0/16 and 168.63.129.16/32: the cloud metadata endpoint and the Azure wireserver are never reachable`,
                `${key}.acmeChallenge: true is not valid; allowed: false for the primary-secondaries topology: the HTTP-01 listener is the primary's admin side (proxy-ui-api), which guide §5.1 isolates (SSH from the secondaries only); order ACME certificates on a single-pod instance or with DNS-01`,
            ],
        );
        assert.deepEqual(errorsOf({ name: "ss", network: { acmeChallenge: true } }), [
            `${key}.acmeChallenge: true is not valid; allowed: false unless the variant is fi: only its image listens for HTTP-01 challenges on port 80 and may bind it (xroad-facts §2)`,
        ]);
    });

    it("reads an existing cluster's own ranges, private ranges by default", () => {
        const flat = { "xroad-sidecar:target": "existing" };
        const dflt = loadStackConfig(flat, names);
        assert.ok(dflt.target === "existing");
        if (dflt.target !== "existing") return;
        assert.deepEqual(dflt.existing.clusterCidrs, ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]);
        const set = loadStackConfig({ ...flat, "xroad-sidecar:existing": JSON.stringify({ clusterCidrs: ["10.244.0.0/16"] }) }, names);
        assert.ok(set.target === "existing" && set.existing.clusterCidrs[0] === "10.244.0.0/16");
    });
});
