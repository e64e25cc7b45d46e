import { MockTable, MOCK_ACCOUNT_ID } from "./types";

/** AWS invokes the program makes; resources fall back to the generic id/arn echo in index.ts. */
export const awsMocks: MockTable = {
    resources: {},
    calls: {
        "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
            names: ["eu-north-1a", "eu-north-1b", "eu-north-1c"],
            zoneIds: ["eun1-az1", "eun1-az2", "eun1-az3"],
            id: "eu-north-1",
        }),
        "aws:index/getCallerIdentity:getCallerIdentity": () => ({ accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/plan`, userId: "AIDAPLAN", id: MOCK_ACCOUNT_ID }),
        "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
        "aws:index/getRegion:getRegion": (args) => ({ name: args.inputs.name ?? "eu-north-1", region: args.inputs.region ?? "eu-north-1", id: "eu-north-1" }),
    },
};
