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
const quantity_1 = require("./kubernetes/quantity");
const resources_1 = require("./resources");
const harness_1 = require("./testing/harness");
describe("k8s-container-resources (guide §7)", () => {
    const w = (containers, initContainers = []) => (0, harness_1.k8s)((0, harness_1.deployment)("ss", "x", { containers, initContainers }));
    it("passes containers and init containers with all four values", async () => {
        assert.deepEqual(await (0, harness_1.messages)(resources_1.containerResources, w([{ name: "c", resources: harness_1.RESOURCES }], [{ name: "i", resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } } }])), []);
    });
    it("flags each missing value per container, including init containers", async () => {
        assert.deepEqual(await (0, harness_1.messages)(resources_1.containerResources, w([{ name: "c", resources: { requests: { cpu: "1" } } }], [{ name: "i" }])), [
            'initContainer "i" sets no requests.cpu, requests.memory, limits.cpu, limits.memory',
            'container "c" sets no requests.memory, limits.cpu, limits.memory',
        ]);
    });
    it("flags requests above limits, and follows the `required` config", async () => {
        assert.deepEqual(await (0, harness_1.messages)(resources_1.containerResources, w([{ name: "c", resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "1500m", memory: "4096Mi" } } }])), ['container "c" requests more cpu than its limit']);
        assert.deepEqual(await (0, harness_1.messages)(resources_1.containerResources, w([{ name: "c", resources: { requests: { cpu: "1", memory: "1Gi" } } }]), {
            config: { required: ["requests.cpu", "requests.memory"] },
        }), []);
    });
    it("parses Kubernetes quantities", () => {
        assert.equal((0, quantity_1.parseQuantity)("500m"), 0.5);
        assert.equal((0, quantity_1.parseQuantity)("4Gi"), 4 * 2 ** 30);
        assert.equal((0, quantity_1.parseQuantity)("1e3"), 1000);
        assert.equal((0, quantity_1.parseQuantity)("3G"), 3e9);
        assert.equal((0, quantity_1.parseQuantity)(2), 2);
        assert.equal((0, quantity_1.parseQuantity)("lots"), undefined);
    });
});
