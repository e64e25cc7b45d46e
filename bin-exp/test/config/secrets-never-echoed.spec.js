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
 * Secrets are never echoed (issue 14): a generated sweep puts a marked value at every place a secret could be
 * written by mistake, in every example stack, and checks that no message of the loader (errors and warnings,
 * which plan and promote print as they are) contains it.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const yaml_1 = require("yaml");
const config_1 = require("../../config");
const checker_1 = require("../../config/checker");
const stack_file_1 = require("../../plan/stack-file");
const projectDir = path.resolve(__dirname, "../..");
const project = (0, stack_file_1.readProjectFile)(projectDir);
const MARK = "LEAKME";
/** Every mapping in the config, with its path, so a stray key can be added to each. */
function mappings(value, where = []) {
    if (Array.isArray(value))
        return value.flatMap((v, i) => mappings(v, [...where, String(i)]));
    if (typeof value !== "object" || value === null)
        return [];
    const mapping = value;
    return [{ where, mapping }, ...Object.entries(mapping).flatMap(([k, v]) => mappings(v, [...where, k]))];
}
/** Shapes a secret value can take by mistake. */
const SHAPES = [
    (n) => `${MARK}-${n}`,
    (n) => Number(`9${n}0417`),
    (n) => [`${MARK}-${n}`],
    (n) => ({ value: `${MARK}-${n}` }),
    (n) => [{ pin: `${MARK}-${n}` }],
];
/** Numbers are echoed as written, so a numeric secret is marked by its digits. */
const marks = (n) => [`${MARK}-${n}`, `9${n}0417`];
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
function messagesOf(config, stack) {
    const file = (0, stack_file_1.parseStackFile)((0, yaml_1.stringify)({ config }), project.name, stack, project.config);
    try {
        return (0, config_1.loadStackConfig)(file.config, { project: project.name, stack }, { isSecure: (0, stack_file_1.isSecureIn)(file) }).warnings;
    }
    catch (e) {
        if (e instanceof config_1.ConfigValidationError)
            return e.message.split("\n");
        throw e;
    }
}
describe("secrets are never echoed", () => {
    it("treats keys whose words name a credential as secret, and others not", () => {
        for (const p of ["secrets.ss1.tokenPin", "instances[0].adminPassword", "aws.db_pwd", "x.apiToken", "privateKey", "secret"])
            assert.ok((0, checker_1.isSecretPath)(p), p);
        for (const p of [
            "instances[0].name",
            "aws.secretsEncryption.rotation",
            "aws.clusterAdminArns[0]",
            "instances[0].network.consumerPodLabels",
        ])
            assert.ok(!(0, checker_1.isSecretPath)(p), p);
    });
    for (const stack of (0, stack_file_1.listStacks)(projectDir)) {
        it(`in stack ${stack}: no marked value appears in any message, wherever it is written`, () => {
            const base = (0, yaml_1.parse)(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")).config;
            let n = 0;
            let checked = 0;
            const attempt = (edit) => {
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
                for (const key of SECRET_LOOKING_KEYS)
                    attempt((c, i) => (c[`xroad-sidecar:${key}`] = shape(i)));
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
