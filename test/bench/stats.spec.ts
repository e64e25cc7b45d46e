import * as assert from "node:assert/strict";
import { median, perInstanceVerdict, sample, slope } from "../../bench/stats";

describe("bench: statistics", () => {
    it("takes the middle value, or the mean of the middle two, whatever the order", () => {
        assert.equal(median([5, 1, 3]), 3);
        assert.equal(median([4, 1, 3, 2]), 2.5);
        assert.equal(median([7]), 7);
        assert.throws(() => median([]), /empty/);
    });

    it("fits the per-instance cost by least squares", () => {
        // 1000 ms of start-up and 20 ms per instance, measured at 1, 10 and 50 instances.
        assert.ok(Math.abs(slope([1, 10, 50].map((x) => ({ x, y: 1000 + 20 * x }))) - 20) < 1e-9);
        // Not linear: every point counts (Sxy / Sxx = 24113.3 / 1360.67), not just the two ends (which give 20).
        const fitted = slope([
            { x: 1, y: 1020 },
            { x: 10, y: 1500 },
            { x: 50, y: 2000 },
        ]);
        assert.ok(Math.abs(fitted - 17.722) < 0.001, `slope ${fitted}`);
        assert.throws(() => slope([{ x: 1, y: 1 }]), /two points/);
        assert.throws(
            () =>
                slope([
                    { x: 3, y: 1 },
                    { x: 3, y: 2 },
                ]),
            /different x/,
        );
    });

    it("summarises a sample with its median and range", () => {
        assert.deepEqual(sample([3, 1, 2]), { median: 2, min: 1, max: 3, runs: [3, 1, 2] });
    });

    it("never gives a per-instance 'yes' on noise: CPU and in-process slopes decide, with 3 runs over 3 sizes or more", () => {
        const targets = { msPerInstance: 20, mbPerInstance: 5 };
        // The review's case: --runs 1 --instances 1,3, a negative wall slope, 40 ms CPU and 90 ms in-process.
        assert.deepEqual(perInstanceVerdict({ cpuMs: 40, inProcessMs: 90, peakMb: 1 }, 1, 2, targets), {
            ms: false,
            mb: false,
            judged: false,
        });
        assert.deepEqual(perInstanceVerdict({ cpuMs: 10, inProcessMs: 12, peakMb: 1 }, 2, 3, targets).judged, false);
        assert.deepEqual(perInstanceVerdict({ cpuMs: 10, inProcessMs: 90, peakMb: 1 }, 5, 3, targets), {
            ms: false,
            mb: true,
            judged: true,
        });
        assert.deepEqual(perInstanceVerdict({ cpuMs: 15, inProcessMs: 12, peakMb: 6 }, 5, 3, targets), {
            ms: true,
            mb: false,
            judged: true,
        });
    });
});
