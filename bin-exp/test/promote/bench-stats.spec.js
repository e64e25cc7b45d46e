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
const stats_1 = require("../../bench/stats");
describe("bench: statistics", () => {
    it("takes the middle value, or the mean of the middle two, whatever the order", () => {
        assert.equal((0, stats_1.median)([5, 1, 3]), 3);
        assert.equal((0, stats_1.median)([4, 1, 3, 2]), 2.5);
        assert.equal((0, stats_1.median)([7]), 7);
        assert.throws(() => (0, stats_1.median)([]), /empty/);
    });
    it("fits the per-instance cost by least squares", () => {
        // 1000 ms of start-up and 20 ms per instance, measured at 1, 10 and 50 instances.
        assert.ok(Math.abs((0, stats_1.slope)([1, 10, 50].map((x) => ({ x, y: 1000 + 20 * x }))) - 20) < 1e-9);
        // Not linear: every point counts (Sxy / Sxx = 24113.3 / 1360.67), not just the two ends (which give 20).
        const fitted = (0, stats_1.slope)([
            { x: 1, y: 1020 },
            { x: 10, y: 1500 },
            { x: 50, y: 2000 },
        ]);
        assert.ok(Math.abs(fitted - 17.722) < 0.001, `slope ${fitted}`);
        assert.throws(() => (0, stats_1.slope)([{ x: 1, y: 1 }]), /two points/);
        assert.throws(() => (0, stats_1.slope)([
            { x: 3, y: 1 },
            { x: 3, y: 2 },
        ]), /different x/);
    });
    it("summarises a sample with its median and range", () => {
        assert.deepEqual((0, stats_1.sample)([3, 1, 2]), { median: 2, min: 1, max: 3, runs: [3, 1, 2] });
    });
    it("never gives a per-instance 'yes' on noise: CPU and in-process slopes decide, with 3 runs over 3 sizes or more", () => {
        const targets = { msPerInstance: 20, mbPerInstance: 5 };
        // The review's case: --runs 1 --instances 1,3, a negative wall slope, 40 ms CPU and 90 ms in-process.
        assert.deepEqual((0, stats_1.perInstanceVerdict)({ cpuMs: 40, inProcessMs: 90, peakMb: 1 }, 1, 2, targets), {
            ms: false,
            mb: false,
            judged: false,
        });
        assert.deepEqual((0, stats_1.perInstanceVerdict)({ cpuMs: 10, inProcessMs: 12, peakMb: 1 }, 2, 3, targets).judged, false);
        assert.deepEqual((0, stats_1.perInstanceVerdict)({ cpuMs: 10, inProcessMs: 90, peakMb: 1 }, 5, 3, targets), {
            ms: false,
            mb: true,
            judged: true,
        });
        assert.deepEqual((0, stats_1.perInstanceVerdict)({ cpuMs: 15, inProcessMs: 12, peakMb: 6 }, 5, 3, targets), {
            ms: true,
            mb: false,
            judged: true,
        });
    });
});
