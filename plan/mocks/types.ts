import { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime/mocks";

/** Plausible outputs of one resource type, merged over its inputs. */
export type OutputBuilder = (args: MockResourceArgs, id: string) => Record<string, unknown>;
/** The result of one provider function (invoke). */
export type CallBuilder = (args: MockCallArgs) => Record<string, unknown>;

export interface MockTable {
    resources: Record<string, OutputBuilder>;
    calls: Record<string, CallBuilder>;
}

export const MOCK_ACCOUNT_ID = "123456789012";
export const MOCK_TENANT_ID = "00000000-0000-4000-8000-000000000001";
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000002";
