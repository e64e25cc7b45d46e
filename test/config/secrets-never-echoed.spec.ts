/**
 * Secrets are never echoed (issue 14): a generated sweep puts a marked value at every place a secret could be
 * written by mistake, in every example stack, and checks that no message of the loader (errors and warnings,
 * which plan and promote print as they are) contains it.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { ConfigValidationError, loadStackConfig } from "../../config";
import { isSecretPath } from "../../config/checker";
import { isSecureIn, listStacks, parseStackFile, readProjectFile } from "../../plan/stack-file";

const projectDir = path.resolve(__dirname, "../..");
const project = readProjectFile(projectDir);
const MARK = "LEAKME";

type Tree = Record<string, unknown>;

/** Every mapping in the config, with its path, so a stray key can be added to each. */
function mappings(value: unknown, where: string[] = []): { where: string[]; mapping: Tree }[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => mappings(v, [...where, String(i)]));
    if (typeof value !== "object" || value === null) return [];
    const mapping = value as Tree;
    return [{ where, mapping }, ...Object.entries(mapping).flatMap(([k, v]) => mappings(v, [...where, k]))];
}

/** Shapes a secret value can take by mistake. */
const SHAPES: ((n: number) => unknown)[] = [
    (n) => `${MARK}-${n}`,
    (n) => Number(`9${n}0417`),
    (n) => [`${MARK}-${n}`],
    (n) => ({ value: `${MARK}-${n}` }),
    (n) => [{ pin: `${MARK}-${n}` }],
];
/** Numbers are echoed as written, so a numeric secret is marked by its digits. */
const marks = (n: number) => [`${MARK}-${n}`, `9${n}0417`];

/** Key names under which a secret might be pasted into the wrong place. */
const SECRET_LOOKING_KEYS = [
    "password",
    "adminPassword",
    "tokenPin",
    "apiToken",
    "dbPwd",
    "privateKey",
    "clientSecret",
    "connectionString",
];

function messagesOf(config: Tree, stack: string): string[] {
    const file = parseStackFile(stringify({ config }), project.name, stack, project.config);
    try {
        return loadStackConfig(file.config, { project: project.name, stack }, { isSecure: isSecureIn(file) }).warnings;
    } catch (e) {
        if (e instanceof ConfigValidationError) return e.message.split("\n");
        throw e;
    }
}

describe("secrets are never echoed", () => {
    it("treats keys whose words name a credential as secret, and others not", () => {
        for (const p of ["secrets.ss1.tokenPin", "instances[0].adminPassword", "aws.db_pwd", "x.apiToken", "privateKey", "secret"])
            assert.ok(isSecretPath(p), p);
        for (const p of [
            "instances[0].name",
            "aws.secretsEncryption.rotation",
            "aws.clusterAdminArns[0]",
            "instances[0].network.consumerPodLabels",
        ])
            assert.ok(!isSecretPath(p), p);
    });

    for (const stack of listStacks(projectDir)) {
        it(`in stack ${stack}: no marked value appears in any message, wherever it is written`, function () {
            // Thousands of loads, most with errors (each refused value is parsed again without it): about 30 s for
            // azure-prod alone on an idle core, past mocha's 60 s under a loaded full run.
            this.timeout(240000);
            const base = (parse(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Tree }).config;
            let n = 0;
            let checked = 0;
            const attempt = (edit: (config: Tree, n: number) => void) => {
                n += 1;
                const config = structuredClone(base);
                edit(config, n);
                const messages = messagesOf(config, stack);
                for (const mark of marks(n)) {
                    const leaked = messages.find((m) => m.includes(mark));
                    assert.equal(leaked, undefined, `attempt ${n} leaked ${mark}: ${leaked}`);
                }
                checked += 1;
            };
            // 1. Every shape of `secrets`, and of each instance's secrets and each secret in them.
            for (const shape of SHAPES) {
                attempt((c, i) => (c["xroad-sidecar:secrets"] = shape(i)));
                attempt((c, i) => (c["xroad-sidecar:secrets"] = { sidecar: shape(i), ss1: shape(i), nobody: shape(i) }));
                for (const key of ["tokenPin", "adminUser", "adminPassword", "dbPassword", "tokenpin", "other"])
                    attempt((c, i) => (c["xroad-sidecar:secrets"] = { sidecar: { [key]: shape(i) }, ss1: { [key]: shape(i) } }));
            }
            // 2. A misspelled `secrets` key, a secret-looking top-level key and a foreign namespace.
            for (const shape of SHAPES) {
                attempt((c, i) => (c["xroad-sidecar:secret"] = { sidecar: { tokenPin: shape(i) } }));
                attempt((c, i) => (c["xroad-sidecr:secrets"] = shape(i)));
                for (const key of SECRET_LOOKING_KEYS) attempt((c, i) => (c[`xroad-sidecar:${key}`] = shape(i)));
            }
            // 3. An unknown or secret-looking key added to every mapping of the stack.
            const places = mappings(base).length;
            for (let m = 0; m < places; m++) {
                // A label map takes any key, and its values are labels, shown as written.
                const freeForm = /Labels$/.test(mappings(base)[m].where.at(-1) ?? "");
                for (const key of freeForm ? SECRET_LOOKING_KEYS : ["zzUnknown", ...SECRET_LOOKING_KEYS]) {
                    for (const shape of SHAPES) {
                        attempt((c, i) => {
                            mappings(c)[m].mapping[key] = shape(i);
                        });
                    }
                }
            }
            assert.ok(checked > 200, `only ${checked} attempts`);
        });
    }
});
