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
exports.SidecarCredentials = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const random = __importStar(require("@pulumi/random"));
const k8s = __importStar(require("@pulumi/kubernetes"));
const env_1 = require("../../policy/xroad/env");
/** Admin account created by the entrypoint when `secrets.<instance>.adminUser` is unset. */
const DEFAULT_ADMIN_USER = "xroad-admin";
/**
 * The sensitive environment of the Sidecar (guide §3.2; NIIS user guide §4.5.4): token PIN, admin user
 * and password, database superuser password. Values the stack does not configure are generated with
 * @pulumi/random, so they are never typed by hand and stay Pulumi secrets. They reach pods only through
 * this Secret, by `secretKeyRef` (see `secretEnv`), never as literal values.
 */
class SidecarCredentials extends pulumi.ComponentResource {
    secret;
    /** The keys the Secret holds; a pod may reference only these. */
    keys;
    adminUser;
    constructor(name, args, opts) {
        super("xroad:kubernetes:SidecarCredentials", name, {}, opts);
        const generated = (suffix, length) => new random.RandomPassword(`${name}-${suffix}`, 
        // Letters, digits and a few specials safe in `chpasswd` lines and PIN policies (ee/fo
        // enforce-token-pin-policy wants mixed character classes).
        { length, special: true, overrideSpecial: "-_.+=", minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 1 }, { parent: this }).result;
        const tokenPin = args.configured.tokenPin ?? generated("token-pin", 20);
        this.adminUser = args.configured.adminUser ?? pulumi.output(DEFAULT_ADMIN_USER);
        const adminPassword = args.configured.adminPassword ?? generated("admin-password", 24);
        const data = {
            [env_1.ENV.tokenPin]: tokenPin,
            [env_1.ENV.adminUser]: this.adminUser,
            [env_1.ENV.adminPassword]: adminPassword,
        };
        if (args.database !== "local") {
            data[env_1.ENV.dbPassword] = args.database.password ?? args.configured.dbPassword ?? generated("db-password", 32);
        }
        this.keys = Object.keys(data);
        this.secret = new k8s.core.v1.Secret(name, {
            metadata: { name: args.secretName, namespace: args.namespace, labels: args.labels },
            type: "Opaque",
            // pulumi.secret: every value is a secret in state and in the plan, whatever its origin.
            stringData: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, pulumi.secret(v)])),
        }, { parent: this });
        this.registerOutputs({ secretName: args.secretName });
    }
}
exports.SidecarCredentials = SidecarCredentials;
