import { ALERT_KEYS } from "../../config/alerts";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ConfigValidationError, StackConfig, loadStackConfig } from "../../config";
import { RELEASE_DEFAULTS, RELEASE_KEYS } from "../../config/release";
import { AWS_KEYS } from "../../config/aws";
import { AZURE_KEYS } from "../../config/azure";
import { INSTANCE_KEYS, SECRET_KEYS } from "../../config/instance";
import { parseStackFile, readProjectFile } from "../../plan/stack-file";
import { configErrors } from "./errors";

const names = { project: "xroad-sidecar", stack: "test" };
const projectDir = path.resolve(__dirname, "../..");

/** Loads a stack written as YAML, the way a user writes Pulumi.<stack>.yaml, with the project's defaults. */
function load(yamlText: string): StackConfig {
    const file = parseStackFile(yamlText, names.project, names.stack, readProjectFile(projectDir).config);
    return loadStackConfig(file.config, names);
}

/** The messages of the ConfigValidationError that loading throws. */
function errorsOf(yamlText: string): string[] {
    return configErrors(() => load(yamlText));
}

const existing = "config:\n  xroad-sidecar:target: existing\n";

describe("stack configuration", () => {
    it("rejects an unknown target, naming the key, the value and the allowed values", () => {
        assert.deepEqual(errorsOf("config:\n  xroad-sidecar:target: mars\n"), [
            'xroad-sidecar:target: "mars" is not valid; allowed: one of aws, azure, existing',
        ]);
    });

    it("requires a target", () => {
        assert.deepEqual(errorsOf("config: {}\n"), ["xroad-sidecar:target: (not set) is not valid; allowed: one of aws, azure, existing"]);
    });

    it("rejects unknown enum values inside instances", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:instances:\n    - name: a\n      topology: cluster\n      flavour: tiny\n`), [
            'xroad-sidecar:instances[0].flavour: "tiny" is not valid; allowed: one of slim, full',
            'xroad-sidecar:instances[0].topology: "cluster" is not valid; allowed: one of single, primary-secondaries',
        ]);
    });

    it("rejects a malformed version and one this program does not support", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:release:\n    sidecarVersion: 7.8\n`), [
            'xroad-sidecar:release.sidecarVersion: "7.8" is not valid; allowed: a version MAJOR.MINOR.PATCH such as 7.8.0',
        ]);
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:release:\n    sidecarVersion: 7.4.2\n`), [
            'xroad-sidecar:release.sidecarVersion: "7.4.2" is not valid; allowed: an X-Road 7.x version from 7.5.0 (PostgreSQL 16 layout)',
        ]);
    });

    it("rejects a Kubernetes minor version without ValidatingAdmissionPolicy v1, saying what needs it", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:release:\n    kubernetesVersion: "1.29"\n`), [
            `xroad-sidecar:release.kubernetesVersion: "1.29" is not valid; allowed: a quoted Kubernetes minor version from 1.30 (ValidatingAdmissionPolicy v1 guards the archiver's identity) to 1.39, such as "1.33"`,
        ]);
    });

    it("rejects image combinations NIIS does not publish", () => {
        // No slim ee image exists at all, and no fo image for the load-balanced topology (X-Road #3460).
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:instances:\n    - name: a\n      variant: ee\n`), [
            'xroad-sidecar:instances[0].variant: "ee" is not valid; allowed: a variant NIIS publishes for slim single images: none, fi, fo, is',
        ]);
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:instances:\n    - name: a\n      flavour: full\n      variant: fo\n      topology: primary-secondaries\n      database: {mode: external, host: db.example.org, egressCidrs: [10.20.0.0/24]}\n`,
            ),
            [
                'xroad-sidecar:instances[0].variant: "fo" is not valid; allowed: a variant NIIS publishes for full primary-secondaries images: none, ee, fi, is',
            ],
        );
        assert.equal(
            load(`${existing}  xroad-sidecar:instances:\n    - name: a\n      flavour: full\n      variant: ee\n`).instances[0].variant,
            "ee",
        );
    });

    it("rejects min above max", () => {
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:instances:\n    - name: a\n      topology: primary-secondaries\n      database: {mode: external, host: 10.0.0.5}\n      autoscaling: {minReplicas: 5, maxReplicas: 3}\n`,
            ),
            [
                "xroad-sidecar:instances[0].autoscaling.minReplicas: 5 is not valid; allowed: a value not above xroad-sidecar:instances[0].autoscaling.maxReplicas (3)",
            ],
        );
    });

    it("rejects names that are not DNS-1123 labels", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:instances:\n    - name: Sidecar_1\n`), [
            "xroad-sidecar:instances[0].name: \"Sidecar_1\" is not valid; allowed: a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
        ]);
    });

    it("reads quantities as Kubernetes does: a decimal kilo is a lowercase k", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:instances:\n    - name: a\n      storage: {config: 2000000K}\n`), [
            'xroad-sidecar:instances[0].storage.config: "2000000K" is not valid; allowed: a memory quantity such as 4Gi or 3072Mi',
        ]);
        assert.equal(
            load(`${existing}  xroad-sidecar:instances:\n    - name: a\n      storage: {config: 2000000k}\n`).instances[0].storage.config,
            "2000000k",
        );
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:instances:\n    - name: a\n      resources: {requests: {cpu: 2100m}, limits: {cpu: "2"}}\n`,
            ),
            [
                // Secondaries take the primary's resources unless they have their own, and the error is not repeated for them.
                'xroad-sidecar:instances[0].resources.requests.cpu: "2100m" is not valid; allowed: a value not above instances[0].resources.limits.cpu (2)',
            ],
        );
    });

    it("rejects malformed CIDRs", () => {
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:instances:\n    - name: a\n      network: {loadBalancerSourceRanges: [10.0.0.0/33, 300.1.1.1/8, 10.0.0.1]}\n`,
            ),
            [
                'xroad-sidecar:instances[0].network.loadBalancerSourceRanges[0]: "10.0.0.0/33" is not valid; allowed: an IPv4 CIDR such as 10.0.0.0/16',
                'xroad-sidecar:instances[0].network.loadBalancerSourceRanges[1]: "300.1.1.1/8" is not valid; allowed: an IPv4 CIDR such as 10.0.0.0/16',
                'xroad-sidecar:instances[0].network.loadBalancerSourceRanges[2]: "10.0.0.1" is not valid; allowed: an IPv4 CIDR such as 10.0.0.0/16',
            ],
        );
    });

    it("reports several errors together, across sections", () => {
        const errors = errorsOf(
            "config:\n  xroad-sidecar:target: existing\n  xroad-sidecar:environment: staging\n  xroad-sidecar:relase: {}\n" +
                "  xroad-sidecar:instances:\n    - name: a\n      resources: {limits: {memory: 200Mi}}\n    - name: a\n",
        );
        assert.deepEqual(errors, [
            "xroad-sidecar:relase is not a known key; allowed here: target, environment, protectData, release, instances, secrets, aws, azure, existing, alerts",
            'xroad-sidecar:environment: "staging" is not valid; allowed: one of development, production',
            'xroad-sidecar:instances[0].resources.requests.memory: "3Gi" is not valid; allowed: a value not above instances[0].resources.limits.memory (200Mi)',
            'xroad-sidecar:instances[0].resources.limits.memory: "200Mi" is not valid; allowed: at least 3072Mi for the slim image (NIIS minimum)',
            'xroad-sidecar:instances[1].name: "a" is not valid; allowed: a name not already used by instances[0]',
            'xroad-sidecar:instances[1].namespace: "a" is not valid; allowed: a namespace not already used by instances[0]',
        ]);
    });

    it("refuses a local database for the primary-secondaries topology, and a managed one without a cloud", () => {
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:instances:\n    - name: a\n      topology: primary-secondaries\n      database: {mode: local}\n    - name: b\n      database: {mode: managed}\n`,
            ),
            [
                'xroad-sidecar:instances[0].database.mode: "local" is not valid; allowed: external or managed for the primary-secondaries topology: every pod shares one database',
                'xroad-sidecar:instances[1].database.mode: "managed" is not valid; allowed: local or external on target existing (managed needs aws or azure)',
            ],
        );
    });

    it("never shows a secret value in an error", () => {
        const errors = errorsOf(
            `${existing}  xroad-sidecar:secrets:\n    sidecar:\n      tokenPin: [1234]\n      pin: 5678\n    other: {}\n`,
        );
        // The schema's order: the declared secrets, then the unknown keys; then the rule that relates them to the instances.
        assert.deepEqual(errors, [
            'xroad-sidecar:secrets.sidecar.tokenPin: "[secret]" is not valid; allowed: a string',
            'xroad-sidecar:secrets.sidecar.pin: "[secret]" is not valid; allowed: a known secret (tokenPin, adminUser, adminPassword, dbPassword)',
            'xroad-sidecar:secrets.other: "[secret]" is not valid; allowed: secrets for a configured instance (sidecar)',
        ]);
        assert.ok(errors.every((e) => !e.includes("1234") && !e.includes("5678")));
    });

    it("checks secrets against their schema without showing them: the section, each instance's, each value", () => {
        assert.deepEqual(errorsOf(`${existing}  xroad-sidecar:secrets: LEAK-1\n`), [
            'xroad-sidecar:secrets: "[secret]" is not valid; allowed: an object',
        ]);
        const errors = errorsOf(`${existing}  xroad-sidecar:secrets:\n    sidecar: LEAK-2\n    sidecra: [LEAK-3]\n`);
        assert.deepEqual(errors, [
            'xroad-sidecar:secrets.sidecar: "[secret]" is not valid; allowed: an object with tokenPin, adminUser, adminPassword, dbPassword',
            'xroad-sidecar:secrets.sidecra: "[secret]" is not valid; allowed: an object with tokenPin, adminUser, adminPassword, dbPassword',
            'xroad-sidecar:secrets.sidecra: "[secret]" is not valid; allowed: secrets for a configured instance (sidecar)',
        ]);
        assert.ok(errors.every((e) => !e.includes("LEAK")));
    });

    it("reads secrets as Pulumi secrets even when the stack file stores them in plain text", async () => {
        const config = load(`${existing}  xroad-sidecar:secrets:\n    sidecar:\n      tokenPin: 1234\n`);
        const pin = config.instances[0].secrets.tokenPin;
        assert.ok(pin);
        assert.equal(await pulumi.isSecret(pin), true);
        assert.equal(config.instances[0].secrets.adminPassword, undefined, "unset secrets are generated later, not invented here");
    });

    it("applies documented defaults: one slim single-pod instance with a local database and NIIS minimum resources", () => {
        const config = load(existing);
        assert.equal(config.environment, "development");
        assert.equal(config.protectData, true);
        assert.deepEqual(config.release, RELEASE_DEFAULTS);
        const [instance] = config.instances;
        assert.equal(instance.name, "sidecar");
        assert.equal(instance.topology, "single");
        assert.equal(instance.database.mode, "local");
        assert.deepEqual(instance.primaryResources, { requests: { cpu: "2", memory: "3Gi" }, limits: { cpu: "2", memory: "3Gi" } });
        assert.equal(instance.autoscaling.scaleDownStabilizationSeconds >= 300, true);
    });

    it("declares in Pulumi.yaml every top-level key the program reads, with defaults equal to the program's", () => {
        const declared = (
            parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as {
                config: Record<string, { type: string; description: string; default?: unknown }>;
            }
        ).config;
        const keys = Object.keys(declared).map((k) => k.replace(/^xroad-sidecar:/, ""));
        assert.deepEqual(keys.sort(), [
            "alerts",
            "aws",
            "azure",
            "environment",
            "existing",
            "instances",
            "protectData",
            "release",
            "secrets",
            "target",
        ]);
        for (const [key, declaration] of Object.entries(declared)) {
            assert.ok(declaration.type && declaration.description, `${key} needs a type and a description`);
        }
        assert.deepEqual(declared["xroad-sidecar:release"].default, RELEASE_DEFAULTS);
        // Every setting of every object section is named in its description, so `pulumi config` users see what exists.
        const sections: [string, readonly string[]][] = [
            ["release", RELEASE_KEYS],
            ["aws", AWS_KEYS],
            ["azure", AZURE_KEYS],
            ["instances", INSTANCE_KEYS],
            ["secrets", SECRET_KEYS],
            ["alerts", ALERT_KEYS],
        ];
        for (const [section, sectionKeys] of sections) {
            const description = declared[`xroad-sidecar:${section}`].description;
            for (const key of sectionKeys)
                assert.match(description, new RegExp(`\\b${key}\\b`), `Pulumi.yaml does not describe ${section}.${key}`);
        }
        // The declared defaults change nothing: a stack without them loads the same config.
        const withoutDefaults = loadStackConfig({ "xroad-sidecar:target": "existing" }, names);
        assert.deepEqual(JSON.stringify(load(existing)), JSON.stringify(withoutDefaults));
    });

    it("rejects a section for another target, and unprotected data in production", () => {
        assert.deepEqual(
            errorsOf(
                `${existing}  xroad-sidecar:environment: production\n  xroad-sidecar:protectData: false\n  xroad-sidecar:aws: {region: eu-north-1}\n`,
            ),
            [
                "xroad-sidecar:instances[0].network: (not set) is not valid; allowed: at least one consumer (consumerNamespaces or consumerCidrs) or producer (producers) in a production environment: every other port is closed by default deny, so without them no information system can call this Security Server and it can call no backend, and it carries no X-Road traffic",
                'xroad-sidecar:protectData: "false" is not valid; allowed: true in a production environment',
                "xroad-sidecar:aws: (a section with region) is not valid; allowed: nothing: the aws section applies only to target aws",
            ],
        );
    });

    it("does not register any resource while validating", () => {
        // loadStackConfig is pure: a rejected config leaves nothing behind, because nothing was started.
        assert.throws(() => loadStackConfig({ "xroad-sidecar:target": "mars" }, names), ConfigValidationError);
        assert.equal(pulumi.runtime.hasEngine(), false);
    });
});
