import * as assert from "node:assert/strict";
import { subnetCidrs } from "../../components/aws/network";
import { databaseIdentifier, parameterGroupFamily } from "../../components/aws/database";
import { registeredAddressName } from "../../components/aws/aws-platform";
import { accessEntries, accessEntryKey } from "../../components/aws/cluster";

describe("AWS naming and addressing rules", () => {
    it("carves private /19s and public /22s out of a /16, in order", () => {
        assert.deepEqual(subnetCidrs("10.20.0.0/16", 2), {
            private: ["10.20.0.0/19", "10.20.32.0/19"],
            public: ["10.20.224.0/22", "10.20.228.0/22"],
        });
    });

    it("keeps subnets inside a /20 VPC and aligns a VPC address given with host bits", () => {
        assert.deepEqual(subnetCidrs("172.16.5.7/20", 3), {
            private: ["172.16.0.0/23", "172.16.2.0/23", "172.16.4.0/23"],
            public: ["172.16.14.0/26", "172.16.14.64/26", "172.16.14.128/26"],
        });
    });

    it("derives RDS identifiers RDS accepts: lowercase, single hyphens, a leading letter, at most 63", () => {
        assert.equal(databaseIdentifier("xroad-prod", "ss1"), "xroad-prod-ss1");
        assert.equal(databaseIdentifier("Prod_Cluster", "ss1"), "prod-cluster-ss1");
        assert.equal(databaseIdentifier("1st", "ss1"), "st-ss1");
        assert.equal(databaseIdentifier("42", "ss1"), "ss1");
        const long = databaseIdentifier("a".repeat(70), "ss1");
        assert.equal(long.length, 63);
        assert.match(long, /^[a-z][a-z0-9-]*[a-z0-9]$/);
        assert.equal(parameterGroupFamily("16.4"), "postgres16");
    });

    it("registers one name for a single instance and one name per instance otherwise", () => {
        const dns = { hostedZoneId: "Z0123456789ABCDEFGHIJ", recordName: "ss.example.org." };
        assert.equal(registeredAddressName(dns, ["ss1"], "ss1"), "ss.example.org");
        assert.equal(registeredAddressName(dns, ["ss1", "ss2"], "ss2"), "ss2.ss.example.org");
    });

    it("keys access entries by principal name, so reordering the config replaces nothing", () => {
        assert.equal(accessEntryKey("admin", "arn:aws:iam::123456789012:role/Platform_Admins"), "admin-role-platform-admins");
        assert.equal(accessEntryKey("operator", "arn:aws:iam::123456789012:user/team/alice"), "operator-user-team-alice");
        assert.notEqual(
            accessEntryKey("admin", "arn:aws:iam::123456789012:role/ops"),
            accessEntryKey("admin", "arn:aws:iam::123456789012:user/ops"),
        );
    });

    it("refuses two principals that would share an access-entry key", () => {
        assert.throws(
            () =>
                accessEntries({
                    clusterAdminArns: ["arn:aws:iam::111111111111:role/ops", "arn:aws:iam::222222222222:role/ops"],
                    namespaceOperatorArns: [],
                    operatorNamespaces: [],
                    partition: "aws",
                }),
            {
                message:
                    "access entries arn:aws:iam::111111111111:role/ops and arn:aws:iam::222222222222:role/ops would share the key admin-role-ops; use distinct role paths",
            },
        );
    });
});
