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
exports.writeCheckInput = writeCheckInput;
/**
 * Generated manifests for the checker's throughput bench: realistic, policy-clean-ish namespaces of a few
 * applications each (Namespace with PSA labels, default-deny and allow NetworkPolicies, ServiceAccount, ConfigMap,
 * Service, Deployment with resources and a hardened security context), about 500 bytes per object on average, so
 * 50 MB is about 10^5 objects. Files of 1000 documents, as a large repository's rendered output might be.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const DOCS_PER_FILE = 1000;
const APPS_PER_NAMESPACE = 20;
function namespaceDocs(ns) {
    return [
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n    team: platform\n`,
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`,
    ];
}
function appDocs(ns, app, i) {
    const labels = `app.kubernetes.io/name: ${app}\n      app.kubernetes.io/part-of: shop`;
    return [
        `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${app}\n  namespace: ${ns}\n  labels:\n    app.kubernetes.io/name: ${app}\nautomountServiceAccountToken: false\n`,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app}-config\n  namespace: ${ns}\ndata:\n  LOG_LEVEL: INFO\n  FEATURE_FLAGS: "search,checkout,recommendations"\n  application.yaml: |\n    server:\n      port: 8080\n      shutdown: graceful\n    cache:\n      ttl: 300s\n      size: ${1000 + i}\n`,
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: ${ns}\n  labels:\n    app.kubernetes.io/name: ${app}\nspec:\n  type: ClusterIP\n  selector:\n    app.kubernetes.io/name: ${app}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n`,
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${app}-ingress\n  namespace: ${ns}\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app.kubernetes.io/part-of: shop\n    ports:\n    - port: 8080\n      protocol: TCP\n`,
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: ${ns}\n  labels:\n    ${labels.replace(/\n {6}/g, "\n    ")}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  template:\n    metadata:\n      labels:\n        ${labels.replace(/\n {6}/g, "\n        ")}\n    spec:\n      serviceAccountName: ${app}\n      automountServiceAccountToken: false\n      securityContext:\n        runAsNonRoot: true\n        seccompProfile: {type: RuntimeDefault}\n      containers:\n      - name: app\n        image: registry.example.org/shop/${app}:1.${i % 50}.0\n        ports:\n        - {name: http, containerPort: 8080}\n        envFrom:\n        - configMapRef: {name: ${app}-config}\n        env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: ${app}-db, key: password}\n        resources:\n          requests: {cpu: 100m, memory: 128Mi}\n          limits: {cpu: 500m, memory: 256Mi}\n        securityContext:\n          allowPrivilegeEscalation: false\n          readOnlyRootFilesystem: true\n          capabilities: {drop: [ALL]}\n        readinessProbe:\n          httpGet: {path: /ready, port: http}\n`,
    ];
}
/** Writes at least `megabytes` MB (10^6 bytes) of manifests into `dir` (created). */
function writeCheckInput(dir, megabytes) {
    fs.mkdirSync(dir, { recursive: true });
    const target = megabytes * 1e6;
    let bytes = 0;
    let objects = 0;
    let files = 0;
    let docs = [];
    const flush = () => {
        if (docs.length === 0)
            return;
        const text = docs.join("---\n");
        fs.writeFileSync(path.join(dir, `manifests-${String(files).padStart(5, "0")}.yaml`), text);
        bytes += Buffer.byteLength(text);
        files++;
        docs = [];
    };
    for (let n = 0; bytes + docs.reduce((s, d) => s + d.length + 4, 0) < target; n++) {
        const ns = `team-${n}`;
        const batch = [...namespaceDocs(ns)];
        for (let a = 0; a < APPS_PER_NAMESPACE; a++)
            batch.push(...appDocs(ns, `svc-${a}`, n * APPS_PER_NAMESPACE + a));
        for (const d of batch) {
            docs.push(d);
            objects++;
            if (docs.length >= DOCS_PER_FILE)
                flush();
        }
    }
    flush();
    return { dir, bytes, objects, files };
}
