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
const network_1 = require("../../components/aws/network");
const database_1 = require("../../components/aws/database");
const aws_platform_1 = require("../../components/aws/aws-platform");
const cluster_1 = require("../../components/aws/cluster");
describe("AWS naming and addressing rules", () => {
    it("carves private /19s and public /22s out of a /16, in order", () => {
        assert.deepEqual((0, network_1.subnetCidrs)("10.20.0.0/16", 2), {
            private: ["10.20.0.0/19", "10.20.32.0/19"],
            public: ["10.20.224.0/22", "10.20.228.0/22"],
        });
    });
    it("keeps subnets inside a /20 VPC and aligns a VPC address given with host bits", () => {
        assert.deepEqual((0, network_1.subnetCidrs)("172.16.5.7/20", 3), {
            private: ["172.16.0.0/23", "172.16.2.0/23", "172.16.4.0/23"],
            public: ["172.16.14.0/26", "172.16.14.64/26", "172.16.14.128/26"],
        });
    });
    it("derives RDS identifiers RDS accepts: lowercase, single hyphens, a leading letter, at most 63", () => {
        assert.equal((0, database_1.databaseIdentifier)("xroad-prod", "ss1"), "xroad-prod-ss1");
        assert.equal((0, database_1.databaseIdentifier)("Prod_Cluster", "ss1"), "prod-cluster-ss1");
        assert.equal((0, database_1.databaseIdentifier)("1st", "ss1"), "st-ss1");
        assert.equal((0, database_1.databaseIdentifier)("42", "ss1"), "ss1");
        const long = (0, database_1.databaseIdentifier)("a".repeat(70), "ss1");
        assert.equal(long.length, 63);
        assert.match(long, /^[a-z][a-z0-9-]*[a-z0-9]$/);
        assert.equal((0, database_1.parameterGroupFamily)("16.4"), "postgres16");
    });
    it("registers one name for a single instance and one name per instance otherwise", () => {
        const dns = { hostedZoneId: "Z0123456789ABCDEFGHIJ", recordName: "ss.example.org." };
        assert.equal((0, aws_platform_1.registeredAddressName)(dns, ["ss1"], "ss1"), "ss.example.org");
        assert.equal((0, aws_platform_1.registeredAddressName)(dns, ["ss1", "ss2"], "ss2"), "ss2.ss.example.org");
    });
    it("keys access entries by principal name, so reordering the config replaces nothing", () => {
        assert.equal((0, cluster_1.accessEntryKey)("admin", "arn:aws:iam::123456789012:role/Platform_Admins"), "admin-role-platform-admins");
        assert.equal((0, cluster_1.accessEntryKey)("operator", "arn:aws:iam::123456789012:user/team/alice"), "operator-user-team-alice");
        assert.notEqual((0, cluster_1.accessEntryKey)("admin", "arn:aws:iam::123456789012:role/ops"), (0, cluster_1.accessEntryKey)("admin", "arn:aws:iam::123456789012:user/ops"));
    });
    it("refuses two principals that would share an access-entry key", () => {
        assert.throws(() => (0, cluster_1.accessEntries)({
            clusterAdminArns: ["arn:aws:iam::111111111111:role/ops", "arn:aws:iam::222222222222:role/ops"],
            namespaceOperatorArns: [],
            operatorNamespaces: [],
            partition: "aws",
        }), {
            message: "access entries arn:aws:iam::111111111111:role/ops and arn:aws:iam::222222222222:role/ops would share the key admin-role-ops; use distinct role paths",
        });
    });
});
