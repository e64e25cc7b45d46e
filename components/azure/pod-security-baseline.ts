import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";

/**
 * Azure Policy's built-in initiative "Kubernetes cluster pod security baseline standards for Linux-based
 * workloads" (policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d; AKS docs, "Secure your pods with Azure
 * Policy"), the same baseline the Sidecar namespaces enforce through Pod Security Admission (guide §6).
 */
const POD_SECURITY_BASELINE_INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d";

export interface PodSecurityBaselineArgs {
    /** Resource ID of the managed cluster, whose `azurepolicy` add-on evaluates the assignment. */
    clusterId: pulumi.Input<string>;
}

/**
 * Review azure B1: the CrossGuard pack checks the program at deploy time; this keeps checking the running cluster.
 * The initiative is assigned with effect `audit`: every pod, whoever created it (kubectl, a Helm upgrade outside
 * Pulumi), is reported in Azure Policy compliance without blocking the cluster's own add-ons; the Sidecar
 * namespaces already refuse non-compliant pods through Pod Security Admission.
 */
export class PodSecurityBaseline extends pulumi.ComponentResource {
    readonly assignment: authorization.PolicyAssignment;

    constructor(name: string, args: PodSecurityBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:PodSecurityBaseline", name, {}, opts);
        this.assignment = new authorization.PolicyAssignment(
            name,
            {
                scope: args.clusterId,
                policyAssignmentName: "pod-security-baseline",
                displayName: "Kubernetes cluster pod security baseline standards for Linux-based workloads (X-Road Sidecar)",
                policyDefinitionId: POD_SECURITY_BASELINE_INITIATIVE,
                parameters: { effect: { value: "audit" } },
                enforcementMode: "Default",
            },
            { parent: this },
        );
        this.registerOutputs({ assignmentId: this.assignment.id });
    }
}
