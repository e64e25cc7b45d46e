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
const assert = __importStar(require("node:assert/strict"));
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const common_1 = require("./common");
const config_1 = require("./engine/config");
const evaluate_1 = require("./engine/evaluate");
const policies_1 = require("./policies");
const harness_1 = require("./testing/harness");
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A minimal JSON-schema check of a default against its own property schema (types, enums, bounds, items). */
function conforms(value, definition) {
    // A boolean schema (true: anything, false: nothing) or a list of item schemas: not used by this pack's policies.
    if (definition === undefined || typeof definition === "boolean" || Array.isArray(definition))
        return definition !== false;
    const schema = definition;
    switch (schema.type) {
        case "string":
            return (typeof value === "string" &&
                (!schema.enum || schema.enum.includes(value)) &&
                (!schema.pattern || new RegExp(schema.pattern).test(value)));
        case "integer":
        case "number":
            return (typeof value === "number" &&
                (schema.type !== "integer" || Number.isInteger(value)) &&
                (schema.minimum === undefined || value >= schema.minimum) &&
                (schema.maximum === undefined || value <= schema.maximum));
        case "boolean":
            return typeof value === "boolean";
        case "array":
            return Array.isArray(value) && (!schema.items || value.every((v) => conforms(v, schema.items)));
        case "object":
            return (typeof value === "object" &&
                value !== null &&
                (!schema.additionalProperties || Object.values(value).every((v) => conforms(v, schema.additionalProperties))));
        default:
            return false;
    }
}
describe("policy pack integrity", () => {
    it("has unique kebab-case names (not `all`, at most 300 characters) and the required policies", () => {
        const names = policies_1.allPolicies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const n of names)
            assert.ok(KEBAB.test(n) && n !== "all" && n.length <= 300, n);
        for (const required of [
            "pod-security-baseline",
            "k8s-no-plaintext-secret-env",
            "k8s-ssh-key-secret-volume-mode",
            "k8s-no-cluster-admin-binding",
            "k8s-no-wildcard-rbac",
            "k8s-no-default-namespace",
            "k8s-no-dashboard",
            "k8s-network-policy-engine",
            "k8s-namespace-default-deny-ingress",
            "xroad-primary-ingress-secondary-ssh-only",
            "xroad-primary-single-instance",
            "k8s-namespace-psa-enforce",
            "k8s-container-resources",
            "eks-control-plane-logging",
            "aks-diagnostic-settings",
            "eks-container-insights",
            "aks-container-insights",
            "s3-archive-encryption-at-rest",
            "s3-archive-tls-only",
            "s3-archive-no-public-access",
            "efs-encryption-at-rest",
            "efs-encryption-in-transit",
            "azure-archive-storage-encrypted",
            "kms-key-rotation",
            "k8s-hpa-target-has-requests",
            "k8s-hpa-scale-down-stabilization",
            "k8s-hpa-vpa-no-overlap",
        ]) {
            assert.ok(names.includes(required), required);
        }
    });
    for (const policy of policies_1.allPolicies) {
        it(`${policy.name}: description citing the guide, severity, remediation, level, framework and schema`, () => {
            assert.match(policy.description, /\(guide §\d+(\.\d+)?/);
            const cited = /§(\d+(?:\.\d+)?)/.exec(policy.framework?.specification ?? "")?.[1];
            assert.ok(cited && common_1.GUIDE_SECTIONS.includes(cited), `framework section ${cited}`);
            assert.ok(policy.tags?.includes(`guide-§${cited}`));
            assert.match(policy.url ?? "", /kubernetes_security_guide\.md#/);
            assert.ok(["low", "medium", "high", "critical"].includes(policy.severity ?? ""), "severity");
            assert.ok((policy.remediationSteps ?? "").length > 20, "remediation");
            assert.ok((0, config_1.isEnforcementLevel)(policy.enforcementLevel) && policy.enforcementLevel !== "disabled", "default level");
            assert.ok((0, evaluate_1.isStackPolicy)(policy) || typeof policy.validateResource === "function");
            const schema = policy.configSchema;
            if (schema) {
                assert.ok(!("enforcementLevel" in schema.properties), "no enforcementLevel in properties");
                assert.ok(!(schema.required ?? []).includes("enforcementLevel"));
                for (const [key, prop] of Object.entries(schema.properties)) {
                    assert.ok("default" in prop, `${key} has a default`);
                    assert.ok(conforms((0, config_1.schemaDefaults)(schema)[key], prop), `${key} default conforms to its schema`);
                }
            }
        });
    }
    it("tolerates empty, null, partial and unknown props on every resource type it knows without throwing", async () => {
        const { evaluate } = await Promise.resolve().then(() => __importStar(require("./engine/evaluate")));
        const types = [
            "kubernetes:apps/v1:Deployment",
            "kubernetes:core/v1:Pod",
            "kubernetes:batch/v1:CronJob",
            "kubernetes:core/v1:Namespace",
            "kubernetes:networking.k8s.io/v1:NetworkPolicy",
            "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
            "kubernetes:autoscaling.k8s.io/v1:VerticalPodAutoscaler",
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
            "kubernetes:helm.sh/v3:Release",
            "aws:eks/cluster:Cluster",
            "eks:index:Cluster",
            "aws:eks/addon:Addon",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:efs/fileSystem:FileSystem",
            "aws:kms/key:Key",
            "azure-native:containerservice:ManagedCluster",
            "azure-native:monitor:DiagnosticSetting",
            "azure-native:storage:StorageAccount",
        ];
        const shapes = [
            {},
            { metadata: null, spec: null, data: null, rules: null, subjects: null, roleRef: null },
            {
                metadata: { name: "x", namespace: "y", labels: null, annotations: null },
                spec: { template: { spec: { containers: [null, {}], volumes: [{}], securityContext: null } }, jobTemplate: null },
            },
            // Unknown at preview: reading them must raise UnknownValueError (advisory), never another error.
            {
                metadata: harness_1.UNKNOWN.object,
                spec: harness_1.UNKNOWN.object,
                accessConfig: harness_1.UNKNOWN.object,
                enabledClusterLogTypes: harness_1.UNKNOWN.array,
                addonProfiles: harness_1.UNKNOWN.object,
                networkProfile: harness_1.UNKNOWN.object,
                policy: harness_1.UNKNOWN.string,
                encrypted: harness_1.UNKNOWN.boolean,
                enableKeyRotation: harness_1.UNKNOWN.boolean,
                logs: harness_1.UNKNOWN.array,
                resourceUri: harness_1.UNKNOWN.string,
                bucket: harness_1.UNKNOWN.string,
            },
        ];
        for (const props of shapes) {
            const resources = types.map((type, i) => ({ type, name: `r${i}`, urn: `urn:pulumi:t::p::${type}::r${i}`, props }));
            const { violations } = await evaluate(policies_1.allPolicies, resources);
            for (const v of violations.filter((x) => x.unknownAtPreview))
                assert.equal(v.level, "advisory");
        }
    });
    it("has a spec describing every policy (compliant and violating cases live beside it)", () => {
        const specs = [];
        const walk = (dir) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                if (e.isDirectory())
                    walk(path.join(dir, e.name));
                else if (e.name.endsWith(".spec.ts"))
                    specs.push(fs.readFileSync(path.join(dir, e.name), "utf8"));
            }
        };
        walk(__dirname);
        const described = specs.join("\n");
        for (const p of policies_1.allPolicies)
            assert.match(described, new RegExp(`describe\\("[^"]*${p.name.replace(/-/g, "\\-")}(?![-a-z])`), p.name);
    });
    it("ships a loadable pack: PulumiPolicy.yaml (nodejs), package.json with version and main, per-environment configs", () => {
        const dir = __dirname;
        assert.match(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        // The published package runs bin/index.js, compiled from index.ts (npm run build:policy; npm pack builds it too).
        assert.ok(pkg.version && pkg.main === "bin/index.js" && fs.existsSync(path.join(dir, "index.ts")));
        const names = new Set(policies_1.allPolicies.map((p) => p.name));
        const dev = JSON.parse(fs.readFileSync(path.join(dir, "config", "dev.json"), "utf8"));
        const prod = JSON.parse(fs.readFileSync(path.join(dir, "config", "prod.json"), "utf8"));
        for (const key of [...Object.keys(dev), ...Object.keys(prod)])
            assert.ok(key === "all" || names.has(key), `config key ${key}`);
        assert.equal(prod.all, "mandatory");
        assert.ok(Object.values(dev).some((v) => v === "advisory"), "dev keeps some policies advisory");
    });
    it("starts as the Pulumi CLI runs it: policy/index.ts constructs the PolicyPack and serves on a port", async function () {
        this.timeout(60000);
        const root = path.resolve(__dirname, "..");
        // The CLI runs the pack with the pack directory as cwd (PolicyPack reads ./package.json for its version).
        const child = (0, child_process_1.spawn)(process.execPath, ["-r", path.join(root, "node_modules/ts-node/register/transpile-only"), "index.ts"], {
            cwd: __dirname,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += String(d)));
        try {
            const port = await new Promise((resolve, reject) => {
                child.stdout.on("data", (d) => {
                    const m = /^(\d+)\s*$/m.exec(String(d));
                    if (m)
                        resolve(Number(m[1]));
                });
                child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
            });
            assert.ok(port > 0);
        }
        finally {
            child.kill();
        }
    });
});
