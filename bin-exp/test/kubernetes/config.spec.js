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
const errors_1 = require("../config/errors");
const names = { project: "xroad-sidecar", stack: "test" };
function load(instance) {
    return (0, config_1.loadStackConfig)({ "xroad-sidecar:target": "existing", "xroad-sidecar:instances": JSON.stringify([instance]) }, names);
}
function errorsOf(instance) {
    return (0, errors_1.configErrors)(() => load(instance));
}
describe("Sidecar instance config: database egress and archiver resources", () => {
    it("defaults the database egress to the host's /32 when the host is an address", () => {
        const cfg = load({ name: "a", topology: "primary-secondaries", database: { mode: "external", host: "10.1.2.3" } });
        assert.deepEqual(cfg.instances[0].database.external?.egressCidrs, ["10.1.2.3/32"]);
    });
    it("requires egress CIDRs for a database given by host name: NetworkPolicy cannot match names", () => {
        assert.deepEqual(errorsOf({ name: "a", topology: "primary-secondaries", database: { mode: "external", host: "db.example.org" } }), [
            'xroad-sidecar:instances[0].database.egressCidrs: (not set) is not valid; allowed: the CIDRs that db.example.org resolves into, such as ["10.20.0.0/24"] (NetworkPolicy matches addresses, not host names)',
        ]);
    });
    it("rejects egress CIDRs on a database that is not external", () => {
        assert.deepEqual(errorsOf({ name: "a", database: { mode: "local", egressCidrs: ["10.0.0.0/8"] } }), [
            'xroad-sidecar:instances[0].database.egressCidrs: ["10.0.0.0/8"] is not valid; allowed: nothing: only database mode external takes egressCidrs',
        ]);
    });
    it("gives the archiver small default resources and rejects requests above limits", () => {
        assert.deepEqual(load({ name: "a" }).instances[0].archiving.resources, {
            requests: { cpu: "100m", memory: "256Mi" },
            limits: { cpu: "500m", memory: "512Mi" },
        });
        assert.deepEqual(errorsOf({ name: "a", archiving: { resources: { requests: { memory: "1Gi" }, limits: { memory: "512Mi" } } } }), [
            'xroad-sidecar:instances[0].archiving.resources.requests.memory: "1Gi" is not valid; allowed: a value not above instances[0].archiving.resources.limits.memory (512Mi)',
        ]);
    });
});
