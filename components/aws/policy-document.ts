import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** One IAM, KMS, S3 or EFS policy statement, typed by the AWS SDK. */
export type PolicyStatement = aws.iam.PolicyStatement;

/**
 * A policy document as JSON text. Every policy of the AWS platform goes through here, so the tests
 * can parse each one and assert its actions, resources and conditions.
 */
export function policyDocument(statements: pulumi.Input<PolicyStatement>[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/** An AWS managed policy, in the partition the stack runs in. */
export function managedPolicyArn(partition: pulumi.Input<string>, name: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:iam::aws:policy/${name}`;
}

/** `system:serviceaccount:<namespace>:<name>`: the subject of a ServiceAccount's projected token. */
function serviceAccountSubject(namespace: string, serviceAccount: string): string {
    return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/** The audience EKS puts in tokens it projects for IRSA. */
const STS_AUDIENCE = "sts.amazonaws.com";

/**
 * Trust policy of an IRSA role: only the cluster's OIDC provider, only tokens for the named
 * ServiceAccounts, only with the STS audience. StringEquals, not StringLike, so no wildcard subject
 * can slip in; a driver with a controller and a node ServiceAccount lists both.
 */
export function irsaTrustPolicy(
    oidcProviderArn: pulumi.Input<string>,
    oidcIssuer: pulumi.Input<string>,
    namespace: string,
    serviceAccount: string | readonly string[],
): pulumi.Output<string> {
    const subjects = (typeof serviceAccount === "string" ? [serviceAccount] : [...serviceAccount]).map((serviceAccountName) =>
        serviceAccountSubject(namespace, serviceAccountName),
    );
    const issuer = pulumi.output(oidcIssuer).apply((i) => i.replace(/^https:\/\//, ""));
    return policyDocument([
        {
            Sid: "AssumeFromOneServiceAccount",
            Effect: "Allow",
            Principal: { Federated: oidcProviderArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: issuer.apply((i) => ({
                StringEquals: {
                    [`${i}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
                    [`${i}:aud`]: STS_AUDIENCE,
                },
            })),
        },
    ]);
}
