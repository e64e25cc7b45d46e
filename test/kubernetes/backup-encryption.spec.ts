import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { loadStackConfig } from "../../config";
import { backupArchiveEncryption } from "../../policy/backup-encryption";
import { ENCRYPTION_INI_FILE, parseIni } from "../../policy/xroad/encryption";
import { k8s, messages } from "../../policy/testing/harness";
import { ENCRYPTION_CONFIG_MAP, ENCRYPTION_CONTAINER } from "../../components/kubernetes/xroad-encryption";
import { KubeObject, instanceFromConfig, render, theObject } from "./render";
import { configErrors } from "../config/errors";

const FINGERPRINT = "4DA7B4F5380D02B56358B58880556C077CCDCAF1";
/** The placeholder recipient of the production examples (public half only). */
const PUBLIC_KEY = fs
    .readFileSync(path.resolve(__dirname, "../../Pulumi.prod.yaml"), "utf8")
    .match(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/)![0]
    .replace(/^ +/gm, "");
const encryption = {
    enabled: true,
    recipients: [{ fingerprint: "4DA7 B4F5 380D 02B5 6358  B588 8055 6C07 7CCD CAF1", publicKey: PUBLIC_KEY }],
};

function errorsOf(enc: unknown): string[] {
    return configErrors(() =>
        loadStackConfig(
            {
                "xroad-sidecar:target": "existing",
                "xroad-sidecar:instances": JSON.stringify([{ name: "a", archiving: { encryption: enc } }]),
            },
            { project: "xroad-sidecar", stack: "test" },
        ),
    );
}

describe("X-Road backup and archive encryption: config", () => {
    it("is off by default and reads recipients, fingerprints as gpg prints them", () => {
        assert.deepEqual(instanceFromConfig({ name: "a" }).archiving.encryption, { enabled: false, recipients: [] });
        const read = instanceFromConfig({ name: "a", archiving: { encryption } }).archiving.encryption;
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
    let objects: KubeObject[];
    let plain: KubeObject[];
    before(async () => {
        objects = (await render(instanceFromConfig({ name: "enc", flavour: "full", archiving: { encryption } }))).objects;
        plain = (await render(instanceFromConfig({ name: "enc", flavour: "full" }))).objects;
    });

    it("publishes the settings and the public key in a ConfigMap, nothing secret", () => {
        const cm = theObject(objects, "ConfigMap", ENCRYPTION_CONFIG_MAP);
        const ini = parseIni(cm.data[ENCRYPTION_INI_FILE]);
        assert.equal(ini.get("proxy.backup-encryption-enabled"), "true");
        assert.equal(ini.get("proxy.backup-encryption-keyids"), FINGERPRINT);
        assert.equal(ini.get("message-log.archive-encryption-enabled"), "true");
        assert.equal(ini.get("message-log.archive-default-encryption-key"), FINGERPRINT);
        assert.equal(cm.data["recipient-1.asc"], PUBLIC_KEY.trim() + "\n");
        assert.equal(plain.filter((o) => o.kind === "ConfigMap" && o.metadata.name === ENCRYPTION_CONFIG_MAP).length, 0);
    });

    it("imports the keys and installs the settings before the Sidecar starts", () => {
        const spec = theObject(objects, "StatefulSet", "enc").spec.template.spec;
        const init = spec.initContainers.find((c) => c.name === ENCRYPTION_CONTAINER)!;
        assert.equal(init.image, spec.containers[0].image);
        assert.deepEqual(
            init.volumeMounts.map((m) => [m.mountPath, m.readOnly ?? false]),
            [
                ["/etc/xroad", false],
                ["/run/xroad-encryption", true],
            ],
        );
        assert.deepEqual(spec.volumes.find((v) => v.name === init.volumeMounts[1].name)!.configMap, {
            name: ENCRYPTION_CONFIG_MAP,
            defaultMode: 0o444,
        });
    });

    it("satisfies xroad-backup-archive-encryption, which flags the same server without it", async () => {
        assert.deepEqual(
            await messages(
                backupArchiveEncryption,
                objects.map((o) => k8s(o)),
            ),
            [],
        );
        assert.equal(
            (
                await messages(
                    backupArchiveEncryption,
                    plain.map((o) => k8s(o)),
                )
            ).length,
            1,
        );
    });

    it("runs with real gpg: afterwards the keyring encrypts to the recipient without prompting", function () {
        if (!fs.existsSync("/usr/bin/gpg")) return this.skip();
        const init = theObject(objects, "StatefulSet", "enc").spec.template.spec.initContainers.find(
            (c) => c.name === ENCRYPTION_CONTAINER,
        )!;
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-gpg-"));
        try {
            const keys = path.join(root, "run");
            fs.mkdirSync(path.join(root, "etc/conf.d"), { recursive: true });
            fs.mkdirSync(keys);
            const cm = theObject(objects, "ConfigMap", ENCRYPTION_CONFIG_MAP);
            for (const [k, v] of Object.entries(cm.data as Record<string, string>)) fs.writeFileSync(path.join(keys, k), v);
            // The container's script with its two mount points moved under the temporary root; chown needs root.
            const script = init.command[2].replaceAll("/etc/xroad", path.join(root, "etc")).replaceAll("/run/xroad-encryption", keys);
            if (process.getuid?.() !== 0) return this.skip();
            execFileSync("/bin/bash", ["-c", script], { stdio: "pipe" });
            execFileSync("/bin/bash", ["-c", script], { stdio: "pipe" }); // idempotent on restart
            const home = path.join(root, "etc/gpghome");
            assert.equal(fs.statSync(home).uid, 999);
            const cipher = execFileSync("/usr/bin/gpg", ["--homedir", home, "--batch", "--armor", "--encrypt", "-r", FINGERPRINT], {
                input: "backup",
            });
            assert.match(cipher.toString(), /BEGIN PGP MESSAGE/);
            assert.equal(fs.readFileSync(path.join(root, "etc/conf.d", ENCRYPTION_INI_FILE), "utf8"), cm.data[ENCRYPTION_INI_FILE]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
