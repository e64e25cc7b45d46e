"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withKubeloginMode = withKubeloginMode;
exports.decodeKubeconfig = decodeKubeconfig;
const yaml_1 = require("yaml");
function usersOf(doc) {
    if (typeof doc !== "object" || doc === null)
        throw new Error("the AKS user kubeconfig is not a YAML mapping");
    const users = doc.users;
    return Array.isArray(users) ? users : [];
}
/**
 * AKS with local accounts disabled (guide §4.1) only hands out exec kubeconfigs that call
 * `kubelogin get-token --login devicecode`, which cannot run unattended. This rewrites the login mode
 * of every kubelogin user, the same edit `kubelogin convert-kubeconfig -l <mode>` makes, so
 * `pulumi up` works with `az login` (azurecli) or in CI with workload identity federation.
 */
function withKubeloginMode(kubeconfigYaml, mode) {
    const doc = (0, yaml_1.parse)(kubeconfigYaml);
    let rewritten = 0;
    for (const entry of usersOf(doc)) {
        const exec = entry.user?.exec;
        if (!exec || !exec.command || !/(^|\/)kubelogin(\.exe)?$/.test(exec.command))
            continue;
        const args = [...(exec.args ?? [])];
        const at = args.indexOf("--login");
        if (at >= 0 && at + 1 < args.length)
            args[at + 1] = mode;
        else
            args.push("--login", mode);
        exec.args = args;
        rewritten++;
    }
    if (rewritten === 0)
        throw new Error("the AKS user kubeconfig has no kubelogin user: request it with format=exec");
    return (0, yaml_1.stringify)(doc);
}
/** The kubeconfig text of the first credential AKS returned (the API returns it base64-encoded). */
function decodeKubeconfig(kubeconfigs) {
    const first = kubeconfigs[0];
    if (!first)
        throw new Error("AKS returned no user kubeconfig");
    return Buffer.from(first.value, "base64").toString("utf8");
}
