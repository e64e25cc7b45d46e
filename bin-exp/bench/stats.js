"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_VERDICT_RUNS = void 0;
exports.median = median;
exports.slope = slope;
exports.sample = sample;
exports.perInstanceVerdict = perInstanceVerdict;
/** The median of a non-empty sample (the mean of the middle two for an even count). */
function median(values) {
    if (values.length === 0)
        throw new Error("median of an empty sample");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/**
 * Least-squares slope of y over x: the cost of one more x (one more Sidecar instance) fitted
 * over every measured size, so one noisy point does not decide it.
 */
function slope(points) {
    if (points.length < 2)
        throw new Error("a slope needs at least two points");
    const n = points.length;
    const mx = points.reduce((s, p) => s + p.x, 0) / n;
    const my = points.reduce((s, p) => s + p.y, 0) / n;
    const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
    if (sxx === 0)
        throw new Error("a slope needs at least two different x values");
    return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}
function sample(runs) {
    return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}
/** Fewer runs than this per size give no per-instance verdict: a median of one or two runs is noise. */
exports.MIN_VERDICT_RUNS = 3;
/**
 * The per-instance verdicts of the growth bench. Time is judged on the larger of the CPU and in-process slopes (wall
 * time swings with other processes' load and can even give a negative slope), and only with MIN_VERDICT_RUNS runs per
 * size over three sizes or more: otherwise `judged` is false and both verdicts are false, so noise never gives a "yes".
 */
function perInstanceVerdict(perInstance, runs, sizes, targets) {
    const judged = runs >= exports.MIN_VERDICT_RUNS && sizes >= 3;
    return {
        ms: judged && Math.max(perInstance.cpuMs, perInstance.inProcessMs) <= targets.msPerInstance,
        mb: judged && perInstance.peakMb <= targets.mbPerInstance,
        judged,
    };
}
