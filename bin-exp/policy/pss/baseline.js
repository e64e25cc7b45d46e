"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evaluateBaseline = evaluateBaseline;
exports.formatResults = formatResults;
/**
 * The Pod Security Standards `baseline` level, check by check and version by version, transcribed from
 * kubernetes/pod-security-admission `policy/check_*.go` (8f84a87, 2026-07-01). Each check mirrors the Go
 * function named in its comment, including its forbidden reason and detail text, so a verdict here is the
 * admission controller's verdict. guide §6: the Sidecar namespace enforces `baseline`.
 */
const workloads_1 = require("../kubernetes/workloads");
function joinQuote(items) {
    return items.length === 0 ? "" : `"${items.join('", "')}"`;
}
function pluralize(singular, plural, count) {
    return count === 1 ? singular : plural;
}
function sortedUnique(items) {
    return [...new Set(items)].sort();
}
function securityContext(c) {
    return (0, workloads_1.asObj)(c.securityContext);
}
function podSecurityContext(spec) {
    return (0, workloads_1.asObj)(spec.securityContext);
}
/** relaxPolicyForUserNamespacePod: `hostUsers: false` puts the pod in a user namespace. */
function inUserNamespace(spec) {
    return spec.hostUsers === false;
}
/** check_hostNamespaces.go hostNamespaces_1_0 */
const hostNamespaces = (_m, spec) => {
    const found = [];
    if (spec.hostNetwork === true)
        found.push("hostNetwork=true");
    if (spec.hostPID === true)
        found.push("hostPID=true");
    if (spec.hostIPC === true)
        found.push("hostIPC=true");
    return found.length ? { id: "hostNamespaces", reason: "host namespaces", detail: found.join(", ") } : undefined;
};
/** check_privileged.go privileged_1_0 */
const privileged = (_m, spec) => {
    const bad = (0, workloads_1.allContainers)(spec)
        .filter((c) => securityContext(c.container)?.privileged === true)
        .map((c) => c.name);
    return bad.length
        ? {
            id: "privileged",
            reason: "privileged",
            detail: `${pluralize("container", "containers", bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
        }
        : undefined;
};
const CAPABILITIES_ALLOWED_1_0 = new Set([
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
]);
/** check_capabilities_baseline.go capabilitiesBaseline_1_0 (case-sensitive: `chown` and `CAP_CHOWN` are not allowed) */
const capabilitiesBaseline = (_m, spec) => {
    const bad = [];
    const caps = [];
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const add = (0, workloads_1.asObj)(securityContext(c.container)?.capabilities)?.add;
        let valid = true;
        for (const cap of Array.isArray(add) ? add : []) {
            if (!CAPABILITIES_ALLOWED_1_0.has(String(cap))) {
                valid = false;
                caps.push(String(cap));
            }
        }
        if (!valid)
            bad.push(c.name);
    }
    return bad.length
        ? {
            id: "capabilities_baseline",
            reason: "non-default capabilities",
            detail: `${pluralize("container", "containers", bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add`,
        }
        : undefined;
};
/** check_hostPathVolumes.go hostPathVolumes_1_0 */
const hostPathVolumes = (_m, spec) => {
    const bad = (0, workloads_1.asArray)(spec.volumes)
        .filter((v) => v.hostPath !== undefined && v.hostPath !== null)
        .map((v) => (0, workloads_1.asString)(v.name) ?? "");
    return bad.length
        ? { id: "hostPathVolumes", reason: "hostPath volumes", detail: `${pluralize("volume", "volumes", bad.length)} ${joinQuote(bad)}` }
        : undefined;
};
/** check_hostPorts.go hostPorts_1_0 */
const hostPorts = (_m, spec) => {
    const bad = [];
    const ports = [];
    for (const c of (0, workloads_1.allContainers)(spec)) {
        let valid = true;
        for (const p of (0, workloads_1.asArray)(c.container.ports)) {
            if (p.hostPort !== undefined && p.hostPort !== null && Number(p.hostPort) !== 0) {
                valid = false;
                ports.push((0, workloads_1.textOf)(p.hostPort));
            }
        }
        if (!valid)
            bad.push(c.name);
    }
    const forbidden = sortedUnique(ports);
    return bad.length
        ? {
            id: "hostPorts",
            reason: "hostPort",
            detail: `${pluralize("container", "containers", bad.length)} ${joinQuote(bad)} ${pluralize("uses", "use", bad.length)} ${pluralize("hostPort", "hostPorts", forbidden.length)} ${forbidden.join(", ")}`,
        }
        : undefined;
};
const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
/** check_appArmorProfile.go appArmorProfile_1_0 */
const appArmorProfile = (metadata, spec) => {
    const allowedType = (t) => t === "RuntimeDefault" || t === "Localhost";
    const badSetters = [];
    const badValues = [];
    const podProfile = (0, workloads_1.asObj)(podSecurityContext(spec)?.appArmorProfile);
    if (podProfile && !allowedType(podProfile.type)) {
        badSetters.push("pod");
        badValues.push((0, workloads_1.textOf)(podProfile.type));
    }
    const badContainers = [];
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const profile = (0, workloads_1.asObj)(securityContext(c.container)?.appArmorProfile);
        if (profile && !allowedType(profile.type)) {
            badContainers.push(c.name);
            badValues.push((0, workloads_1.textOf)(profile.type));
        }
    }
    if (badContainers.length)
        badSetters.push(`${pluralize("container", "containers", badContainers.length)} ${joinQuote(badContainers)}`);
    const forbiddenAnnotations = [];
    for (const [k, v] of Object.entries((0, workloads_1.asObj)(metadata.annotations) ?? {})) {
        const value = typeof v === "string" ? v : "";
        if (k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !(value === "" || value === "runtime/default" || value.startsWith("localhost/"))) {
            forbiddenAnnotations.push(`${k}=${JSON.stringify(value)}`);
        }
    }
    const values = sortedUnique(badValues);
    if (forbiddenAnnotations.length) {
        values.push(...forbiddenAnnotations.sort());
        badSetters.push(pluralize("annotation", "annotations", forbiddenAnnotations.length));
    }
    return badSetters.length
        ? {
            id: "appArmorProfile",
            reason: pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.length),
            detail: `${badSetters.join(" and ")} must not set AppArmor profile type to ${joinQuote(values)}`,
        }
        : undefined;
};
/** check_seLinuxOptions.go seLinuxOptions1_0 / seLinuxOptions1_31 (container_engine_t from 1.31) */
function seLinuxOptions(allowedTypes) {
    return (_m, spec) => {
        const badTypes = [];
        let setUser = false;
        let setRole = false;
        const valid = (opts) => {
            let ok = true;
            const type = (0, workloads_1.asString)(opts.type) ?? "";
            if (!allowedTypes.has(type)) {
                ok = false;
                badTypes.push(type);
            }
            if (((0, workloads_1.asString)(opts.user) ?? "").length > 0) {
                ok = false;
                setUser = true;
            }
            if (((0, workloads_1.asString)(opts.role) ?? "").length > 0) {
                ok = false;
                setRole = true;
            }
            return ok;
        };
        const badSetters = [];
        const podOpts = (0, workloads_1.asObj)(podSecurityContext(spec)?.seLinuxOptions);
        if (podOpts && !valid(podOpts))
            badSetters.push("pod");
        const badContainers = [];
        for (const c of (0, workloads_1.allContainers)(spec)) {
            const opts = (0, workloads_1.asObj)(securityContext(c.container)?.seLinuxOptions);
            if (opts && !valid(opts))
                badContainers.push(c.name);
        }
        if (badContainers.length)
            badSetters.push(`${pluralize("container", "containers", badContainers.length)} ${joinQuote(badContainers)}`);
        if (!badSetters.length)
            return undefined;
        const badData = [];
        const types = sortedUnique(badTypes);
        if (types.length)
            badData.push(`${pluralize("type", "types", types.length)} ${joinQuote(types)}`);
        if (setUser)
            badData.push("user may not be set");
        if (setRole)
            badData.push("role may not be set");
        return {
            id: "seLinuxOptions",
            reason: "seLinuxOptions",
            detail: `${badSetters.join(" and ")} set forbidden securityContext.seLinuxOptions: ${badData.join("; ")}`,
        };
    };
}
const SELINUX_TYPES_1_0 = new Set(["", "container_t", "container_init_t", "container_kvm_t"]);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, "container_engine_t"]);
/** check_procMount_baseline.go procMount_1_0 */
const procMount_1_0 = (_m, spec) => {
    const bad = [];
    const types = [];
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const pm = securityContext(c.container)?.procMount;
        if (pm === undefined || pm === null)
            continue;
        if (pm !== "Default") {
            bad.push(c.name);
            types.push((0, workloads_1.textOf)(pm));
        }
    }
    return bad.length
        ? {
            id: "procMount",
            reason: "procMount",
            detail: `${pluralize("container", "containers", bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`,
        }
        : undefined;
};
/** check_procMount_baseline.go procMount1_35baseline: any procMount in a user namespace */
const procMount_1_35 = (m, spec) => (inUserNamespace(spec) ? undefined : procMount_1_0(m, spec));
const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
/** check_seccompProfile_baseline.go seccompProfileBaseline_1_0 (annotations, before the field existed) */
const seccompBaseline_1_0 = (metadata, spec) => {
    const annotations = (0, workloads_1.asObj)(metadata.annotations) ?? {};
    const validValue = (v) => v === "runtime/default" || v === "docker/default" || v.startsWith("localhost/");
    const forbidden = [];
    if (Object.prototype.hasOwnProperty.call(annotations, SECCOMP_POD_ANNOTATION)) {
        const v = (0, workloads_1.textOf)(annotations[SECCOMP_POD_ANNOTATION]);
        if (!validValue(v))
            forbidden.push(`${SECCOMP_POD_ANNOTATION}=${JSON.stringify(v)}`);
    }
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
        if (Object.prototype.hasOwnProperty.call(annotations, key)) {
            const v = (0, workloads_1.textOf)(annotations[key]);
            if (!validValue(v))
                forbidden.push(`${key}=${JSON.stringify(v)}`);
        }
    }
    const list = sortedUnique(forbidden);
    return list.length
        ? {
            id: "seccompProfile_baseline",
            reason: "seccompProfile",
            detail: `forbidden ${pluralize("annotation", "annotations", list.length)} ${list.join(", ")}`,
        }
        : undefined;
};
/** check_seccompProfile_baseline.go seccompProfileBaseline_1_19 */
const seccompBaseline_1_19 = (_m, spec) => {
    const valid = (t) => t === "Localhost" || t === "RuntimeDefault";
    const badSetters = [];
    const badValues = [];
    const podProfile = (0, workloads_1.asObj)(podSecurityContext(spec)?.seccompProfile);
    if (podProfile && !valid(podProfile.type)) {
        badSetters.push("pod");
        badValues.push((0, workloads_1.textOf)(podProfile.type));
    }
    const bad = [];
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const profile = (0, workloads_1.asObj)(securityContext(c.container)?.seccompProfile);
        if (profile && !valid(profile.type)) {
            bad.push(c.name);
            badValues.push((0, workloads_1.textOf)(profile.type));
        }
    }
    if (bad.length)
        badSetters.push(`${pluralize("container", "containers", bad.length)} ${joinQuote(bad)}`);
    return badSetters.length
        ? {
            id: "seccompProfile_baseline",
            reason: "seccompProfile",
            detail: `${badSetters.join(" and ")} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
        }
        : undefined;
};
const SYSCTLS_1_0 = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_unprivileged_port_start",
];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, "net.ipv4.ip_local_reserved_ports"];
const SYSCTLS_1_29 = [
    ...SYSCTLS_1_27,
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];
const SYSCTLS_1_37 = [...SYSCTLS_1_32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"];
/** check_sysctls.go sysctlsV1Dot0 … sysctlsV1Dot37 */
function sysctls(allowed) {
    const set = new Set(allowed);
    return (_m, spec) => {
        const forbidden = (0, workloads_1.asArray)(podSecurityContext(spec)?.sysctls)
            .map((s) => (0, workloads_1.asString)(s.name) ?? "")
            .filter((n) => !set.has(n));
        return forbidden.length ? { id: "sysctls", reason: "forbidden sysctls", detail: forbidden.join(", ") } : undefined;
    };
}
/** check_windowsHostProcess.go windowsHostProcess_1_0 */
const windowsHostProcess = (_m, spec) => {
    const hostProcess = (sc) => (0, workloads_1.asObj)(sc?.windowsOptions)?.hostProcess === true;
    const bad = (0, workloads_1.allContainers)(spec)
        .filter((c) => hostProcess(securityContext(c.container)))
        .map((c) => c.name);
    const setters = [];
    if (hostProcess(podSecurityContext(spec)))
        setters.push("pod");
    if (bad.length)
        setters.push(`${pluralize("container", "containers", bad.length)} ${joinQuote(bad)}`);
    return setters.length
        ? {
            id: "windowsHostProcess",
            reason: "hostProcess",
            detail: `${setters.join(" and ")} must not set securityContext.windowsOptions.hostProcess=true`,
        }
        : undefined;
};
/** check_hostProbesAndhostLifecycle.go hostProbesAndHostLifecycleV1Dot34 */
const hostProbesAndHostLifecycle = (_m, spec) => {
    const badContainers = [];
    const forbidden = [];
    const hostsOf = (handler) => {
        const h = (0, workloads_1.asObj)(handler);
        if (!h)
            return [];
        const hosts = [];
        const httpHost = (0, workloads_1.asString)((0, workloads_1.asObj)(h.httpGet)?.host);
        if (httpHost)
            hosts.push(httpHost);
        const tcpHost = (0, workloads_1.asString)((0, workloads_1.asObj)(h.tcpSocket)?.host);
        if (tcpHost)
            hosts.push(tcpHost);
        return hosts;
    };
    for (const c of (0, workloads_1.allContainers)(spec)) {
        const lifecycle = (0, workloads_1.asObj)(c.container.lifecycle);
        const hosts = [
            ...hostsOf(c.container.livenessProbe),
            ...hostsOf(c.container.readinessProbe),
            ...hostsOf(c.container.startupProbe),
            ...hostsOf(lifecycle?.postStart),
            ...hostsOf(lifecycle?.preStop),
        ];
        if (hosts.length) {
            badContainers.push(c.name);
            forbidden.push(...hosts);
        }
    }
    const containers = sortedUnique(badContainers);
    const hosts = sortedUnique(forbidden);
    return containers.length
        ? {
            id: "hostProbesAndHostLifecycle",
            reason: "probe or lifecycle host",
            detail: `${pluralize("container", "containers", containers.length)} ${joinQuote(containers)} ${pluralize("uses", "use", containers.length)} ${pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.length)} ${joinQuote(hosts)}`,
        }
        : undefined;
};
/** Baseline checks in the evaluator's order (check IDs sorted), each with its versions. */
const BASELINE_CHECKS = [
    { id: "appArmorProfile", versions: [{ minMinor: 0, check: appArmorProfile }] },
    { id: "capabilities_baseline", versions: [{ minMinor: 0, check: capabilitiesBaseline }] },
    { id: "hostNamespaces", versions: [{ minMinor: 0, check: hostNamespaces }] },
    { id: "hostPathVolumes", versions: [{ minMinor: 0, check: hostPathVolumes }] },
    { id: "hostPorts", versions: [{ minMinor: 0, check: hostPorts }] },
    { id: "hostProbesAndHostLifecycle", versions: [{ minMinor: 34, check: hostProbesAndHostLifecycle }] },
    { id: "privileged", versions: [{ minMinor: 0, check: privileged }] },
    {
        id: "procMount",
        versions: [
            { minMinor: 0, check: procMount_1_0 },
            { minMinor: 35, check: procMount_1_35 },
        ],
    },
    {
        id: "seLinuxOptions",
        versions: [
            { minMinor: 0, check: seLinuxOptions(SELINUX_TYPES_1_0) },
            { minMinor: 31, check: seLinuxOptions(SELINUX_TYPES_1_31) },
        ],
    },
    {
        id: "seccompProfile_baseline",
        versions: [
            { minMinor: 0, check: seccompBaseline_1_0 },
            { minMinor: 19, check: seccompBaseline_1_19 },
        ],
    },
    {
        id: "sysctls",
        versions: [
            { minMinor: 0, check: sysctls(SYSCTLS_1_0) },
            { minMinor: 27, check: sysctls(SYSCTLS_1_27) },
            { minMinor: 29, check: sysctls(SYSCTLS_1_29) },
            { minMinor: 32, check: sysctls(SYSCTLS_1_32) },
            { minMinor: 37, check: sysctls(SYSCTLS_1_37) },
        ],
    },
    { id: "windowsHostProcess", versions: [{ minMinor: 0, check: windowsHostProcess }] },
];
/** The newest version of the check at or below `version`; none when the check did not exist yet. */
function checkAt(check, version) {
    let found;
    for (const v of check.versions)
        if (v.minMinor <= version.minor)
            found = v.check;
    return found;
}
/** Every baseline check that forbids this pod (metadata + spec) at the given version; empty means allowed. */
function evaluateBaseline(metadata, spec, version) {
    const results = [];
    for (const check of BASELINE_CHECKS) {
        const fn = checkAt(check, version);
        const r = fn?.(metadata, spec);
        if (r)
            results.push(r);
    }
    return results;
}
/** AggregateCheckResult.ForbiddenDetail: `reason (detail), reason (detail)`, as in admission warnings. */
function formatResults(results) {
    return results.map((r) => (r.detail ? `${r.reason} (${r.detail})` : r.reason)).join(", ");
}
