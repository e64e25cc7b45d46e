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
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const projectDir = path.resolve(__dirname, "../..");
/** Stateful resource types that must survive `pulumi destroy` when a stack protects its data. */
const STATEFUL = {
    prod: [
        "aws:s3/bucket:Bucket",
        "aws:efs/fileSystem:FileSystem",
        "aws:kms/key:Key",
        "aws:rds/instance:Instance",
        // The audit trail: control-plane, flow, database and Container Insights logs (review aws B7).
        "aws:cloudwatch/logGroup:LogGroup",
        "kubernetes:core/v1:PersistentVolumeClaim",
    ],
    "azure-prod": [
        "azure-native:storage:StorageAccount",
        "azure-native:storage:FileShare",
        "azure-native:storage:BlobContainer",
        "azure-native:dbforpostgresql:Server",
        "kubernetes:core/v1:PersistentVolumeClaim",
    ],
    existing: ["kubernetes:core/v1:PersistentVolumeClaim", "kubernetes:core/v1:Namespace"],
};
describe("protection of stateful data, from the stack's protectData to every component", () => {
    for (const [stack, types] of Object.entries(STATEFUL)) {
        it(`${stack}: every archive, file system, key, database and volume is kept on destroy`, async () => {
            const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
            assert.equal(plan.config.protectData, true);
            for (const type of types) {
                const found = plan.resources.filter((r) => r.type === type);
                assert.ok(found.length > 0, `${stack} has no ${type}`);
                for (const r of found)
                    assert.ok(r.retainOnDelete, `${r.urn} is not retained on delete`);
            }
        });
    }
    for (const stack of ["dev", "azure-dev"]) {
        it(`${stack}: protectData false lets a throwaway stack be destroyed completely`, async () => {
            const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
            assert.equal(plan.config.protectData, false);
            assert.deepEqual(plan.resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.urn), []);
        });
    }
});
