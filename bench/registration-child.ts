/**
 * The SDK's share of a plan, for `npm run bench`: a fresh process started like a plan that loads the floor's files
 * (bench/floor-child.ts) and then registers, through Pulumi's own mock runtime, exactly the resources a plan of the
 * stack registered (type, name, parent and inputs, read back from its plan.json), with mocks that echo the
 * inputs. Nothing of the program runs: no config, no components, no manifests, no self-check. So its time is a lower
 * bound for any offline plan of that stack: what loading the SDKs and registering those resources costs, before
 * the program does anything of its own. `node … bench/registration-child.ts <modulesFile> <plan.json>`.
 */
// As in the plan it is measured against (bench/plan-child.ts).
import "../policy/defer-npm-arborist";
import * as fs from "fs";
import type * as Pulumi from "@pulumi/pulumi";
import type { PlannedResource } from "../plan/run";
import { selfReport } from "./child-report";
import { readArguments } from "../scripts/arguments";

const started = process.hrtime.bigint();
// Loaded after the clock starts, as the floor loads it: the SDK's load is part of what this child measures.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pulumi = require("@pulumi/pulumi") as typeof Pulumi;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useNativeStackTraces } = require("../plan/native-stack-traces") as typeof import("../plan/native-stack-traces");

const STACK_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_PREFIX = "pulumi:providers:";

/** One resource as plan.json records it (plan/write.ts). */
type RecordedResource = Pick<PlannedResource, "urn" | "type" | "name" | "parent" | "custom" | "inputs">;

/** The SDK's resource classes are abstract; the program's resources are subclasses as plain as these. */
class ReplayedResource extends pulumi.CustomResource {}
class ReplayedProvider extends pulumi.ProviderResource {}

/** A component that registers its (empty) outputs when told, as the program's components do at the end of their constructors. */
class ReplayedComponent extends pulumi.ComponentResource {
    finish(): void {
        this.registerOutputs({});
    }
}

function readPlan(planFile: string): { project: string; stack: string; resources: RecordedResource[] } {
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as { project?: unknown; stack?: unknown; resources?: unknown };
    if (typeof plan.project !== "string" || typeof plan.stack !== "string" || !Array.isArray(plan.resources))
        throw new Error(`${planFile} is no plan.json (project, stack and resources)`);
    return { project: plan.project, stack: plan.stack, resources: plan.resources as RecordedResource[] };
}

/** Registers the resources in the plan's order (a parent is registered before its children). */
function replay(resources: RecordedResource[]): void {
    const byUrn = new Map<string, Pulumi.Resource>();
    const components: ReplayedComponent[] = [];
    for (const r of resources) {
        if (r.type === STACK_TYPE) continue;
        const parent = r.parent === undefined ? undefined : byUrn.get(r.parent);
        // plan.json does not record which provider a resource uses: each one gets the default, as cheap under mocks.
        const opts: Pulumi.CustomResourceOptions = parent ? { parent } : {};
        let resource: Pulumi.Resource;
        if (r.type.startsWith(PROVIDER_PREFIX))
            resource = new ReplayedProvider(r.type.slice(PROVIDER_PREFIX.length), r.name, r.inputs, opts);
        else if (r.custom) resource = new ReplayedResource(r.type, r.name, r.inputs, opts);
        else {
            const component = new ReplayedComponent(r.type, r.name, {}, opts);
            components.push(component);
            resource = component;
        }
        byUrn.set(r.urn, resource);
    }
    for (const component of components) component.finish();
}

async function main(): Promise<void> {
    const {
        positionals: [modulesFile, planFile],
    } = readArguments(process.argv.slice(2), {}, true);
    if (!modulesFile || !planFile) throw new Error("usage: registration-child.ts <modulesFile> <plan.json>");
    useNativeStackTraces();
    const files: unknown = JSON.parse(fs.readFileSync(modulesFile, "utf8"));
    if (!Array.isArray(files)) throw new Error(`${modulesFile} is not a list of files`);
    // The floor's files, by path, as bench/floor-child.ts loads them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const file of files) require(String(file));
    const plan = readPlan(planFile);
    const echo = (inputs: unknown) => inputs as Record<string, unknown>;
    // Counted as the monitor receives them (the root stack included), so a replay that lost any shows in the report.
    let registered = 0;
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registered++;
                return { id: `${args.name}-id`, state: echo(args.inputs) };
            },
            call: (args) => echo(args.inputs),
        },
        plan.project,
        plan.stack,
        false,
    );
    // eslint-disable-next-line @typescript-eslint/require-await -- async, as the plan runs its program
    await pulumi.runtime.runInPulumiStack(async () => replay(plan.resources));
    // Internal to the SDK, as in plan/run.ts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
    const settings: { waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");
    await settings.waitForRPCs();
    process.stdout.write(JSON.stringify(selfReport(Number(process.hrtime.bigint() - started) / 1e6, registered, "registration")) + "\n");
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
