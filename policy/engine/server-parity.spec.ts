/**
 * Parity with the real thing: the pack's own gRPC policy server (started from policy/index.ts, as the Pulumi CLI
 * starts it) and policy/engine must report the same violations, levels and preview-unknown diagnostics for the
 * same resources, through Analyze (resource policies) and AnalyzeStack (stack policies).
 */
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { evaluate } from "./evaluate";
import { loadManifests } from "./manifests";
import { EngineResource } from "./types";
import { allPolicies } from "../policies";
import { NIIS_FIXTURES, PSA_FIXTURES } from "../testing/fixtures";
import { UNKNOWN } from "../testing/harness";

import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerConnection, struct } from "../testing/analyzer-client";

interface Diagnostic {
    policy: string;
    urn: string;
    level: string;
    message: string;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];

function diagnostics(response: analyzerPb.AnalyzeResponse, fallbackUrn?: string): Diagnostic[] {
    return response.getDiagnosticsList().map((d) => {
        const description = allPolicies.find((p) => p.name === d.getPolicyname())?.description ?? "";
        const message: string = d.getMessage();
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
    let child: ChildProcess;
    let client: AnalyzerConnection | undefined;

    before(async () => {
        const root = path.resolve(__dirname, "..", "..");
        child = spawn(process.execPath, ["-r", path.join(root, "node_modules/ts-node/register/transpile-only"), "index.ts"], {
            cwd: path.resolve(__dirname, ".."),
            stdio: ["ignore", "pipe", "pipe"],
        });
        const port = await new Promise<number>((resolve, reject) => {
            child.stdout!.on("data", (d) => {
                const m = /^(\d+)\s*$/m.exec(String(d));
                if (m) resolve(Number(m[1]));
            });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}`)));
        });
        client = new AnalyzerConnection(port);
    });

    after(() => {
        client?.close();
        child?.kill();
    });

    const loaded = loadManifests([path.join(NIIS_FIXTURES, "current"), path.join(PSA_FIXTURES, "baseline", "fail")]);
    const resources: EngineResource[] = [
        ...loaded.resources,
        // Values unknown during preview.
        {
            type: "kubernetes:core/v1:Namespace",
            name: "unknown-labels",
            urn: "urn:pulumi:t::p::kubernetes:core/v1:Namespace::unknown-labels",
            props: { metadata: { name: "u", labels: UNKNOWN.object } },
        },
        {
            type: "aws:eks/cluster:Cluster",
            name: "eks",
            urn: "urn:pulumi:t::p::aws:eks/cluster:Cluster::eks",
            props: { name: "eks", enabledClusterLogTypes: ["api"], accessConfig: { authenticationMode: UNKNOWN.string } },
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
        const fromServer: Diagnostic[] = [];
        for (const r of resources) {
            const req = new analyzerPb.AnalyzeRequest();
            req.setType(r.type);
            req.setName(r.name);
            req.setUrn(r.urn);
            req.setProperties(struct(r.props));
            req.setOptions(options());
            fromServer.push(...diagnostics(await client!.analyze(req), r.urn));
        }
        const fromEngine = (
            await evaluate(allPolicies, resources, { only: "resource", packLevel: "advisory", preview: true })
        ).violations.map((v) => ({
            policy: v.policy,
            urn: v.urn ?? "",
            level: v.level,
            message: v.message,
        }));
        const key = (d: Diagnostic) => `${d.urn} ${d.policy} ${d.level} ${d.message}`;
        assert.ok(fromServer.length > 30, `${fromServer.length} diagnostics`);
        assert.ok(
            fromServer.some(
                (d) =>
                    /can't run policy 'k8s-namespace-psa-enforce' from policy pack .* during preview: Object value at \.metadata\.labels can't be known during preview/.test(
                        d.message,
                    ) && d.level === "advisory",
            ),
        );
        const normalized = fromServer.map((d) => ({ ...d, message: d.message.replace(/ from policy pack '[^']+'/, "") }));
        assert.deepEqual(normalized.map(key).sort(), fromEngine.map(key).sort());
    });

    it("AnalyzeStack: the same stack-policy diagnostics over the whole set", async () => {
        const req = new analyzerPb.AnalyzeStackRequest();
        req.setResourcesList(
            resources.map((r) => {
                const a = new analyzerPb.AnalyzerResource();
                a.setType(r.type);
                a.setName(r.name);
                a.setUrn(r.urn);
                a.setProperties(struct(r.props));
                a.setOptions(options());
                return a;
            }),
        );
        const fromServer = diagnostics(await client!.analyzeStack(req)).map((d) => ({
            ...d,
            message: d.message.replace(/ from policy pack '[^']+'/, ""),
        }));
        const fromEngine = (await evaluate(allPolicies, resources, { only: "stack", packLevel: "advisory", preview: true })).violations.map(
            (v) => ({
                policy: v.policy,
                urn: v.urn ?? "",
                level: v.level,
                message: v.message,
            }),
        );
        const key = (d: Diagnostic) => `${d.urn} ${d.policy} ${d.level} ${d.message}`;
        assert.ok(fromServer.length > 5, `${fromServer.length} diagnostics`);
        assert.deepEqual(fromServer.map(key).sort(), fromEngine.map(key).sort());
    });
});
