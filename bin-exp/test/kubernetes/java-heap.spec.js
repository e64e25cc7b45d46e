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
const java_heap_1 = require("../../components/kubernetes/java-heap");
const instance_1 = require("../../config/instance");
describe("proxy heap sizing", () => {
    it("gives the NIIS minimum containers more than X-Road's fixed 512m default", () => {
        assert.deepEqual((0, java_heap_1.proxyHeap)("3Gi", "slim", false), { initialMiB: 384, maxMiB: 1728 });
        assert.deepEqual((0, java_heap_1.proxyHeap)("4Gi", "full", false), { initialMiB: 512, maxMiB: 2112 });
    });
    it("leaves room for the other JVMs and, with a local database, for PostgreSQL", () => {
        const limit = 8192;
        assert.equal((0, java_heap_1.proxyHeap)(`${limit}Mi`, "full", false).maxMiB, Math.floor(((limit - java_heap_1.NON_HEAP_RESERVE_MIB.full) * java_heap_1.HEAP_SHARE) / 64) * 64);
        assert.equal((0, java_heap_1.proxyHeap)(`${limit}Mi`, "full", true).maxMiB, Math.floor(((limit - java_heap_1.NON_HEAP_RESERVE_MIB.full - java_heap_1.LOCAL_DATABASE_RESERVE_MIB) * java_heap_1.HEAP_SHARE) / 64) * 64);
    });
    it("grows with the limit, in every unit Kubernetes accepts", () => {
        const sizes = ["3Gi", "4096Mi", "6Gi", "8G", "16Gi"].map((m) => (0, java_heap_1.proxyHeap)(m, "slim", false).maxMiB);
        for (let i = 1; i < sizes.length; i++)
            assert.ok(sizes[i] > sizes[i - 1], sizes.join(","));
    });
    it("keeps -Xms below -Xmx and never goes under X-Road's default", () => {
        for (const m of ["1Gi", "1500Mi", "3Gi", "64Gi"]) {
            const h = (0, java_heap_1.proxyHeap)(m, "full", true);
            assert.ok(h.maxMiB >= java_heap_1.MIN_HEAP_MIB);
            assert.ok(h.initialMiB < h.maxMiB, m);
        }
    });
    it("sizes the load-balanced topology for the smaller container", () => {
        const big = { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "8Gi" } };
        assert.deepEqual((0, java_heap_1.sharedProxyHeap)([big, (0, instance_1.defaultResources)("slim")], "slim"), (0, java_heap_1.proxyHeap)("3Gi", "slim", false));
        assert.deepEqual((0, java_heap_1.sharedProxyHeap)([(0, instance_1.defaultResources)("slim"), big], "slim"), (0, java_heap_1.proxyHeap)("3Gi", "slim", false));
    });
    it("refuses a malformed limit instead of guessing", () => {
        assert.throws(() => (0, java_heap_1.proxyHeap)("lots", "slim", false), /cannot size the proxy heap from memory limit "lots"/);
    });
});
