"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probeTool = void 0;
exports.callerIsPrincipal = callerIsPrincipal;
exports.checkAwsPrerequisites = checkAwsPrerequisites;
exports.checkAzurePrerequisites = checkAzurePrerequisites;
/**
 * Prerequisites on the machine that runs `pulumi up`, checked before any resource exists (issue 12 point 5):
 * a tool missing from the PATH, or too old, otherwise fails late, after the cluster is created.
 * Only the engine entry (index.ts) passes a probe; the offline plan and the tests never run tools.
 */
const child_process_1 = require("child_process");
/** The real probe: the tool on the PATH, 30 s at most. */
const probeTool = (command, args) => {
    try {
        return (0, child_process_1.execFileSync)(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 });
    }
    catch {
        return undefined;
    }
};
exports.probeTool = probeTool;
/** The Azure CLI version the AKS KMS documentation requires (use-kms-etcd-encryption, Prerequisites). */
const MIN_AZURE_CLI = "2.39.0";
function atLeast(version, minimum) {
    const a = version.split(".").map(Number);
    const b = minimum.split(".").map(Number);
    for (let i = 0; i < b.length; i++) {
        if ((a[i] ?? 0) !== b[i])
            return (a[i] ?? 0) > b[i];
    }
    return true;
}
/**
 * The AWS CLI version pulumi-eks needs for its kubeconfig's `aws eks get-token` exec (v4.3.0
 * `dependencies.ts` assertCompatibleAWSCLIExists: 2.7.0 for CLI v2; v1 is in maintenance, so v2 only here).
 */
const MIN_AWS_CLI = "2.7.0";
/**
 * Whether the caller of `sts:GetCallerIdentity` is the configured IAM principal. A role's session ARN is
 * `arn:<p>:sts::<account>:assumed-role/<role name>/<session>` (the role's path is dropped), a user's is the
 * user's own ARN (IAM user guide, "aws:userid and GetCallerIdentity"), so the account and the name decide.
 */
function callerIsPrincipal(callerArn, principalArn) {
    const caller = callerArn.split(":");
    const principal = principalArn.split(":");
    if (caller.length < 6 || principal.length < 6 || caller[4] !== principal[4])
        return false;
    const callerResource = caller.slice(5).join(":").split("/");
    const principalResource = principal.slice(5).join(":").split("/");
    const principalName = principalResource[principalResource.length - 1];
    if (principalResource[0] === "role")
        return caller[2] === "sts" && callerResource[0] === "assumed-role" && callerResource[1] === principalName;
    if (principalResource[0] === "user")
        return caller[2] === "iam" && callerResource[0] === "user" && callerResource[callerResource.length - 1] === principalName;
    return false;
}
/**
 * The AWS CLI on the PATH, new enough for the EKS kubeconfig (review aws A3, issue 12 point 5), and signed in as
 * the configured deployer in the configured account: anyone else would create a cluster they cannot reach, or
 * get Unauthorized on every Kubernetes resource of an existing one (review aws B4). The CLI reads the same
 * credential chain (environment, profile, SSO) as the AWS provider.
 */
function checkAwsPrerequisites(check, s, probe) {
    // `aws --version` prints e.g. "aws-cli/2.31.39 Python/3.13.9 Linux/6.8.0 exe/x86_64.debian.12".
    const out = probe("aws", ["--version"]);
    const version = out?.match(/aws-cli\/(\d+\.\d+\.\d+)/)?.[1];
    const key = "(prerequisite) aws";
    if (version === undefined)
        check.issues.push({
            key,
            value: undefined,
            allowed: `the AWS CLI ${MIN_AWS_CLI} or newer on the PATH: the EKS kubeconfig runs aws eks get-token (install: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)`,
        });
    else if (!atLeast(version, MIN_AWS_CLI))
        check.issues.push({
            key,
            value: undefined,
            allowed: `the AWS CLI ${MIN_AWS_CLI} or newer (found ${version}): the EKS kubeconfig runs aws eks get-token`,
        });
    if (version === undefined)
        return;
    const identity = probe("aws", ["sts", "get-caller-identity", "--output", "json", "--region", s.region]);
    let caller;
    try {
        caller = identity === undefined ? undefined : JSON.parse(identity);
    }
    catch {
        caller = undefined;
    }
    if (typeof caller?.Arn !== "string") {
        check.issues.push({
            key: "(prerequisite) AWS credentials",
            value: undefined,
            allowed: "credentials of aws.deployerArn for the AWS CLI and provider: aws sts get-caller-identity fails (aws sso login, or aws configure)",
        });
        return;
    }
    if (caller.Account !== s.accountId)
        check.fail("aws.accountId", s.accountId, `the account pulumi up runs in (the credentials are of account ${String(caller.Account)})`);
    else if (!callerIsPrincipal(caller.Arn, s.deployerArn))
        check.fail("aws.deployerArn", s.deployerArn, `the identity pulumi up runs as (${caller.Arn}): run as the configured deployer, or set this to that role's or user's ARN (its access entry and key administration move with it)`);
}
/** kubelogin (every AKS kubeconfig here is an exec kubeconfig) and, for its azurecli mode, the Azure CLI. */
function checkAzurePrerequisites(check, s, probe) {
    const prerequisite = (what, allowed) => check.issues.push({ key: `(prerequisite) ${what}`, value: undefined, allowed });
    if (probe("kubelogin", ["--version"]) === undefined)
        prerequisite("kubelogin", "kubelogin on the PATH: AKS local accounts are disabled, so the program's kubeconfig runs kubelogin (install: az aks install-cli)");
    if (s.kubeloginMode !== "azurecli")
        return;
    const out = probe("az", ["version", "--output", "json"]);
    let version;
    try {
        version = out === undefined ? undefined : JSON.parse(out)["azure-cli"];
    }
    catch {
        version = undefined;
    }
    if (typeof version !== "string")
        prerequisite("az", `the Azure CLI ${MIN_AZURE_CLI} or newer on the PATH, signed in (az login): kubeloginMode azurecli uses it`);
    else if (!atLeast(version, MIN_AZURE_CLI))
        prerequisite("az", `the Azure CLI ${MIN_AZURE_CLI} or newer (found ${version}): az upgrade`);
    if (typeof version !== "string" || !s.encryptionAtHost)
        return;
    // AKS refuses encryption at host in a subscription without the feature (AKS docs, "Host-based encryption").
    const state = probe("az", [
        "feature",
        "show",
        "--namespace",
        "Microsoft.Compute",
        "--name",
        "EncryptionAtHost",
        "--query",
        "properties.state",
        "--output",
        "tsv",
    ])?.trim();
    if (state !== "Registered")
        prerequisite("Microsoft.Compute/EncryptionAtHost", `the subscription feature registered for azure.encryptionAtHost (state: ${state ?? "unknown"}): az feature register --namespace Microsoft.Compute --name EncryptionAtHost, wait for Registered, then az provider register -n Microsoft.Compute`);
}
