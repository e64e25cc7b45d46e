/**
 * The object-name rules the API server and the controllers enforce, in one table with their sources.
 * Config validation checks every derived name against it before any resource exists, and the offline
 * plan's Kubernetes mock refuses a name that breaks it, as the API server would.
 */

export interface NameRule {
    maxLength: number;
    pattern: RegExp;
    /** What the rule allows, for messages. */
    allowed: string;
    /** Where the rule comes from. */
    source: string;
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const SUBDOMAIN: NameRule = {
    maxLength: 253,
    pattern: DNS_1123_SUBDOMAIN,
    allowed: "a DNS-1123 subdomain of at most 253 characters",
    source: "apimachinery validation.IsDNS1123Subdomain (NameIsDNSSubdomain)",
};

/** Rules by kind; kinds not listed take the default DNS-1123 subdomain rule. */
export const KUBERNETES_NAME_RULES: Readonly<Record<string, NameRule>> = {
    Namespace: {
        maxLength: 63,
        pattern: DNS_1123_LABEL,
        allowed: "a DNS-1123 label of at most 63 characters",
        source: "pkg/apis/core/validation ValidateNamespaceName (IsDNS1123Label)",
    },
    Service: {
        maxLength: 63,
        pattern: DNS_1035_LABEL,
        allowed: "a DNS-1035 label of at most 63 characters, starting with a letter",
        source: "pkg/apis/core/validation ValidateServiceName (IsDNS1035Label)",
    },
    CronJob: {
        maxLength: 52,
        pattern: DNS_1123_SUBDOMAIN,
        allowed: "a DNS-1123 subdomain of at most 52 characters (the controller appends an 11-character suffix to each Job)",
        source: "pkg/apis/batch/validation ValidateCronJob: len(name) > 52",
    },
    StatefulSet: {
        maxLength: 52,
        pattern: DNS_1123_LABEL,
        allowed:
            "a DNS-1123 label of at most 52 characters (the pods' controller-revision-hash label is the name plus an 11-character hash, and a label value holds at most 63)",
        source: "kubernetes/kubernetes#64023: pods of longer StatefulSets are refused for their controller-revision-hash label",
    },
    Deployment: {
        maxLength: 63,
        pattern: DNS_1123_LABEL,
        allowed: "a DNS-1123 label of at most 63 characters (its pods' names and hostnames derive from it)",
        source: "pkg/apis/apps/validation ValidateDeployment; pod hostnames are DNS-1123 labels",
    },
    PersistentVolumeClaim: {
        ...SUBDOMAIN,
        // The claim names of a StatefulSet's pods are <claim>-<statefulset>-<ordinal>, each a subdomain of at most 253.
    },
};

function nameRuleOf(kind: string): NameRule {
    return KUBERNETES_NAME_RULES[kind] ?? SUBDOMAIN;
}

/** Why a name of this kind would be refused, or undefined when it is valid. */
export function nameProblem(kind: string, name: string): string | undefined {
    const rule = nameRuleOf(kind);
    if (name.length > rule.maxLength) return `${kind} name "${name}" has ${name.length} characters; allowed: ${rule.allowed}`;
    if (!rule.pattern.test(name)) return `${kind} name "${name}" is not valid; allowed: ${rule.allowed}`;
    return undefined;
}
