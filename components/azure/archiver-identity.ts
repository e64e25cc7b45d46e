import * as pulumi from "@pulumi/pulumi";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { ARCHIVER_SERVICE_ACCOUNT } from "../../policy/xroad/archiver";
import { BlobArchiveBinding } from "../platform";
import { grant, propagationWait } from "./role-definitions";

/** The audience AKS workload identity tokens are issued for. */
const WORKLOAD_IDENTITY_AUDIENCE = "api://AzureADTokenExchange";
/** ServiceAccount annotation and pod label of the AKS workload identity webhook. */
const WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id";
const WORKLOAD_IDENTITY_USE_LABEL = "azure.workload.identity/use";

export interface ArchiverIdentityArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** Namespace of the instance whose archiver uses this identity. */
    namespace: string;
    /** The cluster's OIDC issuer URL. */
    oidcIssuerUrl: pulumi.Input<string>;
    accountName: pulumi.Input<string>;
    containerName: pulumi.Input<string>;
    /** Resource ID of the archive container: the only scope the identity gets rights on. */
    containerId: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    archiverImage: string;
    tags: Record<string, string>;
}

/** The Kubernetes subject of one namespace's archiver ServiceAccount. */
function archiverSubject(namespace: string): string {
    return `system:serviceaccount:${namespace}:${ARCHIVER_SERVICE_ACCOUNT}`;
}

/**
 * The workload identity of one instance's archiver (guide §10): a user-assigned identity that only
 * the archiver ServiceAccount of that namespace can federate into, allowed to read and write blobs
 * in that instance's archive container and nowhere else.
 */
export class ArchiverIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly binding: BlobArchiveBinding;

    constructor(name: string, args: ArchiverIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:azure:ArchiverIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
            },
            { parent: this },
        );
        const federation = new managedidentity.FederatedIdentityCredential(
            `${name}-federation`,
            {
                resourceGroupName: args.resourceGroupName,
                resourceName: this.identity.name,
                federatedIdentityCredentialResourceName: "archiver-service-account",
                issuer: args.oidcIssuerUrl,
                subject: archiverSubject(args.namespace),
                audiences: [WORKLOAD_IDENTITY_AUDIENCE],
            },
            { parent: this },
        );
        const access = grant(
            `${name}-blob-writer`,
            {
                principalId: this.identity.principalId,
                principalType: "ServicePrincipal",
                role: "storageBlobDataContributor",
                scope: args.containerId,
                subscriptionId: args.subscriptionId,
                description: `X-Road archiver of namespace ${args.namespace}: this archive container only`,
            },
            { parent: this },
        );
        const accessReady = propagationWait(`${name}-blob-writer`, [access], { parent: this });

        this.binding = {
            kind: "blob",
            accountName: args.accountName,
            container: args.containerName,
            // The client ID is known only once the federation exists and the grant has propagated, so the archiver never
            // starts with an identity that cannot yet sign in or write.
            serviceAccountAnnotations: {
                [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: pulumi
                    .all([this.identity.clientId, federation.id, accessReady.id])
                    .apply(([clientId]) => clientId),
            },
            serviceAccountName: ARCHIVER_SERVICE_ACCOUNT,
            podLabels: { [WORKLOAD_IDENTITY_USE_LABEL]: "true" },
            image: args.archiverImage,
        };
        this.registerOutputs({ clientId: this.identity.clientId, principalId: this.identity.principalId });
    }
}
