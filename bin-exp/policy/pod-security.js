"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.podSecurityPolicies = exports.podSecurityBaselineAtNamespaceVersion = exports.podSecurityBaseline = exports.workloadNamespacePsa = exports.namespacePsaEnforce = void 0;
const pod_security_1 = require("./xroad/pod-security");
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
const baseline_1 = require("./pss/baseline");
const version_1 = require("./pss/version");
const stack_helpers_1 = require("./stack-helpers");
const ENFORCE = `${pod_security_1.PSA_LABEL_PREFIX}enforce`;
const ENFORCE_VERSION = `${pod_security_1.PSA_LABEL_PREFIX}enforce-version`;
const SYSTEM_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"];
function levelRank(level) {
    return pod_security_1.PSA_LEVELS.indexOf(level);
}
exports.namespacePsaEnforce = {
    name: "k8s-namespace-psa-enforce",
    description: "Namespaces carry pod-security.kubernetes.io/enforce=baseline (or restricted), pinned to a version that has today's checks, so the API server rejects non-compliant pods (guide §6).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Label the namespace pod-security.kubernetes.io/enforce=baseline (guide §6), with enforce-version `latest` or a recent v1.x; add warn/audit=restricted to see drift.",
    ...(0, common_1.guide)("6", "pod-security"),
    configSchema: {
        properties: {
            minimumLevel: { type: "string", enum: ["baseline", "restricted"], default: "baseline" },
            minimumVersion: { type: "string", pattern: "^v1\\.(0|[1-9][0-9]*)$", default: "v1.25" },
            exemptNamespaces: { type: "array", items: { type: "string" }, default: SYSTEM_NAMESPACES },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== types_1.NAMESPACE && args.type !== types_1.NAMESPACE_PATCH)
            return;
        const config = (0, common_1.configOf)(exports.namespacePsaEnforce, args);
        const metadata = (0, workloads_1.asObj)(args.props.metadata) ?? {};
        const name = (0, workloads_1.asString)(metadata.name);
        if (name && config.exemptNamespaces.includes(name))
            return;
        const labels = (0, workloads_1.asObj)(metadata.labels) ?? {};
        const enforce = (0, workloads_1.asString)(labels[ENFORCE]);
        if (!enforce) {
            report(`namespace ${name ?? args.name} has no ${ENFORCE} label: Pod Security Admission enforces nothing there; set it to ${config.minimumLevel}`);
            return;
        }
        if (levelRank(enforce) < levelRank(config.minimumLevel))
            report(`namespace ${name ?? args.name} enforces "${enforce}"; at least "${config.minimumLevel}" is required`);
        const version = (0, workloads_1.asString)(labels[ENFORCE_VERSION]);
        if (version !== undefined && version !== "latest") {
            const parsed = (0, version_1.parsePssVersion)(version);
            const minimum = (0, version_1.parsePssVersion)(config.minimumVersion);
            if (!parsed || version.startsWith("1."))
                report(`namespace ${name ?? args.name} has ${ENFORCE_VERSION}="${version}", which the admission controller cannot parse (use "latest" or "v1.x")`);
            else if (minimum && parsed.minor < minimum.minor)
                report(`namespace ${name ?? args.name} pins ${ENFORCE_VERSION}=${version}, older than ${config.minimumVersion}: newer baseline checks are not enforced`);
        }
    },
};
exports.workloadNamespacePsa = {
    name: "k8s-workload-namespace-psa",
    description: "Every workload runs in a namespace declared alongside it, so its Pod Security Admission labels can be verified (guide §6).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Declare the workload's Namespace (with pod-security.kubernetes.io/enforce=baseline) in the same stack or manifest set, or label the existing namespace with a NamespacePatch.",
    ...(0, common_1.guide)("6", "pod-security"),
    configSchema: { properties: { exemptNamespaces: { type: "array", items: { type: "string" }, default: SYSTEM_NAMESPACES } } },
    validateStack: (args, report) => {
        const { exemptNamespaces } = (0, common_1.configOf)(exports.workloadNamespacePsa, args);
        const declared = new Set(args.resources
            .filter((r) => r.type === types_1.NAMESPACE || r.type === types_1.NAMESPACE_PATCH)
            .map((r) => (0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(r).metadata)?.name) ?? ""));
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const ns = (0, stack_helpers_1.namespaceOf)(w);
            if (declared.has(ns) || exemptNamespaces.includes(ns))
                continue;
            report(`${(0, types_1.k8sKind)(w.type)} ${ns}/${(0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(w).metadata)?.name) ?? w.name} runs in namespace ${ns}, which is not declared here: its Pod Security Admission level cannot be verified`, w.urn);
        }
    },
};
exports.podSecurityBaseline = {
    name: "pod-security-baseline",
    description: "Every pod template meets the Pod Security Standards baseline level, check by check and version by version as the Kubernetes admission controller evaluates it (host namespaces, privileged, capabilities, hostPath, hostPorts, AppArmor, SELinux, /proc mount, seccomp, sysctls, Windows hostProcess, probe hosts) (guide §6).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove what the message names: privileged, host namespaces, hostPath volumes and hostPorts, added capabilities beyond the default set (NET_RAW included), Unconfined seccomp/AppArmor, custom SELinux user/role/type, unsafe sysctls, an Unmasked /proc, hostProcess, and probe or lifecycle hosts. Set `kubernetesVersion` to the cluster's enforce-version.",
    ...(0, common_1.guide)("6", "pod-security"),
    configSchema: {
        properties: {
            kubernetesVersion: { type: "string", pattern: "^(latest|v?1\\.(0|[1-9][0-9]*))$", default: "latest" },
        },
    },
    validateResource: (args, report) => {
        const tpl = (0, workloads_1.podTemplate)(args.type, args.props);
        if (!tpl)
            return;
        const { kubernetesVersion } = (0, common_1.configOf)(exports.podSecurityBaseline, args);
        const version = (0, version_1.parsePssVersion)(kubernetesVersion);
        if (!version)
            throw new Error(`pod-security-baseline: kubernetesVersion "${kubernetesVersion}" is not "latest" or "v1.x"`);
        const results = (0, baseline_1.evaluateBaseline)(tpl.metadata, tpl.spec, version);
        if (results.length > 0)
            report(`violates PodSecurity "baseline:${(0, version_1.formatPssVersion)(version)}": ${(0, baseline_1.formatResults)(results)}`);
    },
};
/**
 * The admission controller judges a pod at its namespace's `enforce-version`, not at the newest version:
 * a sysctl allowed from v1.37 is rejected in a namespace pinned to v1.33. This policy replays that verdict
 * for every workload whose namespace is declared alongside it and pins a version.
 */
exports.podSecurityBaselineAtNamespaceVersion = {
    name: "pod-security-baseline-at-namespace-version",
    description: "Pods pass the Pod Security Standards baseline checks of the version their namespace pins (pod-security.kubernetes.io/enforce-version), exactly as admission will judge them there; Deployments are accepted with a warning while their pods are rejected, so this is caught before apply (guide §6).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Change the pod spec to pass baseline at the namespace's pinned version, or raise the namespace's enforce-version to a version that allows it (for example newer safe sysctls).",
    ...(0, common_1.guide)("6", "pod-security"),
    validateStack: (args, report) => {
        const namespaces = new Map();
        for (const r of args.resources) {
            if (r.type !== types_1.NAMESPACE && r.type !== types_1.NAMESPACE_PATCH)
                continue;
            const metadata = (0, workloads_1.asObj)((0, stack_helpers_1.props)(r).metadata) ?? {};
            const name = (0, workloads_1.asString)(metadata.name);
            if (name)
                namespaces.set(name, (0, workloads_1.asObj)(metadata.labels) ?? {});
        }
        for (const w of (0, stack_helpers_1.workloads)(args.resources)) {
            const ns = (0, stack_helpers_1.namespaceOf)(w);
            const labels = namespaces.get(ns);
            const enforce = (0, workloads_1.asString)(labels?.[ENFORCE]);
            if (!labels || (enforce !== "baseline" && enforce !== "restricted"))
                continue;
            const version = (0, version_1.parsePssVersion)((0, workloads_1.asString)(labels[ENFORCE_VERSION]) ?? "latest");
            const tpl = (0, workloads_1.podTemplate)(w.type, (0, stack_helpers_1.props)(w));
            // Unpinned (latest) namespaces judge as pod-security-baseline does by default; only pinned ones can differ.
            if (!version || version.latest || !tpl)
                continue;
            const results = (0, baseline_1.evaluateBaseline)(tpl.metadata, tpl.spec, version);
            if (results.length > 0) {
                report(`${(0, types_1.k8sKind)(w.type)} ${ns}/${(0, workloads_1.asString)((0, workloads_1.asObj)((0, stack_helpers_1.props)(w).metadata)?.name) ?? w.name}: its pods would be rejected by namespace ${ns} (enforce=${enforce}:${(0, version_1.formatPssVersion)(version)}): ${(0, baseline_1.formatResults)(results)}`, w.urn);
            }
        }
    },
};
exports.podSecurityPolicies = [exports.namespacePsaEnforce, exports.workloadNamespacePsa, exports.podSecurityBaseline, exports.podSecurityBaselineAtNamespaceVersion];
