"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cloudWatchFilterPattern = cloudWatchFilterPattern;
exports.kqlAuditQuery = kqlAuditQuery;
const quote = (value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
function cloudWatchAnyOf(field, values) {
    const terms = values.map((v) => `${field} = ${typeof v === "number" ? v : quote(v)}`);
    return terms.length === 1 ? terms[0] : `(${terms.join(" || ")})`;
}
function cloudWatchCondition(c, namespaces) {
    const terms = [cloudWatchAnyOf("$.objectRef.resource", c.resources)];
    if (c.subresources)
        terms.push(cloudWatchAnyOf("$.objectRef.subresource", c.subresources));
    if (c.verbs)
        terms.push(cloudWatchAnyOf("$.verb", c.verbs));
    if (c.scope === "objects")
        terms.push(cloudWatchAnyOf("$.objectRef.namespace", namespaces));
    if (c.scope === "namespaces")
        terms.push(cloudWatchAnyOf("$.objectRef.name", namespaces));
    if (c.roleRefName)
        terms.push(`$.requestObject.roleRef.name = ${quote(c.roleRefName)}`);
    return `(${terms.join(" && ")})`;
}
/**
 * A CloudWatch Logs JSON filter pattern over the EKS audit log (one audit.k8s.io/v1 Event per log event).
 * Syntax: CloudWatch Logs "Filter pattern syntax for JSON log events" (=, !=, trailing * wildcard, &&, ||).
 */
function cloudWatchFilterPattern(selector, namespaces) {
    const terms = [];
    if (selector.anyOf) {
        const conditions = selector.anyOf.map((c) => cloudWatchCondition(c, namespaces));
        terms.push(conditions.length === 1 ? conditions[0] : `(${conditions.join(" || ")})`);
    }
    for (const prefix of selector.excludeUserPrefixes ?? [])
        terms.push(`$.user.username != ${quote(`${prefix}*`)}`);
    if (selector.responseCodes)
        terms.push(cloudWatchAnyOf("$.responseStatus.code", selector.responseCodes));
    return `{ ${terms.join(" && ")} }`;
}
const kqlString = (value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
function kqlIn(expression, values) {
    return `${expression} in (${values.map((v) => (typeof v === "number" ? String(v) : kqlString(v))).join(", ")})`;
}
function kqlCondition(c, namespaces) {
    const terms = [kqlIn("tostring(ObjectRef.resource)", c.resources)];
    if (c.subresources)
        terms.push(kqlIn("tostring(ObjectRef.subresource)", c.subresources));
    if (c.verbs)
        terms.push(kqlIn("Verb", c.verbs));
    if (c.scope === "objects")
        terms.push(kqlIn("tostring(ObjectRef.namespace)", namespaces));
    if (c.scope === "namespaces")
        terms.push(kqlIn("tostring(ObjectRef.name)", namespaces));
    if (c.roleRefName)
        terms.push(`tostring(RequestObject.roleRef.name) == ${kqlString(c.roleRefName)}`);
    return `(${terms.join(" and ")})`;
}
/** The KQL predicate of a selector over an AKS audit table (columns Verb, User, ObjectRef, ResponseStatus, RequestObject). */
function kqlPredicate(selector, namespaces) {
    const terms = [];
    if (selector.anyOf) {
        const conditions = selector.anyOf.map((c) => kqlCondition(c, namespaces));
        terms.push(conditions.length === 1 ? conditions[0] : `(${conditions.join(" or ")})`);
    }
    for (const prefix of selector.excludeUserPrefixes ?? [])
        terms.push(`not(tostring(User.username) startswith ${kqlString(prefix)})`);
    if (selector.responseCodes)
        terms.push(kqlIn("toint(ResponseStatus.code)", selector.responseCodes));
    return terms.join(" and ");
}
/**
 * The query of a scheduled query rule: the matching events with who, what and where, so the alert's
 * search results name them. The rule counts rows (timeAggregation Count).
 */
function kqlAuditQuery(selector, namespaces, table) {
    return [
        table,
        `| where ${kqlPredicate(selector, namespaces)}`,
        "| project TimeGenerated, User = tostring(User.username), Verb, Resource = tostring(ObjectRef.resource), Subresource = tostring(ObjectRef.subresource), Namespace = tostring(ObjectRef.namespace), Name = tostring(ObjectRef.name), Code = toint(ResponseStatus.code), SourceIps",
    ].join("\n");
}
