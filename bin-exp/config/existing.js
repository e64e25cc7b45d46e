"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readExistingSettings = readExistingSettings;
const cluster_network_1 = require("./cluster-network");
const CLASS_NAME = { pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, allowed: "a StorageClass name (DNS-1123 subdomain)" };
function readExistingSettings(check, raw) {
    const p = "existing";
    const s = check.section(p, raw);
    check.knownKeys(p, s, ["kubeconfigPath", "context", "storageClasses", "clusterCidrs"]);
    const sc = check.section(`${p}.storageClasses`, s.storageClasses);
    check.knownKeys(`${p}.storageClasses`, sc, ["config", "shared"]);
    return {
        kubeconfigPath: check.optionalString(`${p}.kubeconfigPath`, s.kubeconfigPath),
        context: check.optionalString(`${p}.context`, s.context),
        storageClasses: {
            config: check.optionalString(`${p}.storageClasses.config`, sc.config, CLASS_NAME),
            shared: check.optionalString(`${p}.storageClasses.shared`, sc.shared, CLASS_NAME),
        },
        clusterCidrs: check.cidrList(`${p}.clusterCidrs`, s.clusterCidrs, [...cluster_network_1.PRIVATE_CIDRS]),
    };
}
