import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { ARCHIVER_IDENTITY_REQUESTS } from "../../policy/xroad/archiver";

/**
 * The kube-controller-manager identities that turn the archiver CronJob into Jobs and the Jobs into Pods. With
 * `--use-service-account-credentials` (CIS Kubernetes 1.3.3; kubeadm, EKS and AKS run it so) each controller
 * calls the API as its own ServiceAccount in kube-system, bound by the bootstrap policy
 * (kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/controller-role-bindings.yaml:
 * `system:controller:cronjob-controller`, `system:controller:job-controller`); without it, as the manager's own
 * user `system:kube-controller-manager`. Nothing else is needed: only these two controllers create what runs as
 * the archiver, so a Deployment or DaemonSet naming it is refused even for cluster-admin, whose replicaset- or
 * daemon-set-controller is not on the list.
 */
const CRONJOB_CONTROLLER = "system:serviceaccount:kube-system:cronjob-controller";
const JOB_CONTROLLER = "system:serviceaccount:kube-system:job-controller";
const CONTROLLER_MANAGER = "system:kube-controller-manager";
/** The kubelets: they request the projected token of each pod bound to their node (NodeRestriction limits them to those). */
const NODES_GROUP = "system:nodes";
/**
 * The custom verb that allows running as the archiver's ServiceAccount, checked through the CEL authorizer library
 * (kubernetes.io/docs/reference/using-api/cel/#kubernetes-authorizer-library). RBAC matches any verb with `*`, so
 * cluster-admin (the deployer: AmazonEKSClusterAdminPolicy, AKS RBAC Cluster Admin) has it; the namespace operators
 * (AmazonEKSEditPolicy, the custom operator role of components/azure/operator-role.ts) list their verbs and do not.
 * Azure RBAC asks for the data action `serviceaccounts/use/action` (kubeguard/guard
 * authz/providers/azure/rbac/checkaccessreqhelper.go getActionName), which only a wildcard such as RBAC Cluster
 * Admin's `Microsoft.ContainerService/managedClusters/*` grants.
 */
export const USE_VERB = "use";

/** Set by the API server on every namespace; namespace operators cannot change it. */
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/** Where each matched resource keeps the pod spec that names the ServiceAccount. */
const POD_SPEC_PATHS: readonly { resource: string; path: string }[] = [
    { resource: "pods", path: "spec" },
    { resource: "podtemplates", path: "template.spec" },
    { resource: "cronjobs", path: "spec.jobTemplate.spec.template.spec" },
];
/** Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and ReplicationControllers. */
const TEMPLATE_POD_SPEC = "spec.template.spec";

/** A CEL string literal (JSON's escapes are CEL's for these names). */
function cel(text: string): string {
    return JSON.stringify(text);
}

/** The pod spec of `root` (`object` or `oldObject`) for the resource of the request. */
function podSpecOf(root: "object" | "oldObject"): string {
    return POD_SPEC_PATHS.reduceRight(
        (rest, { resource, path }) => `request.resource.resource == ${cel(resource)} ? ${root}.${path} : ${rest}`,
        `${root}.${TEMPLATE_POD_SPEC}`,
    );
}

export interface ArchiverAdmissionArgs {
    /** The Sidecar namespace whose archiver ServiceAccount is guarded; the policy applies there only. */
    namespace: string;
    /** The ServiceAccount the cloud identity trusts (IRSA role, federated credential): `binding.serviceAccountName`. */
    serviceAccountName: string;
    /** Labels of the instance, for both objects. */
    labels: Record<string, string>;
}

/** The policy's spec: what the tests evaluate, read back from the planned object. */
function archiverAdmissionPolicySpec(args: ArchiverAdmissionArgs): k8s.types.input.admissionregistration.v1.ValidatingAdmissionPolicySpec {
    const sa = cel(args.serviceAccountName);
    const username = "request.userInfo.username";
    const what = `ServiceAccount ${args.serviceAccountName} in namespace ${args.namespace}`;
    const why =
        `its workload identity writes the message-log archive (guide §10; review azure.md B2). Only the archiver CronJob the deployer creates, ` +
        `and the Jobs and Pods the cronjob-controller and job-controller make from it, may run as it; anything else needs the verb '${USE_VERB}' ` +
        `on serviceaccounts/${args.serviceAccountName} (cluster-admin has it, namespace operators do not).`;
    return {
        failurePolicy: "Fail",
        matchConstraints: {
            matchPolicy: "Equivalent",
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: args.namespace } },
            // pods/ephemeralcontainers: `kubectl debug` adds a container, with the pod's token, to a running pod;
            // serviceaccounts/token: `kubectl create token <sa> --audience sts.amazonaws.com` is the identity without any
            // pod; Kubernetes' `edit` role may call it (bootstrap policy `system:aggregate-to-edit`), and EKS documents
            // AmazonEKSEditPolicy as similar to `edit` (EKS API reference, AccessPolicy).
            resourceRules: ARCHIVER_IDENTITY_REQUESTS.map(({ apiGroup, resources, operations }) => ({
                apiGroups: [apiGroup],
                apiVersions: ["v1"],
                operations: [...operations],
                resources: [...resources],
            })),
        },
        // Evaluated lazily by the API server, in this order; each is total over every matched request.
        variables: [
            { name: "isTokenRequest", expression: `request.resource.resource == "serviceaccounts" && request.subResource == "token"` },
            { name: "podSpec", expression: `variables.isTokenRequest ? {} : (${podSpecOf("object")})` },
            {
                name: "runsAsArchiver",
                // serviceAccount is the deprecated alias the API server keeps equal to serviceAccountName; both are read.
                expression:
                    `variables.isTokenRequest ? request.name == ${sa} : ` +
                    `(has(variables.podSpec.serviceAccountName) && variables.podSpec.serviceAccountName == ${sa}) || ` +
                    `(has(variables.podSpec.serviceAccount) && variables.podSpec.serviceAccount == ${sa})`,
            },
            {
                // An update that leaves the pod spec as it was (labels, annotations, suspend, schedule, finalizers, scale)
                // does not change what runs as the ServiceAccount; a changed image, command or container does.
                name: "changesPods",
                expression: `request.operation == "CREATE" || variables.isTokenRequest || (${podSpecOf("oldObject")}) != variables.podSpec`,
            },
            {
                name: "isArchiverController",
                expression:
                    `request.operation == "CREATE" && ` +
                    `((request.resource.resource == "jobs" && ${username} in [${cel(CRONJOB_CONTROLLER)}, ${cel(CONTROLLER_MANAGER)}]) || ` +
                    `(request.resource.resource == "pods" && request.subResource == "" && ${username} in [${cel(JOB_CONTROLLER)}, ${cel(CONTROLLER_MANAGER)}]))`,
            },
            { name: "isKubelet", expression: `variables.isTokenRequest && ${cel(NODES_GROUP)} in request.userInfo.groups` },
            {
                name: "mayUseArchiver",
                expression: `authorizer.group("").resource("serviceaccounts").namespace(request.namespace).name(${sa}).check(${cel(USE_VERB)}).allowed()`,
            },
        ],
        validations: [
            {
                expression:
                    "variables.isTokenRequest || !variables.runsAsArchiver || !variables.changesPods || variables.isArchiverController || variables.mayUseArchiver",
                reason: "Forbidden",
                message: `This request would run a pod as ${what}: ${why}`,
                messageExpression:
                    `${username} + " may not " + (request.operation == "CREATE" ? "create " : "change the pod template of ") + ` +
                    `request.kind.kind + " " + (has(object.metadata.name) ? object.metadata.name : object.metadata.generateName + "*") + ` +
                    `${cel(` running as ${what}: ${why}`)}`,
            },
            {
                expression: "!variables.isTokenRequest || !variables.runsAsArchiver || variables.isKubelet || variables.mayUseArchiver",
                reason: "Forbidden",
                message: `This request asks for a token of ${what}: ${why}`,
                messageExpression: `${username} + ${cel(` may not request a token of ${what}: ${why}`)}`,
            },
        ],
    };
}

/**
 * Admission control for the archiver's identity (guide §4.3, §10; review azure.md B2): a ValidatingAdmissionPolicy
 * (admissionregistration.k8s.io/v1, GA in Kubernetes 1.30) bound to the Sidecar namespace that refuses every pod,
 * pod template, workload or token request running as the archiver's ServiceAccount unless the requester may `use`
 * it or is the controller turning the archiver CronJob into its Job and Pod. Role-based access alone cannot say this:
 * whoever may create pods in a namespace may name any ServiceAccount of it, and so act with the cloud identity that
 * writes the archive. `Deny` refuses the request and `Audit` records the refusal in the API server's audit log, which
 * both clouds collect (guide §8).
 *
 * Both objects are cluster-scoped and named after the namespace, which is unique in the cluster.
 */
export class ArchiverAdmission extends pulumi.ComponentResource {
    readonly policy: k8s.admissionregistration.v1.ValidatingAdmissionPolicy;
    readonly binding: k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding;

    constructor(name: string, args: ArchiverAdmissionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:ArchiverAdmission", name, {}, opts);
        const objectName = `${args.namespace}-archiver-identity`;
        this.policy = new k8s.admissionregistration.v1.ValidatingAdmissionPolicy(
            `${name}-policy`,
            { metadata: { name: objectName, labels: args.labels }, spec: archiverAdmissionPolicySpec(args) },
            { parent: this },
        );
        this.binding = new k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding(
            `${name}-binding`,
            {
                metadata: { name: objectName, labels: args.labels },
                spec: {
                    // The name itself, known before the policy exists, so a preview's policy check can match the two.
                    policyName: objectName,
                    validationActions: ["Deny", "Audit"],
                    matchResources: { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: args.namespace } } },
                },
            },
            { parent: this, dependsOn: [this.policy] },
        );
        this.registerOutputs({ policy: objectName });
    }
}
