/**
 * guide §6: Pod Security Admission. Namespaces enforce `baseline` or stricter, and every pod template
 * meets the Pod Security Standards `baseline` level, judged exactly as the admission controller would.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PSA_LABEL_PREFIX, PSA_LEVELS, PsaLevel } from "./xroad/pod-security";
import { configOf, guide } from "./common";
import { NAMESPACE, NAMESPACE_PATCH, k8sKind } from "../kubernetes-model/types";
import { asObj, asString, podTemplate } from "../kubernetes-model/workloads";
import { evaluateBaseline, formatResults } from "./pss/baseline";
import { formatPssVersion, parsePssVersion } from "./pss/version";
import { namespaceOf, props, workloads } from "./stack-helpers";

const ENFORCE = `${PSA_LABEL_PREFIX}enforce`;
const ENFORCE_VERSION = `${PSA_LABEL_PREFIX}enforce-version`;
const SYSTEM_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"];

function levelRank(level: string | undefined): number {
    return PSA_LEVELS.indexOf(level as PsaLevel);
}

export interface NamespacePsaConfig {
    minimumLevel: "baseline" | "restricted";
    minimumVersion: string;
    exemptNamespaces: string[];
}

export const namespacePsaEnforce: ResourceValidationPolicy = {
    name: "k8s-namespace-psa-enforce",
    description:
        "Namespaces carry pod-security.kubernetes.io/enforce=baseline (or restricted), pinned to a version that has today's checks, so the API server rejects non-compliant pods (guide §6).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Label the namespace pod-security.kubernetes.io/enforce=baseline (guide §6), with enforce-version `latest` or a recent v1.x; add warn/audit=restricted to see drift.",
    ...guide("6", "pod-security"),
    configSchema: {
        properties: {
            minimumLevel: { type: "string", enum: ["baseline", "restricted"], default: "baseline" },
            minimumVersion: { type: "string", pattern: "^v1\\.(0|[1-9][0-9]*)$", default: "v1.25" },
            exemptNamespaces: { type: "array", items: { type: "string" }, default: SYSTEM_NAMESPACES },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== NAMESPACE && args.type !== NAMESPACE_PATCH) return;
        const config = configOf<NamespacePsaConfig>(namespacePsaEnforce, args);
        const metadata = asObj(args.props.metadata) ?? {};
        const name = asString(metadata.name);
        if (name && config.exemptNamespaces.includes(name)) return;
        const labels = asObj(metadata.labels) ?? {};
        const enforce = asString(labels[ENFORCE]);
        if (!enforce) {
            report(
                `namespace ${name ?? args.name} has no ${ENFORCE} label: Pod Security Admission enforces nothing there; set it to ${config.minimumLevel}`,
            );
            return;
        }
        if (levelRank(enforce) < levelRank(config.minimumLevel))
            report(`namespace ${name ?? args.name} enforces "${enforce}"; at least "${config.minimumLevel}" is required`);
        const version = asString(labels[ENFORCE_VERSION]);
        if (version !== undefined && version !== "latest") {
            const parsed = parsePssVersion(version);
            const minimum = parsePssVersion(config.minimumVersion);
            if (!parsed || version.startsWith("1."))
                report(
                    `namespace ${name ?? args.name} has ${ENFORCE_VERSION}="${version}", which the admission controller cannot parse (use "latest" or "v1.x")`,
                );
            else if (minimum && parsed.minor < minimum.minor)
                report(
                    `namespace ${name ?? args.name} pins ${ENFORCE_VERSION}=${version}, older than ${config.minimumVersion}: newer baseline checks are not enforced`,
                );
        }
    },
};

export const workloadNamespacePsa: StackValidationPolicy = {
    name: "k8s-workload-namespace-psa",
    description:
        "Every workload runs in a namespace declared alongside it, so its Pod Security Admission labels can be verified (guide §6).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps:
        "Declare the workload's Namespace (with pod-security.kubernetes.io/enforce=baseline) in the same stack or manifest set, or label the existing namespace with a NamespacePatch.",
    ...guide("6", "pod-security"),
    configSchema: { properties: { exemptNamespaces: { type: "array", items: { type: "string" }, default: SYSTEM_NAMESPACES } } },
    validateStack: (args, report) => {
        const { exemptNamespaces } = configOf<{ exemptNamespaces: string[] }>(workloadNamespacePsa, args);
        const declared = new Set(
            args.resources
                .filter((r) => r.type === NAMESPACE || r.type === NAMESPACE_PATCH)
                .map((r) => asString(asObj(props(r).metadata)?.name) ?? ""),
        );
        for (const w of workloads(args.resources)) {
            const ns = namespaceOf(w);
            if (declared.has(ns) || exemptNamespaces.includes(ns)) continue;
            report(
                `${k8sKind(w.type)} ${ns}/${asString(asObj(props(w).metadata)?.name) ?? w.name} runs in namespace ${ns}, which is not declared here: its Pod Security Admission level cannot be verified`,
                w.urn,
            );
        }
    },
};

export interface PodSecurityBaselineConfig {
    kubernetesVersion: string;
}

export const podSecurityBaseline: ResourceValidationPolicy = {
    name: "pod-security-baseline",
    description:
        "Every pod template meets the Pod Security Standards baseline level, check by check and version by version as the Kubernetes admission controller evaluates it (host namespaces, privileged, capabilities, hostPath, hostPorts, AppArmor, SELinux, /proc mount, seccomp, sysctls, Windows hostProcess, probe hosts) (guide §6).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Remove what the message names: privileged, host namespaces, hostPath volumes and hostPorts, added capabilities beyond the default set (NET_RAW included), Unconfined seccomp/AppArmor, custom SELinux user/role/type, unsafe sysctls, an Unmasked /proc, hostProcess, and probe or lifecycle hosts. Set `kubernetesVersion` to the cluster's enforce-version.",
    ...guide("6", "pod-security"),
    configSchema: {
        properties: {
            kubernetesVersion: { type: "string", pattern: "^(latest|v?1\\.(0|[1-9][0-9]*))$", default: "latest" },
        },
    },
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        const { kubernetesVersion } = configOf<PodSecurityBaselineConfig>(podSecurityBaseline, args);
        const version = parsePssVersion(kubernetesVersion);
        if (!version) throw new Error(`pod-security-baseline: kubernetesVersion "${kubernetesVersion}" is not "latest" or "v1.x"`);
        const results = evaluateBaseline(tpl.metadata, tpl.spec, version);
        if (results.length > 0) report(`violates PodSecurity "baseline:${formatPssVersion(version)}": ${formatResults(results)}`);
    },
};

/**
 * The admission controller judges a pod at its namespace's `enforce-version`, not at the newest version:
 * a sysctl allowed from v1.37 is rejected in a namespace pinned to v1.33. This policy replays that verdict
 * for every workload whose namespace is declared alongside it and pins a version.
 */
export const podSecurityBaselineAtNamespaceVersion: StackValidationPolicy = {
    name: "pod-security-baseline-at-namespace-version",
    description:
        "Pods pass the Pod Security Standards baseline checks of the version their namespace pins (pod-security.kubernetes.io/enforce-version), exactly as admission will judge them there; Deployments are accepted with a warning while their pods are rejected, so this is caught before apply (guide §6).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Change the pod spec to pass baseline at the namespace's pinned version, or raise the namespace's enforce-version to a version that allows it (for example newer safe sysctls).",
    ...guide("6", "pod-security"),
    validateStack: (args, report) => {
        const namespaces = new Map<string, Record<string, unknown>>();
        for (const r of args.resources) {
            if (r.type !== NAMESPACE && r.type !== NAMESPACE_PATCH) continue;
            const metadata = asObj(props(r).metadata) ?? {};
            const name = asString(metadata.name);
            if (name) namespaces.set(name, asObj(metadata.labels) ?? {});
        }
        for (const w of workloads(args.resources)) {
            const ns = namespaceOf(w);
            const labels = namespaces.get(ns);
            const enforce = asString(labels?.[ENFORCE]);
            if (!labels || (enforce !== "baseline" && enforce !== "restricted")) continue;
            const version = parsePssVersion(asString(labels[ENFORCE_VERSION]) ?? "latest");
            const tpl = podTemplate(w.type, props(w));
            // Unpinned (latest) namespaces judge as pod-security-baseline does by default; only pinned ones can differ.
            if (!version || version.latest || !tpl) continue;
            const results = evaluateBaseline(tpl.metadata, tpl.spec, version);
            if (results.length > 0) {
                report(
                    `${k8sKind(w.type)} ${ns}/${asString(asObj(props(w).metadata)?.name) ?? w.name}: its pods would be rejected by namespace ${ns} (enforce=${enforce}:${formatPssVersion(version)}): ${formatResults(results)}`,
                    w.urn,
                );
            }
        }
    },
};

export const podSecurityPolicies = [namespacePsaEnforce, workloadNamespacePsa, podSecurityBaseline, podSecurityBaselineAtNamespaceVersion];
