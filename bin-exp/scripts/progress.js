"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Progress = exports.PROGRESS_MIN_BYTES = void 0;
exports.megabytes = megabytes;
/** Inputs above this size report progress; a few MB check in a couple of seconds. */
exports.PROGRESS_MIN_BYTES = 4_000_000;
class Progress {
    sink;
    enabled;
    lastStep = new Map();
    drawn = false;
    constructor(sink, enabled) {
        this.sink = sink;
        this.enabled = enabled;
    }
    /** Reports `done` of `total` for a stage ("reading", "checking"), with an optional unit. */
    update(stage, done, total, format = String) {
        if (!this.sink || !this.enabled || total <= 0)
            return;
        const pct = Math.min(100, Math.floor((100 * done) / total));
        const line = `${stage} ${format(done)}/${format(total)} (${pct}%)`;
        if (this.sink.isTTY) {
            this.sink.write(`\r\x1b[2K${line}`);
            this.drawn = true;
            return;
        }
        const step = Math.floor(pct / 10);
        if (this.lastStep.get(stage) === step)
            return;
        this.lastStep.set(stage, step);
        this.sink.write(`${line}\n`);
    }
    /** Clears the terminal line before the report is printed. */
    done() {
        if (this.sink?.isTTY && this.drawn)
            this.sink.write("\r\x1b[2K");
        this.drawn = false;
    }
}
exports.Progress = Progress;
function megabytes(bytes) {
    return `${(bytes / 1e6).toFixed(1)} MB`;
}
