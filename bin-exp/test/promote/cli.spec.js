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
const path = __importStar(require("path"));
const child_process_1 = require("child_process");
const project_1 = require("./project");
const REPO = path.resolve(__dirname, "..", "..");
/** `npm run promote -- <args>` on a throwaway project, without npm around it. */
function promote(dir, ...args) {
    const r = (0, child_process_1.spawnSync)(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(REPO, "scripts", "promote.ts"), "--cwd", dir, ...args], { cwd: REPO, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const PROD = [
    "# prod: promoted from dev",
    "config:",
    "  xroad-sidecar:target: existing  # on-prem cluster",
    "  xroad-sidecar:release:",
    "    sidecarVersion: 7.7.0  # running",
    "  xroad-sidecar:environment: production",
    "  xroad-sidecar:instances: [{network: {consumerNamespaces: [apps]}}]",
    "",
].join("\n");
describe("promote: npm run promote", function () {
    this.timeout(120000);
    let dir;
    afterEach(() => (0, project_1.removeProject)(dir));
    it("prints the diff and writes nothing on --dry-run, then writes the release with the real policy self-check passing", () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)(["sidecarVersion: 7.8.0"]), prod: PROD });
        const dry = promote(dir, "--from", "dev", "--to", "prod", "--dry-run");
        assert.equal(dry.status, 0, dry.stderr);
        assert.match(dry.stdout, /\* sidecarVersion +7\.7\.0 +→ +7\.8\.0/);
        assert.match(dry.stdout, /^- {4}sidecarVersion: 7\.7\.0 {2}# running$/m);
        assert.match(dry.stdout, /^\+ {4}sidecarVersion: 7\.8\.0 {2}# running$/m);
        assert.match(dry.stdout, /Dry run: .*Pulumi\.prod\.yaml not written/);
        assert.equal((0, project_1.readStack)(dir, "prod"), PROD);
        const real = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(real.status, 0, real.stderr);
        const written = (0, project_1.readStack)(dir, "prod").split("\n");
        assert.equal(written[4], "    sidecarVersion: 7.8.0  # running");
        assert.deepEqual([...written.slice(0, 4), ...written.slice(5)].filter((l) => !l.startsWith("    ")), PROD.split("\n").filter((l) => !l.startsWith("    ")));
    });
    it("exits 1 and writes nothing when the target would go back to an older X-Road", () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)(["sidecarVersion: 7.6.0"]), prod: PROD });
        const r = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /Refused: nothing written/);
        assert.match(r.stderr, /stack prod runs X-Road 7\.7\.0 and dev has 7\.6\.0: X-Road upgrades only go forward/);
        assert.equal((0, project_1.readStack)(dir, "prod"), PROD);
    });
    it("exits 2 with the config error for an invalid stack, and for bad usage", () => {
        dir = (0, project_1.tempProject)({ dev: (0, project_1.existingStack)(["sidecarVersion: latest"]), prod: PROD });
        const r = promote(dir, "--from", "dev", "--to", "prod");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /xroad-sidecar:release\.sidecarVersion: "latest" is not valid; allowed: a version MAJOR\.MINOR\.PATCH/);
        const usage = promote(dir, "--from", "dev");
        assert.equal(usage.status, 2);
        assert.match(usage.stderr, /missing --to\nusage: npm run promote -- --from <stack> --to <stack> \[--dry-run\]/);
    });
});
