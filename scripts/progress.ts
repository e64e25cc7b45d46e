/**
 * Progress of a long check on stderr: one line redrawn in place on a terminal, plain lines (every 10%) otherwise,
 * so CI logs show it without control characters. Silent for small inputs.
 */
export interface ProgressSink {
    /** Writes raw text (no newline added). */
    write(text: string): void;
    isTTY: boolean;
}

/** Inputs above this size report progress; a few MB check in a couple of seconds. */
export const PROGRESS_MIN_BYTES = 4_000_000;

export class Progress {
    private lastStep = new Map<string, number>();
    private drawn = false;

    constructor(
        private readonly sink: ProgressSink | undefined,
        private readonly enabled: boolean,
    ) {}

    /** Reports `done` of `total` for a stage ("reading", "checking"), with an optional unit. */
    update(stage: string, done: number, total: number, format: (n: number) => string = String): void {
        if (!this.sink || !this.enabled || total <= 0) return;
        const pct = Math.min(100, Math.floor((100 * done) / total));
        const line = `${stage} ${format(done)}/${format(total)} (${pct}%)`;
        if (this.sink.isTTY) {
            this.sink.write(`\r\x1b[2K${line}`);
            this.drawn = true;
            return;
        }
        const step = Math.floor(pct / 10);
        if (this.lastStep.get(stage) === step) return;
        this.lastStep.set(stage, step);
        this.sink.write(`${line}\n`);
    }

    /** Clears the terminal line before the report is printed. */
    done(): void {
        if (this.sink?.isTTY && this.drawn) this.sink.write("\r\x1b[2K");
        this.drawn = false;
    }
}

export function megabytes(bytes: number): string {
    return `${(bytes / 1e6).toFixed(1)} MB`;
}
