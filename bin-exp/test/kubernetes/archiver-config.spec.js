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
const config_1 = require("../../config");
const cron_1 = require("../../config/cron");
const errors_1 = require("../config/errors");
const names = { project: "xroad-sidecar", stack: "test" };
function load(archiving) {
    return (0, config_1.loadStackConfig)({ "xroad-sidecar:target": "existing", "xroad-sidecar:instances": JSON.stringify([{ name: "a", archiving }]) }, names).instances[0].archiving;
}
function errorsOf(archiving) {
    return (0, errors_1.configErrors)(() => load(archiving));
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
            `xroad-sidecar:instances[0].archiving.schedule: "every 6 hours" is not valid; allowed: ${cron_1.CRON_ALLOWED}`,
            "xroad-sidecar:instances[0].archiving.settleMinutes: 0 is not valid; allowed: an integer from 1 to 1440",
            "xroad-sidecar:instances[0].archiving.localRetentionDays: -1 is not valid; allowed: an integer from 0 to 3650",
        ]);
        assert.deepEqual(errorsOf({ schedule: "30 */6 * * * ;rm" }).length, 1);
        assert.deepEqual(errorsOf({ settleMinutes: "soon" }), [
            'xroad-sidecar:instances[0].archiving.settleMinutes: "soon" is not valid; allowed: an integer from 1 to 1440',
        ]);
    });
});
