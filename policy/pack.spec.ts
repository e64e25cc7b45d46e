import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchemaDefinition } from "@pulumi/policy/schema";
import { GUIDE_SECTIONS } from "./common";
import { isEnforcementLevel, schemaDefaults } from "./engine/config";
import { isStackPolicy } from "./engine/evaluate";
import { allPolicies } from "./policies";
import { UNKNOWN } from "./testing/harness";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A minimal JSON-schema check of a default against its own property schema (types, enums, bounds, items). */
function conforms(value: unknown, definition: PolicyConfigJSONSchemaDefinition | PolicyConfigJSONSchemaDefinition[] | undefined): boolean {
    // A boolean schema (true: anything, false: nothing) or a list of item schemas: not used by this pack's policies.
    if (definition === undefined || typeof definition === "boolean" || Array.isArray(definition)) return definition !== false;
    const schema = definition;
    switch (schema.type) {
        case "string":
            return (
                typeof value === "string" &&
                (!schema.enum || schema.enum.includes(value)) &&
                (!schema.pattern || new RegExp(schema.pattern).test(value))
            );
        case "integer":
        case "number":
            return (
                typeof value === "number" &&
                (schema.type !== "integer" || Number.isInteger(value)) &&
                (schema.minimum === undefined || value >= schema.minimum) &&
                (schema.maximum === undefined || value <= schema.maximum)
            );
        case "boolean":
            return typeof value === "boolean";
        case "array":
            return Array.isArray(value) && (!schema.items || value.every((v) => conforms(v, schema.items)));
        case "object":
            return (
                typeof value === "object" &&
                value !== null &&
                (!schema.additionalProperties || Object.values(value).every((v) => conforms(v, schema.additionalProperties)))
            );
        default:
            return false;
    }
}

describe("policy pack integrity", () => {
    it("has unique kebab-case names (not `all`, at most 300 characters) and the required policies", () => {
        const names = allPolicies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const n of names) assert.ok(KEBAB.test(n) && n !== "all" && n.length <= 300, n);
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

    for (const policy of allPolicies) {
        it(`${policy.name}: description citing the guide, severity, remediation, level, framework and schema`, () => {
            assert.match(policy.description, /\(guide §\d+(\.\d+)?/);
            const cited = /§(\d+(?:\.\d+)?)/.exec(policy.framework?.specification ?? "")?.[1];
            assert.ok(cited && GUIDE_SECTIONS.includes(cited), `framework section ${cited}`);
            assert.ok(policy.tags?.includes(`guide-§${cited}`));
            assert.match(policy.url ?? "", /kubernetes_security_guide\.md#/);
            assert.ok(["low", "medium", "high", "critical"].includes(policy.severity ?? ""), "severity");
            assert.ok((policy.remediationSteps ?? "").length > 20, "remediation");
            assert.ok(isEnforcementLevel(policy.enforcementLevel) && policy.enforcementLevel !== "disabled", "default level");
            assert.ok(isStackPolicy(policy) || typeof (policy as { validateResource?: unknown }).validateResource === "function");
            const schema: PolicyConfigSchema | undefined = policy.configSchema;
            if (schema) {
                assert.ok(!("enforcementLevel" in schema.properties), "no enforcementLevel in properties");
                assert.ok(!(schema.required ?? []).includes("enforcementLevel"));
                for (const [key, prop] of Object.entries(schema.properties)) {
                    assert.ok("default" in prop, `${key} has a default`);
                    assert.ok(conforms(schemaDefaults(schema)[key], prop), `${key} default conforms to its schema`);
                }
            }
        });
    }

    it("tolerates empty, null, partial and unknown props on every resource type it knows without throwing", async () => {
        const { evaluate } = await import("./engine/evaluate");
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
        const shapes: Record<string, unknown>[] = [
            {},
            { metadata: null, spec: null, data: null, rules: null, subjects: null, roleRef: null },
            {
                metadata: { name: "x", namespace: "y", labels: null, annotations: null },
                spec: { template: { spec: { containers: [null, {}], volumes: [{}], securityContext: null } }, jobTemplate: null },
            },
            // Unknown at preview: reading them must raise UnknownValueError (advisory), never another error.
            {
                metadata: UNKNOWN.object,
                spec: UNKNOWN.object,
                accessConfig: UNKNOWN.object,
                enabledClusterLogTypes: UNKNOWN.array,
                addonProfiles: UNKNOWN.object,
                networkProfile: UNKNOWN.object,
                policy: UNKNOWN.string,
                encrypted: UNKNOWN.boolean,
                enableKeyRotation: UNKNOWN.boolean,
                logs: UNKNOWN.array,
                resourceUri: UNKNOWN.string,
                bucket: UNKNOWN.string,
            },
        ];
        for (const props of shapes) {
            const resources = types.map((type, i) => ({ type, name: `r${i}`, urn: `urn:pulumi:t::p::${type}::r${i}`, props }));
            const { violations } = await evaluate(allPolicies, resources);
            for (const v of violations.filter((x) => x.unknownAtPreview)) assert.equal(v.level, "advisory");
        }
    });

    it("has a spec describing every policy (compliant and violating cases live beside it)", () => {
        const specs: string[] = [];
        const walk = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                if (e.isDirectory()) walk(path.join(dir, e.name));
                else if (e.name.endsWith(".spec.ts")) specs.push(fs.readFileSync(path.join(dir, e.name), "utf8"));
            }
        };
        walk(__dirname);
        const described = specs.join("\n");
        for (const p of allPolicies)
            assert.match(described, new RegExp(`describe\\("[^"]*${p.name.replace(/-/g, "\\-")}(?![-a-z])`), p.name);
    });

    it("ships a loadable pack: PulumiPolicy.yaml (nodejs), package.json with version and main, per-environment configs", () => {
        const dir = __dirname;
        assert.match(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: string; main?: string };
        // The published package runs bin/policy/index.js, compiled from index.ts (npm run build:policy; npm pack builds it too);
        // bin/ mirrors the repository root because the pack compiles ../kubernetes-model in beside it.
        assert.ok(pkg.version && pkg.main === "bin/policy/index.js" && fs.existsSync(path.join(dir, "index.ts")));
        const names = new Set(allPolicies.map((p) => p.name));
        const dev = JSON.parse(fs.readFileSync(path.join(dir, "config", "dev.json"), "utf8")) as Record<string, unknown>;
        const prod = JSON.parse(fs.readFileSync(path.join(dir, "config", "prod.json"), "utf8")) as Record<string, unknown>;
        for (const key of [...Object.keys(dev), ...Object.keys(prod)]) assert.ok(key === "all" || names.has(key), `config key ${key}`);
        assert.equal(prod.all, "mandatory");
        assert.ok(
            Object.values(dev).some((v) => v === "advisory"),
            "dev keeps some policies advisory",
        );
    });

    it("starts as the Pulumi CLI runs it: policy/index.ts constructs the PolicyPack and serves on a port", async function () {
        this.timeout(60000);
        const root = path.resolve(__dirname, "..");
        // The CLI runs the pack with the pack directory as cwd (PolicyPack reads ./package.json for its version).
        const child = spawn(process.execPath, ["-r", path.join(root, "node_modules/ts-node/register/transpile-only"), "index.ts"], {
            cwd: __dirname,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += String(d)));
        try {
            const port = await new Promise<number>((resolve, reject) => {
                child.stdout.on("data", (d) => {
                    const m = /^(\d+)\s*$/m.exec(String(d));
                    if (m) resolve(Number(m[1]));
                });
                child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
            });
            assert.ok(port > 0);
        } finally {
            child.kill();
        }
    });
});
