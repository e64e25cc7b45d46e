import * as assert from "node:assert/strict";
import { parseQuantity } from "../kubernetes-model/quantity";
import { containerResources } from "./resources";
import { RESOURCES, deployment, k8s, messages } from "./testing/harness";

describe("k8s-container-resources (guide §7)", () => {
    const w = (containers: unknown[], initContainers: unknown[] = []) => k8s(deployment("ss", "x", { containers, initContainers }));
    it("passes containers and init containers with all four values", async () => {
        assert.deepEqual(
            await messages(
                containerResources,
                w(
                    [{ name: "c", resources: RESOURCES }],
                    [{ name: "i", resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } } }],
                ),
            ),
            [],
        );
    });
    it("flags each missing value per container, including init containers", async () => {
        assert.deepEqual(await messages(containerResources, w([{ name: "c", resources: { requests: { cpu: "1" } } }], [{ name: "i" }])), [
            'initContainer "i" sets no requests.cpu, requests.memory, limits.cpu, limits.memory',
            'container "c" sets no requests.memory, limits.cpu, limits.memory',
        ]);
    });
    it("flags requests above limits, and follows the `required` config", async () => {
        assert.deepEqual(
            await messages(
                containerResources,
                w([{ name: "c", resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "1500m", memory: "4096Mi" } } }]),
            ),
            ['container "c" requests more cpu than its limit'],
        );
        assert.deepEqual(
            await messages(containerResources, w([{ name: "c", resources: { requests: { cpu: "1", memory: "1Gi" } } }]), {
                config: { required: ["requests.cpu", "requests.memory"] },
            }),
            [],
        );
    });
    it("parses Kubernetes quantities", () => {
        assert.equal(parseQuantity("500m"), 0.5);
        assert.equal(parseQuantity("4Gi"), 4 * 2 ** 30);
        assert.equal(parseQuantity("1e3"), 1000);
        assert.equal(parseQuantity("3G"), 3e9);
        assert.equal(parseQuantity(2), 2);
        assert.equal(parseQuantity("lots"), undefined);
    });
});
