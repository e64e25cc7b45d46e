"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
const mocha_1 = __importDefault(require("mocha"));
/**
 * mocha's spec reporter, plus one closing line `tests: N passed, N failed, N skipped` that CI reads
 * to tell a run that tested something from one that ran nothing.
 */
class SpecWithSummary extends mocha_1.default.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(mocha_1.default.Runner.constants.EVENT_RUN_END, () => {
            const stats = runner.stats;
            if (stats)
                console.log(`tests: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
        });
    }
}
module.exports = SpecWithSummary;
