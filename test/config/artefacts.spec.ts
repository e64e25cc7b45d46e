/**
 * issue 14 point 1: Pulumi.yaml's config: block, the README's configuration table and the stack files' JSON Schema
 * are generated from the one declaration of the settings (config/stack-schema.ts). A stale artefact fails here,
 * and the shipped JSON Schema is exercised on the example stacks and on broken ones.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { parse, stringify } from "yaml";
import { GENERATED_FILES, stackFileJsonSchema, withPulumiConfigBlock, withReadmeTable } from "../../config/artefacts";
import { loadStackConfig } from "../../config";
import { listStacks, parseStackFile, readProjectFile } from "../../plan/stack-file";
import { configErrors } from "./errors";

const projectDir = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(projectDir, file), "utf8");
const STALE = "is stale: run npm run generate:config and commit the result";

describe("artefacts generated from the settings' schema", () => {
    it("Pulumi.yaml's config: block is current", () => {
        const file = read(GENERATED_FILES.projectFile);
        assert.ok(file === withPulumiConfigBlock(file), `${GENERATED_FILES.projectFile} ${STALE}`);
    });

    it("the README's configuration table is current", () => {
        const file = read(GENERATED_FILES.readme);
        assert.ok(file === withReadmeTable(file), `the configuration table of ${GENERATED_FILES.readme} ${STALE}`);
    });

    it("schema/stack-config.schema.json is current", () => {
        assert.ok(read(GENERATED_FILES.jsonSchema) === stackFileJsonSchema(), `${GENERATED_FILES.jsonSchema} ${STALE}`);
    });

    describe("the JSON Schema of Pulumi.<stack>.yaml", () => {
        const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(read(GENERATED_FILES.jsonSchema)));
        const errorsOf = (document: unknown) =>
            validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
        const example = (stack: string) => parse(read(`Pulumi.${stack}.yaml`)) as { config: Record<string, unknown> };

        for (const stack of listStacks(projectDir))
            it(`accepts the example stack ${stack}`, () => assert.deepEqual(errorsOf(example(stack)), []));

        it("accepts secrets as {secure: …} and provider settings, refuses a misspelled namespace", () => {
            const dev = example("dev");
            dev.config["xroad-sidecar:secrets"] = { sidecar: { tokenPin: { secure: "v1:abc" }, adminUser: "xrd" } };
            dev.config["aws:region"] = "eu-north-1";
            assert.deepEqual(errorsOf(dev), []);
            dev.config["xroad-sidecr:instances"] = [];
            assert.deepEqual(errorsOf(dev), ["/config must NOT have additional properties"]);
        });

        /** The stack file as the loader reads it (the project's defaults added, as the Pulumi CLI does). */
        const load = (document: { config: Record<string, unknown> }, stack: string) => {
            const project = readProjectFile(projectDir);
            const file = parseStackFile(stringify(document), project.name, stack, project.config);
            return loadStackConfig(file.config, { project: project.name, stack }, { offline: true });
        };

        it("accepts the written forms the loader converts, and the loader takes them (quoted integers and booleans, unquoted versions and quantities)", () => {
            const dev = example("dev");
            // As `pulumi config set xroad-sidecar:protectData false` writes it.
            dev.config["xroad-sidecar:protectData"] = "false";
            const aws = dev.config["xroad-sidecar:aws"] as Record<string, Record<string, unknown>>;
            aws.nodeGroup.maxSize = "5";
            (aws as Record<string, unknown>).logRetentionDays = "030";
            (dev.config["xroad-sidecar:release"] as Record<string, unknown>).kubernetesVersion = 1.33;
            const instance = (dev.config["xroad-sidecar:instances"] as Record<string, unknown>[])[0];
            instance.resources = { requests: { cpu: 2, memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } };
            instance.archiving = { settleMinutes: "45", encryption: { enabled: "false" } };
            assert.deepEqual(errorsOf(dev), []);
            const config = load(dev, "dev");
            assert.equal(config.protectData, false);
            assert.ok(config.target === "aws");
            assert.equal(config.aws.nodeGroup.maxSize, 5);
            assert.equal(config.aws.logRetentionDays, 30);
            assert.equal(config.release.kubernetesVersion, "1.33");
            assert.deepEqual(config.instances[0].primaryResources.requests, { cpu: "2", memory: "4Gi" });
            assert.equal(config.instances[0].archiving.settleMinutes, 45);

            const azure = example("azure-prod");
            (azure.config["xroad-sidecar:azure"] as Record<string, unknown>).availabilityZones = [1, 2, 3];
            assert.deepEqual(errorsOf(azure), []);
            const azureConfig = load(azure, "azure-prod");
            assert.ok(azureConfig.target === "azure");
            assert.deepEqual(azureConfig.azure.availabilityZones, ["1", "2", "3"]);
        });

        it("refuses, like the loader, the written forms that are not the value", () => {
            const dev = example("dev");
            dev.config["xroad-sidecar:protectData"] = "yes";
            const aws = dev.config["xroad-sidecar:aws"] as Record<string, Record<string, unknown>>;
            aws.nodeGroup.maxSize = "five";
            (aws as Record<string, unknown>).logRetentionDays = "31";
            const instance = (dev.config["xroad-sidecar:instances"] as Record<string, unknown>[])[0];
            instance.resources = { requests: { cpu: -1, memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } };
            const errors = errorsOf(dev);
            for (const at of [
                "/config/xroad-sidecar:protectData",
                "/config/xroad-sidecar:aws/nodeGroup/maxSize",
                "/config/xroad-sidecar:aws/logRetentionDays",
                "/config/xroad-sidecar:instances/0/resources/requests/cpu",
            ])
                assert.ok(
                    errors.some((e) => e.startsWith(`${at} must match a schema in anyOf`)),
                    `${at} not refused among:\n${errors.join("\n")}`,
                );
            const refused = configErrors(() => load(dev, "dev")).map((message) => message.split(":").slice(0, 2).join(":"));
            for (const key of [
                "xroad-sidecar:protectData",
                "xroad-sidecar:aws.nodeGroup.maxSize",
                "xroad-sidecar:aws.logRetentionDays",
                "xroad-sidecar:instances[0].resources.requests.cpu",
            ])
                assert.ok(refused.includes(key), `the loader does not refuse ${key}: ${refused.join("; ")}`);
        });

        it("refuses what the loader refuses by type, enum, range or unknown key", () => {
            const dev = example("dev");
            dev.config["xroad-sidecar:target"] = "mars";
            const instances = dev.config["xroad-sidecar:instances"] as Record<string, unknown>[];
            instances[0].replicas = 3;
            instances[0].topology = "cluster";
            (dev.config["xroad-sidecar:aws"] as Record<string, Record<string, unknown>>).nodeGroup.maxSize = 500;
            const errors = errorsOf(dev);
            for (const expected of [
                "/config/xroad-sidecar:target must be equal to one of the allowed values",
                "/config/xroad-sidecar:instances/0 must NOT have additional properties",
                "/config/xroad-sidecar:instances/0/topology must be equal to one of the allowed values",
                "/config/xroad-sidecar:aws/nodeGroup/maxSize must be <= 100",
            ])
                assert.ok(errors.includes(expected), `expected "${expected}" among:\n${errors.join("\n")}`);
        });

        it("describes each setting with what it accepts and its default, for the editor's hover", () => {
            const schema = JSON.parse(read(GENERATED_FILES.jsonSchema)) as {
                properties: {
                    config: {
                        properties: Record<
                            string,
                            { description?: string; items?: { properties: Record<string, { description?: string }> } }
                        >;
                    };
                };
            };
            const instanceName = schema.properties.config.properties["xroad-sidecar:instances"].items?.properties.name.description ?? "";
            assert.match(instanceName, /Allowed: a DNS-1123 label/);
            assert.match(instanceName, /Default: sidecar for the first instance/);
        });
    });
});
