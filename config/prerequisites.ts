/**
 * Prerequisites on the machine that runs `pulumi up`, checked before any resource exists (issue 12 point 5):
 * a tool missing from the PATH, or too old, otherwise fails late, after the cluster is created.
 * Only the engine entry (index.ts) passes a probe; the offline plan and the tests never run tools.
 */
import { execFileSync } from "child_process";
import { Checker } from "./checker";
import { AzureSettings } from "./azure";

/** Runs a tool and returns its standard output, or undefined when it is missing or fails. */
export type ToolProbe = (command: string, args: string[]) => string | undefined;

/** The real probe: the tool on the PATH, 30 s at most. */
export const probeTool: ToolProbe = (command, args) => {
    try {
        return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 });
    } catch {
        return undefined;
    }
};

/** The Azure CLI version the AKS KMS documentation requires (use-kms-etcd-encryption, Prerequisites). */
export const MIN_AZURE_CLI = "2.39.0";

function atLeast(version: string, minimum: string): boolean {
    const a = version.split(".").map(Number);
    const b = minimum.split(".").map(Number);
    for (let i = 0; i < b.length; i++) {
        if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
    }
    return true;
}

/** kubelogin (every AKS kubeconfig here is an exec kubeconfig) and, for its azurecli mode, the Azure CLI. */
export function checkAzurePrerequisites(check: Checker, s: AzureSettings, probe: ToolProbe): void {
    const prerequisite = (what: string, allowed: string) => check.issues.push({ key: `(prerequisite) ${what}`, value: undefined, allowed });
    if (probe("kubelogin", ["--version"]) === undefined)
        prerequisite(
            "kubelogin",
            "kubelogin on the PATH: AKS local accounts are disabled, so the program's kubeconfig runs kubelogin (install: az aks install-cli)",
        );
    if (s.kubeloginMode !== "azurecli") return;
    const out = probe("az", ["version", "--output", "json"]);
    let version: unknown;
    try {
        version = out === undefined ? undefined : (JSON.parse(out) as Record<string, unknown>)["azure-cli"];
    } catch {
        version = undefined;
    }
    if (typeof version !== "string")
        prerequisite("az", `the Azure CLI ${MIN_AZURE_CLI} or newer on the PATH, signed in (az login): kubeloginMode azurecli uses it`);
    else if (!atLeast(version, MIN_AZURE_CLI)) prerequisite("az", `the Azure CLI ${MIN_AZURE_CLI} or newer (found ${version}): az upgrade`);
}
