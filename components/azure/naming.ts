/**
 * Azure names with rules stricter than Pulumi's logical names. Storage accounts and Flexible Servers
 * are DNS names, unique across Azure, so each gets the stack's name plus a random suffix kept in state.
 */

/** Lowercase letters and digits only, as storage account names require. */
function alphanumeric(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * A storage account name: 3–24 lowercase letters and digits, `<purpose><stack><suffix>`.
 * The stack part is shortened so that the purpose and the suffix always fit.
 */
export function storageAccountName(purpose: string, stackName: string, suffix: string): string {
    const head = alphanumeric(purpose);
    const tail = alphanumeric(suffix);
    const room = 24 - head.length - tail.length;
    if (room < 1) throw new Error(`storage account purpose "${purpose}" and suffix "${suffix}" leave no room for the stack name`);
    return `${head}${alphanumeric(stackName).slice(0, room)}${tail}`;
}

/** A Flexible Server name: 3–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
export function flexibleServerName(stackName: string, instanceName: string, suffix: string): string {
    const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]/g, "-");
    const tail = `-${clean(instanceName).slice(0, 40).replace(/-+$/, "")}-${clean(suffix)}`;
    const head = clean(stackName)
        .slice(0, 63 - tail.length)
        .replace(/-+$/, "");
    return `${head}${tail}`.replace(/^-+/, "");
}

/**
 * The stack's name in a name of letters, digits and single hyphens: lowercase, every run of other characters one
 * hyphen, none at either end, at most `maxLength` characters.
 */
function hyphenated(stackName: string, maxLength: number): string {
    return stackName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+/, "")
        .slice(0, maxLength)
        .replace(/-+$/, "");
}

/** A Key Vault name: 3–24 letters, digits and single hyphens, starting with a letter: `kv-<stack>-<suffix>`. */
export function keyVaultName(stackName: string, suffix: string): string {
    const tail = `-${alphanumeric(suffix)}`;
    return `kv-${hyphenated(stackName, 24 - 3 - tail.length)}${tail}`;
}

/**
 * A Recovery Services vault name: 2–50 letters, digits and hyphens, starting with a letter (resource-name-rules.md,
 * Microsoft.RecoveryServices/vaults): `rsv-<stack>`. Unique only in its resource group, so no suffix.
 */
export function recoveryVaultName(stackName: string): string {
    return `rsv-${hyphenated(stackName, 50 - 4)}`.replace(/-+$/, "");
}
