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
exports.tempProject = tempProject;
exports.readStack = readStack;
exports.removeProject = removeProject;
exports.existingStack = existingStack;
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const REPO = path.resolve(__dirname, "..", "..");
/** A throwaway project directory with the real Pulumi.yaml and the given stack files, so tests never touch the real ones. */
function tempProject(stacks) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-promote-"));
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    for (const [stack, text] of Object.entries(stacks))
        fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
    return dir;
}
function readStack(dir, stack) {
    return fs.readFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "utf8");
}
function removeProject(dir) {
    fs.rmSync(dir, { recursive: true, force: true });
}
/** A small stack on an existing cluster (one single-pod Sidecar) with the given release lines. */
function existingStack(releaseLines, extra = []) {
    return [
        "config:",
        "  xroad-sidecar:target: existing",
        ...(releaseLines.length > 0 ? ["  xroad-sidecar:release:", ...releaseLines.map((l) => `    ${l}`)] : []),
        ...extra,
        "",
    ].join("\n");
}
