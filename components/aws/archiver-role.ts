import * as pulumi from "@pulumi/pulumi";
import { ClusterOidc, IrsaRole } from "./irsa-role";
import { policyDocument } from "./policy-document";
import { ARCHIVER_SERVICE_ACCOUNT } from "../../policy/xroad/archiver";

export interface ArchiverRoleArgs extends ClusterOidc {
    clusterName: string;
    /** The Sidecar instance whose archiver this role is for. */
    instanceName: string;
    /** Its namespace: the role trusts `system:serviceaccount:<namespace>:xroad-archiver` only. */
    namespace: string;
    bucketName: pulumi.Input<string>;
    bucketArn: pulumi.Input<string>;
    /** The instance writes under `<prefix>/` only. */
    prefix: string;
    kmsKeyArn: pulumi.Input<string>;
    region: string;
}

/** The key prefix of one instance's archives: `<archive prefix>/<instance name>`. */
export function instanceArchivePrefix(archivePrefix: string, instanceName: string): string {
    return `${archivePrefix}/${instanceName}`;
}

/**
 * What the archiver may do: write (and finish multipart uploads of) objects under its prefix, list only
 * that prefix so `aws s3 sync` can skip what is there, and use the archive key only through S3. No
 * read, no delete: a compromised Sidecar cannot erase or read back the archive.
 */
function archiverPolicy(
    bucketArn: pulumi.Input<string>,
    prefix: string,
    kmsKeyArn: pulumi.Input<string>,
    region: string,
): pulumi.Output<string> {
    return policyDocument([
        {
            Sid: "WriteUnderOwnPrefix",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            Resource: pulumi.interpolate`${bucketArn}/${prefix}/*`,
        },
        {
            Sid: "ListOwnPrefix",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:ListBucketMultipartUploads"],
            Resource: bucketArn,
            Condition: { StringLike: { "s3:prefix": [`${prefix}/`, `${prefix}/*`] } },
        },
        {
            Sid: "ArchiveKeyThroughS3",
            Effect: "Allow",
            // Decrypt is needed to complete a multipart upload encrypted with SSE-KMS.
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
    ]);
}

/** The IRSA role of one instance's archiver ServiceAccount (guide §10). */
export class ArchiverRole extends pulumi.ComponentResource {
    readonly arn: pulumi.Output<string>;
    readonly prefix: string;

    constructor(name: string, args: ArchiverRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:ArchiverRole", name, {}, opts);
        this.prefix = args.prefix;
        const role = new IrsaRole(
            name,
            {
                description: `Message-log archiver of ${args.instanceName} in ${args.clusterName}`,
                oidcProviderArn: args.oidcProviderArn,
                oidcIssuer: args.oidcIssuer,
                namespace: args.namespace,
                serviceAccount: ARCHIVER_SERVICE_ACCOUNT,
                inlinePolicies: { "archive-write": archiverPolicy(args.bucketArn, args.prefix, args.kmsKeyArn, args.region) },
            },
            { parent: this },
        );
        this.arn = role.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
