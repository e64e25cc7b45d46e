"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigDiskClass = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const k8s = __importStar(require("@pulumi/kubernetes"));
/**
 * The ReadWriteOnce Azure Disk CSI class for the primary's `/etc/xroad` (keys, configuration,
 * `gpghome`) and a local database. Disks are encrypted at rest by the platform; binding waits for
 * the pod so the disk is created in the zone the pod lands in.
 */
class ConfigDiskClass extends pulumi.ComponentResource {
    storageClassName;
    constructor(name, args, opts) {
        super("xroad:azure:ConfigDiskClass", name, {}, opts);
        const storageClass = new k8s.storage.v1.StorageClass(name, {
            metadata: { name: "xroad-config-disk" },
            provisioner: "disk.csi.azure.com",
            parameters: { skuName: args.zoneRedundant ? "Premium_ZRS" : "Premium_LRS", cachingMode: "ReadOnly" },
            reclaimPolicy: args.retain ? "Retain" : "Delete",
            allowVolumeExpansion: true,
            volumeBindingMode: "WaitForFirstConsumer",
        }, { parent: this, provider: args.k8sProvider });
        this.storageClassName = storageClass.metadata.name;
        this.registerOutputs({ storageClassName: this.storageClassName });
    }
}
exports.ConfigDiskClass = ConfigDiskClass;
