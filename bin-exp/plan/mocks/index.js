"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanMocks = exports.ProviderRuleError = void 0;
const types_1 = require("./types");
const aws_1 = require("./aws");
const azure_1 = require("./azure");
const kubernetes_1 = require("./kubernetes");
const random_tls_1 = require("./random-tls");
const aws_2 = require("./rules/aws");
const kubernetes_2 = require("./rules/kubernetes");
const physical_names_1 = require("./rules/physical-names");
/** The physical-name rules of every provider, by resource type. */
const NAME_RULES = { ...aws_2.AWS_NAME_RULES };
/** Resources the real providers or the API server would refuse; the offline plan fails as `pulumi up` would. */
class ProviderRuleError extends Error {
    refusals;
    constructor(refusals) {
        super(`The cloud or the API server would refuse ${refusals.length} resource${refusals.length === 1 ? "" : "s"}:\n` +
            refusals.map((r) => `  - ${r}`).join("\n"));
        this.refusals = refusals;
        this.name = "ProviderRuleError";
    }
}
exports.ProviderRuleError = ProviderRuleError;
const TABLES = [aws_1.awsMocks, azure_1.azureMocks, kubernetes_1.kubernetesMocks, random_tls_1.randomTlsMocks];
const RESOURCES = Object.assign({}, ...TABLES.map((t) => t.resources));
const CALLS = Object.assign({}, ...TABLES.map((t) => t.calls));
/** `aws:s3/bucket:Bucket` → `s3`; `azure-native:storage:StorageAccount` → `storage`. */
function moduleOf(type) {
    return type.split(":")[1]?.split("/")[0] ?? "";
}
function defaultOutputs(args, id) {
    const [pkg] = args.type.split(":");
    const name = typeof args.inputs.name === "string" ? args.inputs.name : args.name;
    if (pkg === "aws")
        return {
            arn: `arn:aws:${moduleOf(args.type)}:eu-north-1:${types_1.MOCK_ACCOUNT_ID}:${args.type.split(":")[2]?.toLowerCase()}/${name}`,
            name,
        };
    if (pkg === "azure-native") {
        const group = typeof args.inputs.resourceGroupName === "string" ? args.inputs.resourceGroupName : "rg-mock";
        const kind = args.type.split(":")[2];
        return {
            id: `/subscriptions/${types_1.MOCK_SUBSCRIPTION_ID}/resourceGroups/${group}/providers/Microsoft.${moduleOf(args.type)}/${kind}/${name}`,
            name,
        };
    }
    if (pkg === "kubernetes" && !args.type.startsWith("kubernetes:helm"))
        return (0, kubernetes_1.kubernetesObjectOutputs)(args.inputs, id);
    return {};
}
/**
 * The mocks shared by the offline plan and the tests. Resources echo their inputs with plausible
 * outputs (ids, ARNs, endpoints, kubeconfigs), invokes return realistic values, and generated secrets
 * come back marked secret, so `apply` chains run as in a preview and secrets stay secret.
 */
class PlanMocks {
    /** Every refusal of this run, reported together once the program stops. */
    refusals = [];
    newResource(registration) {
        const args = { ...registration, inputs: registration.inputs };
        const problem = (0, physical_names_1.physicalNameProblem)(NAME_RULES, { type: args.type, name: args.name, inputs: args.inputs }) ??
            (0, kubernetes_2.kubernetesObjectProblem)(args.type, args.name, args.inputs) ??
            (0, aws_2.awsInputProblem)(args.type, args.name, args.inputs) ??
            (0, azure_1.azureRuleProblem)(args);
        if (problem) {
            this.refusals.push(problem);
            throw new ProviderRuleError([problem]);
        }
        const id = `${args.name}-id`;
        const builder = RESOURCES[args.type];
        const state = { ...args.inputs, ...defaultOutputs(args, id), ...(builder ? builder(args, id) : {}) };
        return { id: typeof state.id === "string" ? state.id : id, state };
    }
    call(request) {
        const args = { ...request, inputs: request.inputs };
        const builder = CALLS[args.token];
        if (!builder)
            throw new Error(`the offline plan has no mock for the provider function ${args.token}; add one to plan/mocks/`);
        return builder(args);
    }
}
exports.PlanMocks = PlanMocks;
