import * as assert from "node:assert/strict";
import { ConfigValidationError, loadStackConfig } from "../../config";
import { formatIssue } from "../../config/checker";
import { AWS_BASE, PINNED_ADDONS } from "./aws-fixtures";
import { TEST_ALERTS } from "../azure/fixtures";
import { EKS_ADDONS } from "../../config/release";

/** A real-looking account and deployer: the placeholders' account would be refused in production under the engine. */
const REAL_BASE = { accountId: "210987654321", deployerArn: "arn:aws:iam::210987654321:role/xroad-deployer" };

/** Every issue of an AWS stack config, formatted as the user sees it. */
function errorsOf(aws: unknown, extra: Record<string, unknown> = {}): string[] {
    const flat: Record<string, string> = {
        "xroad-sidecar:target": "aws",
        "xroad-sidecar:aws": JSON.stringify({ ...REAL_BASE, ...(aws as object) }),
        "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: PINNED_ADDONS }),
        "xroad-sidecar:alerts": JSON.stringify(TEST_ALERTS),
    };
    for (const [k, v] of Object.entries(extra)) flat[`xroad-sidecar:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    try {
        loadStackConfig(flat, { project: "xroad-sidecar", stack: "test" });
        return [];
    } catch (e) {
        assert.ok(e instanceof ConfigValidationError, String(e));
        return e.issues.map(formatIssue);
    }
}

describe("AWS settings validation", () => {
    it("requires every EKS add-on pinned in production, naming the command that lists versions", () => {
        const errors = errorsOf({}, { environment: "production", release: {} });
        assert.equal(errors.filter((e) => e.includes("a pinned version in production")).length, EKS_ADDONS.length, errors.join("\n"));
        assert.ok(errors.some((e) => e.includes("aws eks describe-addon-versions --kubernetes-version 1.33 --addon-name coredns")));
    });

    it("requires the autoscaler's minor version to be the cluster's", () => {
        assert.ok(
            errorsOf({}, { release: { kubernetesVersion: "1.34", clusterAutoscalerImageTag: "v1.33.1" } }).some((e) =>
                e.includes("a cluster-autoscaler tag of the cluster's minor version 1.34"),
            ),
        );
    });

    it("accepts the defaults and applies the production ones", () => {
        assert.deepEqual(errorsOf({}), []);
        const prod = loadStackConfig(
            {
                "xroad-sidecar:target": "aws",
                "xroad-sidecar:environment": "production",
                "xroad-sidecar:alerts": JSON.stringify(TEST_ALERTS),
                "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: PINNED_ADDONS }),
                "xroad-sidecar:instances": JSON.stringify([{ network: { consumerNamespaces: ["apps"] } }]),
                "xroad-sidecar:aws": JSON.stringify(REAL_BASE),
            },
            { project: "xroad-sidecar", stack: "prod" },
        );
        assert.equal(prod.target, "aws");
        if (prod.target !== "aws") return;
        assert.equal(prod.aws.availabilityZoneCount, 3);
        assert.equal(prod.aws.logRetentionDays, 365);
        assert.equal(prod.aws.database.multiAz, true);
        assert.deepEqual([prod.aws.nodeGroup.minSize, prod.aws.nodeGroup.desiredSize, prod.aws.nodeGroup.maxSize], [3, 3, 6]);
    });

    it("refuses Graviton instance types and nodes too small for a Sidecar pod", () => {
        assert.deepEqual(errorsOf({ nodeGroup: { instanceType: "m7g.xlarge" } }), [
            'xroad-sidecar:aws.nodeGroup.instanceType: "m7g.xlarge" is not valid; allowed: an x86-64 instance type (Graviton arm64 cannot run the NIIS images)',
        ]);
        assert.deepEqual(errorsOf({ nodeGroup: { instanceType: "t3.large" } }), [
            'xroad-sidecar:aws.nodeGroup.instanceType: "t3.large" is not valid; allowed: an instance size of xlarge or larger: a Sidecar pod requests 2 CPUs (NIIS minimum), more than a 2-vCPU node can allocate',
        ]);
        assert.deepEqual(errorsOf({ nodeGroup: { instanceType: "c7i.2xlarge" } }), []);
    });

    it("refuses node group sizes out of order, naming both keys", () => {
        assert.deepEqual(errorsOf({ nodeGroup: { minSize: 4, desiredSize: 5, maxSize: 2 } }), [
            "xroad-sidecar:aws.nodeGroup.minSize: 4 is not valid; allowed: a value not above xroad-sidecar:aws.nodeGroup.maxSize (2)",
            "xroad-sidecar:aws.nodeGroup.desiredSize: 5 is not valid; allowed: a value not above xroad-sidecar:aws.nodeGroup.maxSize (2)",
        ]);
    });

    it("refuses a VPC too small for pod addresses, an API endpoint open to the internet, and a principal that is both admin and operator", () => {
        const arn = "arn:aws:iam::123456789012:role/ops";
        assert.deepEqual(
            errorsOf({
                vpcCidr: "10.0.0.0/24",
                publicAccessCidrs: ["198.51.100.0/24", "0.0.0.0/0"],
                clusterAdminArns: [arn],
                namespaceOperatorArns: [arn],
            }),
            [
                'xroad-sidecar:aws.vpcCidr: "10.0.0.0/24" is not valid; allowed: a VPC CIDR from /16 to /20 (the VPC CNI gives every pod a VPC address)',
                'xroad-sidecar:aws.publicAccessCidrs[1]: "0.0.0.0/0" is not valid; allowed: the CIDRs of your administrators\' networks (the whole internet may not reach the API endpoint; an empty list keeps it private)',
                `xroad-sidecar:aws.namespaceOperatorArns[0]: "${arn}" is not valid; allowed: a principal not already in xroad-sidecar:aws.clusterAdminArns (EKS allows one access entry per principal)`,
            ],
        );
    });

    it("refuses principals that are not IAM roles or users", () => {
        assert.deepEqual(errorsOf({ clusterAdminArns: ["arn:aws:iam::123456789012:group/admins"] }), [
            'xroad-sidecar:aws.clusterAdminArns[0]: "arn:aws:iam::123456789012:group/admins" is not valid; allowed: an IAM role or user ARN',
        ]);
    });

    it("requires three zones in production", () => {
        assert.deepEqual(
            errorsOf(
                { availabilityZoneCount: 2 },
                { environment: "production", instances: [{ network: { consumerNamespaces: ["apps"] } }] },
            ),
            ["xroad-sidecar:aws.availabilityZoneCount: 2 is not valid; allowed: an integer from 3 to 3"],
        );
        assert.deepEqual(errorsOf({ availabilityZoneCount: 1 }), [
            "xroad-sidecar:aws.availabilityZoneCount: 1 is not valid; allowed: an integer from 2 to 3",
        ]);
    });

    it("refuses retention CloudWatch does not offer, and archive lifecycles that contradict themselves", () => {
        assert.deepEqual(
            errorsOf({
                logRetentionDays: 10,
                archive: { transitionToGlacierDays: 400, expirationDays: 300, objectLock: { enabled: true, mode: "FOREVER", days: 500 } },
            }),
            // Each value's own check first, in the schema's order; then the rules that relate settings.
            [
                "xroad-sidecar:aws.logRetentionDays: 10 is not valid; allowed: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
                'xroad-sidecar:aws.archive.objectLock.mode: "FOREVER" is not valid; allowed: one of GOVERNANCE, COMPLIANCE',
                "xroad-sidecar:aws.archive.transitionToGlacierDays: 400 is not valid; allowed: a value not above xroad-sidecar:aws.archive.expirationDays (300)",
                "xroad-sidecar:aws.archive.objectLock.days: 500 is not valid; allowed: a retention not above xroad-sidecar:aws.archive.expirationDays (300)",
            ],
        );
    });

    it("refuses a PostgreSQL other than 16 and a malformed DNS setting", () => {
        assert.deepEqual(errorsOf({ database: { engineVersion: "17.2" }, dns: { hostedZoneId: "example.org", recordName: "ss1" } }), [
            'xroad-sidecar:aws.database.engineVersion: "17.2" is not valid; allowed: a PostgreSQL 16 version (the Sidecar\'s client is 16; xroad-facts §6)',
            'xroad-sidecar:aws.dns.hostedZoneId: "example.org" is not valid; allowed: a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ',
            'xroad-sidecar:aws.dns.recordName: "ss1" is not valid; allowed: a fully qualified DNS name',
        ]);
    });
});

describe("AWS placeholders (review aws A3)", () => {
    const stack = (offline: boolean) =>
        loadStackConfig(
            {
                "xroad-sidecar:target": "aws",
                "xroad-sidecar:environment": "production",
                "xroad-sidecar:alerts": JSON.stringify(TEST_ALERTS),
                "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: PINNED_ADDONS }),
                "xroad-sidecar:instances": JSON.stringify([{ network: { consumerNamespaces: ["apps"] } }]),
                "xroad-sidecar:aws": JSON.stringify({
                    ...AWS_BASE,
                    publicAccessCidrs: ["203.0.113.0/24"],
                    clusterAdminArns: ["arn:aws:iam::123456789012:role/admins"],
                }),
            },
            { project: "xroad-sidecar", stack: "prod" },
            { offline },
        );

    it("warns offline, so the examples stay plannable", () => {
        const warnings = stack(true).warnings.join("\n");
        assert.match(warnings, /aws\.publicAccessCidrs\[0\] is a placeholder \(203\.0\.113\.0\/24/);
        assert.match(warnings, /aws\.clusterAdminArns\[0\] is a placeholder .*example account/);
        assert.match(warnings, /aws\.accountId is a placeholder \(123456789012: .*the provider refuses any other/);
        assert.match(warnings, /aws\.deployerArn is a placeholder .*the deployer is the identity that runs pulumi up/);
    });

    it("refuses a production stack with placeholders under the real engine", () => {
        assert.throws(
            () => stack(false),
            (e) => e instanceof ConfigValidationError && /aws\.publicAccessCidrs\[0\].*a real value/.test(e.message),
        );
    });
});
