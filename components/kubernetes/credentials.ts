import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as k8s from "@pulumi/kubernetes";
import { InstanceSecrets } from "../../config/instance";
import { ENV } from "../../policy/xroad/env";

/** Admin account created by the entrypoint when `secrets.<instance>.adminUser` is unset. */
const DEFAULT_ADMIN_USER = "xroad-admin";

export interface SidecarCredentialsArgs {
    namespace: pulumi.Input<string>;
    /** Name of the Secret that carries the sensitive environment. */
    secretName: string;
    labels: Record<string, string>;
    /** What the stack configured; anything missing is generated. */
    configured: InstanceSecrets;
    /**
     * The database superuser password: the platform's for a managed server, the configured (or generated)
     * one for an external server, none for the local database (the entrypoint creates its own roles).
     */
    database: "local" | { password?: pulumi.Output<string> };
}

/**
 * The sensitive environment of the Sidecar (guide §3.2; NIIS user guide §4.5.4): token PIN, admin user
 * and password, database superuser password. Values the stack does not configure are generated with
 * @pulumi/random, so they are never typed by hand and stay Pulumi secrets. They reach pods only through
 * this Secret, by `secretKeyRef` (see `secretEnv`), never as literal values.
 */
export class SidecarCredentials extends pulumi.ComponentResource {
    readonly secret: k8s.core.v1.Secret;
    /** The keys the Secret holds; a pod may reference only these. */
    readonly keys: readonly string[];
    readonly adminUser: pulumi.Output<string>;

    constructor(name: string, args: SidecarCredentialsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("xroad:kubernetes:SidecarCredentials", name, {}, opts);
        const generated = (suffix: string, length: number): pulumi.Output<string> =>
            new random.RandomPassword(
                `${name}-${suffix}`,
                // Letters, digits and a few specials safe in `chpasswd` lines and PIN policies (ee/fo
                // enforce-token-pin-policy wants mixed character classes).
                { length, special: true, overrideSpecial: "-_.+=", minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 1 },
                { parent: this },
            ).result;

        const tokenPin = args.configured.tokenPin ?? generated("token-pin", 20);
        this.adminUser = args.configured.adminUser ?? pulumi.output(DEFAULT_ADMIN_USER);
        const adminPassword = args.configured.adminPassword ?? generated("admin-password", 24);

        const data: Record<string, pulumi.Output<string>> = {
            [ENV.tokenPin]: tokenPin,
            [ENV.adminUser]: this.adminUser,
            [ENV.adminPassword]: adminPassword,
        };
        if (args.database !== "local") {
            data[ENV.dbPassword] = args.database.password ?? args.configured.dbPassword ?? generated("db-password", 32);
        }
        this.keys = Object.keys(data);
        this.secret = new k8s.core.v1.Secret(
            name,
            {
                metadata: { name: args.secretName, namespace: args.namespace, labels: args.labels },
                type: "Opaque",
                // pulumi.secret: every value is a secret in state and in the plan, whatever its origin.
                stringData: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, pulumi.secret(v)])),
            },
            { parent: this },
        );
        this.registerOutputs({ secretName: args.secretName });
    }
}
