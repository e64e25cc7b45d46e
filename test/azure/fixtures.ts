import { AzureStackConfig, loadStackConfig } from "../../config";
import { recordResources, PlannedResource } from "../../plan/run";
import { AzurePlatform } from "../../components/azure/azure-platform";
import { configErrors } from "../config/errors";

export const names = { project: "xroad-sidecar", stack: "aztest" };
export const ADMIN_GROUP = "00000000-0000-4000-8000-0000000000aa";
export const OPERATOR_GROUP = "00000000-0000-4000-8000-0000000000bb";
/** A real-looking object ID: the tests' stacks deploy as a CI service principal. */
export const DEPLOYER = "3f2b6c1e-8a4d-4e7b-9c2a-5d1e0f7a6b34";

/** Receivers of the tests' production stacks (RFC 2606 `.test`: reserved for testing, never mailed). */
export const TEST_ALERTS = { receivers: { emails: ["soc@xroad-operator.test"] } };

/** A complete, valid production Azure stack; tests override single values. */
export function prodAzure(): Record<string, unknown> {
    return {
        location: "westeurope",
        resourceGroupName: "rg-xroad-test",
        authorizedIpRanges: ["203.0.113.0/24"],
        adminGroupObjectIds: [ADMIN_GROUP],
        namespaceOperatorGroupObjectIds: [OPERATOR_GROUP],
        deployer: { objectId: DEPLOYER, principalType: "ServicePrincipal" },
        archive: { coolAfterDays: 30, deleteAfterDays: 2555, softDeleteDays: 30, immutabilityDays: 365 },
    };
}

function prodInstances(): unknown[] {
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
export function rawConfig(azure: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, string> {
    const values: Record<string, unknown> = {
        target: "azure",
        environment: "production",
        azure,
        instances: prodInstances(),
        alerts: TEST_ALERTS,
        ...extra,
    };
    return Object.fromEntries(
        Object.entries(values).map(([k, v]) => [`xroad-sidecar:${k}`, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

/**
 * Loads as the offline plan does (the fixture's group IDs and CIDRs are example values, which only warn);
 * `offline: false` loads as under the Pulumi engine.
 */
export function loadAzure(azure: Record<string, unknown>, extra: Record<string, unknown> = {}, offline = true): AzureStackConfig {
    const config = loadStackConfig(rawConfig(azure, extra), names, { offline });
    if (config.target !== "azure") throw new Error("expected an azure stack");
    return config;
}

/** The issue lines of the ConfigValidationError loading throws. */
export function errorsOf(azure: Record<string, unknown>, extra: Record<string, unknown> = {}, offline = true): string[] {
    return configErrors(() => loadAzure(azure, extra, offline));
}

/** Runs only the Azure platform under the shared mocks. */
export async function recordPlatform(config: AzureStackConfig): Promise<{ resources: PlannedResource[]; platform: AzurePlatform }> {
    let platform: AzurePlatform | undefined;
    const { resources } = await recordResources(() => {
        platform = new AzurePlatform(`${config.project}-${config.stack}`, {
            settings: config.azure,
            release: config.release,
            instances: config.instances,
            protectData: config.protectData,
            environment: config.environment,
            alerts: config.alerts,
        });
        return {};
    }, names);
    if (!platform) throw new Error("the platform was not created");
    return { resources, platform };
}
