import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { decodeKubeconfig, withKubeloginMode } from "../../components/azure/kubeconfig";
import { mockAksUserKubeconfig } from "../../plan/mocks/azure";
import { flexibleServerName, keyVaultName, storageAccountName } from "../../components/azure/naming";
import { cidrContains } from "../../config/azure";

interface Doc {
    users: { user: { exec: { args: string[]; command: string } } }[];
}

describe("azure kubeconfig and names", () => {
    const aks = mockAksUserKubeconfig("aks", "rg", "westeurope");

    it("rewrites kubelogin's login mode and keeps every other argument", () => {
        const doc = parse(withKubeloginMode(aks, "workloadidentity")) as Doc;
        const args = doc.users[0].user.exec.args;
        assert.deepEqual(args.slice(args.indexOf("--login"), args.indexOf("--login") + 2), ["--login", "workloadidentity"]);
        assert.equal(args.filter((a) => a === "--login").length, 1);
        assert.deepEqual(args.slice(0, 3), ["get-token", "--environment", "AzurePublicCloud"]);
        assert.equal(doc.users[0].user.exec.command, "kubelogin");
    });

    it("adds a login mode when AKS gave none, and refuses a kubeconfig without kubelogin", () => {
        const without = aks.replace("      - --login\n      - devicecode\n", "");
        const args = (parse(withKubeloginMode(without, "azurecli")) as Doc).users[0].user.exec.args;
        assert.deepEqual(args.slice(-2), ["--login", "azurecli"]);
        const tokenUser = "apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: abc\n";
        assert.throws(() => withKubeloginMode(tokenUser, "azurecli"), /has no kubelogin user: request it with format=exec/);
    });

    it("decodes the base64 credential AKS returns", () => {
        assert.equal(decodeKubeconfig([{ name: "clusterUser", value: Buffer.from(aks).toString("base64") }]), aks);
        assert.throws(() => decodeKubeconfig([]), /AKS returned no user kubeconfig/);
    });

    it("builds storage account and server names Azure accepts", () => {
        const account = storageAccountName("xrarch", "xroad-sidecar-azure-production-stack", "ab12cd");
        assert.match(account, /^[a-z0-9]{3,24}$/);
        assert.equal(account, "xrarchxroadsidecarab12cd");
        assert.equal(account.length <= 24, true);
        const server = flexibleServerName("xroad-sidecar-azure-prod", "sidecar", "ab12cd");
        assert.equal(server, "xroad-sidecar-azure-prod-sidecar-ab12cd");
        assert.match(flexibleServerName("x".repeat(80), "sidecar", "ab12cd"), /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
        const long = flexibleServerName("xroad-sidecar-azure-prod", "i".repeat(63), "ab12cd");
        assert.ok(long.length <= 63 && long.startsWith("xroad-sidecar-") && long.endsWith("-ab12cd"), long);
        assert.equal(keyVaultName("xroad-sidecar-azure-prod", "ab12cd"), "kv-xroad-sidecar-ab12cd");
        assert.equal(keyVaultName("xroad--sidecar_", "ab12cd"), "kv-xroad-sidecar-ab12cd");
        assert.match(keyVaultName("a".repeat(40), "ab12cd"), /^kv-a{14}-ab12cd$/);
    });

    it("checks CIDR containment by address, not by text", () => {
        assert.equal(cidrContains("10.30.0.0/16", "10.30.17.0/24"), true);
        assert.equal(cidrContains("10.30.0.0/16", "10.3.0.0/24"), false);
        assert.equal(cidrContains("10.30.0.0/20", "10.30.15.255"), true);
        assert.equal(cidrContains("10.30.0.0/20", "10.30.16.0"), false);
    });
});
