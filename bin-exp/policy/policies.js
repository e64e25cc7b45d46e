"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allPolicies = exports.POLICY_PACK_NAME = void 0;
/**
 * Every policy of the pack, one guide area per module. Tests, `npm run check` and the plan's self-check
 * import this list; only policy/index.ts wraps it in a PolicyPack (which starts a gRPC server).
 */
const access_1 = require("./access");
const alerts_1 = require("./alerts");
const archives_1 = require("./archives");
const autoscaling_1 = require("./autoscaling");
const backup_encryption_1 = require("./backup-encryption");
const monitoring_1 = require("./monitoring");
const network_1 = require("./network");
const pod_security_1 = require("./pod-security");
const primary_1 = require("./primary");
const resources_1 = require("./resources");
const secrets_1 = require("./secrets");
exports.POLICY_PACK_NAME = "xroad-sidecar-security";
exports.allPolicies = [
    ...secrets_1.secretsPolicies,
    ...access_1.accessPolicies,
    ...network_1.networkPolicies,
    ...pod_security_1.podSecurityPolicies,
    ...resources_1.resourcePolicies,
    ...monitoring_1.monitoringPolicies,
    ...alerts_1.alertPolicies,
    ...archives_1.archivePolicies,
    ...backup_encryption_1.backupPolicies,
    ...primary_1.primaryPolicies,
    ...autoscaling_1.autoscalingPolicies,
];
