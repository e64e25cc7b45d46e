/** Helpers for stack policies: namespaces, workloads and links between resources. */
import type { PolicyResource } from "@pulumi/policy";
import { effectiveNamespace } from "./common";
import { NAMESPACE } from "./k8s/types";
import { Obj, asObj, asString, isWorkload } from "./k8s/workloads";

export function props(r: PolicyResource): Obj {
    return r.props as Obj;
}

export function namespaceOf(r: PolicyResource): string {
    return effectiveNamespace(props(r), r.provider);
}

export function workloads(resources: PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => isWorkload(r.type));
}

export function ofTypes(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/** The Namespace resource declaring `name`, if the stack (or the checked files) has one. */
export function namespaceResource(resources: PolicyResource[], name: string): PolicyResource | undefined {
    return resources.find((r) => r.type === NAMESPACE && asString(asObj(props(r).metadata)?.name) === name);
}

/** Does `dependent` point at `target` through input `key`: by property dependency, or by an equal value of `targetKeys`? */
export function refersTo(dependent: PolicyResource, key: string, target: PolicyResource, targetKeys: string[]): boolean {
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
export function linked(candidates: PolicyResource[], key: string, target: PolicyResource, allTargets: PolicyResource[], targetKeys: string[]): PolicyResource[] {
    if (allTargets.length === 1) return candidates;
    return candidates.filter((c) => refersTo(c, key, target, targetKeys));
}
