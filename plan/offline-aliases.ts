import * as pulumi from "@pulumi/pulumi";

/**
 * The provider SDKs give each resource a type-only alias for every older type token it had: every
 * API version for azure-native (25 on a ResourceGroup, `azure-native:resources/v20151101:ResourceGroup`
 * and so on), older API groups for Kubernetes. Aliases let the engine match state written under
 * those types. The SDK collapses each alias into an Output URN in the Resource constructor, and that
 * is most of what an Azure resource costs under the mock runtime: 123 bare ResourceGroups take about
 * 3 s of CPU with their aliases and 0.3 s without.
 *
 * An offline plan has no state for an alias to match, so these aliases cannot change its result.
 * The transformation below drops them while the mock runtime runs; aliases the program itself gives
 * (a type in another package, a name, a parent, or any alias of its own components, such as the one that
 * keeps a renamed component's URN) are kept, and plan.json shows them. `pulumi up` never runs this code.
 */
export function dropProviderTypeAliases(): void {
    // registerResourceTransform, its replacement, needs the engine's callback server, which the mock runtime has not got.
    pulumi.runtime.registerStackTransformation((args) => {
        if (!args.opts.aliases) return undefined;
        const aliases = args.opts.aliases.filter((alias) => !isProviderTypeAlias(args.type, alias));
        return { props: args.props, opts: { ...args.opts, aliases } };
    });
}

/** The package of this program's own component type tokens (`xroad:kubernetes:SidecarInstance`, …). */
const PROGRAM_PACKAGE = "xroad";

function packageOf(type: string): string {
    return type.split(":", 1)[0];
}

/** An alias that names only another type token of the resource's own package, as the provider SDKs generate them. */
export function isProviderTypeAlias(resourceType: string, alias: pulumi.Input<string | pulumi.Alias>): boolean {
    if (typeof alias !== "object" || pulumi.Output.isInstance(alias) || alias instanceof Promise) return false;
    const keys = Object.keys(alias);
    return (
        keys.length === 1 &&
        keys[0] === "type" &&
        typeof alias.type === "string" &&
        alias.type !== resourceType &&
        packageOf(resourceType) !== PROGRAM_PACKAGE &&
        packageOf(alias.type) === packageOf(resourceType)
    );
}
