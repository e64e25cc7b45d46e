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
exports.protectedPublicIp = protectedPublicIp;
const network = __importStar(require("@pulumi/azure-native/network"));
/**
 * A static Standard IPv4 public IP, protected and locked like data: losing it means re-registering the Security
 * Server (its inbound address) or re-allowlisting it at peers, TSA and OCSP (its outbound address). Named `name` and
 * locked as `<name>-ip` under `parent`, so the resources keep the URNs they had when each component built its own.
 */
function protectedPublicIp(name, args, parent, what) {
    const publicIp = new network.PublicIPAddress(name, {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: "Standard", tier: "Regional" },
        publicIPAllocationMethod: "Static",
        publicIPAddressVersion: "IPv4",
        zones: args.zones.length > 0 ? args.zones : undefined,
        tags: args.tags,
    }, { parent, ...args.protection.options });
    args.protection.lock(`${name}-ip`, publicIp.id, parent);
    const address = publicIp.ipAddress.apply((ip) => {
        if (!ip)
            throw new Error(`the ${what} has no address`);
        return ip;
    });
    return { publicIp, address };
}
