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
exports.DataProtection = void 0;
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
/**
 * How stateful Azure resources (archive account, file shares, database) are kept from deletion.
 * With `protectData` they are `protect`ed (Pulumi refuses to delete them), `retainOnDelete` (a
 * destroy leaves them in Azure) and carry a `CanNotDelete` management lock, the Azure-side deletion
 * protection, so neither the portal nor a script deletes them by accident. A dev stack may turn it off.
 *
 * The locks themselves are neither protected nor retained (azure.md A7). A lock also blocks deleting the
 * role assignments beneath it (lock-resources.md: "A cannot-delete lock on a resource or resource group
 * prevents the deletion of Azure RBAC assignments"), so replacing such an assignment (the Files CSI grant,
 * an archiver's container grant, the public IP's grant) takes `azure.dataLocks: false` for one `pulumi up`,
 * then `true` again: Pulumi removes and re-creates the locks. The data stays protected meanwhile by
 * `protect`, and by the retained resource group.
 */
class DataProtection {
    protectData;
    locks;
    /** @param locks whether to place the `CanNotDelete` locks (azure.dataLocks); only with protectData. */
    constructor(protectData, locks = true) {
        this.protectData = protectData;
        this.locks = locks;
    }
    /** Resource options for a stateful resource. */
    get options() {
        return { protect: this.protectData, retainOnDelete: this.protectData };
    }
    /** A `CanNotDelete` lock on `scope` when data is protected; undefined otherwise. */
    lock(name, scope, parent) {
        if (!this.protectData || !this.locks)
            return undefined;
        return new authorization.ManagementLockByScope(`${name}-lock`, {
            scope,
            level: "CanNotDelete",
            notes: "X-Road Sidecar data (xroad-sidecar:protectData): remove this lock deliberately before deleting",
        }, { parent });
    }
}
exports.DataProtection = DataProtection;
