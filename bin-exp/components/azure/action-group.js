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
exports.AlertActionGroup = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
/** Azure Monitor's limit on an action group's short name. */
const ACTION_GROUP_SHORT_NAME_MAX = 12;
/**
 * The stack's one notification target on Azure (guide §8, issue 16): an action group with the email and
 * webhook receivers from config, in the common alert schema so every alert reads the same. Action groups are
 * global resources.
 */
class AlertActionGroup extends pulumi.ComponentResource {
    group;
    constructor(name, args, opts) {
        super("xroad:azure:AlertActionGroup", name, {}, opts);
        this.group = new monitor.ActionGroup(name, {
            resourceGroupName: args.resourceGroupName,
            location: "Global",
            enabled: true,
            groupShortName: args.shortName.slice(0, ACTION_GROUP_SHORT_NAME_MAX),
            emailReceivers: args.emails.map((emailAddress, i) => ({ name: `email-${i}`, emailAddress, useCommonAlertSchema: true })),
            webhookReceivers: args.webhooks.map((url, i) => ({
                name: `webhook-${i}`,
                serviceUri: pulumi.secret(url),
                useCommonAlertSchema: true,
            })),
            tags: args.tags,
        }, { parent: this });
        this.registerOutputs({ actionGroupId: this.group.id, receivers: args.emails.length + args.webhooks.length });
    }
}
exports.AlertActionGroup = AlertActionGroup;
