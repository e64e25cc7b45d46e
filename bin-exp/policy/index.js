"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The CrossGuard entry point: `pulumi preview --policy-pack policy [--policy-pack-config policy/config/prod.json]`.
 * Constructing a PolicyPack starts the policy gRPC server, so nothing but the Pulumi CLI may import this file;
 * tests and scripts import ./policies instead.
 */
// First: keeps the SDK from loading npm's Arborist at start-up (see the file).
require("./defer-npm-arborist");
const policy_1 = require("@pulumi/policy");
const policies_1 = require("./policies");
new policy_1.PolicyPack(policies_1.POLICY_PACK_NAME, {
    description: "NIIS Kubernetes Security Server Sidecar Security User Guide (UG-K-SS-SEC-SIDECAR 1.5), as code: Kubernetes, EKS and AKS.",
    displayName: "X-Road Security Server Sidecar security",
    enforcementLevel: "advisory",
    policies: [...policies_1.allPolicies],
});
