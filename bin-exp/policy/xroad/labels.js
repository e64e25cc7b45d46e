"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MANAGED_BY = exports.APP_NAME = exports.MANAGED_BY_LABEL = exports.APP_VERSION_LABEL = exports.APP_COMPONENT_LABEL = exports.APP_INSTANCE_LABEL = exports.APP_NAME_LABEL = exports.ROLE_ARCHIVER = exports.ROLE_STANDALONE = exports.ROLE_SECONDARY = exports.ROLE_PRIMARY = exports.ROLE_LABEL = void 0;
/**
 * Labels shared by the workloads, their Services and NetworkPolicies, and the policies that check them.
 * Guide §5.1 identifies the primary and the secondaries by `role`.
 */
exports.ROLE_LABEL = "role";
exports.ROLE_PRIMARY = "primary";
exports.ROLE_SECONDARY = "secondary";
/** Single-pod topology: one Security Server with no sync. */
exports.ROLE_STANDALONE = "standalone";
exports.ROLE_ARCHIVER = "archiver";
/** Recommended Kubernetes labels. */
exports.APP_NAME_LABEL = "app.kubernetes.io/name";
exports.APP_INSTANCE_LABEL = "app.kubernetes.io/instance";
exports.APP_COMPONENT_LABEL = "app.kubernetes.io/component";
exports.APP_VERSION_LABEL = "app.kubernetes.io/version";
exports.MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
exports.APP_NAME = "xroad-security-server-sidecar";
exports.MANAGED_BY = "pulumi";
