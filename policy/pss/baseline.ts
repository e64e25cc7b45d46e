/**
 * The Pod Security Standards `baseline` level, check by check and version by version, transcribed from
 * kubernetes/pod-security-admission `policy/check_*.go` (8f84a87, 2026-07-01). Each check mirrors the Go
 * function named in its comment, including its forbidden reason and detail text, so a verdict here is the
 * admission controller's verdict. guide §6: the Sidecar namespace enforces `baseline`.
 */
import { Obj, asArray, asObj, asString, allContainers, textOf } from "../../kubernetes-model/workloads";
import { PssVersion } from "./version";

export interface CheckResult {
    id: string;
    reason: string;
    detail: string;
}

type CheckFn = (metadata: Obj, spec: Obj) => CheckResult | undefined;

interface VersionedCheck {
    minMinor: number;
    check: CheckFn;
}

interface Check {
    id: string;
    versions: VersionedCheck[];
}

function joinQuote(items: string[]): string {
    return items.length === 0 ? "" : `"${items.join('", "')}"`;
}

function pluralize(singular: string, plural: string, count: number): string {
    return count === 1 ? singular : plural;
}

function sortedUnique(items: Iterable<string>): string[] {
    return [...new Set(items)].sort();
}

function securityContext(c: Obj): Obj | undefined {
    return asObj(c.securityContext);
}

function podSecurityContext(spec: Obj): Obj | undefined {
    return asObj(spec.securityContext);
}

/** relaxPolicyForUserNamespacePod: `hostUsers: false` puts the pod in a user namespace. */
function inUserNamespace(spec: Obj): boolean {
    return spec.hostUsers === false;
}

/** check_hostNamespaces.go hostNamespaces_1_0 */
const hostNamespaces: CheckFn = (_m, spec) => {
    const found: string[] = [];
    if (spec.hostNetwork === true) found.push("hostNetwork=true");
    if (spec.hostPID === true) found.push("hostPID=true");
    if (spec.hostIPC === true) found.push("hostIPC=true");
    return found.length ? { id: "hostNamespaces", reason: "host namespaces", detail: found.join(", ") } : undefined;
};

/** check_privileged.go privileged_1_0 */
const privileged: CheckFn = (_m, spec) => {
    const bad = allContainers(spec)
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
const capabilitiesBaseline: CheckFn = (_m, spec) => {
    const bad: string[] = [];
    const caps: string[] = [];
    for (const c of allContainers(spec)) {
        const add = asObj(securityContext(c.container)?.capabilities)?.add;
        let valid = true;
        for (const cap of Array.isArray(add) ? add : []) {
            if (!CAPABILITIES_ALLOWED_1_0.has(String(cap))) {
                valid = false;
                caps.push(String(cap));
            }
        }
        if (!valid) bad.push(c.name);
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
const hostPathVolumes: CheckFn = (_m, spec) => {
    const bad = asArray(spec.volumes)
        .filter((v) => v.hostPath !== undefined && v.hostPath !== null)
        .map((v) => asString(v.name) ?? "");
    return bad.length
        ? { id: "hostPathVolumes", reason: "hostPath volumes", detail: `${pluralize("volume", "volumes", bad.length)} ${joinQuote(bad)}` }
        : undefined;
};

/** check_hostPorts.go hostPorts_1_0 */
const hostPorts: CheckFn = (_m, spec) => {
    const bad: string[] = [];
    const ports: string[] = [];
    for (const c of allContainers(spec)) {
        let valid = true;
        for (const p of asArray(c.container.ports)) {
            if (p.hostPort !== undefined && p.hostPort !== null && Number(p.hostPort) !== 0) {
                valid = false;
                ports.push(textOf(p.hostPort));
            }
        }
        if (!valid) bad.push(c.name);
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
const appArmorProfile: CheckFn = (metadata, spec) => {
    const allowedType = (t: unknown) => t === "RuntimeDefault" || t === "Localhost";
    const badSetters: string[] = [];
    const badValues: string[] = [];
    const podProfile = asObj(podSecurityContext(spec)?.appArmorProfile);
    if (podProfile && !allowedType(podProfile.type)) {
        badSetters.push("pod");
        badValues.push(textOf(podProfile.type));
    }
    const badContainers: string[] = [];
    for (const c of allContainers(spec)) {
        const profile = asObj(securityContext(c.container)?.appArmorProfile);
        if (profile && !allowedType(profile.type)) {
            badContainers.push(c.name);
            badValues.push(textOf(profile.type));
        }
    }
    if (badContainers.length) badSetters.push(`${pluralize("container", "containers", badContainers.length)} ${joinQuote(badContainers)}`);
    const forbiddenAnnotations: string[] = [];
    for (const [k, v] of Object.entries(asObj(metadata.annotations) ?? {})) {
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
function seLinuxOptions(allowedTypes: Set<string>): CheckFn {
    return (_m, spec) => {
        const badTypes: string[] = [];
        let setUser = false;
        let setRole = false;
        const valid = (opts: Obj): boolean => {
            let ok = true;
            const type = asString(opts.type) ?? "";
            if (!allowedTypes.has(type)) {
                ok = false;
                badTypes.push(type);
            }
            if ((asString(opts.user) ?? "").length > 0) {
                ok = false;
                setUser = true;
            }
            if ((asString(opts.role) ?? "").length > 0) {
                ok = false;
                setRole = true;
            }
            return ok;
        };
        const badSetters: string[] = [];
        const podOpts = asObj(podSecurityContext(spec)?.seLinuxOptions);
        if (podOpts && !valid(podOpts)) badSetters.push("pod");
        const badContainers: string[] = [];
        for (const c of allContainers(spec)) {
            const opts = asObj(securityContext(c.container)?.seLinuxOptions);
            if (opts && !valid(opts)) badContainers.push(c.name);
        }
        if (badContainers.length)
            badSetters.push(`${pluralize("container", "containers", badContainers.length)} ${joinQuote(badContainers)}`);
        if (!badSetters.length) return undefined;
        const badData: string[] = [];
        const types = sortedUnique(badTypes);
        if (types.length) badData.push(`${pluralize("type", "types", types.length)} ${joinQuote(types)}`);
        if (setUser) badData.push("user may not be set");
        if (setRole) badData.push("role may not be set");
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
const procMount_1_0: CheckFn = (_m, spec) => {
    const bad: string[] = [];
    const types: string[] = [];
    for (const c of allContainers(spec)) {
        const pm = securityContext(c.container)?.procMount;
        if (pm === undefined || pm === null) continue;
        if (pm !== "Default") {
            bad.push(c.name);
            types.push(textOf(pm));
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
const procMount_1_35: CheckFn = (m, spec) => (inUserNamespace(spec) ? undefined : procMount_1_0(m, spec));

const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

/** check_seccompProfile_baseline.go seccompProfileBaseline_1_0 (annotations, before the field existed) */
const seccompBaseline_1_0: CheckFn = (metadata, spec) => {
    const annotations = asObj(metadata.annotations) ?? {};
    const validValue = (v: string) => v === "runtime/default" || v === "docker/default" || v.startsWith("localhost/");
    const forbidden: string[] = [];
    if (Object.prototype.hasOwnProperty.call(annotations, SECCOMP_POD_ANNOTATION)) {
        const v = textOf(annotations[SECCOMP_POD_ANNOTATION]);
        if (!validValue(v)) forbidden.push(`${SECCOMP_POD_ANNOTATION}=${JSON.stringify(v)}`);
    }
    for (const c of allContainers(spec)) {
        const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
        if (Object.prototype.hasOwnProperty.call(annotations, key)) {
            const v = textOf(annotations[key]);
            if (!validValue(v)) forbidden.push(`${key}=${JSON.stringify(v)}`);
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
const seccompBaseline_1_19: CheckFn = (_m, spec) => {
    const valid = (t: unknown) => t === "Localhost" || t === "RuntimeDefault";
    const badSetters: string[] = [];
    const badValues: string[] = [];
    const podProfile = asObj(podSecurityContext(spec)?.seccompProfile);
    if (podProfile && !valid(podProfile.type)) {
        badSetters.push("pod");
        badValues.push(textOf(podProfile.type));
    }
    const bad: string[] = [];
    for (const c of allContainers(spec)) {
        const profile = asObj(securityContext(c.container)?.seccompProfile);
        if (profile && !valid(profile.type)) {
            bad.push(c.name);
            badValues.push(textOf(profile.type));
        }
    }
    if (bad.length) badSetters.push(`${pluralize("container", "containers", bad.length)} ${joinQuote(bad)}`);
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
function sysctls(allowed: readonly string[]): CheckFn {
    const set = new Set(allowed);
    return (_m, spec) => {
        const forbidden = asArray(podSecurityContext(spec)?.sysctls)
            .map((s) => asString(s.name) ?? "")
            .filter((n) => !set.has(n));
        return forbidden.length ? { id: "sysctls", reason: "forbidden sysctls", detail: forbidden.join(", ") } : undefined;
    };
}

/** check_windowsHostProcess.go windowsHostProcess_1_0 */
const windowsHostProcess: CheckFn = (_m, spec) => {
    const hostProcess = (sc: Obj | undefined) => asObj(sc?.windowsOptions)?.hostProcess === true;
    const bad = allContainers(spec)
        .filter((c) => hostProcess(securityContext(c.container)))
        .map((c) => c.name);
    const setters: string[] = [];
    if (hostProcess(podSecurityContext(spec))) setters.push("pod");
    if (bad.length) setters.push(`${pluralize("container", "containers", bad.length)} ${joinQuote(bad)}`);
    return setters.length
        ? {
              id: "windowsHostProcess",
              reason: "hostProcess",
              detail: `${setters.join(" and ")} must not set securityContext.windowsOptions.hostProcess=true`,
          }
        : undefined;
};

/** check_hostProbesAndhostLifecycle.go hostProbesAndHostLifecycleV1Dot34 */
const hostProbesAndHostLifecycle: CheckFn = (_m, spec) => {
    const badContainers: string[] = [];
    const forbidden: string[] = [];
    const hostsOf = (handler: unknown): string[] => {
        const h = asObj(handler);
        if (!h) return [];
        const hosts: string[] = [];
        const httpHost = asString(asObj(h.httpGet)?.host);
        if (httpHost) hosts.push(httpHost);
        const tcpHost = asString(asObj(h.tcpSocket)?.host);
        if (tcpHost) hosts.push(tcpHost);
        return hosts;
    };
    for (const c of allContainers(spec)) {
        const lifecycle = asObj(c.container.lifecycle);
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
const BASELINE_CHECKS: readonly Check[] = [
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
function checkAt(check: Check, version: PssVersion): CheckFn | undefined {
    let found: CheckFn | undefined;
    for (const v of check.versions) if (v.minMinor <= version.minor) found = v.check;
    return found;
}

/** Every baseline check that forbids this pod (metadata + spec) at the given version; empty means allowed. */
export function evaluateBaseline(metadata: Obj, spec: Obj, version: PssVersion): CheckResult[] {
    const results: CheckResult[] = [];
    for (const check of BASELINE_CHECKS) {
        const fn = checkAt(check, version);
        const r = fn?.(metadata, spec);
        if (r) results.push(r);
    }
    return results;
}

/** AggregateCheckResult.ForbiddenDetail: `reason (detail), reason (detail)`, as in admission warnings. */
export function formatResults(results: CheckResult[]): string {
    return results.map((r) => (r.detail ? `${r.reason} (${r.detail})` : r.reason)).join(", ");
}
