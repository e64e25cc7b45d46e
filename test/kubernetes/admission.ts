import { Environment } from "@marcbachmann/cel-js";
import type * as Out from "@pulumi/kubernetes/types/output";

/**
 * A ValidatingAdmissionPolicy evaluated the way the API server does (kubernetes.io "Validating Admission Policy"):
 * the request must match the policy's `matchConstraints` and the binding's `matchResources`; then every variable and
 * validation is a real CEL evaluation (@marcbachmann/cel-js) over `object`, `oldObject`, `request` and `authorizer`,
 * never a string comparison. `authorizer` answers from RBAC-style rules, as the built-in authorizers do.
 */

type Policy = Out.admissionregistration.v1.ValidatingAdmissionPolicy;
type Binding = Out.admissionregistration.v1.ValidatingAdmissionPolicyBinding;

/** An object as admission hands it to the policy: its metadata, and the fields of its kind. */
export interface AdmittedObject {
    apiVersion?: string;
    kind?: string;
    metadata: { name?: string; generateName?: string; namespace?: string; labels?: Record<string, string>; finalizers?: string[] };
    spec?: unknown;
    /** A PodTemplate's. */
    template?: unknown;
}

/** The fields of an admission.k8s.io/v1 AdmissionRequest the policies read. */
export interface AdmissionRequest {
    operation: "CREATE" | "UPDATE" | "DELETE" | "CONNECT";
    namespace: string;
    /** The object's name; empty when a create only has `generateName`. */
    name: string;
    kind: { group: string; version: string; kind: string };
    resource: { group: string; version: string; resource: string };
    /** Empty for the main resource. */
    subResource: string;
    userInfo: { username: string; groups: string[] };
    object: AdmittedObject | null;
    oldObject: AdmittedObject | null;
}

/** One RBAC rule: `*` matches every verb or resource, as in a Role. */
export interface AccessRule {
    verbs: string[];
    /** `resource` or `resource/subresource`. */
    resources: string[];
}

/** What the authorizer library's `check` is asked (kubernetes apiserver/pkg/cel/library/authz.go). */
interface ResourceAttributes {
    group: string;
    resource: string;
    subresource: string;
    namespace: string;
    name: string;
}

class Authorizer {
    constructor(readonly rules: readonly AccessRule[]) {}
}
class GroupCheck {
    constructor(
        readonly authorizer: Authorizer,
        readonly group: string,
    ) {}
}
class ResourceCheck {
    constructor(
        readonly authorizer: Authorizer,
        readonly attributes: ResourceAttributes,
    ) {}
    with(change: Partial<ResourceAttributes>): ResourceCheck {
        return new ResourceCheck(this.authorizer, { ...this.attributes, ...change });
    }
}
class Decision {
    constructor(readonly allowed: boolean) {}
}

function permits(rules: readonly AccessRule[], verb: string, attributes: ResourceAttributes): boolean {
    const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
    return rules.some(
        (rule) =>
            (rule.verbs.includes("*") || rule.verbs.includes(verb)) && (rule.resources.includes("*") || rule.resources.includes(resource)),
    );
}

const environment = new Environment({ homogeneousAggregateLiterals: false })
    .registerType("Authorizer", Authorizer)
    .registerType("GroupCheck", GroupCheck)
    .registerType("ResourceCheck", ResourceCheck)
    .registerType("Decision", Decision)
    .registerVariable("authorizer", "Authorizer")
    .registerVariable("object", "dyn")
    .registerVariable("oldObject", "dyn")
    .registerVariable("request", "dyn")
    .registerVariable("variables", "dyn")
    .registerFunction("Authorizer.group(string): GroupCheck", (a: Authorizer, group: string) => new GroupCheck(a, group))
    .registerFunction(
        "GroupCheck.resource(string): ResourceCheck",
        (g: GroupCheck, resource: string) =>
            new ResourceCheck(g.authorizer, { group: g.group, resource, subresource: "", namespace: "", name: "" }),
    )
    .registerFunction("ResourceCheck.subresource(string): ResourceCheck", (r: ResourceCheck, subresource: string) =>
        r.with({ subresource }),
    )
    .registerFunction("ResourceCheck.namespace(string): ResourceCheck", (r: ResourceCheck, namespace: string) => r.with({ namespace }))
    .registerFunction("ResourceCheck.name(string): ResourceCheck", (r: ResourceCheck, name: string) => r.with({ name }))
    .registerFunction(
        "ResourceCheck.check(string): Decision",
        (r: ResourceCheck, verb: string) => new Decision(permits(r.authorizer.rules, verb, r.attributes)),
    )
    .registerFunction("Decision.allowed(): bool", (d: Decision) => d.allowed);

/** Whether a namespace selector of `matchLabels` selects the namespace (by its `kubernetes.io/metadata.name` label). */
function selectsNamespace(selector: Out.meta.v1.LabelSelector | undefined, namespace: string): boolean {
    const labels: Record<string, string> = { "kubernetes.io/metadata.name": namespace };
    if (selector?.matchExpressions?.length) throw new Error("matchExpressions are not evaluated here");
    return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

function matches(policy: Policy, binding: Binding, request: AdmissionRequest): boolean {
    const constraints = policy.spec.matchConstraints;
    const resource = request.subResource ? `${request.resource.resource}/${request.subResource}` : request.resource.resource;
    const ruleMatches = constraints.resourceRules.some(
        (rule) =>
            (rule.apiGroups.includes("*") || rule.apiGroups.includes(request.resource.group)) &&
            (rule.apiVersions.includes("*") || rule.apiVersions.includes(request.resource.version)) &&
            (rule.operations.includes("*") || rule.operations.includes(request.operation)) &&
            (rule.resources.includes("*") || rule.resources.includes(resource)),
    );
    return (
        ruleMatches &&
        selectsNamespace(constraints.namespaceSelector, request.namespace) &&
        selectsNamespace(binding.spec.matchResources?.namespaceSelector, request.namespace)
    );
}

export interface AdmissionVerdict {
    /** False when the policy does not apply to the request at all. */
    matched: boolean;
    allowed: boolean;
    /** The message of each failed validation: its messageExpression's value, or its static message. */
    messages: string[];
    /** The value of each variable, evaluated in order. */
    variables: Record<string, unknown>;
}

/**
 * The policy's verdict on one request under the binding. Every variable is evaluated, in order, whether a validation
 * reads it or not (the API server evaluates them lazily): one that fails on any request shape fails the test.
 */
export function admit(policy: Policy, binding: Binding, request: AdmissionRequest, rules: readonly AccessRule[]): AdmissionVerdict {
    if (!matches(policy, binding, request)) return { matched: false, allowed: true, messages: [], variables: {} };
    const { object, oldObject, ...attributes } = request;
    const context = { object, oldObject, request: attributes, authorizer: new Authorizer(rules), variables: {} as Record<string, unknown> };
    for (const variable of policy.spec.variables ?? []) {
        context.variables = { ...context.variables, [variable.name]: environment.evaluate(variable.expression, context) as unknown };
    }
    const messages: string[] = [];
    for (const validation of policy.spec.validations) {
        const passed = environment.evaluate(validation.expression, context) as unknown;
        if (typeof passed !== "boolean") throw new Error(`${validation.expression} gave ${String(passed)}, not a bool`);
        if (passed) continue;
        // Like the API server: the message expression's string when it evaluates to one without a line break, else the message.
        // A message expression has no authorizer (the API server refuses a policy whose message expression reads it).
        const text = validation.messageExpression
            ? (environment.evaluate(validation.messageExpression, { ...context, authorizer: undefined }) as unknown)
            : undefined;
        messages.push(typeof text === "string" && !text.includes("\n") ? text : validation.message);
    }
    return { matched: true, allowed: messages.length === 0, messages, variables: context.variables };
}
