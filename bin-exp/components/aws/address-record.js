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
exports.AddressRecord = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
/** TTL of the record: short, so a re-created load balancer is picked up within minutes. */
const ADDRESS_RECORD_TTL = 60;
/**
 * The stable address of a Security Server: X-Road's global configuration holds one address per
 * Security Server, so it must outlive a re-created Service (and its new NLB name). Registering this
 * name instead of the NLB's keeps the registration valid.
 */
class AddressRecord extends pulumi.ComponentResource {
    fqdn;
    constructor(name, args, opts) {
        super("xroad:aws:AddressRecord", name, {}, opts);
        const record = new aws.route53.Record(name, {
            zoneId: args.hostedZoneId,
            name: args.recordName,
            type: "CNAME",
            ttl: ADDRESS_RECORD_TTL,
            records: [args.loadBalancerHostname],
        }, { parent: this });
        this.fqdn = record.fqdn;
        this.registerOutputs({ fqdn: this.fqdn });
    }
}
exports.AddressRecord = AddressRecord;
