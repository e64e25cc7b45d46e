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
 * The floor of `npm run bench`: a fresh process started exactly like a plan
 * (`node -r ts-node/register/transpile-only`) that loads the same files from node_modules the plan
 * of that stack loaded (the Pulumi SDKs, including the submodules they load lazily, yaml, ts-node)
 * and registers nothing. `node … bench/floor-child.ts <modulesFile>`.
 */
// As in the plan it is measured against (bench/plan-child.ts).
require("../policy/defer-npm-arborist");
const fs = __importStar(require("fs"));
const child_report_1 = require("./child-report");
const arguments_1 = require("../scripts/arguments");
const { positionals: [modulesFile], } = (0, arguments_1.readArguments)(process.argv.slice(2), {}, true);
if (!modulesFile)
    throw new Error("usage: floor-child.ts <modulesFile>");
const started = process.hrtime.bigint();
const files = JSON.parse(fs.readFileSync(modulesFile, "utf8"));
if (!Array.isArray(files))
    throw new Error(`${modulesFile} is not a list of files`);
// The floor loads exactly the files the plan loaded, by path: a dynamic require is the point.
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const file of files)
    require(String(file));
process.stdout.write(JSON.stringify((0, child_report_1.selfReport)(Number(process.hrtime.bigint() - started) / 1e6, 0, "floor")) + "\n");
