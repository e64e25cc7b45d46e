"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kubernetesManifests = kubernetesManifests;
const redact_1 = require("./redact");
const secret_1 = require("./mocks/secret");
/** Pulumi types that are not Kubernetes API objects (providers, Helm releases, YAML/Helm components). */
function isApiObject(r) {
    return (r.custom &&
        r.type.startsWith("kubernetes:") &&
        !r.type.startsWith("kubernetes:helm.sh/") &&
        !r.type.startsWith("pulumi:providers:") &&
        r.type.split(":").length === 3);
}
/**
 * Every Kubernetes object the stack creates, in the form `kubectl apply -f` accepts, secrets redacted.
 * Secret `data` holds base64 in the API, so redacted entries move to `stringData`.
 */
function kubernetesManifests(resources) {
    return resources.filter(isApiObject).map((r) => {
        const object = (0, redact_1.redactSecrets)(r.inputs);
        // @pulumi/kubernetes marks a Secret's whole `data`/`stringData` map secret: keep its keys, redact each value.
        if (object.kind === "Secret") {
            for (const field of ["data", "stringData"]) {
                const raw = r.inputs[field];
                if ((0, secret_1.isSecretValue)(raw) && typeof raw.value === "object" && raw.value !== null) {
                    object[field] = Object.fromEntries(Object.keys(raw.value).map((k) => [k, redact_1.REDACTED]));
                }
            }
        }
        if (object.kind === "Secret" && object.data && typeof object.data === "object") {
            const data = object.data;
            const redacted = Object.keys(data).filter((k) => data[k] === redact_1.REDACTED);
            if (redacted.length > 0) {
                object.stringData = {
                    ...(object.stringData ?? {}),
                    ...Object.fromEntries(redacted.map((k) => [k, redact_1.REDACTED])),
                };
                for (const k of redacted)
                    delete data[k];
                if (Object.keys(data).length === 0)
                    delete object.data;
            }
        }
        const meta = (object.metadata ?? {});
        const kind = typeof object.kind === "string" ? object.kind : r.type.split(":")[2];
        const fileName = `${meta.namespace ?? "_cluster"}.${kind.toLowerCase()}.${meta.name ?? r.name}.yaml`;
        // Field order as people write manifests: apiVersion, kind, metadata first.
        const { apiVersion, kind: k, metadata, ...rest } = object;
        return { fileName, object: { apiVersion, kind: k, metadata, ...rest } };
    });
}
