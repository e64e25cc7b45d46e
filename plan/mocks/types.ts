import { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime/mocks";

/** A resource registration as the mocks see it: the SDK's args, with the inputs read as unknown values (the SDK says `any`). */
export type MockResource = Omit<MockResourceArgs, "inputs"> & { inputs: Record<string, unknown> };
/** A provider function call as the mocks see it, likewise. */
export type MockCall = Omit<MockCallArgs, "inputs"> & { inputs: Record<string, unknown> };

/** Plausible outputs of one resource type, merged over its inputs. */
export type OutputBuilder = (args: MockResource, id: string) => Record<string, unknown>;
/** The result of one provider function (invoke). */
type CallBuilder = (args: MockCall) => Record<string, unknown>;

export interface MockTable {
    resources: Record<string, OutputBuilder>;
    calls: Record<string, CallBuilder>;
}

export const MOCK_ACCOUNT_ID = "123456789012";
export const MOCK_TENANT_ID = "00000000-0000-4000-8000-000000000001";
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000002";
