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
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const write_1 = require("../../plan/write");
/** `npm run plan -- --out DIR` never deletes what the plan did not write (issue 14). */
describe("the plan's output folder", () => {
    let root;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-out-"))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    it("creates a missing folder and marks it", () => {
        const out = path.join(root, "new", "plan");
        (0, write_1.prepareOutDir)(out);
        assert.deepEqual(fs.readdirSync(out), [write_1.PLAN_MARKER]);
    });
    it("refuses a non-empty folder it did not write, and deletes nothing", () => {
        fs.writeFileSync(path.join(root, "thesis.tex"), "years of work");
        assert.throws(() => (0, write_1.prepareOutDir)(root), (e) => e instanceof write_1.OutDirError && e.message.includes("nothing was deleted"));
        assert.equal(fs.readFileSync(path.join(root, "thesis.tex"), "utf8"), "years of work");
    });
    it("replaces a folder a previous plan wrote", () => {
        (0, write_1.prepareOutDir)(root);
        fs.mkdirSync(path.join(root, "manifests"));
        fs.writeFileSync(path.join(root, "manifests", "old.yaml"), "kind: Old\n");
        (0, write_1.prepareOutDir)(root);
        assert.deepEqual(fs.readdirSync(root), [write_1.PLAN_MARKER]);
    });
});
