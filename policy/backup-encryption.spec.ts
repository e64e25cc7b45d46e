import * as assert from "node:assert/strict";
import { backupArchiveEncryption } from "./backup-encryption";
import { encryptionIni } from "./xroad/encryption";
import { ManifestObject, deployment, k8s, messages } from "./testing/harness";
import { ROLE_LABEL } from "./xroad/labels";

const FPR = "4DA7B4F5380D02B56358B58880556C077CCDCAF1";
const IMAGE = "niis/xroad-security-server-sidecar:7.8.0";

function server(image: string, role = "primary", configMap = "xroad-encryption"): ManifestObject {
    const d = deployment("ss-primary", "xroad", {
        containers: [{ name: "security-server", image }],
        volumes: [{ name: "backup-encryption", configMap: { name: configMap } }],
    });
    d.kind = "StatefulSet";
    d.spec.template.metadata.labels = { [ROLE_LABEL]: role };
    return d;
}

function configMap(ini: string, name = "xroad-encryption", namespace = "xroad"): ManifestObject {
    return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data: { "override-k8s-backup-encryption.ini": ini } };
}

describe("xroad-backup-archive-encryption (guide §9, §10; review C11)", () => {
    it("passes a full primary whose mounted ConfigMap turns on backup and archive encryption", async () => {
        assert.deepEqual(
            await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`)), k8s(configMap(encryptionIni([FPR])))]),
            [],
        );
    });

    it("asks a slim server for backup encryption only: slim images keep no message log", async () => {
        const backupsOnly = `[proxy]\nbackup-encryption-enabled = true\nbackup-encryption-keyids = ${FPR}\n`;
        assert.deepEqual(
            await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-slim`, "standalone")), k8s(configMap(backupsOnly))]),
            [],
        );
        assert.equal((await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`)), k8s(configMap(backupsOnly))])).length, 1);
    });

    it("flags a server without the settings, with encryption off, or without an extra recipient", async () => {
        assert.deepEqual(await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`))]), [
            "StatefulSet xroad/ss-primary (primary) does not encrypt its backups and archives: no mounted ConfigMap sets [proxy] backup-encryption-enabled = true, [message-log] archive-encryption-enabled = true",
        ]);
        const off = encryptionIni([FPR]).replace(/= true/g, "= false");
        assert.equal((await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`)), k8s(configMap(off))])).length, 1);
        const noKeys = "[proxy]\nbackup-encryption-enabled = true\n[message-log]\narchive-encryption-enabled = true\n";
        assert.deepEqual(await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-slim`, "standalone")), k8s(configMap(noKeys))]), [
            "StatefulSet xroad/ss-primary (standalone) does not encrypt its backups: no mounted ConfigMap sets [proxy] backup-encryption-keyids (a key besides the server's own, or backups are lost with it)",
        ]);
    });

    it("ignores a ConfigMap of the same name in another namespace, or one the pod does not mount", async () => {
        const elsewhere = configMap(encryptionIni([FPR]), "xroad-encryption", "other");
        assert.equal((await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`)), k8s(elsewhere)])).length, 1);
        const unmounted = configMap(encryptionIni([FPR]), "something-else");
        assert.equal((await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-primary`)), k8s(unmounted)])).length, 1);
    });

    it("does not apply to secondaries, the archiver or other images", async () => {
        assert.deepEqual(await messages(backupArchiveEncryption, [k8s(server(`${IMAGE}-secondary`, "secondary"))]), []);
        assert.deepEqual(await messages(backupArchiveEncryption, [k8s(server("public.ecr.aws/aws-cli/aws-cli:2.31.39", "archiver"))]), []);
        assert.deepEqual(await messages(backupArchiveEncryption, [k8s(server("nginx:1.27", "primary"))]), []);
    });
});
