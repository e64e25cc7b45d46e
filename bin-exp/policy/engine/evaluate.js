"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deepFreeze = deepFreeze;
exports.isStackPolicy = isStackPolicy;
exports.evaluate = evaluate;
const config_1 = require("./config");
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- see ProxyModule
const proxy = require("@pulumi/policy/proxy");
class NotApplicableError extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}
/** A thrown value for a message: an Error's stack, a thrown string as it is, anything else as JSON. */
function describeError(e) {
    if (e instanceof Error)
        return e.stack ?? e.message;
    return typeof e === "string" ? e : JSON.stringify(e);
}
function throwNotApplicable(reason) {
    throw new NotApplicableError(reason ?? "");
}
/** `__pulumiType` that validateResourceOfType & co. attach; @internal in the SDK typings. */
function attachedPulumiType(fn) {
    const t = fn?.__pulumiType;
    return typeof t === "string" ? t : undefined;
}
function isTypeOf(type, resourceClass) {
    const pulumiType = attachedPulumiType(resourceClass);
    if (pulumiType)
        return type === pulumiType;
    const isInstance = resourceClass.isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}
/** Fresh plain copy per validation, as the server deserializes the request again for each one. */
function clone(value) {
    if (Array.isArray(value))
        return value.map(clone);
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value))
            if (typeof v !== "function")
                out[k] = clone(v);
        return out;
    }
    return value;
}
function proxied(props) {
    return proxy.unknownCheckingProxy(clone(props));
}
/** Values deepFreeze() froze in place: shared as they are, without a copy. */
const DEEP_FROZEN = new WeakSet();
/**
 * Freezes a value and everything in it, in place, for a caller that owns it (the manifest loader): evaluate()
 * then shares it with every policy without copying, which halves the memory of a large check.
 */
function deepFreeze(value) {
    const stack = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (v === null || typeof v !== "object" || Object.isFrozen(v))
            continue;
        Object.freeze(v);
        for (const k of Object.keys(v))
            stack.push(v[k]);
    }
    if (value !== null && typeof value === "object")
        DEEP_FROZEN.add(value);
    return value;
}
/** A frozen deep copy: policies share it, and one that writes to its props fails loudly instead of changing what the next one sees. */
function frozen(value) {
    if (value !== null && typeof value === "object" && DEEP_FROZEN.has(value))
        return value;
    if (Array.isArray(value))
        return Object.freeze(value.map(frozen));
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value))
            if (typeof v !== "function")
                out[k] = frozen(v);
        return Object.freeze(out);
    }
    return value;
}
function propsView(preview) {
    if (preview)
        return (r) => proxied(r.props);
    const cache = new WeakMap();
    return (r) => {
        let v = cache.get(r.props);
        if (!v)
            cache.set(r.props, (v = frozen(r.props)));
        return v;
    };
}
function providerView(preview) {
    return preview ? proxied : (p) => frozen(p);
}
const EMPTY_OPTS = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};
function optsOf(r) {
    return { ...EMPTY_OPTS, protect: r.protect ?? false, parent: r.parent };
}
/** Options per resource: fresh per validation in a preview (as deserialized by the server), else one frozen object per resource. */
function optsView(preview) {
    if (preview)
        return optsOf;
    const cache = new WeakMap();
    const plain = frozen({ ...EMPTY_OPTS, protect: false, parent: undefined });
    return (r) => {
        if (!r.protect && !r.parent)
            return plain;
        let o = cache.get(r);
        if (!o)
            cache.set(r, (o = frozen(optsOf(r))));
        return o;
    };
}
function effectiveLevel(level) {
    return level === "advisory" ? "advisory" : "mandatory";
}
function reporter(policy, level, out, defaultUrn) {
    return (message, urn) => {
        out.push({ policy: policy.name, level, message, severity: policy.severity, urn: urn ?? defaultUrn });
    };
}
async function runResourcePolicy(policy, level, resources, options, result, views) {
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
            const props = views.props(resource);
            const args = {
                type: resource.type,
                props,
                urn: resource.urn,
                name: resource.name,
                opts: views.opts(resource),
                stackTags: new Map(),
                isType: (cls) => isTypeOf(resource.type, cls),
                asType: ((cls) => (isTypeOf(resource.type, cls) ? props : undefined)),
                getConfig: () => (0, config_1.policyConfig)(policy, options.config),
                notApplicable: throwNotApplicable,
            };
            if (resource.provider)
                args.provider = { ...resource.provider, props: providerView(options.preview === true)(resource.provider.props) };
            try {
                await Promise.resolve(validation(args, reporter(policy, effectiveLevel(level), result.violations, resource.urn)));
            }
            catch (e) {
                if (options.preview && e instanceof proxy.UnknownValueError) {
                    result.violations.push({
                        policy: policy.name,
                        level: "advisory",
                        severity: policy.severity,
                        urn: resource.urn,
                        unknownAtPreview: true,
                        message: `can't run policy '${policy.name}' during preview: ${e.message}`,
                    });
                }
                else if (e instanceof NotApplicableError) {
                    result.notApplicable.push({ policy: policy.name, urn: resource.urn, reason: e.reason });
                }
                else {
                    throw new Error(`Error validating resource ${resource.urn} with policy '${policy.name}': ${describeError(e)}`, {
                        cause: e,
                    });
                }
            }
        }
    }
}
/** PolicyResource objects with parent, dependencies and propertyDependencies resolved to each other. */
/**
 * A stack policy's view of one resource outside a preview: type tests are prototype methods rather than two closures
 * per resource, and resources without links share frozen empty lists, which keeps 10^5 objects cheap.
 */
class SharedPolicyResource {
    type;
    props;
    urn;
    name;
    opts;
    dependencies;
    propertyDependencies;
    parent;
    provider;
    constructor(type, props, urn, name, opts, dependencies, propertyDependencies) {
        this.type = type;
        this.props = props;
        this.urn = urn;
        this.name = name;
        this.opts = opts;
        this.dependencies = dependencies;
        this.propertyDependencies = propertyDependencies;
    }
    isType(cls) {
        return isTypeOf(this.type, cls);
    }
    asType(cls) {
        return isTypeOf(this.type, cls) ? this.props : undefined;
    }
}
const NO_DEPENDENCIES = Object.freeze([]);
const NO_PROPERTY_DEPENDENCIES = Object.freeze({});
/** PolicyResource objects with parent, dependencies and propertyDependencies resolved to each other. */
function policyResources(resources, preview = true, view = propsView(preview)) {
    const byUrn = new Map();
    const opts = optsView(preview);
    const provider = providerView(preview);
    const built = resources.map((r) => {
        const props = view(r);
        const pr = preview
            ? {
                type: r.type,
                props,
                urn: r.urn,
                name: r.name,
                opts: opts(r),
                dependencies: [],
                propertyDependencies: {},
                isType: (cls) => isTypeOf(r.type, cls),
                asType: ((cls) => (isTypeOf(r.type, cls) ? props : undefined)),
            }
            : new SharedPolicyResource(r.type, props, r.urn, r.name, opts(r), r.dependencies?.length ? [] : NO_DEPENDENCIES, r.propertyDependencies && Object.keys(r.propertyDependencies).length ? {} : NO_PROPERTY_DEPENDENCIES);
        if (r.provider)
            pr.provider = { ...r.provider, props: provider(r.provider.props) };
        byUrn.set(r.urn, pr);
        return pr;
    });
    resources.forEach((r, i) => {
        const pr = built[i];
        if (r.parent) {
            const parent = byUrn.get(r.parent);
            if (parent)
                pr.parent = parent;
        }
        if (r.dependencies?.length)
            pr.dependencies = r.dependencies.map((u) => byUrn.get(u)).filter((d) => d !== undefined);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            pr.propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter((d) => d !== undefined);
        }
    });
    return built;
}
async function runStackPolicy(policy, level, resources, options, result, shared) {
    const fastType = attachedPulumiType(policy.validateStack);
    if (fastType && !resources.some((r) => r.type === fastType)) {
        result.notApplicable.push({ policy: policy.name, reason: `Policy only applies to resources of type '${fastType}'` });
        return;
    }
    const args = {
        resources: shared(),
        stackTags: new Map(),
        getConfig: () => (0, config_1.policyConfig)(policy, options.config),
        notApplicable: throwNotApplicable,
    };
    try {
        await Promise.resolve(policy.validateStack(args, reporter(policy, effectiveLevel(level), result.violations)));
    }
    catch (e) {
        if (options.preview && e instanceof proxy.UnknownValueError) {
            result.violations.push({
                policy: policy.name,
                level: "advisory",
                severity: policy.severity,
                unknownAtPreview: true,
                message: `can't run policy '${policy.name}' during preview: ${e.message}`,
            });
        }
        else if (e instanceof NotApplicableError) {
            result.notApplicable.push({ policy: policy.name, reason: e.reason });
        }
        else {
            throw new Error(`Error validating stack with policy '${policy.name}': ${describeError(e)}`, { cause: e });
        }
    }
}
function isStackPolicy(p) {
    return typeof p.validateStack === "function";
}
/** Runs every policy over the resources, as `pulumi preview --policy-pack` would (resource pass, then stack pass). */
async function evaluate(policies, resources, options = {}) {
    const result = { violations: [], notApplicable: [] };
    const preview = options.preview === true;
    const view = propsView(preview);
    const views = { props: view, opts: optsView(preview), provider: providerView(preview) };
    // In a preview every stack policy gets its own deserialized copy, as from the server; otherwise one frozen set
    // (in a fresh array per policy) serves all.
    let built;
    const shared = () => (preview ? policyResources(resources, true) : [...(built ??= policyResources(resources, false, view))]);
    for (const policy of policies) {
        const level = (0, config_1.resolveLevel)(policy, options.config, options.packLevel);
        if (level === "disabled")
            continue;
        if (isStackPolicy(policy)) {
            if (options.only !== "resource")
                await runStackPolicy(policy, level, resources, options, result, shared);
        }
        else if (options.only !== "stack") {
            await runResourcePolicy(policy, level, resources, options, result, views);
        }
        options.onPolicy?.(policy.name);
    }
    return result;
}
