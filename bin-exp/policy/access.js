"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accessPolicies = exports.aksRbacLocalAccounts = exports.eksClusterAccessLeastPrivilege = exports.noDashboard = exports.noDefaultNamespace = exports.noWildcardRbac = exports.noClusterAdminBinding = exports.AKS_CLASSIC_CLUSTER = exports.AKS_CLUSTER = exports.EKS_COMPONENT_CLUSTER = exports.EKS_CLUSTER = void 0;
const common_1 = require("./common");
const types_1 = require("./kubernetes/types");
const workloads_1 = require("./kubernetes/workloads");
exports.EKS_CLUSTER = "aws:eks/cluster:Cluster";
exports.EKS_COMPONENT_CLUSTER = "eks:index:Cluster";
const EKS_ACCESS_POLICY_ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
exports.AKS_CLUSTER = "azure-native:containerservice:ManagedCluster";
exports.AKS_CLASSIC_CLUSTER = "azure:containerservice/kubernetesCluster:KubernetesCluster";
function subjectId(s) {
    const kind = (0, workloads_1.asString)(s.kind) ?? "?";
    const ns = (0, workloads_1.asString)(s.namespace);
    return `${kind}:${ns ? `${ns}/` : ""}${(0, workloads_1.asString)(s.name) ?? "?"}`;
}
exports.noClusterAdminBinding = {
    name: "k8s-no-cluster-admin-binding",
    description: "No (Cluster)RoleBinding grants the cluster-admin role or binds the system:masters group: RBAC permissions are least privilege and a leaked token cannot own the cluster (guide §4.2, §4.4).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps: "Bind a Role scoped to the namespace the subject needs (guide §4.3); allowlist a break-glass subject in the policy config `allowedSubjects` only when it is audited.",
    ...(0, common_1.guide)("4.2", "rbac"),
    configSchema: { properties: { allowedSubjects: { type: "array", items: { type: "string" }, default: [] } } },
    validateResource: (args, report) => {
        if (args.type !== types_1.CLUSTER_ROLE_BINDING && args.type !== types_1.ROLE_BINDING)
            return;
        const { allowedSubjects } = (0, common_1.configOf)(exports.noClusterAdminBinding, args);
        const subjects = (0, workloads_1.asArray)(args.props.subjects);
        const roleRef = (0, workloads_1.asObj)(args.props.roleRef);
        if ((0, workloads_1.asString)(roleRef?.name) === "cluster-admin" && (0, workloads_1.asString)(roleRef?.kind) !== "Role") {
            const offending = subjects.map(subjectId).filter((s) => !allowedSubjects.includes(s));
            if (offending.length > 0 || subjects.length === 0)
                report(`binds cluster-admin to ${offending.join(", ") || "no subjects"}`);
        }
        for (const s of subjects) {
            if ((0, workloads_1.asString)(s.kind) === "Group" && (0, workloads_1.asString)(s.name) === "system:masters" && !allowedSubjects.includes(subjectId(s)))
                report("binds the system:masters group");
        }
    },
};
exports.noWildcardRbac = {
    name: "k8s-no-wildcard-rbac",
    description: "Roles and ClusterRoles list the verbs, resources and API groups they grant instead of `*` (guide §4.2, §4.3).",
    severity: "medium",
    enforcementLevel: "advisory",
    remediationSteps: "Replace `*` with the verbs (get, list, watch, …), resources and API groups the subject needs.",
    ...(0, common_1.guide)("4.3", "rbac"),
    validateResource: (args, report) => {
        if (args.type !== types_1.ROLE && args.type !== types_1.CLUSTER_ROLE)
            return;
        (0, workloads_1.asArray)(args.props.rules).forEach((rule, i) => {
            const wild = ["verbs", "resources", "apiGroups"].filter((f) => Array.isArray(rule[f]) && rule[f].includes("*"));
            if (wild.length)
                report(`rule ${i} uses "*" in ${wild.join(", ")}`);
        });
    },
};
/**
 * Objects Kubernetes itself keeps in `default`, which a manifest can only change in place: the namespace's
 * `default` ServiceAccount (hardened with automountServiceAccountToken: false, guide §4.2) and the API server's
 * `kubernetes` Service (kube-apiserver's controlplane controller reconciles it there).
 */
const BUILT_IN_DEFAULT_OBJECTS = {
    "kubernetes:core/v1:ServiceAccount": "default",
    "kubernetes:core/v1:Service": "kubernetes",
};
function isBuiltInOfDefault(type, name) {
    return name !== undefined && BUILT_IN_DEFAULT_OBJECTS[type] === name;
}
exports.noDefaultNamespace = {
    name: "k8s-no-default-namespace",
    description: "Namespaced objects live in a dedicated namespace, not `default`, so access can be restricted per namespace; the built-in `default` ServiceAccount and `kubernetes` Service, which can only live there, are exempt (guide §4.3).",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps: "Set metadata.namespace to the Sidecar's namespace (or set the provider's namespace); never rely on `default`.",
    ...(0, common_1.guide)("4.3", "namespaces"),
    validateResource: (args, report) => {
        if (args.type === types_1.HELM_RELEASE) {
            const ns = (0, workloads_1.asString)(args.props.namespace) || (0, workloads_1.asString)(args.provider?.props?.namespace) || "default";
            if (ns === "default")
                report("Helm release installs into the default namespace");
            return;
        }
        if (!args.type.startsWith("kubernetes:") ||
            !(0, common_1.isNamespaced)(args.type) ||
            args.type.startsWith("kubernetes:helm.sh/") ||
            args.type.startsWith("kubernetes:yaml/"))
            return;
        if (args.type.endsWith("Patch"))
            return;
        const ns = (0, common_1.effectiveNamespace)(args.props, args.provider);
        if (ns === "default" && isBuiltInOfDefault(args.type, (0, workloads_1.asString)((0, workloads_1.asObj)(args.props.metadata)?.name)))
            return;
        if (ns === "default") {
            report((0, workloads_1.asString)((0, workloads_1.asObj)(args.props.metadata)?.namespace)
                ? "is placed in the default namespace"
                : "sets no namespace, so it lands in the default namespace");
        }
    },
};
const DASHBOARD = /kubernetes-dashboard/i;
exports.noDashboard = {
    name: "k8s-no-dashboard",
    description: "The Kubernetes Dashboard is not deployed: its token may carry cluster-admin, anyone reaching it acts with its RBAC role, and it has a history of CVEs (guide §4.4).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Remove the dashboard (Helm chart kubernetes-dashboard, kubernetesui images, the AKS kubeDashboard add-on); use kubectl with your cloud identity (guide §4.1) instead.",
    ...(0, common_1.guide)("4.4", "dashboard"),
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === types_1.HELM_RELEASE || types_1.HELM_CHARTS.includes(args.type)) {
            const chart = (0, workloads_1.asString)(props.chart) ?? "";
            const repo = (0, workloads_1.asString)((0, workloads_1.asObj)(props.repositoryOpts)?.repo) ??
                (0, workloads_1.asString)((0, workloads_1.asObj)(props.fetchOpts)?.repo) ??
                (0, workloads_1.asString)(props.repositoryOpts) ??
                "";
            if (DASHBOARD.test(chart) || /kubernetes\.github\.io\/dashboard/.test(repo))
                report(`Helm chart ${chart || repo} installs the Kubernetes Dashboard`);
            return;
        }
        if (args.type === types_1.NAMESPACE) {
            if ((0, workloads_1.asString)((0, workloads_1.asObj)(props.metadata)?.name) === "kubernetes-dashboard")
                report("the kubernetes-dashboard namespace is created");
            return;
        }
        if ((0, workloads_1.isWorkload)(args.type)) {
            const tpl = (0, workloads_1.podTemplate)(args.type, props);
            for (const c of tpl ? (0, workloads_1.allContainers)(tpl.spec) : []) {
                const image = (0, workloads_1.asString)(c.container.image) ?? "";
                if (/(^|\/)kubernetesui\//.test(image) || DASHBOARD.test(image))
                    report(`${c.kind} "${c.name}" runs the dashboard image ${image}`);
            }
            return;
        }
        if (args.type === exports.AKS_CLUSTER) {
            const addons = (0, workloads_1.asObj)(props.addonProfiles) ?? {};
            for (const [key, addon] of Object.entries(addons)) {
                if (key.toLowerCase() === "kubedashboard" && (0, workloads_1.asObj)(addon)?.enabled === true)
                    report("the AKS kubeDashboard add-on is enabled");
            }
        }
    },
};
/**
 * Cluster admins are IAM roles: assumed through SSO/MFA, every session traceable to a person in CloudTrail.
 * IAM users and the account root carry long-lived keys whose use cannot be traced to a human (guide §4.4).
 */
const DEFAULT_ADMIN_PRINCIPAL_PATTERN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/";
function adminAllowed(principal, config) {
    return config.allowedClusterAdminPrincipals.includes(principal) || new RegExp(config.clusterAdminPrincipalPattern).test(principal);
}
/** AmazonEKSClusterAdminPolicy with cluster scope: the EKS form of binding cluster-admin. */
function isClusterWideAdmin(policy) {
    return (/AmazonEKSClusterAdminPolicy$/.test((0, workloads_1.asString)(policy?.policyArn) ?? "") && (0, workloads_1.asString)((0, workloads_1.asObj)(policy?.accessScope)?.type) === "cluster");
}
exports.eksClusterAccessLeastPrivilege = {
    name: "eks-cluster-access-least-privilege",
    description: "EKS access goes through access entries (authenticationMode API, nothing mapped to system:masters in aws-auth), the creator gets no implicit cluster-admin, and AmazonEKSClusterAdminPolicy goes cluster-wide only to IAM roles (traceable sessions), never to IAM users or the root (guide §4.1, §4.2, §4.4).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set accessConfig.authenticationMode (or the eks component's authenticationMode) to API and bootstrapClusterCreatorAdminPermissions to false; grant cluster admin only to IAM roles people assume (SSO/MFA) and namespace-scoped access policies to everyone else. `clusterAdminPrincipalPattern` and `allowedClusterAdminPrincipals` tune who may be admin.",
    ...(0, common_1.guide)("4.2", "aws", "rbac"),
    configSchema: {
        properties: {
            allowedClusterAdminPrincipals: { type: "array", items: { type: "string" }, default: [] },
            clusterAdminPrincipalPattern: { type: "string", default: DEFAULT_ADMIN_PRINCIPAL_PATTERN },
        },
    },
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === exports.EKS_CLUSTER) {
            const access = (0, workloads_1.asObj)(props.accessConfig);
            const mode = (0, workloads_1.asString)(access?.authenticationMode) ?? "CONFIG_MAP";
            if (mode !== "API")
                report(`authenticationMode is ${mode}; use API so access is managed by EKS access entries, not the aws-auth ConfigMap`);
            // The eks component always sets it: it deploys its charts as the creating identity (pulumi-eks cluster.ts).
            // That identity is the deployer, recorded in CloudTrail; elsewhere the implicit admin is refused.
            const underEksComponent = args.urn.includes(`${exports.EKS_COMPONENT_CLUSTER}$`);
            if (access?.bootstrapClusterCreatorAdminPermissions !== false && !underEksComponent)
                report("bootstrapClusterCreatorAdminPermissions is not false: the creating identity silently becomes cluster-admin");
        }
        else if (args.type === exports.EKS_COMPONENT_CLUSTER) {
            const mode = (0, workloads_1.asString)(props.authenticationMode) ?? "CONFIG_MAP";
            if (mode !== "API")
                report(`authenticationMode is ${mode}; use API so access is managed by EKS access entries, not the aws-auth ConfigMap`);
            // The component's access entries are AccessPolicyAssociations by another name.
            const config = (0, common_1.configOf)(exports.eksClusterAccessLeastPrivilege, args);
            for (const [key, entry] of Object.entries((0, workloads_1.asObj)(props.accessEntries) ?? {})) {
                const principal = (0, workloads_1.asString)((0, workloads_1.asObj)(entry)?.principalArn) ?? key;
                for (const policy of Object.values((0, workloads_1.asObj)((0, workloads_1.asObj)(entry)?.accessPolicies) ?? {})) {
                    if (isClusterWideAdmin((0, workloads_1.asObj)(policy)) && !adminAllowed(principal, config)) {
                        report(`access entry ${key} makes ${principal} cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted`);
                    }
                }
            }
        }
        else if (args.type === types_1.CONFIG_MAP) {
            // The legacy aws-auth mapping: IAM identities mapped to system:masters are unrestricted cluster admins.
            const metadata = (0, workloads_1.asObj)(props.metadata);
            if ((0, workloads_1.asString)(metadata?.name) !== "aws-auth" || (0, workloads_1.asString)(metadata?.namespace) !== "kube-system")
                return;
            const data = (0, workloads_1.asObj)(props.data) ?? {};
            for (const key of ["mapRoles", "mapUsers", "mapAccounts"]) {
                if (/system:masters/.test((0, workloads_1.asString)(data[key]) ?? ""))
                    report(`aws-auth ${key} maps IAM identities to system:masters; use access entries with scoped access policies`);
            }
        }
        else if (args.type === EKS_ACCESS_POLICY_ASSOCIATION) {
            const principal = (0, workloads_1.asString)(props.principalArn) ?? "";
            if (isClusterWideAdmin(props) && !adminAllowed(principal, (0, common_1.configOf)(exports.eksClusterAccessLeastPrivilege, args))) {
                report(`makes ${principal || "an unknown principal"} cluster admin (AmazonEKSClusterAdminPolicy, cluster scope); only IAM roles may be, unless allowlisted`);
            }
        }
    },
};
exports.aksRbacLocalAccounts = {
    name: "aks-rbac-local-accounts",
    description: "AKS keeps Kubernetes RBAC on, disables local accounts and authorizes with Microsoft Entra ID through Azure RBAC (guide §4.1, §4.2).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Set enableRBAC: true, disableLocalAccounts: true and aadProfile: {managed: true, enableAzureRBAC: true} on the managed cluster.",
    ...(0, common_1.guide)("4.2", "azure", "rbac"),
    validateResource: (args, report) => {
        const props = args.props;
        if (args.type === exports.AKS_CLUSTER) {
            if (props.enableRBAC === false)
                report("enableRBAC is false");
            if (props.disableLocalAccounts !== true)
                report("local accounts are not disabled (disableLocalAccounts is not true): the static admin kubeconfig bypasses Entra ID");
            if ((0, workloads_1.asObj)(props.aadProfile)?.enableAzureRBAC !== true)
                report("Azure RBAC for Kubernetes authorization is not enabled (aadProfile.enableAzureRBAC)");
        }
        else if (args.type === exports.AKS_CLASSIC_CLUSTER) {
            if (props.roleBasedAccessControlEnabled === false)
                report("roleBasedAccessControlEnabled is false");
            if (props.localAccountDisabled !== true)
                report("localAccountDisabled is not true");
        }
    },
};
exports.accessPolicies = [
    exports.noClusterAdminBinding,
    exports.noWildcardRbac,
    exports.noDefaultNamespace,
    exports.noDashboard,
    exports.eksClusterAccessLeastPrivilege,
    exports.aksRbacLocalAccounts,
];
