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
exports.createClaim = createClaim;
exports.archiveStorage = archiveStorage;
const k8s = __importStar(require("@pulumi/kubernetes"));
/** A PVC whose data outlives `pulumi destroy` unless the stack turned data protection off. */
function createClaim(resourceName, args, opts) {
    return new k8s.core.v1.PersistentVolumeClaim(resourceName, {
        metadata: { name: args.name, namespace: args.namespace, labels: args.labels },
        spec: {
            accessModes: [args.accessMode],
            storageClassName: args.storageClass,
            resources: { requests: { storage: args.size } },
        },
    }, 
    // Pulumi must not wait for binding: WaitForFirstConsumer classes bind only when the pod is scheduled.
    { ...opts, retainOnDelete: args.protectData });
}
/**
 * Where `/var/lib/xroad` (backups, message-log archives) lives (guide §10; NIIS user guide §5). On the
 * platform's shared file storage (EFS, Azure Files) when it has one: it survives node loss and the
 * archiver reads it from any node. Without one (`target: existing` with no shared class) it is a
 * ReadWriteOnce volume of the config class, and the archiver must run on the primary's node.
 */
function archiveStorage(platform, instanceName) {
    // A class bound to this instance's own file share (Azure Files) wins over the platform-wide one.
    const shared = platform.storage.sharedClassByInstance?.[instanceName] ?? platform.storage.sharedClass;
    return shared !== undefined
        ? { storageClass: shared, accessMode: "ReadWriteMany", shared: true }
        : { storageClass: platform.storage.configClass, accessMode: "ReadWriteOnce", shared: false };
}
