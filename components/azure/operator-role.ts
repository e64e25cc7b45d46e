import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as random from "@pulumi/random";

const K8S = "Microsoft.ContainerService/managedClusters";

/**
 * The Kubernetes data actions of the built-in "Azure Kubernetes Service RBAC Writer" (a7ffa36f…; MicrosoftDocs
 * azure-docs `built-in-roles/containers.md`) that the Sidecar operators keep: workloads, configuration, services,
 * volumes, scaling, events. Everything that reaches the Sidecar's credentials or its network isolation is left out
 * (review azure B2): Secrets (token PIN, database and admin passwords, the Azure Files key), ServiceAccount writes
 * (a token minted for `xroad-archiver` is write access to the archive container) and NetworkPolicy writes
 * (guide §5), which become read-only.
 */
const OPERATOR_DATA_ACTIONS = [
    `${K8S}/apps/controllerrevisions/read`,
    `${K8S}/apps/daemonsets/*`,
    `${K8S}/apps/deployments/*`,
    `${K8S}/apps/replicasets/*`,
    `${K8S}/apps/statefulsets/*`,
    `${K8S}/autoscaling/horizontalpodautoscalers/*`,
    `${K8S}/batch/cronjobs/*`,
    `${K8S}/batch/jobs/*`,
    `${K8S}/coordination.k8s.io/leases/read`,
    `${K8S}/discovery.k8s.io/endpointslices/read`,
    `${K8S}/configmaps/*`,
    `${K8S}/endpoints/*`,
    `${K8S}/events.k8s.io/events/read`,
    `${K8S}/events/*`,
    `${K8S}/extensions/networkpolicies/read`,
    `${K8S}/limitranges/read`,
    `${K8S}/metrics.k8s.io/pods/read`,
    `${K8S}/namespaces/read`,
    `${K8S}/networking.k8s.io/networkpolicies/read`,
    `${K8S}/persistentvolumeclaims/*`,
    `${K8S}/pods/*`,
    `${K8S}/policy/poddisruptionbudgets/*`,
    `${K8S}/resourcequotas/read`,
    `${K8S}/serviceaccounts/read`,
    `${K8S}/services/*`,
] as const;

/**
 * Exec into a Sidecar container shows its environment and mounted credentials; port-forward (the admin UI, README)
 * and logs stay allowed. `pods/exec/action` is a registered operation of the resource provider.
 */
const OPERATOR_NOT_DATA_ACTIONS = [`${K8S}/pods/exec/action`] as const;

/** The control-plane actions of RBAC Writer: read role assignments and the subscription and group. */
const OPERATOR_ACTIONS = [
    "Microsoft.Authorization/*/read",
    "Microsoft.Resources/subscriptions/operationresults/read",
    "Microsoft.Resources/subscriptions/read",
    "Microsoft.Resources/subscriptions/resourceGroups/read",
] as const;

export interface OperatorRoleArgs {
    /** The resource group the role is defined in and assignable under (the cluster's). */
    resourceGroupId: pulumi.Input<string>;
    /** Custom role names are unique in the tenant, so the cluster's name is part of it. */
    clusterName: string;
}

/**
 * guide §4.3 on AKS: a custom role for the namespace operators, narrower than RBAC Writer. Creating it needs
 * `Microsoft.Authorization/roleDefinitions/write` (Owner or User Access Administrator, which the deployer has for
 * its role assignments anyway).
 */
export class OperatorRole extends pulumi.ComponentResource {
    readonly definition: authorization.RoleDefinition;
    /** The role definition's GUID, stable in state; assignments name it as `roleDefinitions/<guid>`. */
    readonly roleGuid: pulumi.Output<string>;

    constructor(name: string, args: OperatorRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:OperatorRole", name, {}, opts);
        this.roleGuid = new random.RandomUuid(name, {}, { parent: this }).result;
        this.definition = new authorization.RoleDefinition(
            name,
            {
                roleDefinitionId: this.roleGuid,
                scope: args.resourceGroupId,
                roleName: `X-Road Sidecar namespace operator (${args.clusterName})`,
                description:
                    "Operate the X-Road Sidecar in its namespaces: workloads, configuration, services, volumes and logs; no Secrets, no ServiceAccount or NetworkPolicy changes, no exec (guide §4.3).",
                roleType: "CustomRole",
                permissions: [
                    {
                        actions: [...OPERATOR_ACTIONS],
                        notActions: [],
                        dataActions: [...OPERATOR_DATA_ACTIONS],
                        notDataActions: [...OPERATOR_NOT_DATA_ACTIONS],
                    },
                ],
                assignableScopes: [args.resourceGroupId],
            },
            { parent: this },
        );
        this.registerOutputs({ roleGuid: this.roleGuid });
    }
}
