"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.props = props;
exports.namespaceOf = namespaceOf;
exports.workloads = workloads;
exports.byNamespace = byNamespace;
exports.ofTypes = ofTypes;
exports.namespaceResource = namespaceResource;
exports.linked = linked;
exports.clusterGroups = clusterGroups;
exports.linkedToGroup = linkedToGroup;
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
function props(r) {
    return r.props;
}
function namespaceOf(r) {
    return (0, common_1.effectiveNamespace)(props(r), r.provider);
}
function workloads(resources) {
    return resources.filter((r) => (0, workloads_1.isWorkload)(r.type));
}
/** Resources by the namespace they land in, for stack policies that compare per namespace (one pass, not one per lookup). */
function byNamespace(resources) {
    const out = new Map();
    for (const r of resources) {
        const ns = namespaceOf(r);
        const list = out.get(ns);
        if (list)
            list.push(r);
        else
            out.set(ns, [r]);
    }
    return out;
}
function ofTypes(resources, ...types) {
    return resources.filter((r) => types.includes(r.type));
}
/** The Namespace resource declaring `name`, if the stack (or the checked files) has one. */
function namespaceResource(resources, name) {
    return resources.find((r) => r.type === types_1.NAMESPACE && (0, workloads_1.asString)((0, workloads_1.asObj)(props(r).metadata)?.name) === name);
}
/** Does `dependent` point at `target` through input `key`: by property dependency, or by an equal value of `targetKeys`? */
function refersTo(dependent, key, target, targetKeys) {
    const deps = dependent.propertyDependencies[key] ?? [];
    if (deps.some((d) => d.urn === target.urn))
        return true;
    // Computed from other resources: not the target, and possibly unknown during preview, so not read.
    if (deps.length > 0)
        return false;
    const value = props(dependent)[key];
    if (typeof value !== "string" || value === "")
        return false;
    return targetKeys.some((k) => props(target)[k] === value) || value === target.name;
}
/**
 * Resources of `candidates` linked to `target` via input `key`. When the stack holds a single target,
 * every candidate belongs to it (their link may be an output the plan cannot resolve).
 */
function linked(candidates, key, target, allTargets, targetKeys) {
    if (allTargets.length === 1)
        return candidates;
    return candidates.filter((c) => refersTo(c, key, target, targetKeys));
}
/** Does `r` sit (directly or further down) under a resource of `componentType`? */
function isChildOf(r, componentType) {
    for (let p = r.parent; p; p = p.parent)
        if (p.type === componentType)
            return true;
    // URNs carry the parent type chain: `…::eks:index:Cluster$aws:eks/cluster:Cluster::name`.
    return r.urn.includes(`${componentType}$`);
}
/**
 * Clusters as operators see them. In a real preview the eks component (`eks:index:Cluster`) and the
 * `aws:eks/cluster:Cluster` it creates are both in the stack; they are one cluster, and a resource pointing at
 * either belongs to it. Under mocks only the component exists.
 */
function clusterGroups(resources, componentType, clusterTypes) {
    const components = resources.filter((r) => r.type === componentType);
    const groups = components.map((c) => [
        c,
        ...resources.filter((r) => clusterTypes.includes(r.type) && (childOf(r, c) || (components.length === 1 && isChildOf(r, componentType)))),
    ]);
    const grouped = new Set(groups.flat().map((r) => r.urn));
    for (const r of resources)
        if (clusterTypes.includes(r.type) && !grouped.has(r.urn))
            groups.push([r]);
    return groups;
}
function childOf(r, ancestor) {
    for (let p = r.parent; p; p = p.parent)
        if (p.urn === ancestor.urn)
            return true;
    return false;
}
/** Candidates linked through input `key` to any member of `group` (every candidate when there is one group). */
function linkedToGroup(candidates, key, group, groups, targetKeys) {
    if (groups.length === 1)
        return candidates;
    return candidates.filter((c) => group.some((member) => refersTo(c, key, member, targetKeys)));
}
