import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { LogGroupKeeping, encryptedLogGroup } from "./log-group";

/** The log group EKS writes control-plane logs to; its name is fixed by EKS. */
export function controlPlaneLogGroupName(clusterName: string): string {
    return `/aws/eks/${clusterName}/cluster`;
}

/**
 * guide §8 asks at a minimum for the API server, audit and authenticator logs; CIS Amazon EKS Benchmark 2.1.1
 * ("Enable audit Logs") and review aws B13 expect all five types, so the controller manager and scheduler too.
 */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

export interface ControlPlaneLogsArgs extends LogGroupKeeping {
    clusterName: string;
}

/**
 * The control-plane log group, created before the cluster (which depends on it). If EKS created it,
 * it would never expire and would not be encrypted with our key (pulumi/pulumi#9296).
 */
export class ControlPlaneLogs extends pulumi.ComponentResource {
    readonly logGroup: aws.cloudwatch.LogGroup;

    constructor(name: string, args: ControlPlaneLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:aws:ControlPlaneLogs", name, {}, opts);
        this.logGroup = encryptedLogGroup(
            name,
            {
                logGroupName: controlPlaneLogGroupName(args.clusterName),
                retentionInDays: args.retentionInDays,
                kmsKeyArn: args.kmsKeyArn,
                protectData: args.protectData,
                logGroupClass: "STANDARD",
            },
            this,
        );
        this.registerOutputs({ logGroupName: this.logGroup.name });
    }
}
