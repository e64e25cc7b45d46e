"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEST_ALERTS = exports.DEPLOYER = exports.OPERATOR_GROUP = exports.ADMIN_GROUP = exports.names = void 0;
exports.prodAzure = prodAzure;
exports.rawConfig = rawConfig;
exports.loadAzure = loadAzure;
exports.errorsOf = errorsOf;
exports.recordPlatform = recordPlatform;
const config_1 = require("../../config");
const run_1 = require("../../plan/run");
const azure_platform_1 = require("../../components/azure/azure-platform");
const errors_1 = require("../config/errors");
exports.names = { project: "xroad-sidecar", stack: "aztest" };
exports.ADMIN_GROUP = "00000000-0000-4000-8000-0000000000aa";
exports.OPERATOR_GROUP = "00000000-0000-4000-8000-0000000000bb";
/** A real-looking object ID: the tests' stacks deploy as a CI service principal. */
exports.DEPLOYER = "3f2b6c1e-8a4d-4e7b-9c2a-5d1e0f7a6b34";
/** Receivers of the tests' production stacks (RFC 2606 `.test`: reserved for testing, never mailed). */
exports.TEST_ALERTS = { receivers: { emails: ["soc@xroad-operator.test"] } };
/** A complete, valid production Azure stack; tests override single values. */
function prodAzure() {
    return {
        location: "westeurope",
        resourceGroupName: "rg-xroad-test",
        authorizedIpRanges: ["203.0.113.0/24"],
        adminGroupObjectIds: [exports.ADMIN_GROUP],
        namespaceOperatorGroupObjectIds: [exports.OPERATOR_GROUP],
        deployer: { objectId: exports.DEPLOYER, principalType: "ServicePrincipal" },
        archive: { coolAfterDays: 30, deleteAfterDays: 2555, softDeleteDays: 30, immutabilityDays: 365 },
    };
}
function prodInstances() {
    return [
        {
            name: "sidecar",
            namespace: "xroad-sidecar",
            flavour: "full",
            topology: "primary-secondaries",
            database: { mode: "managed", namePrefix: "ss1" },
            network: { consumerNamespaces: ["information-systems"] },
        },
    ];
}
/** The flat config map the Pulumi CLI would hand the program. */
function rawConfig(azure, extra = {}) {
    const values = {
        target: "azure",
        environment: "production",
        azure,
        instances: prodInstances(),
        alerts: exports.TEST_ALERTS,
        ...extra,
    };
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [`xroad-sidecar:${k}`, typeof v === "string" ? v : JSON.stringify(v)]));
}
/**
 * Loads as the offline plan does (the fixture's group IDs and CIDRs are example values, which only warn);
 * `offline: false` loads as under the Pulumi engine.
 */
function loadAzure(azure, extra = {}, offline = true) {
    const config = (0, config_1.loadStackConfig)(rawConfig(azure, extra), exports.names, { offline });
    if (config.target !== "azure")
        throw new Error("expected an azure stack");
    return config;
}
/** The issue lines of the ConfigValidationError loading throws. */
function errorsOf(azure, extra = {}, offline = true) {
    return (0, errors_1.configErrors)(() => loadAzure(azure, extra, offline));
}
/** Runs only the Azure platform under the shared mocks. */
async function recordPlatform(config) {
    let platform;
    const { resources } = await (0, run_1.recordResources)(() => {
        platform = new azure_platform_1.AzurePlatform(`${config.project}-${config.stack}`, {
            settings: config.azure,
            release: config.release,
            instances: config.instances,
            protectData: config.protectData,
            environment: config.environment,
            alerts: config.alerts,
        });
        return {};
    }, exports.names);
    if (!platform)
        throw new Error("the platform was not created");
    return { resources, platform };
}
