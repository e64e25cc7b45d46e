"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.OperatorRole = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const random = __importStar(require("@pulumi/random"));
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
];
/**
 * Exec into a Sidecar container shows its environment and mounted credentials; port-forward (the admin UI, README)
 * and logs stay allowed. `pods/exec/action` is a registered operation of the resource provider.
 */
const OPERATOR_NOT_DATA_ACTIONS = [`${K8S}/pods/exec/action`];
/** The control-plane actions of RBAC Writer: read role assignments and the subscription and group. */
const OPERATOR_ACTIONS = [
    "Microsoft.Authorization/*/read",
    "Microsoft.Resources/subscriptions/operationresults/read",
    "Microsoft.Resources/subscriptions/read",
    "Microsoft.Resources/subscriptions/resourceGroups/read",
];
/**
 * guide §4.3 on AKS: a custom role for the namespace operators, narrower than RBAC Writer. Creating it needs
 * `Microsoft.Authorization/roleDefinitions/write` (Owner or User Access Administrator, which the deployer has for
 * its role assignments anyway).
 */
class OperatorRole extends pulumi.ComponentResource {
    definition;
    /** The role definition's GUID, stable in state; assignments name it as `roleDefinitions/<guid>`. */
    roleGuid;
    constructor(name, args, opts) {
        super("xroad:azure:OperatorRole", name, {}, opts);
        this.roleGuid = new random.RandomUuid(name, {}, { parent: this }).result;
        this.definition = new authorization.RoleDefinition(name, {
            roleDefinitionId: this.roleGuid,
            scope: args.resourceGroupId,
            roleName: `X-Road Sidecar namespace operator (${args.clusterName})`,
            description: "Operate the X-Road Sidecar in its namespaces: workloads, configuration, services, volumes and logs; no Secrets, no ServiceAccount or NetworkPolicy changes, no exec (guide §4.3).",
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
        }, { parent: this });
        this.registerOutputs({ roleGuid: this.roleGuid });
    }
}
exports.OperatorRole = OperatorRole;
