/**
 * A faithful, in-process copy of the Pulumi policy server's analysis (@pulumi/policy 1.21.0 server.ts
 * makeAnalyzeRpcFun / makeAnalyzeStackRpcFun): level resolution, disabled policies skipped, `remediate`
 * reported as mandatory, the `__pulumiType` fast path, props wrapped in the SDK's unknown-checking proxy,
 * UnknownValueError turned into an advisory "can't run during preview", notApplicable, and stack policies
 * receiving PolicyResource objects with parent and dependencies resolved. The test harness, `npm run check`
 * and the plan's self-check all evaluate policies through this one function.
 *
 * Unknown values exist only inside a Pulumi preview. With `preview: true` (the test harness, which stands in
 * for the pack under `pulumi preview`) props go through the SDK's unknown-checking proxy, as on the server.
 * Otherwise (plain YAML, the offline plan) the SDK's sentinel strings are ordinary strings: no value of an
 * input can turn a policy advisory (fail closed), and each resource's props are copied and frozen once and
 * shared by every policy, which keeps the evaluation linear in the input.
 */
import type {
    EnforcementLevel,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { policyConfig, resolveLevel } from "./config";
import { AnyPolicy, EngineResource, EvaluateOptions, EvaluationResult, PolicyFinding, ViolationLevel } from "./types";

/**
 * The SDK's proxy module. Its .d.ts is empty in 1.21.0 (the exports are @internal), so it is required
 * with the signatures it has at runtime.
 */
interface ProxyModule {
    unknownCheckingProxy<T extends object>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- see ProxyModule
const proxy: ProxyModule = require("@pulumi/policy/proxy");

class NotApplicableError extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

/** A thrown value for a message: an Error's stack, a thrown string as it is, anything else as JSON. */
function describeError(e: unknown): string {
    if (e instanceof Error) return e.stack ?? e.message;
    return typeof e === "string" ? e : JSON.stringify(e);
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason ?? "");
}

/** `__pulumiType` that validateResourceOfType & co. attach; @internal in the SDK typings. */
function attachedPulumiType(fn: unknown): string | undefined {
    const t = (fn as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof t === "string" ? t : undefined;
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    const pulumiType = attachedPulumiType(resourceClass);
    if (pulumiType) return type === pulumiType;
    const isInstance = (resourceClass as { isInstance?: (value: unknown) => unknown }).isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

/** Fresh plain copy per validation, as the server deserializes the request again for each one. */
function clone(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(clone);
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (typeof v !== "function") out[k] = clone(v);
        return out;
    }
    return value;
}

function proxied(props: Record<string, unknown>): ResourceValidationArgs["props"] {
    return proxy.unknownCheckingProxy(clone(props) as Record<string, unknown>);
}

/** Values deepFreeze() froze in place: shared as they are, without a copy. */
const DEEP_FROZEN = new WeakSet<object>();

/**
 * Freezes a value and everything in it, in place, for a caller that owns it (the manifest loader): evaluate()
 * then shares it with every policy without copying, which halves the memory of a large check.
 */
export function deepFreeze<T>(value: T): T {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (v === null || typeof v !== "object" || Object.isFrozen(v)) continue;
        Object.freeze(v);
        for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
    if (value !== null && typeof value === "object") DEEP_FROZEN.add(value);
    return value;
}

/** A frozen deep copy: policies share it, and one that writes to its props fails loudly instead of changing what the next one sees. */
function frozen(value: unknown): unknown {
    if (value !== null && typeof value === "object" && DEEP_FROZEN.has(value)) return value;
    if (Array.isArray(value)) return Object.freeze(value.map(frozen));
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (typeof v !== "function") out[k] = frozen(v);
        return Object.freeze(out);
    }
    return value;
}

/** Props as a policy receives them: per validation through the unknown-checking proxy in a preview, else the shared frozen copy. */
type PropsView = (r: EngineResource) => Record<string, unknown>;

function propsView(preview: boolean): PropsView {
    if (preview) return (r) => proxied(r.props);
    const cache = new WeakMap<Record<string, unknown>, Record<string, unknown>>();
    return (r) => {
        let v = cache.get(r.props);
        if (!v) cache.set(r.props, (v = frozen(r.props) as Record<string, unknown>));
        return v;
    };
}

/** Provider props as a policy receives them: through the unknown-checking proxy in a preview, else a frozen copy. */
type ProviderView = (p: Record<string, unknown>) => Record<string, unknown>;

function providerView(preview: boolean): ProviderView {
    return preview ? proxied : (p) => frozen(p) as Record<string, unknown>;
}

const EMPTY_OPTS: PolicyResourceOptions = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};

function optsOf(r: EngineResource): PolicyResourceOptions {
    return { ...EMPTY_OPTS, protect: r.protect ?? false, parent: r.parent };
}

interface Views {
    props: PropsView;
    opts: (r: EngineResource) => PolicyResourceOptions;
    provider: ProviderView;
}

/** Options per resource: fresh per validation in a preview (as deserialized by the server), else one frozen object per resource. */
function optsView(preview: boolean): (r: EngineResource) => PolicyResourceOptions {
    if (preview) return optsOf;
    const cache = new WeakMap<EngineResource, PolicyResourceOptions>();
    const plain = frozen({ ...EMPTY_OPTS, protect: false, parent: undefined }) as PolicyResourceOptions;
    return (r) => {
        if (!r.protect && !r.parent) return plain;
        let o = cache.get(r);
        if (!o) cache.set(r, (o = frozen(optsOf(r)) as PolicyResourceOptions));
        return o;
    };
}

function effectiveLevel(level: EnforcementLevel): ViolationLevel {
    return level === "advisory" ? "advisory" : "mandatory";
}

function reporter(policy: AnyPolicy, level: ViolationLevel, out: PolicyFinding[], defaultUrn?: string): ReportViolation {
    return (message: string, urn?: string) => {
        out.push({ policy: policy.name, level, message, severity: policy.severity, urn: urn ?? defaultUrn });
    };
}

/**
 * A validation that threw, as the server handles it (for a resource when `urn` is given, else for the stack): an
 * unknown value read in a preview is an advisory "can't run during preview", `args.notApplicable()` is recorded,
 * anything else fails the evaluation naming the resource or stack and the policy.
 */
function handleValidationError(
    e: unknown,
    policy: AnyPolicy,
    urn: string | undefined,
    options: EvaluateOptions,
    result: EvaluationResult,
): void {
    if (options.preview && e instanceof proxy.UnknownValueError) {
        result.violations.push({
            policy: policy.name,
            level: "advisory",
            severity: policy.severity,
            ...(urn === undefined ? {} : { urn }),
            unknownAtPreview: true,
            message: `can't run policy '${policy.name}' during preview: ${e.message}`,
        });
    } else if (e instanceof NotApplicableError) {
        result.notApplicable.push({ policy: policy.name, ...(urn === undefined ? {} : { urn }), reason: e.reason });
    } else {
        const subject = urn === undefined ? "stack" : `resource ${urn}`;
        throw new Error(`Error validating ${subject} with policy '${policy.name}': ${describeError(e)}`, { cause: e });
    }
}

/** The fields ResourceValidationArgs and PolicyResource share; `asType` satisfies both of their signatures. */
type ResourceView = Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "provider" | "isType"> & {
    asType: ResourceValidationArgs["asType"] & PolicyResource["asType"];
};

/** The resource's explicit provider as a policy receives it, its props through `view`. */
function providerOf(r: EngineResource, view: ProviderView): PolicyResource["provider"] {
    return r.provider && { ...r.provider, props: view(r.provider.props) };
}

/**
 * What a policy sees of one resource, as the server builds it from the request both for a resource policy's args and
 * for each resource a stack policy receives: type, props, urn, name, options, the explicit provider (when there is
 * one) and the type tests, with `fields` (the rest of the args or PolicyResource) added in place. Not by object
 * spread: V8 promoted those short-lived copies, made once per resource and policy, to the old generation (about 1 KB
 * per resource and policy, freed only by full collections), which took a 50 MB check's peak memory from 0.4 to 1.2 GB.
 */
function policyResourceView<Fields extends object>(
    r: EngineResource,
    props: Record<string, unknown>,
    opts: PolicyResourceOptions,
    provider: ProviderView,
    fields: Fields,
): ResourceView & Fields {
    const view: ResourceView = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts,
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceView["asType"],
    };
    if (r.provider) view.provider = providerOf(r, provider);
    return Object.assign(view, fields);
}

async function runResourcePolicy(
    policy: ResourceValidationPolicy,
    level: EnforcementLevel,
    resources: EngineResource[],
    options: EvaluateOptions,
    result: EvaluationResult,
    views: Views,
): Promise<void> {
    if (!policy.validateResource) {
        result.notApplicable.push({ policy: policy.name, reason: "Policy does not implement validateResource" });
        return;
    }
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    const fastType = Array.isArray(policy.validateResource) ? undefined : attachedPulumiType(policy.validateResource);
    for (const resource of resources) {
        if (fastType && resource.type !== fastType) {
            result.notApplicable.push({
                policy: policy.name,
                urn: resource.urn,
                reason: `Policy only applies to resources of type '${fastType}'`,
            });
            continue;
        }
        for (const validation of validations) {
            const args: ResourceValidationArgs = policyResourceView(resource, views.props(resource), views.opts(resource), views.provider, {
                stackTags: new Map<string, string>(),
                getConfig: <T extends object>() => policyConfig(policy, options.config) as T,
                notApplicable: throwNotApplicable,
            });
            try {
                await Promise.resolve(validation(args, reporter(policy, effectiveLevel(level), result.violations, resource.urn)));
            } catch (e) {
                handleValidationError(e, policy, resource.urn, options, result);
            }
        }
    }
}

/**
 * A stack policy's view of one resource outside a preview: type tests are prototype methods rather than two closures
 * per resource, and resources without links share frozen empty lists, which keeps 10^5 objects cheap.
 */
class SharedPolicyResource {
    parent?: PolicyResource;
    provider?: PolicyResource["provider"];
    constructor(
        readonly type: string,
        readonly props: Record<string, unknown>,
        readonly urn: string,
        readonly name: string,
        readonly opts: PolicyResourceOptions,
        public dependencies: PolicyResource[],
        public propertyDependencies: Record<string, PolicyResource[]>,
    ) {}
    isType(cls: unknown): boolean {
        return isTypeOf(this.type, cls);
    }
    asType(cls: unknown): Record<string, unknown> | undefined {
        return isTypeOf(this.type, cls) ? this.props : undefined;
    }
}

const NO_DEPENDENCIES: PolicyResource[] = Object.freeze([]) as unknown as PolicyResource[];
const NO_PROPERTY_DEPENDENCIES: Record<string, PolicyResource[]> = Object.freeze({});

/** PolicyResource objects with parent, dependencies and propertyDependencies resolved to each other. */
function policyResources(resources: EngineResource[], preview = true, view: PropsView = propsView(preview)): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const opts = optsView(preview);
    const provider = providerView(preview);
    const built = resources.map((r) => {
        const props = view(r);
        const pr: PolicyResource = preview
            ? policyResourceView(r, props, opts(r), provider, {
                  dependencies: [] as PolicyResource[],
                  propertyDependencies: {},
              })
            : (new SharedPolicyResource(
                  r.type,
                  props,
                  r.urn,
                  r.name,
                  opts(r),
                  r.dependencies?.length ? [] : NO_DEPENDENCIES,
                  r.propertyDependencies && Object.keys(r.propertyDependencies).length ? {} : NO_PROPERTY_DEPENDENCIES,
              ) as unknown as PolicyResource);
        if (!preview && r.provider) pr.provider = providerOf(r, provider);
        byUrn.set(r.urn, pr);
        return pr;
    });
    resources.forEach((r, i) => {
        const pr = built[i];
        if (r.parent) {
            const parent = byUrn.get(r.parent);
            if (parent) pr.parent = parent;
        }
        if (r.dependencies?.length)
            pr.dependencies = r.dependencies.map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            pr.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
        }
    });
    return built;
}

async function runStackPolicy(
    policy: StackValidationPolicy,
    level: EnforcementLevel,
    resources: EngineResource[],
    options: EvaluateOptions,
    result: EvaluationResult,
    shared: () => PolicyResource[],
): Promise<void> {
    const fastType = attachedPulumiType(policy.validateStack);
    if (fastType && !resources.some((r) => r.type === fastType)) {
        result.notApplicable.push({ policy: policy.name, reason: `Policy only applies to resources of type '${fastType}'` });
        return;
    }
    const args: StackValidationArgs = {
        resources: shared(),
        stackTags: new Map(),
        getConfig: <T extends object>() => policyConfig(policy, options.config) as T,
        notApplicable: throwNotApplicable,
    };
    try {
        await Promise.resolve(policy.validateStack(args, reporter(policy, effectiveLevel(level), result.violations)));
    } catch (e) {
        handleValidationError(e, policy, undefined, options, result);
    }
}

export function isStackPolicy(p: AnyPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/** Runs every policy over the resources, as `pulumi preview --policy-pack` would (resource pass, then stack pass). */
export async function evaluate(
    policies: readonly AnyPolicy[],
    resources: EngineResource[],
    options: EvaluateOptions = {},
): Promise<EvaluationResult> {
    const result: EvaluationResult = { violations: [], notApplicable: [] };
    const preview = options.preview === true;
    const view = propsView(preview);
    const views: Views = { props: view, opts: optsView(preview), provider: providerView(preview) };
    // In a preview every stack policy gets its own deserialized copy, as from the server; otherwise one frozen set
    // (in a fresh array per policy) serves all.
    let built: PolicyResource[] | undefined;
    const shared = () => (preview ? policyResources(resources, true) : [...(built ??= policyResources(resources, false, view))]);
    for (const policy of policies) {
        const level = resolveLevel(policy, options.config, options.packLevel);
        if (level === "disabled") continue;
        if (isStackPolicy(policy)) {
            if (options.only !== "resource") await runStackPolicy(policy, level, resources, options, result, shared);
        } else if (options.only !== "stack") {
            await runResourcePolicy(policy, level, resources, options, result, views);
        }
        options.onPolicy?.(policy.name);
    }
    return result;
}
