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
/**
 * Parity with the real thing: the pack's own gRPC policy server (started from policy/index.ts, as the Pulumi CLI
 * starts it) and policy/engine must report the same violations, levels and preview-unknown diagnostics for the
 * same resources, through Analyze (resource policies) and AnalyzeStack (stack policies).
 */
const assert = __importStar(require("node:assert/strict"));
const child_process_1 = require("child_process");
const path = __importStar(require("path"));
const evaluate_1 = require("./evaluate");
const manifests_1 = require("./manifests");
const policies_1 = require("../policies");
const fixtures_1 = require("../testing/fixtures");
const harness_1 = require("../testing/harness");
const analyzerPb = __importStar(require("@pulumi/pulumi/proto/analyzer_pb"));
const analyzer_client_1 = require("../testing/analyzer-client");
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];
function diagnostics(response, fallbackUrn) {
    return response.getDiagnosticsList().map((d) => {
        const description = policies_1.allPolicies.find((p) => p.name === d.getPolicyname())?.description ?? "";
        const message = d.getMessage();
        return {
            policy: d.getPolicyname(),
            urn: d.getUrn() || fallbackUrn || "",
            level: LEVELS[d.getEnforcementlevel()],
            // The server prefixes the description (`description + "\n" + message`); the engine keeps the message.
            message: message.startsWith(`${description}\n`) ? message.slice(description.length + 1) : message,
        };
    });
}
/** Resource options as the CLI always sends them (the server rejects requests without). */
function options() {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(false);
    return o;
}
describe("policy engine parity with the Pulumi policy server", function () {
    this.timeout(120000);
    let child;
    let client;
    before(async () => {
        const root = path.resolve(__dirname, "..", "..");
        child = (0, child_process_1.spawn)(process.execPath, ["-r", path.join(root, "node_modules/ts-node/register/transpile-only"), "index.ts"], {
            cwd: path.resolve(__dirname, ".."),
            stdio: ["ignore", "pipe", "pipe"],
        });
        const port = await new Promise((resolve, reject) => {
            child.stdout.on("data", (d) => {
                const m = /^(\d+)\s*$/m.exec(String(d));
                if (m)
                    resolve(Number(m[1]));
            });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}`)));
        });
        client = new analyzer_client_1.AnalyzerConnection(port);
    });
    after(() => {
        client?.close();
        child?.kill();
    });
    const loaded = (0, manifests_1.loadManifests)([path.join(fixtures_1.NIIS_FIXTURES, "current"), path.join(fixtures_1.PSA_FIXTURES, "baseline", "fail")]);
    const resources = [
        ...loaded.resources,
        // Values unknown during preview.
        {
            type: "kubernetes:core/v1:Namespace",
            name: "unknown-labels",
            urn: "urn:pulumi:t::p::kubernetes:core/v1:Namespace::unknown-labels",
            props: { metadata: { name: "u", labels: harness_1.UNKNOWN.object } },
        },
        {
            type: "aws:eks/cluster:Cluster",
            name: "eks",
            urn: "urn:pulumi:t::p::aws:eks/cluster:Cluster::eks",
            props: { name: "eks", enabledClusterLogTypes: ["api"], accessConfig: { authenticationMode: harness_1.UNKNOWN.string } },
        },
        {
            type: "aws:kms/key:Key",
            name: "rsa",
            urn: "urn:pulumi:t::p::aws:kms/key:Key::rsa",
            props: { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" },
        },
        { type: "aws:s3/bucket:Bucket", name: "b", urn: "urn:pulumi:t::p::aws:s3/bucket:Bucket::b", props: { bucket: "b" } },
    ];
    it("Analyze: the same resource-policy diagnostics for every resource", async () => {
        const fromServer = [];
        for (const r of resources) {
            const req = new analyzerPb.AnalyzeRequest();
            req.setType(r.type);
            req.setName(r.name);
            req.setUrn(r.urn);
            req.setProperties((0, analyzer_client_1.struct)(r.props));
            req.setOptions(options());
            fromServer.push(...diagnostics(await client.analyze(req), r.urn));
        }
        const fromEngine = (await (0, evaluate_1.evaluate)(policies_1.allPolicies, resources, { only: "resource", packLevel: "advisory", preview: true })).violations.map((v) => ({
            policy: v.policy,
            urn: v.urn ?? "",
            level: v.level,
            message: v.message,
        }));
        const key = (d) => `${d.urn} ${d.policy} ${d.level} ${d.message}`;
        assert.ok(fromServer.length > 30, `${fromServer.length} diagnostics`);
        assert.ok(fromServer.some((d) => /can't run policy 'k8s-namespace-psa-enforce' from policy pack .* during preview: Object value at \.metadata\.labels can't be known during preview/.test(d.message) && d.level === "advisory"));
        const normalized = fromServer.map((d) => ({ ...d, message: d.message.replace(/ from policy pack '[^']+'/, "") }));
        assert.deepEqual(normalized.map(key).sort(), fromEngine.map(key).sort());
    });
    it("AnalyzeStack: the same stack-policy diagnostics over the whole set", async () => {
        const req = new analyzerPb.AnalyzeStackRequest();
        req.setResourcesList(resources.map((r) => {
            const a = new analyzerPb.AnalyzerResource();
            a.setType(r.type);
            a.setName(r.name);
            a.setUrn(r.urn);
            a.setProperties((0, analyzer_client_1.struct)(r.props));
            a.setOptions(options());
            return a;
        }));
        const fromServer = diagnostics(await client.analyzeStack(req)).map((d) => ({
            ...d,
            message: d.message.replace(/ from policy pack '[^']+'/, ""),
        }));
        const fromEngine = (await (0, evaluate_1.evaluate)(policies_1.allPolicies, resources, { only: "stack", packLevel: "advisory", preview: true })).violations.map((v) => ({
            policy: v.policy,
            urn: v.urn ?? "",
            level: v.level,
            message: v.message,
        }));
        const key = (d) => `${d.urn} ${d.policy} ${d.level} ${d.message}`;
        assert.ok(fromServer.length > 5, `${fromServer.length} diagnostics`);
        assert.deepEqual(fromServer.map(key).sort(), fromEngine.map(key).sort());
    });
});
