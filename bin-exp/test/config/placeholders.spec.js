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
const placeholders_1 = require("../../config/placeholders");
describe("placeholder detection (config/placeholders.ts, shared by every cloud)", () => {
    it("flags CIDRs and addresses that overlap the RFC 5737 documentation ranges", () => {
        for (const v of ["192.0.2.0/24", "198.51.100.16/28", "203.0.113.7", "203.0.0.0/16"])
            assert.ok((0, placeholders_1.documentationCidr)(v), v);
        for (const v of ["10.0.0.0/8", "81.22.160.0/24", "192.0.3.0/24", "198.51.101.0/24"])
            assert.equal((0, placeholders_1.documentationCidr)(v), undefined, v);
    });
    it("flags the nil GUID and example GUIDs that are almost all zeros, not random ones", () => {
        assert.equal((0, placeholders_1.placeholderGuid)("00000000-0000-0000-0000-000000000000"), "the nil GUID");
        assert.ok((0, placeholders_1.placeholderGuid)("00000000-0000-4000-8000-0000000000aa"));
        assert.equal((0, placeholders_1.placeholderGuid)("3f2b6c1e-8a4d-4e7b-9c2a-5d1e0f7a6b34"), undefined);
    });
    it("flags the AWS documentation's example account", () => {
        assert.ok((0, placeholders_1.placeholderAwsAccount)("123456789012"));
        assert.equal((0, placeholders_1.placeholderAwsAccount)("210987654321"), undefined);
    });
});
