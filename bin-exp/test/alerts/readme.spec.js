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
/**
 * The README's "What alerts you and what to do" table is the catalogue's: every alert, what it means and the
 * first three steps, rendered from policy/xroad/detections.ts. Editing one without the other fails here.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const detections_1 = require("../../policy/xroad/detections");
describe("README: What alerts you and what to do", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    it("holds the table generated from the catalogue, between its markers", () => {
        const match = /<!-- alerts-table:start[^>]*-->\n([\s\S]*?)\n<!-- alerts-table:end -->/.exec(readme);
        assert.ok(match, "the README has the alerts table markers");
        assert.equal(match[1], (0, detections_1.alertsTableMarkdown)(), "regenerate the table: npx ts-node -e 'console.log(require(\"./policy/xroad/detections\").alertsTableMarkdown())'");
    });
    it("names every alert with its three steps", () => {
        for (const d of detections_1.DETECTIONS) {
            assert.ok(readme.includes(`\`${d.id}\``), d.id);
            for (const step of d.steps)
                assert.ok(readme.includes(step.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|")), `${d.id}: ${step}`);
        }
    });
});
