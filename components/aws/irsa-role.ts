import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { irsaTrustPolicy } from "./policy-document";

/** The cluster's OIDC identity provider, which every IRSA role trusts. */
export interface ClusterOidc {
    /** ARN of the cluster's IAM OIDC provider. */
    oidcProviderArn: pulumi.Input<string>;
    /** The cluster's OIDC issuer (with or without `https://`). */
    oidcIssuer: pulumi.Input<string>;
}

export interface IrsaRoleArgs extends ClusterOidc {
    /** Namespace of the one ServiceAccount this role trusts. */
    namespace: string;
    /** Name of the ServiceAccount (or ServiceAccounts, all in `namespace`) this role trusts. */
    serviceAccount: string | readonly string[];
    /** AWS managed policies to attach (for EKS add-ons whose permissions AWS maintains). */
    managedPolicyArns?: pulumi.Input<string>[];
    /** Inline policies by name, as JSON documents. */
    inlinePolicies?: Record<string, pulumi.Input<string>>;
    /** What the role is for, shown in IAM. */
    description: string;
}

/**
 * An IAM role for one Kubernetes ServiceAccount (IRSA): pods of that ServiceAccount get its
 * permissions, nothing else in the cluster does, and no node credentials are involved (the nodes'
 * instance metadata is out of reach with hop limit 1).
 */
export class IrsaRole extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: IrsaRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:IrsaRole", name, {}, opts);
        this.role = new aws.iam.Role(
            name,
            {
                description: args.description,
                assumeRolePolicy: irsaTrustPolicy(args.oidcProviderArn, args.oidcIssuer, args.namespace, args.serviceAccount),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );
        (args.managedPolicyArns ?? []).forEach((policyArn, i) => {
            new aws.iam.RolePolicyAttachment(`${name}-managed-${i}`, { role: this.role.name, policyArn }, { parent: this });
        });
        for (const [policyName, policy] of Object.entries(args.inlinePolicies ?? {})) {
            new aws.iam.RolePolicy(`${name}-${policyName}`, { role: this.role.name, name: policyName, policy }, { parent: this });
        }
        this.arn = this.role.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
