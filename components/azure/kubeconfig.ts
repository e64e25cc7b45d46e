import { parse, stringify } from "yaml";
import { KubeloginMode } from "../../config/azure";

interface ExecConfig {
    command?: string;
    args?: string[];
}
interface KubeconfigUser {
    name?: string;
    user?: { exec?: ExecConfig };
}

function usersOf(doc: unknown): KubeconfigUser[] {
    if (typeof doc !== "object" || doc === null) throw new Error("the AKS user kubeconfig is not a YAML mapping");
    const users = (doc as { users?: unknown }).users;
    return Array.isArray(users) ? (users as KubeconfigUser[]) : [];
}

/**
 * AKS with local accounts disabled (guide §4.1) only hands out exec kubeconfigs that call
 * `kubelogin get-token --login devicecode`, which cannot run unattended. This rewrites the login mode
 * of every kubelogin user, the same edit `kubelogin convert-kubeconfig -l <mode>` makes, so
 * `pulumi up` works with `az login` (azurecli) or in CI with workload identity federation.
 */
export function withKubeloginMode(kubeconfigYaml: string, mode: KubeloginMode): string {
    const doc: unknown = parse(kubeconfigYaml);
    let rewritten = 0;
    for (const entry of usersOf(doc)) {
        const exec = entry.user?.exec;
        if (!exec || !exec.command || !/(^|\/)kubelogin(\.exe)?$/.test(exec.command)) continue;
        const args = [...(exec.args ?? [])];
        const loginFlag = args.indexOf("--login");
        if (loginFlag >= 0 && loginFlag + 1 < args.length) args[loginFlag + 1] = mode;
        else args.push("--login", mode);
        exec.args = args;
        rewritten++;
    }
    if (rewritten === 0) throw new Error("the AKS user kubeconfig has no kubelogin user: request it with format=exec");
    return stringify(doc);
}

/** The kubeconfig text of the first credential AKS returned (the API returns it base64-encoded). */
export function decodeKubeconfig(kubeconfigs: { name: string; value: string }[]): string {
    const first = kubeconfigs[0];
    if (!first) throw new Error("AKS returned no user kubeconfig");
    return Buffer.from(first.value, "base64").toString("utf8");
}
