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
const backup_encryption_1 = require("./backup-encryption");
const encryption_1 = require("./xroad/encryption");
const harness_1 = require("./testing/harness");
const labels_1 = require("./xroad/labels");
const FPR = "4DA7B4F5380D02B56358B58880556C077CCDCAF1";
const IMAGE = "niis/xroad-security-server-sidecar:7.8.0";
function server(image, role = "primary", configMap = "xroad-encryption") {
    const d = (0, harness_1.deployment)("ss-primary", "xroad", {
        containers: [{ name: "security-server", image }],
        volumes: [{ name: "backup-encryption", configMap: { name: configMap } }],
    });
    d.kind = "StatefulSet";
    d.spec.template.metadata.labels = { [labels_1.ROLE_LABEL]: role };
    return d;
}
function configMap(ini, name = "xroad-encryption", namespace = "xroad") {
    return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data: { "override-k8s-backup-encryption.ini": ini } };
}
describe("xroad-backup-archive-encryption (guide §9, §10; review C11)", () => {
    it("passes a full primary whose mounted ConfigMap turns on backup and archive encryption", async () => {
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`)), (0, harness_1.k8s)(configMap((0, encryption_1.encryptionIni)([FPR])))]), []);
    });
    it("asks a slim server for backup encryption only: slim images keep no message log", async () => {
        const backupsOnly = `[proxy]\nbackup-encryption-enabled = true\nbackup-encryption-keyids = ${FPR}\n`;
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-slim`, "standalone")), (0, harness_1.k8s)(configMap(backupsOnly))]), []);
        assert.equal((await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`)), (0, harness_1.k8s)(configMap(backupsOnly))])).length, 1);
    });
    it("flags a server without the settings, with encryption off, or without an extra recipient", async () => {
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`))]), [
            "StatefulSet xroad/ss-primary (primary) does not encrypt its backups and archives: no mounted ConfigMap sets [proxy] backup-encryption-enabled = true, [message-log] archive-encryption-enabled = true",
        ]);
        const off = (0, encryption_1.encryptionIni)([FPR]).replace(/= true/g, "= false");
        assert.equal((await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`)), (0, harness_1.k8s)(configMap(off))])).length, 1);
        const noKeys = "[proxy]\nbackup-encryption-enabled = true\n[message-log]\narchive-encryption-enabled = true\n";
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-slim`, "standalone")), (0, harness_1.k8s)(configMap(noKeys))]), [
            "StatefulSet xroad/ss-primary (standalone) does not encrypt its backups: no mounted ConfigMap sets [proxy] backup-encryption-keyids (a key besides the server's own, or backups are lost with it)",
        ]);
    });
    it("ignores a ConfigMap of the same name in another namespace, or one the pod does not mount", async () => {
        const elsewhere = configMap((0, encryption_1.encryptionIni)([FPR]), "xroad-encryption", "other");
        assert.equal((await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`)), (0, harness_1.k8s)(elsewhere)])).length, 1);
        const unmounted = configMap((0, encryption_1.encryptionIni)([FPR]), "something-else");
        assert.equal((await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-primary`)), (0, harness_1.k8s)(unmounted)])).length, 1);
    });
    it("does not apply to secondaries, the archiver or other images", async () => {
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server(`${IMAGE}-secondary`, "secondary"))]), []);
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server("public.ecr.aws/aws-cli/aws-cli:2.31.39", "archiver"))]), []);
        assert.deepEqual(await (0, harness_1.messages)(backup_encryption_1.backupArchiveEncryption, [(0, harness_1.k8s)(server("nginx:1.27", "primary"))]), []);
    });
});
