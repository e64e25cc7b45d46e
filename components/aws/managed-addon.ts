import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { IrsaRole } from "./irsa-role";

export interface ManagedAddonArgs {
    clusterName: pulumi.Input<string>;
    /** The EKS add-on name, such as `coredns`. */
    addonName: string;
    /** The pinned add-on version from the release block; unset means EKS's default at creation, never upgraded. */
    addonVersion?: string;
    /** JSON configuration values, validated by EKS against the add-on's schema. */
    configurationValues?: pulumi.Input<string>;
    /** An IRSA role for the add-on's ServiceAccount(s), when it calls AWS APIs. */
    serviceAccountRole?: {
        oidcProviderArn: pulumi.Input<string>;
        oidcIssuer: pulumi.Input<string>;
        namespace: string;
        serviceAccount: string | readonly string[];
        managedPolicyArns: pulumi.Input<string>[];
        description: string;
    };
}

/**
 * One EKS managed add-on at a pinned version, with its own IRSA role when it needs AWS permissions. It takes
 * over a self-managed copy EKS bootstrapped (OVERWRITE on create) and is upgraded in place when the release
 * block's pin moves (OVERWRITE on update), so `npm run promote` upgrades it with everything else.
 */
export class ManagedAddon extends pulumi.ComponentResource {
    readonly addon: aws.eks.Addon;
    readonly roleArn?: pulumi.Output<string>;

    constructor(name: string, args: ManagedAddonArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:ManagedAddon", name, {}, opts);
        const role = args.serviceAccountRole ? new IrsaRole(`${name}-irsa`, args.serviceAccountRole, { parent: this }) : undefined;
        this.roleArn = role?.arn;
        this.addon = new aws.eks.Addon(
            name,
            {
                clusterName: args.clusterName,
                addonName: args.addonName,
                addonVersion: args.addonVersion,
                configurationValues: args.configurationValues,
                serviceAccountRoleArn: role?.arn,
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
            },
            // The add-on itself waits for what the component waits for (nodes, the cluster), not only its children.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.registerOutputs({ addonName: args.addonName, addonVersion: this.addon.addonVersion });
    }
}
