import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { IrsaRole, IrsaRoleArgs } from "./irsa-role";

export interface ManagedAddonArgs {
    clusterName: pulumi.Input<string>;
    /** The EKS add-on name, such as `coredns`. */
    addonName: string;
    /** The pinned add-on version from the release block; unset means EKS's default at creation, never upgraded. */
    addonVersion?: string;
    /** JSON configuration values, validated by EKS against the add-on's schema. */
    configurationValues?: pulumi.Input<string>;
    /** An IRSA role for the add-on's ServiceAccount(s), when it calls AWS APIs. */
    serviceAccountRole?: IrsaRoleArgs;
}

/** Where `addonWithRole` puts its resources: their Pulumi names and parent (which make their URNs), and what the add-on waits for. */
interface AddonPlacement {
    parent: pulumi.Resource;
    /** The add-on's Pulumi name. */
    addonName: string;
    /** The IRSA role's Pulumi name (with `serviceAccountRole`). */
    roleName: string;
    dependsOn?: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource>;
}

/**
 * One EKS managed add-on at a pinned version, with its own IRSA role when it needs AWS permissions. It takes
 * over a self-managed copy EKS bootstrapped (OVERWRITE on create) and is upgraded in place when the release
 * block's pin moves (OVERWRITE on update), so `npm run promote` upgrades it with everything else. A function,
 * not a component, so the components that own an add-on (block and shared storage, Container Insights) keep
 * their resources' URNs.
 */
export function addonWithRole(
    args: ManagedAddonArgs,
    placement: AddonPlacement,
): { addon: aws.eks.Addon; roleArn?: pulumi.Output<string> } {
    const { parent } = placement;
    const role = args.serviceAccountRole ? new IrsaRole(placement.roleName, args.serviceAccountRole, { parent }) : undefined;
    const addon = new aws.eks.Addon(
        placement.addonName,
        {
            clusterName: args.clusterName,
            addonName: args.addonName,
            addonVersion: args.addonVersion,
            configurationValues: args.configurationValues,
            serviceAccountRoleArn: role?.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
        },
        { parent, dependsOn: placement.dependsOn },
    );
    return { addon, roleArn: role?.arn };
}

/** `addonWithRole` as a component of its own, for the add-ons no other component owns (VPC CNI, CoreDNS, the agents). */
export class ManagedAddon extends pulumi.ComponentResource {
    readonly addon: aws.eks.Addon;
    readonly roleArn?: pulumi.Output<string>;

    constructor(name: string, args: ManagedAddonArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:ManagedAddon", name, {}, opts);
        const { addon, roleArn } = addonWithRole(args, {
            parent: this,
            addonName: name,
            roleName: `${name}-irsa`,
            // The add-on itself waits for what the component waits for (nodes, the cluster), not only its children.
            dependsOn: opts?.dependsOn,
        });
        this.addon = addon;
        this.roleArn = roleArn;
        this.registerOutputs({ addonName: args.addonName, addonVersion: this.addon.addonVersion });
    }
}
