import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties, deserializeProperty, specialResourceSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { PlanMocks, ProviderRuleError } from "./mocks";
import { dropProviderTypeAliases } from "./offline-aliases";
import { StackConfig, loadStackConfig } from "../config";
import { deployStack } from "../program";
import { StackFile, isSecureIn } from "./stack-file";

/** One resource the program registered, as the engine would have received it. */
export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource, if any. */
    parent?: string;
    /** false for component resources. */
    custom: boolean;
    /** Provider reference (`urn::id`) for custom resources with an explicit provider. */
    provider?: string;
    /** Inputs as registered; secret values are still wrapped (see `isSecretValue`). */
    inputs: Record<string, unknown>;
    /** URNs this resource depends on. */
    dependencies: string[];
    /** URNs each input property depends on. */
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    retainOnDelete: boolean;
    /** Earlier identities the engine would match in state (a renamed type, name or parent); empty for most. */
    aliases: PlannedAlias[];
}

/** One alias as the engine receives it: an old URN, or the parts of the old identity that differ. */
export interface PlannedAlias {
    urn?: string;
    name?: string;
    type?: string;
    parent?: string;
    noParent?: boolean;
}

export interface PlanResult {
    config: StackConfig;
    resources: PlannedResource[];
    outputs: Record<string, unknown>;
}

/** The subset of the engine's RegisterResourceRequest the recorder reads. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getObject(): Parameters<typeof deserializeProperties>[0];
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getAliasesList(): {
        getUrn(): string;
        getSpec(): { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
    }[];
}

type Callback = (err: unknown, response: { getUrn(): string } | undefined) => void;

interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): Parameters<typeof deserializeProperties>[0] | undefined;
}

/**
 * A resource's inputs as the engine receives them. An input that refers to another resource (pulumi-eks's
 * `serviceRole`, for one) travels as a resource reference; deserialized as the SDK does, it would become a live
 * Resource object, and plan.json would dump that object's internals (its transformations, parent, and Outputs
 * that cannot be written). The plan records the reference itself: the referenced resource's URN and ID.
 */
function recordedInputs(object: Parameters<typeof deserializeProperties>[0]): Record<string, unknown> {
    const serialized: Record<string, unknown> = object.toJavaScript();
    const inputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(serialized)) {
        // As deserializeProperties: an undefined property does not exist.
        if (value === undefined) continue;
        const input: unknown = deserializeProperty(referencesAsUrns(value));
        inputs[key] = input;
    }
    return inputs;
}

/**
 * `{ resourceReference: <urn>, id }` in place of each serialized resource reference under `value`; a value with
 * none is returned as it is (most inputs have none, and copying every input would cost the plan a few percent).
 */
function referencesAsUrns(value: unknown): unknown {
    if (Array.isArray(value)) {
        const items: unknown[] = value.map(referencesAsUrns);
        return items.some((item, index) => item !== value[index]) ? items : value;
    }
    if (!isRecord(value)) return value;
    if (value[specialSigKey] === specialResourceSig) {
        const id = value.id;
        return { resourceReference: value.urn, ...(id === undefined ? {} : { id }) };
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, field] of Object.entries(value)) {
        const replaced = referencesAsUrns(field);
        if (replaced !== field) (copy ??= { ...value })[key] = replaced;
    }
    return copy ?? value;
}

/** The set parts of one alias of a registration (proto3 leaves the others empty). */
function plannedAlias(alias: ReturnType<RegisterRequest["getAliasesList"]>[number]): PlannedAlias {
    const spec = alias.getSpec();
    const parts: PlannedAlias = {};
    if (alias.getUrn()) parts.urn = alias.getUrn();
    if (spec?.getName()) parts.name = spec.getName();
    if (spec?.getType()) parts.type = spec.getType();
    if (spec?.getParenturn()) parts.parent = spec.getParenturn();
    if (spec?.getNoparent()) parts.noParent = true;
    return parts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null;
}

/** A mock monitor that also records what the program registered, with parents, dependencies and secrets. */
class RecordingMonitor extends MockMonitor {
    readonly registrations: PlannedResource[] = [];
    /** Outputs each component registered, secrets still wrapped (the root stack's are the stack outputs). */
    readonly registeredOutputs = new Map<string, Record<string, unknown>>();

    override registerResourceOutputs(req: RegisterOutputsRequest, callback: (err: unknown, response: unknown) => void): void {
        const outputs = req.getOutputs();
        if (outputs) this.registeredOutputs.set(req.getUrn(), deserializeProperties(outputs));
        super.registerResourceOutputs(req, callback);
    }

    override async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
        return super.registerResource(req, (err: unknown, response: { getUrn(): string } | undefined) => {
            if (!err && response) {
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((v, k) => (propertyDependencies[k] = v.getUrnsList()));
                this.registrations.push({
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    provider: req.getProvider() || undefined,
                    inputs: recordedInputs(req.getObject()),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    protect: req.getProtect(),
                    retainOnDelete: req.getRetainondelete(),
                    aliases: req.getAliasesList().map(plannedAlias),
                });
            }
            callback(err, response);
        });
    }
}

/**
 * `waitForRPCs` is how the Pulumi runtime itself waits for every outstanding registration before it
 * exits; it is internal to @pulumi/pulumi (absent from its .d.ts), so it is required with its signature.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- internal, not in the .d.ts
const runtimeSettings: { waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");

/**
 * Runs `program` under Pulumi's mock runtime with the shared mocks and returns every resource it
 * registered (inside a root `pulumi:pulumi:Stack`, as the CLI would) and the value it returned.
 * Tests use this to exercise one component; the plan uses it for the whole program.
 */
export async function recordResources<T>(
    program: () => T,
    names: { project: string; stack: string } = { project: "xroad-sidecar", stack: "test" },
): Promise<{ resources: PlannedResource[]; outputs: Record<string, unknown> }> {
    const mocks = new PlanMocks();
    await pulumi.runtime.setMocks(mocks, names.project, names.stack, false);
    const monitor = new RecordingMonitor(mocks);
    setMockOptions(monitor, names.project, names.stack, false);
    try {
        // async, so that a program that throws becomes a rejected run, as under the CLI.
        // eslint-disable-next-line @typescript-eslint/require-await
        await pulumi.runtime.runInPulumiStack(async () => {
            dropProviderTypeAliases();
            return program();
        });
        await runtimeSettings.waitForRPCs();
    } catch (e) {
        // A refused resource surfaces wrapped in the serialisation of whatever depended on it; report the refusals.
        if (mocks.refusals.length > 0) throw new ProviderRuleError(mocks.refusals);
        throw e;
    }
    if (mocks.refusals.length > 0) throw new ProviderRuleError(mocks.refusals);
    // The stack outputs as the engine receives them, so secret outputs stay marked secret.
    const root = monitor.registrations.find((r) => r.type === "pulumi:pulumi:Stack");
    const outputs = (root && monitor.registeredOutputs.get(root.urn)) ?? {};
    return { resources: monitor.registrations, outputs };
}

/**
 * Validates the stack's config and runs the real program under Pulumi's mock runtime: no engine,
 * no cloud, no credentials. Throws ConfigValidationError before any resource is registered.
 */
export async function planStack(stackFile: StackFile): Promise<PlanResult> {
    const config = loadStackConfig(
        stackFile.config,
        { project: stackFile.project, stack: stackFile.stack },
        { isSecure: isSecureIn(stackFile), offline: true },
    );
    const { resources, outputs } = await recordResources(() => deployStack(config), stackFile);
    return { config, resources, outputs };
}
