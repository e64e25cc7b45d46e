"use strict";
/**
 * The cron syntax a Kubernetes CronJob accepts: five fields (minute, hour, day of month, month, day of
 * week) or one of the macros, as robfig/cron's standard parser reads them (kubernetes
 * pkg/apis/batch/validation validateScheduleFormat; `TZ=` prefixes are refused there, use timeZone).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.CRON_ALLOWED = void 0;
exports.cronProblem = cronProblem;
const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FIELDS = [
    { name: "minute", min: 0, max: 59 },
    { name: "hour", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    { name: "month", min: 1, max: 12, names: MONTHS },
    { name: "day of week", min: 0, max: 6, names: DAYS },
];
function valueOf(text, rule) {
    if (/^\d+$/.test(text)) {
        const n = Number(text);
        return n >= rule.min && n <= rule.max ? n : undefined;
    }
    const index = rule.names?.indexOf(text.toLowerCase()) ?? -1;
    return index >= 0 ? rule.min + index : undefined;
}
/** Why one field is wrong, or undefined when robfig/cron accepts it. */
function fieldProblem(field, rule) {
    for (const part of field.split(",")) {
        const [range, step, ...extra] = part.split("/");
        if (extra.length > 0 || range === "")
            return `the ${rule.name} field "${field}" is malformed`;
        if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0))
            return `the ${rule.name} field "${field}" has a step that is not a positive number`;
        if (range === "*" || range === "?")
            continue;
        const bounds = range.split("-");
        if (bounds.length > 2)
            return `the ${rule.name} field "${field}" is malformed`;
        const values = bounds.map((b) => valueOf(b, rule));
        if (values.some((v) => v === undefined))
            return `the ${rule.name} field "${field}" is outside ${rule.min}-${rule.max}${rule.names ? ` (or ${rule.names[0]}-${rule.names[rule.names.length - 1]})` : ""}`;
        if (values.length === 2 && values[0] > values[1])
            return `the ${rule.name} field "${field}" has a range that runs backwards`;
    }
    return undefined;
}
/** Why a schedule would be refused by the API server, or undefined when it is valid. */
function cronProblem(schedule) {
    const trimmed = schedule.trim();
    if (trimmed.startsWith("@"))
        return MACROS.includes(trimmed) ? undefined : `"${trimmed}" is not a known macro`;
    if (/^(TZ|CRON_TZ)=/.test(trimmed))
        return "a time zone prefix, which Kubernetes refuses (the CronJob's timeZone field sets it)";
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 5)
        return `${fields.length} fields instead of 5`;
    for (let i = 0; i < 5; i++) {
        const problem = fieldProblem(fields[i], FIELDS[i]);
        if (problem)
            return problem;
    }
    return undefined;
}
exports.CRON_ALLOWED = `a five-field cron schedule such as "30 */6 * * *" (minute hour day-of-month month day-of-week), or one of ${MACROS.join(", ")}`;
