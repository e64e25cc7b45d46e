/** Helpers for stack policies: namespaces, workloads and links between resources. */
import type { PolicyResource } from "@pulumi/policy";
import { effectiveNamespace } from "./common";
import { groupBy } from "../kubernetes-model/group-by";
import { NAMESPACE } from "../kubernetes-model/types";
import { Obj, asObj, asString, isWorkload } from "../kubernetes-model/workloads";

export function props(r: PolicyResource): Obj {
    return r.props as Obj;
}

export function namespaceOf(r: PolicyResource): string {
    return effectiveNamespace(props(r), r.provider);
}

export function workloads(resources: PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => isWorkload(r.type));
}

/** Resources by the namespace they land in, for stack policies that compare per namespace (one pass, not one per lookup). */
export function byNamespace(resources: PolicyResource[]): Map<string, PolicyResource[]> {
    return groupBy(resources, namespaceOf);
}

export function ofTypes(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/** The Namespace resource declaring `name`, if the stack (or the checked files) has one. */
export function namespaceResource(resources: PolicyResource[], name: string): PolicyResource | undefined {
    return resources.find((r) => r.type === NAMESPACE && asString(asObj(props(r).metadata)?.name) === name);
}

/** Does `dependent` point at `target` through input `key`: by property dependency, or by an equal value of `targetKeys`? */
function refersTo(dependent: PolicyResource, key: string, target: PolicyResource, targetKeys: string[]): boolean {
    const deps = dependent.propertyDependencies[key] ?? [];
    if (deps.some((d) => d.urn === target.urn)) return true;
    // Computed from other resources: not the target, and possibly unknown during preview, so not read.
    if (deps.length > 0) return false;
    const value = props(dependent)[key];
    if (typeof value !== "string" || value === "") return false;
    return targetKeys.some((k) => props(target)[k] === value) || value === target.name;
}

/**
 * Resources of `candidates` linked to `target` via input `key`. When the stack holds a single target,
 * every candidate belongs to it (their link may be an output the plan cannot resolve).
 */
export function linked(
    candidates: PolicyResource[],
    key: string,
    target: PolicyResource,
    allTargets: PolicyResource[],
    targetKeys: string[],
): PolicyResource[] {
    if (allTargets.length === 1) return candidates;
    return candidates.filter((c) => refersTo(c, key, target, targetKeys));
}

/** Does `r` sit (directly or further down) under a resource of `componentType`? */
function isChildOf(r: { urn: string; parent?: PolicyResource }, componentType: string): boolean {
    for (let p = r.parent; p; p = p.parent) if (p.type === componentType) return true;
    // URNs carry the parent type chain: `…::eks:index:Cluster$aws:eks/cluster:Cluster::name`.
    return r.urn.includes(`${componentType}$`);
}

/**
 * Clusters as operators see them. In a real preview the eks component (`eks:index:Cluster`) and the
 * `aws:eks/cluster:Cluster` it creates are both in the stack; they are one cluster, and a resource pointing at
 * either belongs to it. Under mocks only the component exists.
 */
export function clusterGroups(resources: PolicyResource[], componentType: string, clusterTypes: string[]): PolicyResource[][] {
    const components = resources.filter((r) => r.type === componentType);
    const groups = components.map((c) => [
        c,
        ...resources.filter(
            (r) => clusterTypes.includes(r.type) && (childOf(r, c) || (components.length === 1 && isChildOf(r, componentType))),
        ),
    ]);
    const grouped = new Set(groups.flat().map((r) => r.urn));
    for (const r of resources) if (clusterTypes.includes(r.type) && !grouped.has(r.urn)) groups.push([r]);
    return groups;
}

function childOf(r: PolicyResource, ancestor: PolicyResource): boolean {
    for (let p = r.parent; p; p = p.parent) if (p.urn === ancestor.urn) return true;
    return false;
}

/** Candidates linked through input `key` to any member of `group` (every candidate when there is one group). */
export function linkedToGroup(
    candidates: PolicyResource[],
    key: string,
    group: PolicyResource[],
    groups: PolicyResource[][],
    targetKeys: string[],
): PolicyResource[] {
    if (groups.length === 1) return candidates;
    return candidates.filter((c) => group.some((member) => refersTo(c, key, member, targetKeys)));
}
