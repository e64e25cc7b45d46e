import * as assert from "node:assert/strict";
import {
    HEAP_SHARE,
    LOCAL_DATABASE_RESERVE_MIB,
    MIN_HEAP_MIB,
    NON_HEAP_RESERVE_MIB,
    proxyHeap,
    sharedProxyHeap,
} from "../../components/kubernetes/java-heap";
import { defaultResources } from "../../config/instance";

describe("proxy heap sizing", () => {
    it("gives the NIIS minimum containers more than X-Road's fixed 512m default", () => {
        assert.deepEqual(proxyHeap("3Gi", "slim", false), { initialMiB: 384, maxMiB: 1728 });
        assert.deepEqual(proxyHeap("4Gi", "full", false), { initialMiB: 512, maxMiB: 2112 });
    });

    it("leaves room for the other JVMs and, with a local database, for PostgreSQL", () => {
        const limit = 8192;
        assert.equal(
            proxyHeap(`${limit}Mi`, "full", false).maxMiB,
            Math.floor(((limit - NON_HEAP_RESERVE_MIB.full) * HEAP_SHARE) / 64) * 64,
        );
        assert.equal(
            proxyHeap(`${limit}Mi`, "full", true).maxMiB,
            Math.floor(((limit - NON_HEAP_RESERVE_MIB.full - LOCAL_DATABASE_RESERVE_MIB) * HEAP_SHARE) / 64) * 64,
        );
    });

    it("grows with the limit, in every unit Kubernetes accepts", () => {
        const sizes = ["3Gi", "4096Mi", "6Gi", "8G", "16Gi"].map((m) => proxyHeap(m, "slim", false).maxMiB);
        for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] > sizes[i - 1], sizes.join(","));
    });

    it("keeps -Xms below -Xmx and never goes under X-Road's default", () => {
        for (const m of ["1Gi", "1500Mi", "3Gi", "64Gi"]) {
            const h = proxyHeap(m, "full", true);
            assert.ok(h.maxMiB >= MIN_HEAP_MIB);
            assert.ok(h.initialMiB < h.maxMiB, m);
        }
    });

    it("sizes the load-balanced topology for the smaller container", () => {
        const big = { requests: { cpu: "2", memory: "8Gi" }, limits: { cpu: "4", memory: "8Gi" } };
        assert.deepEqual(sharedProxyHeap([big, defaultResources("slim")], "slim"), proxyHeap("3Gi", "slim", false));
        assert.deepEqual(sharedProxyHeap([defaultResources("slim"), big], "slim"), proxyHeap("3Gi", "slim", false));
    });

    it("refuses a malformed limit instead of guessing", () => {
        assert.throws(() => proxyHeap("lots", "slim", false), /cannot size the proxy heap from memory limit "lots"/);
    });
});
