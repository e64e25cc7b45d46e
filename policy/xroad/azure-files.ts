/**
 * Where the Azure Files CSI driver keeps the storage account key of the Sidecar's shares (review azure B10).
 * SMB mounts with the driver authenticate with the account key, which the driver stores in a Secret; by
 * default in the PVC's namespace (azurefile-csi-driver docs/driver-parameters.md, `secretNamespace`: default
 * `csi.storage.k8s.io/pvc/namespace`; pkg/azurefile/controllerserver.go), i.e. the Sidecar namespace, where
 * namespace operators may read Secrets. kube-system is where the driver itself runs and where neither the
 * Sidecar nor the operator groups have any rights.
 */
export const AZURE_FILES_KEY_NAMESPACE = "kube-system";

/** The StorageClass parameters (case-insensitive for the driver) that place the key Secret. */
export const AZURE_FILES_SECRET_NAMESPACE_PARAMETER = "secretNamespace";
export const AZURE_FILES_SECRET_NAME_PARAMETER = "secretName";
