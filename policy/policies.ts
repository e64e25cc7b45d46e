/**
 * Every policy of the pack, one guide area per module. Tests, `npm run check` and the plan's self-check
 * import this list; only policy/index.ts wraps it in a PolicyPack (which starts a gRPC server).
 */
import { accessPolicies } from "./access";
import { alertPolicies } from "./alerts";
import { archivePolicies } from "./archives";
import { autoscalingPolicies } from "./autoscaling";
import { backupPolicies } from "./backup-encryption";
import { AnyPolicy } from "./engine/types";
import { monitoringPolicies } from "./monitoring";
import { networkPolicies } from "./network";
import { podSecurityPolicies } from "./pod-security";
import { primaryPolicies } from "./primary";
import { resourcePolicies } from "./resources";
import { secretsPolicies } from "./secrets";

export const POLICY_PACK_NAME = "xroad-sidecar-security";

export const allPolicies: readonly AnyPolicy[] = [
    ...secretsPolicies,
    ...accessPolicies,
    ...networkPolicies,
    ...podSecurityPolicies,
    ...resourcePolicies,
    ...monitoringPolicies,
    ...alertPolicies,
    ...archivePolicies,
    ...backupPolicies,
    ...primaryPolicies,
    ...autoscalingPolicies,
];
