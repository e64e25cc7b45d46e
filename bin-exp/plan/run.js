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
exports.recordResources = recordResources;
exports.planStack = planStack;
const pulumi = __importStar(require("@pulumi/pulumi"));
const mocks_1 = require("@pulumi/pulumi/runtime/mocks");
const rpc_1 = require("@pulumi/pulumi/runtime/rpc");
const settings_1 = require("@pulumi/pulumi/runtime/settings");
const mocks_2 = require("./mocks");
const config_1 = require("../config");
const program_1 = require("../program");
const stack_file_1 = require("./stack-file");
/** A mock monitor that also records what the program registered, with parents, dependencies and secrets. */
class RecordingMonitor extends mocks_1.MockMonitor {
    registrations = [];
    /** Outputs each component registered, secrets still wrapped (the root stack's are the stack outputs). */
    registeredOutputs = new Map();
    registerResourceOutputs(req, callback) {
        const outputs = req.getOutputs();
        if (outputs)
            this.registeredOutputs.set(req.getUrn(), (0, rpc_1.deserializeProperties)(outputs));
        super.registerResourceOutputs(req, callback);
    }
    async registerResource(req, callback) {
        return super.registerResource(req, (err, response) => {
            if (!err && response) {
                const propertyDependencies = {};
                req.getPropertydependenciesMap().forEach((v, k) => (propertyDependencies[k] = v.getUrnsList()));
                this.registrations.push({
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    provider: req.getProvider() || undefined,
                    inputs: (0, rpc_1.deserializeProperties)(req.getObject()),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    protect: req.getProtect(),
                    retainOnDelete: req.getRetainondelete(),
                });
            }
            callback(err, response);
        });
    }
}
/**
 * `waitForRPCs` is how the Pulumi runtime itself waits for every outstanding registration before it
 * exits; it is internal to @pulumi/pulumi (absent from its .d.ts), so it is required with its signature.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- internal, not in the .d.ts
const runtimeSettings = require("@pulumi/pulumi/runtime/settings");
/**
 * Runs `program` under Pulumi's mock runtime with the shared mocks and returns every resource it
 * registered (inside a root `pulumi:pulumi:Stack`, as the CLI would) and the value it returned.
 * Tests use this to exercise one component; the plan uses it for the whole program.
 */
async function recordResources(program, names = { project: "xroad-sidecar", stack: "test" }) {
    const mocks = new mocks_2.PlanMocks();
    await pulumi.runtime.setMocks(mocks, names.project, names.stack, false);
    const monitor = new RecordingMonitor(mocks);
    (0, settings_1.setMockOptions)(monitor, names.project, names.stack, false);
    try {
        // async, so that a program that throws becomes a rejected run, as under the CLI.
        // eslint-disable-next-line @typescript-eslint/require-await
        await pulumi.runtime.runInPulumiStack(async () => program());
        await runtimeSettings.waitForRPCs();
    }
    catch (e) {
        // A refused resource surfaces wrapped in the serialisation of whatever depended on it; report the refusals.
        if (mocks.refusals.length > 0)
            throw new mocks_2.ProviderRuleError(mocks.refusals);
        throw e;
    }
    if (mocks.refusals.length > 0)
        throw new mocks_2.ProviderRuleError(mocks.refusals);
    // The stack outputs as the engine receives them, so secret outputs stay marked secret.
    const root = monitor.registrations.find((r) => r.type === "pulumi:pulumi:Stack");
    const outputs = (root && monitor.registeredOutputs.get(root.urn)) ?? {};
    return { resources: monitor.registrations, outputs };
}
/**
 * Validates the stack's config and runs the real program under Pulumi's mock runtime: no engine,
 * no cloud, no credentials. Throws ConfigValidationError before any resource is registered.
 */
async function planStack(stackFile) {
    const config = (0, config_1.loadStackConfig)(stackFile.config, { project: stackFile.project, stack: stackFile.stack }, { isSecure: (0, stack_file_1.isSecureIn)(stackFile), offline: true });
    const { resources, outputs } = await recordResources(() => (0, program_1.deployStack)(config), stackFile);
    return { config, resources, outputs };
}
