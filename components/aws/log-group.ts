import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** How the stack keeps every log group it creates: the components that own one take these. */
export interface LogGroupKeeping {
    retentionInDays: number;
    /** The logs key, whose policy admits CloudWatch Logs. */
    kmsKeyArn: pulumi.Input<string>;
    /** The audit trail outlives `pulumi destroy` unless the stack says otherwise (protect and retainOnDelete). */
    protectData: boolean;
}

export interface EncryptedLogGroupArgs extends LogGroupKeeping {
    /** The name the writing service expects (EKS, VPC flow logs, RDS and Container Insights each fix theirs). */
    logGroupName: pulumi.Input<string>;
    /** The control-plane group states the class; unset leaves it to CloudWatch's default (also STANDARD). */
    logGroupClass?: "STANDARD";
}

/**
 * A log group created before the service that writes to it, with retention and our key (guide §8 and §10): a
 * group the service created itself would never expire and would not be encrypted with our key (pulumi/pulumi#9296).
 */
export function encryptedLogGroup(name: string, args: EncryptedLogGroupArgs, parent: pulumi.Resource): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        name,
        {
            name: args.logGroupName,
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.kmsKeyArn,
            logGroupClass: args.logGroupClass,
        },
        { parent, protect: args.protectData, retainOnDelete: args.protectData },
    );
}
