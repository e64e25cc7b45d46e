/**
 * guide §4: user accounts. Access goes through the cloud's IAM integrated with Kubernetes RBAC (§4.1, §4.2),
 * least privilege per namespace (§4.3), and no Kubernetes Dashboard with a cluster-admin token (§4.4).
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configOf, effectiveNamespace, guide, isNamespaced } from "./common";
import { ARCHIVER_IDENTITY_REQUESTS, ARCHIVER_SERVICE_ACCOUNT } from "./xroad/archiver";
import { namespaceOf, namespaceResource, ofTypes, props } from "./stack-helpers";
import { selectorMatches } from "../kubernetes-model/selectors";
import {
    CLUSTER_ROLE,
    CLUSTER_ROLE_BINDING,
    CONFIG_MAP,
    HELM_CHARTS,
    HELM_RELEASE,
    NAMESPACE,
    ROLE,
    ROLE_BINDING,
    VALIDATING_ADMISSION_POLICY,
    VALIDATING_ADMISSION_POLICY_BINDING,
} from "../kubernetes-model/types";
import { Obj, allContainers, asArray, asObj, asString, isWorkload, podTemplate } from "../kubernetes-model/workloads";

export const EKS_CLUSTER = "aws:eks/cluster:Cluster";
export const EKS_COMPONENT_CLUSTER = "eks:index:Cluster";
const EKS_ACCESS_POLICY_ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
export const AKS_CLUSTER = "azure-native:containerservice:ManagedCluster";
export const AKS_CLASSIC_CLUSTER = "azure:containerservice/kubernetesCluster:KubernetesCluster";

export interface ClusterAdminConfig {
    /** Subjects allowed to hold cluster-admin, as `Kind:name` or `Kind:namespace/name`. */
    allowedSubjects: string[];
}

function subjectId(s: Record<string, unknown>): string {
    const kind = asString(s.kind) ?? "?";
    const ns = asString(s.namespace);
    return `${kind}:${ns ? `${ns}/` : ""}${asString(s.name) ?? "?"}`;
}

export const noClusterAdminBinding: ResourceValidationPolicy = {
    name: "k8s-no-cluster-admin-binding",
    description:
        "No (Cluster)RoleBinding grants the cluster-admin role or binds the system:masters group: RBAC permissions are least privilege and a leaked token cannot own the cluster (guide §4.2, §4.4).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Bind a Role scoped to the namespace the subject needs (guide §4.3); allowlist a break-glass subject in the policy config `allowedSubjects` only when it is audited.",
    ...guide("4.2", "rbac"),
    configSchema: { properties: { allowedSubjects: { type: "array", items: { type: "string" }, default: [] } } },
    validateResource: (args, report) => {
        if (args.type !== CLUSTER_ROLE_BINDING && args.type !== ROLE_BINDING) return;
        const { allowedSubjects } = configOf<ClusterAdminConfig>(noClusterAdminBinding, args);
        const subjects = asArray(args.props.subjects);
        const roleRef = asObj(args.props.roleRef);
        if (asString(roleRef?.name) === "cluster-admin" && asString(roleRef?.kind) !== "Role") {
            const offending = subjects.map(subjectId).filter((s) => !allowedSubjects.includes(s));
            if (offending.length > 0 || subjects.length === 0) report(`binds cluster-admin to ${offending.join(", ") || "no subjects"}`);
        }
        for (const s of subjects) {
            if (asString(s.kind) === "Group" && asString(s.name) === "system:masters" && !allowedSubjects.includes(subjectId(s)))
                report("binds the system:masters group");
        }
    },
};

export const noWildcardRbac: ResourceValidationPolicy = {
    name: "k8s-no-wildcard-rbac",
    description: "Roles and ClusterRoles list the verbs, resources and API groups they grant instead of `*` (guide §4.2, §4.3).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Replace `*` with the verbs (get, list, watch, …), resources and API groups the subject needs.",
    ...guide("4.3", "rbac"),
    validateResource: (args, report) => {
        if (args.type !== ROLE && args.type !== CLUSTER_ROLE) return;
        asArray(args.props.rules).forEach((rule, i) => {
            const wild = ["verbs", "resources", "apiGroups"].filter((f) => Array.isArray(rule[f]) && (rule[f] as unknown[]).includes("*"));
            if (wild.length) report(`rule ${i} uses "*" in ${wild.join(", ")}`);
        });
    },
};

/**
 * Objects Kubernetes itself keeps in `default`, which a manifest can only change in place: the namespace's
 * `default` ServiceAccount (hardened with automountServiceAccountToken: false, guide §4.2) and the API server's
 * `kubernetes` Service (kube-apiserver's controlplane controller reconciles it there).
 */
const BUILT_IN_DEFAULT_OBJECTS: Record<string, string> = {
    "kubernetes:core/v1:ServiceAccount": "default",
    "kubernetes:core/v1:Service": "kubernetes",
};

function isBuiltInOfDefault(type: string, name: string | undefined): boolean {
    return name !== undefined && BUILT_IN_DEFAULT_OBJECTS[type] === name;
}

export const noDefaultNamespace: ResourceValidationPolicy = {
    name: "k8s-no-default-namespace",
    description:
        "Namespaced objects live in a dedicated namespace, not `default`, so access can be restricted per namespace; the built-in `default` ServiceAccount and `kubernetes` Service, which can only live there, are exempt (guide §4.3).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set metadata.namespace to the Sidecar's namespace (or set the provider's namespace); never rely on `default`.",
    ...guide("4.3", "namespaces"),
    validateResource: (args, report) => {
        if (args.type === HELM_RELEASE) {
            const ns = asString(args.props.namespace) || asString(args.provider?.props?.namespace) || "default";
            if (ns === "default") report("Helm release installs into the default namespace");
            return;
        }
        if (
            !args.type.startsWith("kubernetes:") ||
            !isNamespaced(args.type) ||
            args.type.startsWith("kubernetes:helm.sh/") ||
            args.type.startsWith("kubernetes:yaml/")
        )
            return;
        if (args.type.endsWith("Patch")) return;
        const ns = effectiveNamespace(args.props, args.provider);
        if (ns === "default" && isBuiltInOfDefault(args.type, asString(asObj(args.props.metadata)?.name))) return;
        if (ns === "default") {
            report(
                asString(asObj(args.props.metadata)?.namespace)
                    ? "is placed in the default namespace"
                    : "sets no namespace, so it lands in the default namespace",
            );
        }
    },
};

const DASHBOARD = /kubernetes-dashboard/i;

export const noDashboard: ResourceValidationPolicy = {
    name: "k8s-no-dashboard",
    description:
        "The Kubernetes Dashboard is not deployed: its token may carry cluster-admin, anyone reaching it acts with its RBAC role, and it has a history of CVEs (guide §4.4).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Remove the dashboard (Helm chart kubernetes-dashboard, kubernetesui images, the AKS kubeDashboard add-on); use kubectl with your cloud identity (guide §4.1) instead.",
    ...guide("4.4", "dashboard"),
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === HELM_RELEASE || HELM_CHARTS.includes(args.type)) {
            const chart = asString(props.chart) ?? "";
            const repo =
                asString(asObj(props.repositoryOpts)?.repo) ??
                asString(asObj(props.fetchOpts)?.repo) ??
                asString(props.repositoryOpts) ??
                "";
            if (DASHBOARD.test(chart) || /kubernetes\.github\.io\/dashboard/.test(repo))
                report(`Helm chart ${chart || repo} installs the Kubernetes Dashboard`);
            return;
        }
        if (args.type === NAMESPACE) {
            if (asString(asObj(props.metadata)?.name) === "kubernetes-dashboard") report("the kubernetes-dashboard namespace is created");
            return;
        }
        if (isWorkload(args.type)) {
            const tpl = podTemplate(args.type, props);
            for (const c of tpl ? allContainers(tpl.spec) : []) {
                const image = asString(c.container.image) ?? "";
                if (/(^|\/)kubernetesui\//.test(image) || DASHBOARD.test(image))
                    report(`${c.kind} "${c.name}" runs the dashboard image ${image}`);
            }
            return;
        }
        if (args.type === AKS_CLUSTER) {
            const addons = asObj(props.addonProfiles) ?? {};
            for (const [key, addon] of Object.entries(addons)) {
                if (key.toLowerCase() === "kubedashboard" && asObj(addon)?.enabled === true)
                    report("the AKS kubeDashboard add-on is enabled");
            }
        }
    },
};

export interface EksAccessConfig {
    allowedClusterAdminPrincipals: string[];
    clusterAdminPrincipalPattern: string;
}

/**
 * Cluster admins are IAM roles: assumed through SSO/MFA, every session traceable to a person in CloudTrail.
 * IAM users and the account root carry long-lived keys whose use cannot be traced to a human (guide §4.4).
 */
const DEFAULT_ADMIN_PRINCIPAL_PATTERN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/";

function adminAllowed(principal: string, config: EksAccessConfig): boolean {
    return config.allowedClusterAdminPrincipals.includes(principal) || new RegExp(config.clusterAdminPrincipalPattern).test(principal);
}

/** AmazonEKSClusterAdminPolicy with cluster scope: the EKS form of binding cluster-admin. */
function isClusterWideAdmin(policy: Obj | undefined): boolean {
    return (
        /AmazonEKSClusterAdminPolicy$/.test(asString(policy?.policyArn) ?? "") && asString(asObj(policy?.accessScope)?.type) === "cluster"
    );
}

export const eksClusterAccessLeastPrivilege: ResourceValidationPolicy = {
    name: "eks-cluster-access-least-privilege",
    description:
        "EKS access goes through access entries (authenticationMode API, nothing mapped to system:masters in aws-auth), the creator gets no implicit cluster-admin, and AmazonEKSClusterAdminPolicy goes cluster-wide only to IAM roles (traceable sessions), never to IAM users or the root (guide §4.1, §4.2, §4.4).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set accessConfig.authenticationMode (or the eks component's authenticationMode) to API and bootstrapClusterCreatorAdminPermissions to false; grant cluster admin only to IAM roles people assume (SSO/MFA) and namespace-scoped access policies to everyone else. `clusterAdminPrincipalPattern` and `allowedClusterAdminPrincipals` tune who may be admin.",
    ...guide("4.2", "aws", "rbac"),
    configSchema: {
        properties: {
            allowedClusterAdminPrincipals: { type: "array", items: { type: "string" }, default: [] },
            clusterAdminPrincipalPattern: { type: "string", default: DEFAULT_ADMIN_PRINCIPAL_PATTERN },
        },
    },
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === EKS_CLUSTER) {
            const access = asObj(props.accessConfig);
            const mode = asString(access?.authenticationMode) ?? "CONFIG_MAP";
            if (mode !== "API")
                report(`authenticationMode is ${mode}; use API so access is managed by EKS access entries, not the aws-auth ConfigMap`);
            // The eks component always sets it: it deploys its charts as the creating identity (pulumi-eks cluster.ts).
            // That identity is the deployer, recorded in CloudTrail; elsewhere the implicit admin is refused.
            const underEksComponent = args.urn.includes(`${EKS_COMPONENT_CLUSTER}$`);
            if (access?.bootstrapClusterCreatorAdminPermissions !== false && !underEksComponent)
                report("bootstrapClusterCreatorAdminPermissions is not false: the creating identity silently becomes cluster-admin");
        } else if (args.type === EKS_COMPONENT_CLUSTER) {
            const mode = asString(props.authenticationMode) ?? "CONFIG_MAP";
            if (mode !== "API")
                report(`authenticationMode is ${mode}; use API so access is managed by EKS access entries, not the aws-auth ConfigMap`);
            // The component's access entries are AccessPolicyAssociations by another name.
            const config = configOf<EksAccessConfig>(eksClusterAccessLeastPrivilege, args);
            for (const [key, entry] of Object.entries(asObj(props.accessEntries) ?? {})) {
                const principal = asString(asObj(entry)?.principalArn) ?? key;
                for (const policy of Object.values(asObj(asObj(entry)?.accessPolicies) ?? {})) {
                    if (isClusterWideAdmin(asObj(policy)) && !adminAllowed(principal, config)) {
                        report(
                            `access entry ${key} makes ${principal} cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted`,
                        );
                    }
                }
            }
        } else if (args.type === CONFIG_MAP) {
            // The legacy aws-auth mapping: IAM identities mapped to system:masters are unrestricted cluster admins.
            const metadata = asObj(props.metadata);
            if (asString(metadata?.name) !== "aws-auth" || asString(metadata?.namespace) !== "kube-system") return;
            const data = asObj(props.data) ?? {};
            for (const key of ["mapRoles", "mapUsers", "mapAccounts"]) {
                if (/system:masters/.test(asString(data[key]) ?? ""))
                    report(`aws-auth ${key} maps IAM identities to system:masters; use access entries with scoped access policies`);
            }
        } else if (args.type === EKS_ACCESS_POLICY_ASSOCIATION) {
            const principal = asString(props.principalArn) ?? "";
            if (isClusterWideAdmin(props) && !adminAllowed(principal, configOf<EksAccessConfig>(eksClusterAccessLeastPrivilege, args))) {
                report(
                    `makes ${principal || "an unknown principal"} cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted`,
                );
            }
        }
    },
};

export const aksRbacLocalAccounts: ResourceValidationPolicy = {
    name: "aks-rbac-local-accounts",
    description:
        "AKS keeps Kubernetes RBAC on, disables local accounts and authorizes with Microsoft Entra ID through Azure RBAC (guide §4.1, §4.2).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set enableRBAC: true, disableLocalAccounts: true and aadProfile: {managed: true, enableAzureRBAC: true} on the managed cluster.",
    ...guide("4.2", "azure", "rbac"),
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === AKS_CLUSTER) {
            if (props.enableRBAC === false) report("enableRBAC is false");
            if (props.disableLocalAccounts !== true)
                report("local accounts are not disabled (disableLocalAccounts is not true): the static admin kubeconfig bypasses Entra ID");
            if (asObj(props.aadProfile)?.enableAzureRBAC !== true)
                report("Azure RBAC for Kubernetes authorization is not enabled (aadProfile.enableAzureRBAC)");
        } else if (args.type === AKS_CLASSIC_CLUSTER) {
            if (props.roleBasedAccessControlEnabled === false) report("roleBasedAccessControlEnabled is false");
            if (props.localAccountDisabled !== true) report("localAccountDisabled is not true");
        }
    },
};

/** Whether the pod template of a workload (or PodTemplate) runs as `serviceAccount`, by the field or its deprecated alias. */
function runsAs(r: PolicyResource, serviceAccount: string): boolean {
    const spec = podTemplate(r.type, props(r))?.spec;
    return spec !== undefined && (asString(spec.serviceAccountName) === serviceAccount || asString(spec.serviceAccount) === serviceAccount);
}

/** The namespace's labels as admission sees them: its declared ones, and the name label the API server sets. */
function namespaceLabels(resources: PolicyResource[], namespace: string): Record<string, string> {
    const declared = asObj(asObj(namespaceResource(resources, namespace)?.props.metadata)?.labels) ?? {};
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(declared)) if (typeof v === "string") labels[k] = v;
    return { ...labels, "kubernetes.io/metadata.name": namespace };
}

/** An absent namespace selector selects every namespace. */
function selectsNamespace(selector: unknown, labels: Record<string, string>): boolean {
    return selector === undefined || selector === null || selectorMatches(asObj(selector), labels);
}

/** The requests of ARCHIVER_IDENTITY_REQUESTS that no rule of the policy matches, as `group/resource OPERATION`. */
function uncoveredRequests(policy: Obj): string[] {
    const rules = asArray(asObj(asObj(policy.spec)?.matchConstraints)?.resourceRules);
    const has = (list: unknown, value: string) => Array.isArray(list) && (list.includes("*") || list.includes(value));
    const missing: string[] = [];
    for (const { apiGroup, resources, operations } of ARCHIVER_IDENTITY_REQUESTS)
        for (const resource of resources)
            for (const operation of operations) {
                const [main] = resource.split("/");
                const covered = rules.some(
                    (r) =>
                        has(r.apiGroups, apiGroup) &&
                        (has(r.apiVersions, "v1") || has(r.apiVersions, "*")) &&
                        has(r.operations, operation) &&
                        (has(r.resources, resource) || (resource.includes("/") && has(r.resources, `${main}/*`))),
                );
                if (!covered) missing.push(`${apiGroup === "" ? "core" : apiGroup}/${resource} ${operation}`);
            }
    return missing;
}

/** Whether some variable or validation of the policy names the ServiceAccount as a CEL string literal. */
function namesServiceAccount(policy: Obj, serviceAccount: string): boolean {
    const spec = asObj(policy.spec);
    const expressions = [...asArray(spec?.variables), ...asArray(spec?.validations)].map((e) => asString(e.expression) ?? "");
    return expressions.some((e) => e.includes(`"${serviceAccount}"`) || e.includes(`'${serviceAccount}'`));
}

export const archiverIdentityAdmission: StackValidationPolicy = {
    name: "xroad-archiver-identity-admission",
    description:
        "Only the archiver runs as its ServiceAccount, the identity the cloud trusts to write the message-log archive: a ValidatingAdmissionPolicy that fails closed, bound with Deny to the archiver's namespace, covers every pod, workload, ephemeral container and token request and names the ServiceAccount (guide §4.3, §10; review azure.md B2).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Create the archiver through components/kubernetes/archiver.ts with ArchiverAdmission (components/kubernetes/archiver-admission.ts), or add a ValidatingAdmissionPolicy (failurePolicy Fail) matching pods, pods/ephemeralcontainers, podtemplates, replicationcontrollers, deployments, replicasets, statefulsets, daemonsets, jobs and cronjobs (CREATE, UPDATE) and serviceaccounts/token (CREATE) that refuses the archiver's ServiceAccount to all but the verb 'use' and the cronjob- and job-controller, and a binding with validationActions [Deny] selecting the namespace. Kubernetes 1.30 or later.",
    ...guide("4.3", "archives", "xroad"),
    validateStack: (args, report) => {
        const policies = ofTypes(args.resources, VALIDATING_ADMISSION_POLICY);
        const bindings = ofTypes(args.resources, VALIDATING_ADMISSION_POLICY_BINDING);
        const guarding = policies.filter((p) => namesServiceAccount(props(p), ARCHIVER_SERVICE_ACCOUNT));
        const reported = new Set<string>();
        for (const w of args.resources.filter((r) => runsAs(r, ARCHIVER_SERVICE_ACCOUNT))) {
            const namespace = namespaceOf(w);
            if (reported.has(namespace)) continue;
            const labels = namespaceLabels(args.resources, namespace);
            const problems: string[] = [];
            const guards = guarding.some((p) => {
                const spec = asObj(props(p).spec) ?? {};
                const name = asString(asObj(props(p).metadata)?.name);
                const missing = uncoveredRequests(props(p));
                const failurePolicy = asString(spec.failurePolicy) ?? "Fail";
                const bound = bindings.some((b) => {
                    const bspec = asObj(props(b).spec) ?? {};
                    const actions = bspec.validationActions;
                    return (
                        asString(bspec.policyName) === name &&
                        Array.isArray(actions) &&
                        actions.includes("Deny") &&
                        selectsNamespace(asObj(bspec.matchResources)?.namespaceSelector, labels)
                    );
                });
                const selected = selectsNamespace(asObj(spec.matchConstraints)?.namespaceSelector, labels);
                if (missing.length > 0) problems.push(`${name} does not match ${missing.join(", ")}`);
                if (failurePolicy !== "Fail") problems.push(`${name} has failurePolicy ${failurePolicy}, so an error admits the request`);
                if (!selected) problems.push(`${name} does not select namespace ${namespace}`);
                if (!bound) problems.push(`no binding of ${name} with validationActions Deny selects namespace ${namespace}`);
                return missing.length === 0 && failurePolicy === "Fail" && selected && bound;
            });
            if (guards) continue;
            reported.add(namespace);
            const detail = guarding.length === 0 ? "no ValidatingAdmissionPolicy names it" : problems.join("; ");
            report(
                `${w.type.split(":").pop()} ${asString(asObj(props(w).metadata)?.name) ?? w.name} runs as ServiceAccount ${ARCHIVER_SERVICE_ACCOUNT} in namespace ${namespace}, but admission does not keep others from running as it: ${detail}`,
                w.urn,
            );
        }
    },
};

export const accessPolicies = [
    noClusterAdminBinding,
    noWildcardRbac,
    noDefaultNamespace,
    noDashboard,
    eksClusterAccessLeastPrivilege,
    aksRbacLocalAccounts,
    archiverIdentityAdmission,
];
