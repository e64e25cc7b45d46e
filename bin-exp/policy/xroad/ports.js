"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NFS_PORT = exports.XROAD_EGRESS_PORTS = exports.DNS_PORT = exports.POSTGRES_PORT = exports.EE_CONSUMER_PORTS = exports.ACME_CHALLENGE_PORT = exports.XROAD_PORTS = void 0;
/**
 * Ports of the X-Road Security Server Sidecar (xroad-facts §4.1, NIIS Kubernetes user guide §4.3).
 * The components open exactly these and the policies check against the same numbers.
 */
exports.XROAD_PORTS = {
    /** Message exchange between Security Servers; public through the load balancer. */
    messaging: 5500,
    /** OCSP responses between Security Servers; public through the load balancer. */
    ocsp: 5577,
    /** Consumer information systems, HTTP (8080; 80 for the `ee` variant). */
    consumerHttp: 8080,
    /** Consumer information systems, HTTPS (8443; 443 for the `ee` variant). */
    consumerHttps: 8443,
    /** Admin UI and management REST API; never reachable from outside the cluster. */
    adminUi: 4000,
    /** Health check used for readiness of secondaries and by load balancers. */
    healthCheck: 5588,
    /** sshd on the primary, for the secondaries' rsync (guide §5.1). */
    ssh: 22,
};
/** ACME HTTP-01 challenges always arrive on port 80 (Docker guide §3.2; the `fi` variant listens there). */
exports.ACME_CHALLENGE_PORT = 80;
/** The `ee` variant moves the consumer ports to 80/443 (xroad-facts §2). */
exports.EE_CONSUMER_PORTS = { http: 80, https: 443 };
/** PostgreSQL, for the external or managed database. */
exports.POSTGRES_PORT = 5432;
/** DNS, for the egress rule every pod needs. */
exports.DNS_PORT = 53;
/**
 * Outbound TCP ports X-Road needs (NIIS Kubernetes user guide network table):
 * central server 80/443/4001, OCSP and timestamping 80/443, other Security Servers 5500/5577.
 */
exports.XROAD_EGRESS_PORTS = [80, 443, 4001, 5500, 5577];
/** NFS (EFS), reached by the kubelet, listed for node security groups. */
exports.NFS_PORT = 2049;
