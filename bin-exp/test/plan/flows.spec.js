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
 * The flow matrix over every example stack and every topology: each NIIS network-table flow the
 * configuration asks for is open, and the metadata endpoint, the Azure wireserver, the API server,
 * pods of other namespaces, the admin UI and 5500 to the primary are closed, as decided from the
 * generated NetworkPolicies by the evaluator.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const manifests_1 = require("../../plan/manifests");
const write_1 = require("../../plan/write");
const flows_1 = require("../../plan/flows");
const scenarios_1 = require("../kubernetes/scenarios");
const probes_1 = require("../../components/kubernetes/probes");
const projectDir = path.resolve(__dirname, "../..");
function describeFlow(r) {
    const at = (e) => (e.kind === "pod" ? e.name : `${e.name} ${e.ip}`);
    return `${r.row}: ${at(r.from)} -> ${at(r.to)} ${r.protocol} ${r.port} expected ${r.expect}, got ${r.verdict.allowed ? "open" : "closed"}`;
}
function find(flows, row, match = () => true) {
    return flows.results.filter((r) => r.row === row && match(r));
}
/** The flows every instance must show, whatever its configuration. */
function assertCoreFlows(f, topology) {
    const open = (row, match) => {
        const found = find(f, row, match);
        assert.ok(found.length > 0, `${f.instance}: a probe for ${row}`);
        for (const r of found)
            if (r.expect === "open")
                assert.ok(r.verdict.allowed, describeFlow(r));
    };
    const closed = (row, match) => {
        const found = find(f, row, match);
        assert.ok(found.length > 0, `${f.instance}: a probe for ${row}`);
        for (const r of found)
            if (r.expect === "closed")
                assert.ok(!r.verdict.allowed, describeFlow(r));
    };
    open(flows_1.ROWS.dns);
    open(flows_1.ROWS.xroadOut, (r) => r.port === 4001);
    open(flows_1.ROWS.xroadIn, (r) => r.port === 5500);
    closed(flows_1.ROWS.imds);
    closed(flows_1.ROWS.wireserver);
    closed(flows_1.ROWS.apiServer);
    closed(flows_1.ROWS.lateral, (r) => r.from.kind === "pod" && r.from.namespace === "unrelated-namespace");
    closed(flows_1.ROWS.adminUi, (r) => r.port === 4000);
    if (topology === "primary-secondaries") {
        open(flows_1.ROWS.ssh);
        closed(flows_1.ROWS.primaryPublic);
    }
    assert.deepEqual((0, flows_1.mismatches)([f]).map(describeFlow), []);
}
describe("flow matrix of every example stack (npm run plan writes it to flows.md)", function () {
    this.timeout(120_000);
    const stacks = (0, stack_file_1.listStacks)(projectDir);
    const planned = new Map();
    before(async () => {
        for (const stack of stacks) {
            const plan = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, stack));
            const objects = (0, manifests_1.kubernetesManifests)(plan.resources).map((m) => m.object);
            planned.set(stack, { flows: (0, flows_1.stackFlows)(plan.config, objects), objects });
        }
    });
    it("covers the five example stacks", () => {
        assert.deepEqual([...stacks].sort(), ["azure-dev", "azure-prod", "dev", "existing", "prod"]);
    });
    for (const stack of ["dev", "prod", "azure-dev", "azure-prod", "existing"]) {
        it(`${stack}: every NIIS flow is open where configured and every dangerous one closed`, () => {
            const { flows } = planned.get(stack);
            assert.ok(flows.length > 0);
            for (const f of flows)
                assertCoreFlows(f, f.topology);
        });
    }
    it("prod and azure-prod: producers on their own ports only, consumers in their namespace and network, nothing else", () => {
        for (const stack of ["prod", "azure-prod"]) {
            const [f] = planned.get(stack).flows;
            const producers = find(f, flows_1.ROWS.producer);
            assert.ok(producers.some((r) => r.to.kind === "address" && r.port === 8443 && r.verdict.allowed), `${stack}: out-of-cluster producer`);
            assert.ok(producers.some((r) => r.to.kind === "pod" && r.port === 8080 && r.verdict.allowed), `${stack}: in-cluster producer`);
            assert.ok(find(f, flows_1.ROWS.unlisted, (r) => r.port === 6379).every((r) => !r.verdict.allowed));
            const consumers = find(f, flows_1.ROWS.consumer, (r) => r.expect === "open");
            assert.ok(consumers.some((r) => r.from.kind === "pod" && r.port === 8443 && r.verdict.allowed));
            assert.ok(consumers.some((r) => r.from.kind === "address" && r.port === 8080 && r.verdict.allowed));
            assert.ok(find(f, flows_1.ROWS.consumer, (r) => r.to.name === "primary").every((r) => !r.verdict.allowed), "consumers never reach the primary");
            assert.ok(find(f, flows_1.ROWS.database).every((r) => r.verdict.allowed));
            assert.ok(find(f, flows_1.ROWS.archiver).every((r) => r.verdict.allowed), "archiver: 443 out");
            assert.ok(find(f, flows_1.ROWS.unlisted, (r) => r.from.name === "archiver").every((r) => !r.verdict.allowed), "archiver: no port 80");
        }
    });
    it("detects a regression: without the metadata exception the matrix reports the flow", () => {
        const { objects } = planned.get("azure-prod");
        const broken = JSON.parse(JSON.stringify(objects));
        for (const o of broken)
            if (o.kind === "NetworkPolicy")
                for (const rule of o.spec.egress ?? [])
                    for (const peer of rule.to ?? [])
                        delete peer.ipBlock?.except;
        const plan = planned.get("azure-prod").flows[0];
        const results = (0, flows_1.evaluateProbes)(plan.results, broken);
        const bad = (0, flows_1.mismatches)([{ ...plan, results }]).map((r) => r.row);
        assert.ok(bad.includes(flows_1.ROWS.imds) && bad.includes(flows_1.ROWS.wireserver) && bad.includes(flows_1.ROWS.apiServer), bad.join(", "));
    });
    it("writes out/<stack>/flows.md with a table and a mermaid picture", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-flows-"));
        try {
            const written = (0, write_1.writePlan)(await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "prod")), dir);
            assert.equal(written.flowMismatches, 0);
            const md = fs.readFileSync(written.flowsFile, "utf8");
            assert.match(md, /^# Network flows of stack prod/);
            assert.match(md, /Every flow is as the configuration asks\./);
            assert.match(md, /\| SSH secondary -> primary \| secondary \| primary \| TCP 22 \| open \|/);
            assert.match(md, /\| cloud metadata endpoint \| secondary \| metadata endpoint 169\.254\.169\.254 169\.254\.169\.254 \| TCP 80 \| closed \|/);
            assert.match(md, /```mermaid\nflowchart LR\n/);
            assert.match(md, /n_secondary -->\|"22"\| n_primary/);
            assert.equal((0, flows_1.flowsMarkdown)("x", []).includes("Every flow is as the configuration asks."), true);
        }
        finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
describe("flow matrix of every topology (test scenarios)", () => {
    for (const name of scenarios_1.SCENARIOS) {
        it(`${name}: every configured flow open, every dangerous one closed`, async () => {
            const s = await (0, scenarios_1.scenario)(name);
            const cidrs = s.platform.clusterCidrs;
            const net = {
                podCidr: cidrs[0],
                serviceCidr: cidrs[1] ?? cidrs[0],
                nodeCidr: cidrs[2] ?? cidrs[0],
                clusterCidrs: cidrs,
                privateNetworkCidrs: s.platform.privateNetworkCidrs,
            };
            const objects = s.rendered.manifests.map((m) => m.object);
            const f = {
                instance: s.instance.name,
                namespace: s.instance.namespace,
                topology: s.instance.topology,
                results: (0, flows_1.evaluateProbes)((0, flows_1.instanceFlowProbes)(s.instance, net, objects), objects),
            };
            assertCoreFlows(f, s.instance.topology);
            const ports = (0, probes_1.consumerPorts)(s.instance.variant);
            for (const ns of s.instance.network.consumerNamespaces)
                assert.ok(find(f, flows_1.ROWS.consumer, (r) => r.from.kind === "pod" && r.from.namespace === ns && r.port === ports.https && r.expect === "open").every((r) => r.verdict.allowed));
            if (s.instance.network.acmeChallenge)
                assert.ok(find(f, flows_1.ROWS.acme).length === 1 && find(f, flows_1.ROWS.acme)[0].verdict.allowed);
            if (s.instance.network.mailCidrs.length > 0)
                assert.ok(find(f, flows_1.ROWS.mail).every((r) => r.verdict.allowed));
            if (s.instance.network.ocspTsaPorts.length > 0)
                assert.ok(find(f, flows_1.ROWS.xroadOut, (r) => r.port === s.instance.network.ocspTsaPorts[0]).every((r) => r.verdict.allowed));
        });
    }
});
