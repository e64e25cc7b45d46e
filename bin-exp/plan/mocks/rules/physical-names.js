"use strict";
/**
 * How a provider forms a resource's physical name, and the rule that name must follow. Under mocks nothing
 * names a resource, so the mocks form the name the way the engine and provider would and refuse it, with the
 * provider's own kind of message, when the cloud would. Each rule cites its source.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.physicalNameProblem = physicalNameProblem;
/** Pulumi's autonaming: the logical name, "-" and 7 random hex characters (pulumi/sdk resource.NewUniqueHex). */
const AUTONAME_RANDOM_CHARS = 7;
/** The physical name the cloud would see, and how it was formed; undefined when the program leaves it to the cloud. */
function physicalName(rule, resource) {
    const explicit = resource.inputs[rule.property];
    if (typeof explicit === "string")
        return { value: explicit, how: `${rule.property} "${explicit}"` };
    const prefix = rule.prefixProperty ? resource.inputs[rule.prefixProperty] : undefined;
    if (typeof prefix === "string") {
        const suffix = "x".repeat(rule.prefixSuffixLength ?? 26);
        return { value: `${prefix}${suffix}`, how: `${rule.prefixProperty} "${prefix}" plus ${suffix.length} generated characters` };
    }
    if (rule.autonamed) {
        return {
            value: `${resource.name}-${"x".repeat(AUTONAME_RANDOM_CHARS)}`,
            how: `name '${resource.name}' plus ${AUTONAME_RANDOM_CHARS} random chars`,
        };
    }
    return undefined;
}
/** Why the provider would refuse the resource's physical name, or undefined. */
function physicalNameProblem(rules, resource) {
    const rule = rules[resource.type];
    if (!rule)
        return undefined;
    const name = physicalName(rule, resource);
    if (!name)
        return undefined;
    if (rule.prefixProperty && typeof resource.inputs[rule.prefixProperty] === "string") {
        const prefix = resource.inputs[rule.prefixProperty];
        const room = rule.maxLength - (rule.prefixSuffixLength ?? 26);
        if (prefix.length > room)
            return `${resource.type} ${resource.name}: "${rule.prefixProperty}" cannot be longer than ${room} characters, got ${prefix.length} (${rule.source})`;
    }
    if (name.value.length > rule.maxLength)
        return `${resource.type} ${resource.name}: ${name.how} is longer than maximum length ${rule.maxLength} (${name.value.length}; ${rule.source})`;
    if (rule.minLength !== undefined && name.value.length < rule.minLength)
        return `${resource.type} ${resource.name}: ${name.how} is shorter than minimum length ${rule.minLength} (${rule.source})`;
    if (rule.pattern && !rule.pattern.test(name.value))
        return `${resource.type} ${resource.name}: ${name.how} does not match ${rule.allowed ?? String(rule.pattern)} (${rule.source})`;
    return undefined;
}
