import { unwrapSecrets } from "../../plan/redact";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AwsStackConfig, loadStackConfig } from "../../config";
import { AwsPlatform } from "../../components/aws/aws-platform";
import { PlannedResource, recordResources } from "../../plan/run";
import { ofType } from "../plan-helpers";

export const ACCOUNT = "123456789012";
export const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:role/platform-admins`;
export const OPERATOR_ARN = `arn:aws:iam::${ACCOUNT}:role/xroad-operators`;
/** The identity the mocks run as (plan/mocks/aws.ts getCallerIdentity). */
export const DEPLOYER_ARN = `arn:aws:iam::${ACCOUNT}:role/xroad-deployer`;

/** The account and deployer every AWS stack must name. */
export const AWS_BASE = { accountId: ACCOUNT, deployerArn: DEPLOYER_ARN };

/** Add-on pins as a production stack must have them (config refuses production without every pin). */
export const PINNED_ADDONS = {
    "vpc-cni": "v1.20.4-eksbuild.1",
    coredns: "v1.12.3-eksbuild.1",
    "kube-proxy": "v1.33.3-eksbuild.6",
    "aws-ebs-csi-driver": "v1.48.0-eksbuild.1",
    "aws-efs-csi-driver": "v2.1.11-eksbuild.1",
    "amazon-cloudwatch-observability": "v4.4.0-eksbuild.1",
    "eks-node-monitoring-agent": "v1.4.0-eksbuild.2",
    "aws-guardduty-agent": "v1.10.0-eksbuild.2",
};

/** A validated AWS stack config from the same flat map the Pulumi CLI hands the program; pinned add-ons unless `release` is given. */
export function awsConfig(settings: Record<string, unknown>, extra: Record<string, unknown> = {}): AwsStackConfig {
    const flat: Record<string, string> = {
        "xroad-sidecar:target": "aws",
        "xroad-sidecar:aws": JSON.stringify({ ...AWS_BASE, ...settings }),
        "xroad-sidecar:release": JSON.stringify({ eksAddonVersions: PINNED_ADDONS }),
    };
    for (const [k, v] of Object.entries(extra)) flat[`xroad-sidecar:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    // Offline, as the plan runs: the fixtures use documentation CIDRs and the example account.
    const config = loadStackConfig(flat, { project: "xroad-sidecar", stack: "test" }, { offline: true });
    assert.equal(config.target, "aws");
    return config;
}

/** What the tests read back from the platform besides its resources: bindings and outputs, resolved. */
export interface PlatformProbe {
    dependsOnUrns: string[];
    storage: { configClass?: string; sharedClass?: string };
    annotations: Record<string, string>;
    archives: Record<
        string,
        {
            bucket: string;
            prefix: string;
            kmsKeyArn: string;
            serviceAccountAnnotations: Record<string, string>;
            serviceAccountName: string;
            image: string;
            region: string;
        }
    >;
    databases: Record<string, { host: string; port: number; user: string; requireTls: boolean; passwordIsSecret: boolean }>;
    published: Record<string, string>;
    kubeconfigIsSecret: boolean;
    outputs: Record<string, unknown>;
}

/** Runs the AWS platform alone under the shared mocks, publishing each instance's NLB name when DNS is configured. */
export async function planPlatform(config: AwsStackConfig): Promise<{ resources: PlannedResource[]; probe: PlatformProbe }> {
    const { resources, outputs } = await recordResources(() => {
        const platform = new AwsPlatform(config.aws.clusterName, {
            settings: config.aws,
            release: config.release,
            instances: config.instances,
            protectData: config.protectData,
            environment: config.environment,
            alerts: config.alerts,
        });
        const b = platform.bindings;
        const published: Record<string, pulumi.Output<string>> = {};
        if (b.loadBalancer.publishAddress) {
            for (const i of config.instances)
                published[i.name] = b.loadBalancer.publishAddress(i.name, `${i.name}-nlb-0123456789abcdef.elb.eu-north-1.amazonaws.com`);
        }
        return {
            dependsOnUrns: b.dependsOn.map((r) => (pulumi.Resource.isInstance(r) ? r.urn : pulumi.output(r).apply((res) => res.urn))),
            storage: b.storage,
            annotations: b.loadBalancer.annotations,
            archives: b.archives,
            databases: Object.fromEntries(
                Object.entries(b.databases).map(([k, d]) => [
                    k,
                    { host: d.host, port: d.port, user: d.user, requireTls: d.requireTls, passwordIsSecret: pulumi.isSecret(d.password) },
                ]),
            ),
            published,
            kubeconfigIsSecret: pulumi.isSecret(pulumi.output(platform.outputs.kubeconfig)),
            outputs: platform.outputs,
        };
    });
    // The recorder keeps secret outputs wrapped, as the engine sees them; the probe reads plain values.
    return { resources, probe: unwrapSecrets(outputs) as PlatformProbe };
}

/** A JSON policy input, parsed. */
export interface Statement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Principal?: unknown;
    Action?: string | string[];
    Resource?: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
}

export function statements(policy: unknown): Statement[] {
    assert.equal(typeof policy, "string", "policy documents are JSON text");
    const doc = JSON.parse(policy as string) as { Version: string; Statement: Statement[] };
    assert.equal(doc.Version, "2012-10-17");
    return doc.Statement;
}

export function statement(policy: unknown, sid: string): Statement {
    const found = statements(policy).filter((s) => s.Sid === sid);
    assert.equal(found.length, 1, `expected one statement ${sid} in ${String(policy)}`);
    return found[0];
}

export function asList(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The resource URNs an input property of a resource was computed from. */
export function inputFrom(resource: PlannedResource, property: string): string[] {
    return resource.propertyDependencies[property] ?? [];
}

export function urnOf(resources: PlannedResource[], type: string, name: string): string {
    const found = ofType(resources, type).filter((r) => r.name === name);
    assert.equal(found.length, 1, `expected one ${type} ${name}, found ${found.map((r) => r.name).join(", ")}`);
    return found[0].urn;
}
