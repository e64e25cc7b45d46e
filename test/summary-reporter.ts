import Mocha from "mocha";

/**
 * mocha's spec reporter, plus one closing line `tests: N passed, N failed, N skipped` that CI reads
 * to tell a run that tested something from one that ran nothing.
 */
class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const stats = runner.stats;
            if (stats) console.log(`tests: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
        });
    }
}

export = SpecWithSummary;
