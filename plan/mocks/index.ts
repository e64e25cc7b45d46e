import * as pulumi from "@pulumi/pulumi";
import { MockCallArgs, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime/mocks";
import { MockCall, MockResource, MockTable, MOCK_ACCOUNT_ID, MOCK_SUBSCRIPTION_ID } from "./types";
import { awsMocks } from "./aws";
import { azureMocks, azureRuleProblem } from "./azure";
import { kubernetesMocks, kubernetesObjectOutputs } from "./kubernetes";
import { randomTlsMocks } from "./random-tls";
import { AWS_NAME_RULES, awsInputProblem } from "./rules/aws";
import { kubernetesObjectProblem } from "./rules/kubernetes";
import { physicalNameProblem } from "./rules/physical-names";

/** The physical-name rules of every provider, by resource type. */
const NAME_RULES = { ...AWS_NAME_RULES };

/** Resources the real providers or the API server would refuse; the offline plan fails as `pulumi up` would. */
export class ProviderRuleError extends Error {
    constructor(readonly refusals: string[]) {
        super(
            `The cloud or the API server would refuse ${refusals.length} resource${refusals.length === 1 ? "" : "s"}:\n` +
                refusals.map((r) => `  - ${r}`).join("\n"),
        );
        this.name = "ProviderRuleError";
    }
}

const TABLES: MockTable[] = [awsMocks, azureMocks, kubernetesMocks, randomTlsMocks];
const RESOURCES = Object.assign({}, ...TABLES.map((t) => t.resources)) as MockTable["resources"];
const CALLS = Object.assign({}, ...TABLES.map((t) => t.calls)) as MockTable["calls"];

/** `aws:s3/bucket:Bucket` → `s3`; `azure-native:storage:StorageAccount` → `storage`. */
function moduleOf(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "";
}

function defaultOutputs(args: MockResource, id: string): Record<string, unknown> {
    const [pkg] = args.type.split(":");
    const name = typeof args.inputs.name === "string" ? args.inputs.name : args.name;
    if (pkg === "aws")
        return {
            arn: `arn:aws:${moduleOf(args.type)}:eu-north-1:${MOCK_ACCOUNT_ID}:${args.type.split(":")[2]?.toLowerCase()}/${name}`,
            name,
        };
    if (pkg === "azure-native") {
        const group = typeof args.inputs.resourceGroupName === "string" ? args.inputs.resourceGroupName : "rg-mock";
        const kind = args.type.split(":")[2];
        return {
            id: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${group}/providers/Microsoft.${moduleOf(args.type)}/${kind}/${name}`,
            name,
        };
    }
    if (pkg === "kubernetes" && !args.type.startsWith("kubernetes:helm")) return kubernetesObjectOutputs(args.inputs, id);
    return {};
}

/**
 * The mocks shared by the offline plan and the tests. Resources echo their inputs with plausible
 * outputs (ids, ARNs, endpoints, kubeconfigs), invokes return realistic values, and generated secrets
 * come back marked secret, so `apply` chains run as in a preview and secrets stay secret.
 */
export class PlanMocks implements pulumi.runtime.Mocks {
    /** Every refusal of this run, reported together once the program stops. */
    readonly refusals: string[] = [];

    newResource(registration: MockResourceArgs): MockResourceResult {
        const args: MockResource = { ...registration, inputs: registration.inputs as Record<string, unknown> };
        const problem =
            physicalNameProblem(NAME_RULES, { type: args.type, name: args.name, inputs: args.inputs }) ??
            kubernetesObjectProblem(args.type, args.name, args.inputs) ??
            awsInputProblem(args.type, args.name, args.inputs) ??
            azureRuleProblem(args);
        if (problem) {
            this.refusals.push(problem);
            throw new ProviderRuleError([problem]);
        }
        const id = `${args.name}-id`;
        const builder = RESOURCES[args.type];
        const state = { ...args.inputs, ...defaultOutputs(args, id), ...(builder ? builder(args, id) : {}) };
        return { id: typeof state.id === "string" ? state.id : id, state };
    }

    call(request: MockCallArgs): Record<string, unknown> {
        const args: MockCall = { ...request, inputs: request.inputs as Record<string, unknown> };
        const builder = CALLS[args.token];
        if (!builder) throw new Error(`the offline plan has no mock for the provider function ${args.token}; add one to plan/mocks/`);
        return builder(args);
    }
}
