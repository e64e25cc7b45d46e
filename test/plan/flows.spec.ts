/**
 * The flow matrix over every example stack and every topology: each NIIS network-table flow the
 * configuration asks for is open, and the metadata endpoint, the Azure wireserver, the API server,
 * pods of other namespaces, the admin UI and 5500 to the primary are closed, as decided from the
 * generated NetworkPolicies by the evaluator.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planStack } from "../../plan/run";
import { listStacks, readStackFile } from "../../plan/stack-file";
import { kubernetesManifests } from "../../plan/manifests";
import { writePlan } from "../../plan/write";
import {
    FlowResult,
    InstanceFlows,
    ROWS,
    evaluateProbes,
    flowsMarkdown,
    instanceFlowProbes,
    mismatches,
    stackFlows,
} from "../../plan/flows";
import { SCENARIOS, scenario } from "../kubernetes/scenarios";
import { Obj } from "../../kubernetes-model/workloads";
import { consumerPorts } from "../../components/kubernetes/probes";

const projectDir = path.resolve(__dirname, "../..");

function describeFlow(r: FlowResult): string {
    const at = (e: FlowResult["from"]) => (e.kind === "pod" ? e.name : `${e.name} ${e.ip}`);
    return `${r.row}: ${at(r.from)} -> ${at(r.to)} ${r.protocol} ${r.port} expected ${r.expect}, got ${r.verdict.allowed ? "open" : "closed"}`;
}

function find(flows: InstanceFlows, row: string, match: (r: FlowResult) => boolean = () => true): FlowResult[] {
    return flows.results.filter((r) => r.row === row && match(r));
}

/** The flows every instance must show, whatever its configuration. */
function assertCoreFlows(f: InstanceFlows, topology: string): void {
    const open = (row: string, match?: (r: FlowResult) => boolean) => {
        const found = find(f, row, match);
        assert.ok(found.length > 0, `${f.instance}: a probe for ${row}`);
        for (const r of found) if (r.expect === "open") assert.ok(r.verdict.allowed, describeFlow(r));
    };
    const closed = (row: string, match?: (r: FlowResult) => boolean) => {
        const found = find(f, row, match);
        assert.ok(found.length > 0, `${f.instance}: a probe for ${row}`);
        for (const r of found) if (r.expect === "closed") assert.ok(!r.verdict.allowed, describeFlow(r));
    };
    open(ROWS.dns);
    open(ROWS.xroadOut, (r) => r.port === 4001);
    open(ROWS.xroadIn, (r) => r.port === 5500);
    closed(ROWS.imds);
    closed(ROWS.wireserver);
    closed(ROWS.apiServer);
    closed(ROWS.lateral, (r) => r.from.kind === "pod" && r.from.namespace === "unrelated-namespace");
    closed(ROWS.adminUi, (r) => r.port === 4000);
    if (topology === "primary-secondaries") {
        open(ROWS.ssh);
        closed(ROWS.primaryPublic);
    }
    assert.deepEqual(mismatches([f]).map(describeFlow), []);
}

describe("flow matrix of every example stack (npm run plan writes it to flows.md)", function () {
    this.timeout(120_000);
    const stacks = listStacks(projectDir);
    const planned = new Map<string, { flows: InstanceFlows[]; objects: Obj[] }>();

    before(async () => {
        for (const stack of stacks) {
            const plan = await planStack(readStackFile(projectDir, stack));
            const objects = kubernetesManifests(plan.resources).map((m) => m.object);
            planned.set(stack, { flows: stackFlows(plan.config, objects), objects });
        }
    });

    it("covers the five example stacks", () => {
        assert.deepEqual([...stacks].sort(), ["azure-dev", "azure-prod", "dev", "existing", "prod"]);
    });

    for (const stack of ["dev", "prod", "azure-dev", "azure-prod", "existing"]) {
        it(`${stack}: every NIIS flow is open where configured and every dangerous one closed`, () => {
            const { flows } = planned.get(stack)!;
            assert.ok(flows.length > 0);
            for (const f of flows) assertCoreFlows(f, f.topology);
        });
    }

    it("prod and azure-prod: producers on their own ports only, consumers in their namespace and network, nothing else", () => {
        for (const stack of ["prod", "azure-prod"]) {
            const [f] = planned.get(stack)!.flows;
            const producers = find(f, ROWS.producer);
            assert.ok(
                producers.some((r) => r.to.kind === "address" && r.port === 8443 && r.verdict.allowed),
                `${stack}: out-of-cluster producer`,
            );
            assert.ok(
                producers.some((r) => r.to.kind === "pod" && r.port === 8080 && r.verdict.allowed),
                `${stack}: in-cluster producer`,
            );
            assert.ok(find(f, ROWS.unlisted, (r) => r.port === 6379).every((r) => !r.verdict.allowed));
            const consumers = find(f, ROWS.consumer, (r) => r.expect === "open");
            assert.ok(consumers.some((r) => r.from.kind === "pod" && r.port === 8443 && r.verdict.allowed));
            assert.ok(consumers.some((r) => r.from.kind === "address" && r.port === 8080 && r.verdict.allowed));
            assert.ok(
                find(f, ROWS.consumer, (r) => r.to.name === "primary").every((r) => !r.verdict.allowed),
                "consumers never reach the primary",
            );
            assert.ok(find(f, ROWS.database).every((r) => r.verdict.allowed));
            assert.ok(
                find(f, ROWS.archiver).every((r) => r.verdict.allowed),
                "archiver: 443 out",
            );
            assert.ok(
                find(f, ROWS.unlisted, (r) => r.from.name === "archiver").every((r) => !r.verdict.allowed),
                "archiver: no port 80",
            );
        }
    });

    it("detects a regression: without the metadata exception the matrix reports the flow", () => {
        const { objects } = planned.get("azure-prod")!;
        const broken = JSON.parse(JSON.stringify(objects)) as Obj[];
        for (const o of broken)
            if (o.kind === "NetworkPolicy")
                for (const rule of ((o.spec as Obj).egress as Obj[] | undefined) ?? [])
                    for (const peer of (rule.to as Obj[] | undefined) ?? []) delete (peer.ipBlock as Obj | undefined)?.except;
        const plan = planned.get("azure-prod")!.flows[0];
        const results = evaluateProbes(plan.results, broken);
        const bad = mismatches([{ ...plan, results }]).map((r) => r.row);
        assert.ok(bad.includes(ROWS.imds) && bad.includes(ROWS.wireserver) && bad.includes(ROWS.apiServer), bad.join(", "));
    });

    it("writes out/<stack>/flows.md with a table and a mermaid picture", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-flows-"));
        try {
            const written = writePlan(await planStack(readStackFile(projectDir, "prod")), dir);
            assert.equal(written.flowMismatches, 0);
            const md = fs.readFileSync(written.flowsFile, "utf8");
            assert.match(md, /^# Network flows of stack prod/);
            assert.match(md, /Every flow is as the configuration asks\./);
            assert.match(md, /\| SSH secondary -> primary \| secondary \| primary \| TCP 22 \| open \|/);
            assert.match(
                md,
                /\| cloud metadata endpoint \| secondary \| metadata endpoint 169\.254\.169\.254 169\.254\.169\.254 \| TCP 80 \| closed \|/,
            );
            assert.match(md, /```mermaid\nflowchart LR\n/);
            assert.match(md, /n_secondary -->\|"22"\| n_primary/);
            assert.equal(flowsMarkdown("x", []).includes("Every flow is as the configuration asks."), true);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("flow matrix of every topology (test scenarios)", () => {
    for (const name of SCENARIOS) {
        it(`${name}: every configured flow open, every dangerous one closed`, async () => {
            const s = await scenario(name);
            const cidrs = s.platform.clusterCidrs;
            const net = {
                podCidr: cidrs[0],
                serviceCidr: cidrs[1] ?? cidrs[0],
                nodeCidr: cidrs[2] ?? cidrs[0],
                clusterCidrs: cidrs,
                privateNetworkCidrs: s.platform.privateNetworkCidrs,
            };
            const objects = s.rendered.manifests.map((m) => m.object);
            const f: InstanceFlows = {
                instance: s.instance.name,
                namespace: s.instance.namespace,
                topology: s.instance.topology,
                results: evaluateProbes(instanceFlowProbes(s.instance, net, objects), objects),
            };
            assertCoreFlows(f, s.instance.topology);
            const ports = consumerPorts(s.instance.variant);
            for (const ns of s.instance.network.consumerNamespaces)
                assert.ok(
                    find(
                        f,
                        ROWS.consumer,
                        (r) => r.from.kind === "pod" && r.from.namespace === ns && r.port === ports.https && r.expect === "open",
                    ).every((r) => r.verdict.allowed),
                );
            if (s.instance.network.acmeChallenge) assert.ok(find(f, ROWS.acme).length === 1 && find(f, ROWS.acme)[0].verdict.allowed);
            if (s.instance.network.mailCidrs.length > 0) assert.ok(find(f, ROWS.mail).every((r) => r.verdict.allowed));
            if (s.instance.network.ocspTsaPorts.length > 0)
                assert.ok(find(f, ROWS.xroadOut, (r) => r.port === s.instance.network.ocspTsaPorts[0]).every((r) => r.verdict.allowed));
        });
    }
});
