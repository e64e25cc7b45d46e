import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as time from "@pulumiverse/time";
import { grant, propagationWait } from "./role-definitions";

export interface ControlPlaneIdentityArgs {
    resourceGroupName: pulumi.Input<string>;
    /**
     * Subnets the control plane joins: the node subnet (bring-your-own VNet) and the API server subnet
     * (API Server VNet Integration). Network Contributor is granted on each, not on the resource group (azure.md B6).
     */
    subnetIds: Record<string, pulumi.Input<string>>;
    /** The static outbound public IP the cluster's load balancer uses for SNAT: Network Contributor on it only (azure.md B7). */
    outboundIpId: pulumi.Input<string>;
    location: string;
    subscriptionId: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * The AKS control plane's user-assigned identity. It exists before the cluster, so the rights the
 * control plane needs at creation (joining the bring-your-own subnets, later the etcd encryption key,
 * the static public IP and the Azure Files account) are granted, and have propagated, before it first uses them.
 */
export class ControlPlaneIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly networkContributors: authorization.RoleAssignment[];
    /** The cluster waits for this: the subnet grants, propagated. */
    readonly networkReady: time.Sleep;

    constructor(name: string, args: ControlPlaneIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ControlPlaneIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
            },
            { parent: this },
        );
        this.networkContributors = Object.entries(args.subnetIds).map(([subnet, subnetId]) =>
            grant(
                `${name}-network-${subnet}`,
                {
                    principalId: this.identity.principalId,
                    principalType: "ServicePrincipal",
                    role: "networkContributor",
                    scope: subnetId,
                    subscriptionId: args.subscriptionId,
                    description: `AKS control plane: join the ${subnet} subnet`,
                },
                { parent: this },
            ),
        );
        this.networkContributors.push(
            grant(
                `${name}-network-outbound-ip`,
                {
                    principalId: this.identity.principalId,
                    principalType: "ServicePrincipal",
                    role: "networkContributor",
                    scope: args.outboundIpId,
                    subscriptionId: args.subscriptionId,
                    description: "AKS control plane: use the stack's static outbound public IP for SNAT",
                },
                { parent: this },
            ),
        );
        this.networkReady = propagationWait(`${name}-network`, this.networkContributors, { parent: this });
        this.registerOutputs({ principalId: this.identity.principalId, clientId: this.identity.clientId });
    }
}
