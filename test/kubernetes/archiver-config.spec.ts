import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../config";
import { CRON_ALLOWED } from "../../config/cron";
import { configErrors } from "../config/errors";

const names = { project: "xroad-sidecar", stack: "test" };

function load(archiving: Record<string, unknown>) {
    return loadStackConfig(
        { "xroad-sidecar:target": "existing", "xroad-sidecar:instances": JSON.stringify([{ name: "a", archiving }]) },
        names,
    ).instances[0].archiving;
}

function errorsOf(archiving: Record<string, unknown>): string[] {
    return configErrors(() => load(archiving));
}

describe("archiver settings: schedule, settle time, local retention", () => {
    it("defaults to every 6 hours, 30 minutes settle time and 7 days on the volume", () => {
        const a = load({});
        assert.equal(a.schedule, "30 */6 * * *");
        assert.equal(a.settleMinutes, 30);
        assert.equal(a.localRetentionDays, 7);
    });

    it("takes the configured values, a cron macro and 0 days (remove on the run after the upload)", () => {
        const a = load({ schedule: "@hourly", settleMinutes: 5, localRetentionDays: 0 });
        assert.deepEqual([a.schedule, a.settleMinutes, a.localRetentionDays], ["@hourly", 5, 0]);
    });

    it("names the key, the value and what is allowed for each bad setting", () => {
        assert.deepEqual(errorsOf({ schedule: "every 6 hours", settleMinutes: 0, localRetentionDays: -1 }), [
            `xroad-sidecar:instances[0].archiving.schedule: "every 6 hours" is not valid; allowed: ${CRON_ALLOWED}`,
            "xroad-sidecar:instances[0].archiving.settleMinutes: 0 is not valid; allowed: an integer from 1 to 1440",
            "xroad-sidecar:instances[0].archiving.localRetentionDays: -1 is not valid; allowed: an integer from 0 to 3650",
        ]);
        assert.deepEqual(errorsOf({ schedule: "30 */6 * * * ;rm" }).length, 1);
        assert.deepEqual(errorsOf({ settleMinutes: "soon" }), [
            'xroad-sidecar:instances[0].archiving.settleMinutes: "soon" is not valid; allowed: an integer from 1 to 1440',
        ]);
    });
});
