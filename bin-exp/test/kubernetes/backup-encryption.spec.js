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
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_child_process_1 = require("node:child_process");
const config_1 = require("../../config");
const backup_encryption_1 = require("../../policy/backup-encryption");
const encryption_1 = require("../../policy/xroad/encryption");
const harness_1 = require("../../policy/testing/harness");
const xroad_encryption_1 = require("../../components/kubernetes/xroad-encryption");
const render_1 = require("./render");
const errors_1 = require("../config/errors");
const FINGERPRINT = "4DA7B4F5380D02B56358B58880556C077CCDCAF1";
/** The placeholder recipient of the production examples (public half only). */
const PUBLIC_KEY = fs
    .readFileSync(path.resolve(__dirname, "../../Pulumi.prod.yaml"), "utf8")
    .match(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/)[0]
    .replace(/^ +/gm, "");
const encryption = {
    enabled: true,
    recipients: [{ fingerprint: "4DA7 B4F5 380D 02B5 6358  B588 8055 6C07 7CCD CAF1", publicKey: PUBLIC_KEY }],
};
function errorsOf(enc) {
    return (0, errors_1.configErrors)(() => (0, config_1.loadStackConfig)({
        "xroad-sidecar:target": "existing",
        "xroad-sidecar:instances": JSON.stringify([{ name: "a", archiving: { encryption: enc } }]),
    }, { project: "xroad-sidecar", stack: "test" }));
}
describe("X-Road backup and archive encryption: config", () => {
    it("is off by default and reads recipients, fingerprints as gpg prints them", () => {
        assert.deepEqual((0, render_1.instanceFromConfig)({ name: "a" }).archiving.encryption, { enabled: false, recipients: [] });
        const read = (0, render_1.instanceFromConfig)({ name: "a", archiving: { encryption } }).archiving.encryption;
        assert.equal(read.recipients[0].fingerprint, FINGERPRINT);
        assert.match(read.recipients[0].publicKey, /^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    });
    it("rejects encryption without a recipient, bad fingerprints, duplicates and text that is no public key", () => {
        assert.deepEqual(errorsOf({ enabled: true }), [
            "xroad-sidecar:instances[0].archiving.encryption.recipients: (not set) is not valid; allowed: at least one recipient { fingerprint, publicKey } when encryption is enabled",
        ]);
        const [bad] = errorsOf({ enabled: true, recipients: [{ fingerprint: "80556C077CCDCAF1", publicKey: PUBLIC_KEY }] });
        assert.match(bad, /fingerprint: "80556C077CCDCAF1" is not valid; allowed: the key's 40-hex-digit fingerprint/);
        const twice = errorsOf({ enabled: true, recipients: [encryption.recipients[0], encryption.recipients[0]] });
        assert.deepEqual(twice, [
            `xroad-sidecar:instances[0].archiving.encryption.recipients[1].fingerprint: "${FINGERPRINT}" is not valid; allowed: a fingerprint not already listed`,
        ]);
        const [notKey] = errorsOf({ enabled: true, recipients: [{ fingerprint: FINGERPRINT, publicKey: "ssh-ed25519 AAAA" }] });
        assert.match(notKey, /publicKey: .* is not valid; allowed: an ASCII-armored public key block/);
    });
    it("never echoes a private key pasted by mistake", () => {
        const secret = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGsecretmaterial\n-----END PGP PRIVATE KEY BLOCK-----\n";
        const errors = errorsOf({ enabled: true, recipients: [{ fingerprint: FINGERPRINT, publicKey: secret }] });
        assert.equal(errors.length, 1);
        assert.match(errors[0], /publicKey: .* is not valid; allowed: the recipient's public key .*keep the private key offline/);
        assert.doesNotMatch(errors.join("\n"), /secretmaterial/);
    });
});
describe("X-Road backup and archive encryption: the primary", () => {
    let objects;
    let plain;
    before(async () => {
        objects = (await (0, render_1.render)((0, render_1.instanceFromConfig)({ name: "enc", flavour: "full", archiving: { encryption } }))).objects;
        plain = (await (0, render_1.render)((0, render_1.instanceFromConfig)({ name: "enc", flavour: "full" }))).objects;
    });
    it("publishes the settings and the public key in a ConfigMap, nothing secret", () => {
        const cm = (0, render_1.theObject)(objects, "ConfigMap", xroad_encryption_1.ENCRYPTION_CONFIG_MAP);
        const ini = (0, encryption_1.parseIni)(cm.data[encryption_1.ENCRYPTION_INI_FILE]);
        assert.equal(ini.get("proxy.backup-encryption-enabled"), "true");
        assert.equal(ini.get("proxy.backup-encryption-keyids"), FINGERPRINT);
        assert.equal(ini.get("message-log.archive-encryption-enabled"), "true");
        assert.equal(ini.get("message-log.archive-default-encryption-key"), FINGERPRINT);
        assert.equal(cm.data["recipient-1.asc"], PUBLIC_KEY.trim() + "\n");
        assert.equal(plain.filter((o) => o.kind === "ConfigMap" && o.metadata.name === xroad_encryption_1.ENCRYPTION_CONFIG_MAP).length, 0);
    });
    it("imports the keys and installs the settings before the Sidecar starts", () => {
        const spec = (0, render_1.theObject)(objects, "StatefulSet", "enc").spec.template.spec;
        const init = spec.initContainers.find((c) => c.name === xroad_encryption_1.ENCRYPTION_CONTAINER);
        assert.equal(init.image, spec.containers[0].image);
        assert.deepEqual(init.volumeMounts.map((m) => [m.mountPath, m.readOnly ?? false]), [
            ["/etc/xroad", false],
            ["/run/xroad-encryption", true],
        ]);
        assert.deepEqual(spec.volumes.find((v) => v.name === init.volumeMounts[1].name).configMap, {
            name: xroad_encryption_1.ENCRYPTION_CONFIG_MAP,
            defaultMode: 0o444,
        });
    });
    it("satisfies xroad-backup-archive-encryption, which flags the same server without it", async () => {
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, objects.map((o) => (0, harness_1.k8s)(o))), []);
        assert.equal((await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, plain.map((o) => (0, harness_1.k8s)(o)))).length, 1);
    });
    it("runs with real gpg: afterwards the keyring encrypts to the recipient without prompting", function () {
        if (!fs.existsSync("/usr/bin/gpg"))
            return this.skip();
        const init = (0, render_1.theObject)(objects, "StatefulSet", "enc").spec.template.spec.initContainers.find((c) => c.name === xroad_encryption_1.ENCRYPTION_CONTAINER);
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-gpg-"));
        try {
            const keys = path.join(root, "run");
            fs.mkdirSync(path.join(root, "etc/conf.d"), { recursive: true });
            fs.mkdirSync(keys);
            const cm = (0, render_1.theObject)(objects, "ConfigMap", xroad_encryption_1.ENCRYPTION_CONFIG_MAP);
            for (const [k, v] of Object.entries(cm.data))
                fs.writeFileSync(path.join(keys, k), v);
            // The container's script with its two mount points moved under the temporary root; chown needs root.
            const script = init.command[2].replaceAll("/etc/xroad", path.join(root, "etc")).replaceAll("/run/xroad-encryption", keys);
            if (process.getuid?.() !== 0)
                return this.skip();
            (0, node_child_process_1.execFileSync)("/bin/bash", ["-c", script], { stdio: "pipe" });
            (0, node_child_process_1.execFileSync)("/bin/bash", ["-c", script], { stdio: "pipe" }); // idempotent on restart
            const home = path.join(root, "etc/gpghome");
            assert.equal(fs.statSync(home).uid, 999);
            const cipher = (0, node_child_process_1.execFileSync)("/usr/bin/gpg", ["--homedir", home, "--batch", "--armor", "--encrypt", "-r", FINGERPRINT], {
                input: "backup",
            });
            assert.match(cipher.toString(), /BEGIN PGP MESSAGE/);
            assert.equal(fs.readFileSync(path.join(root, "etc/conf.d", encryption_1.ENCRYPTION_INI_FILE), "utf8"), cm.data[encryption_1.ENCRYPTION_INI_FILE]);
        }
        finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
