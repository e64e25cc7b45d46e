"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kubernetesMocks = void 0;
exports.kubernetesObjectOutputs = kubernetesObjectOutputs;
/** Kubernetes objects echo their inputs with server-side fields filled in; LoadBalancer Services get an address. */
exports.kubernetesMocks = {
    resources: {
        "kubernetes:core/v1:Service": (args) => {
            const spec = (args.inputs.spec ?? {});
            const meta = (args.inputs.metadata ?? {});
            if (spec.type !== "LoadBalancer")
                return { spec: { ...spec, clusterIP: spec.clusterIP ?? "10.100.23.45" } };
            const annotations = meta.annotations ?? {};
            const onAzure = Object.keys(annotations).some((k) => k.includes("azure"));
            const ingress = onAzure || spec.loadBalancerIP
                ? { ip: spec.loadBalancerIP ?? "20.50.60.70" }
                : { hostname: `${meta.name ?? args.name}-0123456789abcdef.elb.eu-north-1.amazonaws.com` };
            return { spec: { ...spec, clusterIP: "10.100.23.46" }, status: { loadBalancer: { ingress: [ingress] } } };
        },
        "kubernetes:helm.sh/v3:Release": (args) => ({
            status: {
                name: args.inputs.name ?? args.name,
                namespace: args.inputs.namespace ?? "default",
                version: args.inputs.version ?? "0.0.0",
                status: "deployed",
                revision: 1,
            },
        }),
    },
    calls: {},
};
/** Every Kubernetes object gets a uid and its metadata echoed, as the API server would return it. */
function kubernetesObjectOutputs(inputs, id) {
    const meta = (inputs.metadata ?? {});
    return { metadata: { ...meta, uid: `uid-${id}`, resourceVersion: "1" } };
}
