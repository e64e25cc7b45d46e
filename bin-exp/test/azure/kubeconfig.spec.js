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
const yaml_1 = require("yaml");
const kubeconfig_1 = require("../../components/azure/kubeconfig");
const azure_1 = require("../../plan/mocks/azure");
const naming_1 = require("../../components/azure/naming");
const azure_2 = require("../../config/azure");
describe("azure kubeconfig and names", () => {
    const aks = (0, azure_1.mockAksUserKubeconfig)("aks", "rg", "westeurope");
    it("rewrites kubelogin's login mode and keeps every other argument", () => {
        const doc = (0, yaml_1.parse)((0, kubeconfig_1.withKubeloginMode)(aks, "workloadidentity"));
        const args = doc.users[0].user.exec.args;
        assert.deepEqual(args.slice(args.indexOf("--login"), args.indexOf("--login") + 2), ["--login", "workloadidentity"]);
        assert.equal(args.filter((a) => a === "--login").length, 1);
        assert.deepEqual(args.slice(0, 3), ["get-token", "--environment", "AzurePublicCloud"]);
        assert.equal(doc.users[0].user.exec.command, "kubelogin");
    });
    it("adds a login mode when AKS gave none, and refuses a kubeconfig without kubelogin", () => {
        const without = aks.replace("      - --login\n      - devicecode\n", "");
        const args = (0, yaml_1.parse)((0, kubeconfig_1.withKubeloginMode)(without, "azurecli")).users[0].user.exec.args;
        assert.deepEqual(args.slice(-2), ["--login", "azurecli"]);
        const tokenUser = "apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: abc\n";
        assert.throws(() => (0, kubeconfig_1.withKubeloginMode)(tokenUser, "azurecli"), /has no kubelogin user: request it with format=exec/);
    });
    it("decodes the base64 credential AKS returns", () => {
        assert.equal((0, kubeconfig_1.decodeKubeconfig)([{ name: "clusterUser", value: Buffer.from(aks).toString("base64") }]), aks);
        assert.throws(() => (0, kubeconfig_1.decodeKubeconfig)([]), /AKS returned no user kubeconfig/);
    });
    it("builds storage account and server names Azure accepts", () => {
        const account = (0, naming_1.storageAccountName)("xrarch", "xroad-sidecar-azure-production-stack", "ab12cd");
        assert.match(account, /^[a-z0-9]{3,24}$/);
        assert.equal(account, "xrarchxroadsidecarab12cd");
        assert.equal(account.length <= 24, true);
        const server = (0, naming_1.flexibleServerName)("xroad-sidecar-azure-prod", "sidecar", "ab12cd");
        assert.equal(server, "xroad-sidecar-azure-prod-sidecar-ab12cd");
        assert.match((0, naming_1.flexibleServerName)("x".repeat(80), "sidecar", "ab12cd"), /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
        const long = (0, naming_1.flexibleServerName)("xroad-sidecar-azure-prod", "i".repeat(63), "ab12cd");
        assert.ok(long.length <= 63 && long.startsWith("xroad-sidecar-") && long.endsWith("-ab12cd"), long);
        assert.equal((0, naming_1.keyVaultName)("xroad-sidecar-azure-prod", "ab12cd"), "kv-xroad-sidecar-ab12cd");
        assert.equal((0, naming_1.keyVaultName)("xroad--sidecar_", "ab12cd"), "kv-xroad-sidecar-ab12cd");
        assert.match((0, naming_1.keyVaultName)("a".repeat(40), "ab12cd"), /^kv-a{14}-ab12cd$/);
    });
    it("checks CIDR containment by address, not by text", () => {
        assert.equal((0, azure_2.cidrContains)("10.30.0.0/16", "10.30.17.0/24"), true);
        assert.equal((0, azure_2.cidrContains)("10.30.0.0/16", "10.3.0.0/24"), false);
        assert.equal((0, azure_2.cidrContains)("10.30.0.0/20", "10.30.15.255"), true);
        assert.equal((0, azure_2.cidrContains)("10.30.0.0/20", "10.30.16.0"), false);
    });
});
