import { MockTable, MOCK_SUBSCRIPTION_ID, MOCK_TENANT_ID } from "./types";

/** Azure invokes the program makes; resources fall back to the generic id echo in index.ts. */
export const azureMocks: MockTable = {
    resources: {},
    calls: {
        "azure-native:authorization:getClientConfig": () => ({
            clientId: "00000000-0000-4000-8000-000000000003",
            objectId: "00000000-0000-4000-8000-000000000004",
            subscriptionId: MOCK_SUBSCRIPTION_ID,
            tenantId: MOCK_TENANT_ID,
        }),
    },
};
