/**
 * guide §3: secrets. Private keys reach the pod as secret volumes without world-readable modes (§3.1);
 * sensitive variables come from Secrets, never as literal values in the pod spec (§3.2).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { SENSITIVE_ENV_NAMES, TOKEN_PIN_PATTERN } from "./xroad/env";
import { WORLD_BITS } from "./xroad/ssh";
import { configOf, guide } from "./common";
import { CONFIG_MAP } from "../kubernetes-model/types";
import { Obj, allContainers, asArray, asObj, asString, podTemplate } from "../kubernetes-model/workloads";

/** PEM private-key armour: PKCS#1/#8 (`RSA`, `EC`, `ENCRYPTED`), OpenSSH, and PGP's `PRIVATE KEY BLOCK`. */
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/**
 * Default pattern for names that carry secrets, on top of the X-Road names in xroad/env.ts (matched without case;
 * `_`, `-` and `.` separate words, so env names and ConfigMap keys like `db-password` match alike):
 *  - passwords: PASSWORD, PASSWD, PASSPHRASE anywhere (PGPASSWORD), PASS and PWD as words (DB_PASS, MYSQL_PWD);
 *  - SECRET, TOKEN, KEY, CREDENTIAL(S), CREDS as words (CLIENT_SECRET, GITHUB_TOKEN, AZURE_BATCH_KEY,
 *    OCI_CLI_KEY_CONTENT, API_KEYS), glued key names (APIKEY, ACCESSKEY, SECRETKEY, PRIVATEKEY);
 *  - connection strings: CONNECTION_STRING, CONN_STR, DSN.
 * NOT_SENSITIVE_NAME lists the exceptions.
 */
export const DEFAULT_SENSITIVE_PATTERN =
    "PASSWORD|PASSWD|PASSPHRASE|APIKEY|ACCESSKEY|SECRETKEY|PRIVATEKEY|CONNECTION[-_.]?STRING|CONN[-_.]?STR|(^|[-_.])(PASS|PWD|SECRETS?|TOKENS?|KEYS?|CREDENTIALS?|CREDS|DSN)([-_.]|$)";

/**
 * Names the pattern matches that hold no secret (documented in policy/README.md):
 *  - where a secret is or how it is used, not the secret: `_FILE`, `_PATH`, `_DIR`, `_URL`, `_URI`, `_ENDPOINT`,
 *    `_HOST`, `_PORT`, `_NAME`, `_ID`, `_ARN`, `_REF`, `_USER`, `_USERNAME` and settings such as `_TYPE`,
 *    `_HEADER`, `_LENGTH`, `_TTL`, `_TIMEOUT`, `_EXPIRY`, `_ENABLED` at the end
 *    (AWS_WEB_IDENTITY_TOKEN_FILE, TOKEN_URL, SECRET_NAME, AWS_ACCESS_KEY_ID, KMS_KEY_ARN);
 *  - keys that are no credential: public, sort, partition, cache, primary, foreign, routing and lookup keys;
 *  - the shell's PWD and OLDPWD (the working directory);
 *  - ConfigMap keys that are file names (`app.yaml`, `keys.json`): their content is checked instead.
 */
const NOT_SENSITIVE_NAME =
    /[-_.](FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|NAME|ID|ARN|REF|USER|USERNAME|TYPE|HEADER|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRES|EXPIRATION|ENABLED)$|(^|[-_.])(PUBLIC|SORT|PARTITION|CACHE|PRIMARY|FOREIGN|ROUTING|LOOKUP)[-_.]?KEYS?([-_.]|$)|^(OLD)?PWD$/i;
const FILE_NAME = /\.(json|ya?ml|conf|cfg|ini|toml|properties|xml|txt|pub|crt|cert|sh|py|js|html|md|tpl|j2)$/i;

/**
 * A URL with a password in its user info (`postgres://app:s3cret@db/x`); `$(VAR)` references are no literal. Bounded
 * repetitions keep the scan linear on multi-megabyte values.
 */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:(?!\$\(|\$\{)[^\s/@]{1,256}@/i;
/** A key=value connection string with a secret part (ADO.NET, JDBC properties, Azure storage and Service Bus). */
const CONNECTION_STRING_SECRET = /(^|;)\s*(password|pwd|accountkey|sharedaccesskey|sharedaccesssignature)\s*=\s*(?!\$\(|\$\{)[^;\s]/i;

export interface PlaintextEnvConfig {
    extraSensitiveNames: string[];
    sensitiveNamePattern: string;
}

export function isSensitiveEnvName(name: string, config: PlaintextEnvConfig): boolean {
    if (SENSITIVE_ENV_NAMES.includes(name) || TOKEN_PIN_PATTERN.test(name) || config.extraSensitiveNames.includes(name)) return true;
    if (NOT_SENSITIVE_NAME.test(name)) return false;
    return new RegExp(config.sensitiveNamePattern, "i").test(name);
}

/** What kind of secret a literal value carries by its shape alone, whatever its name. */
export function secretInValue(value: string): string | undefined {
    if (PRIVATE_KEY_PEM.test(value)) return "a private key";
    if (URL_WITH_PASSWORD.test(value)) return "a URL with a password";
    if (CONNECTION_STRING_SECRET.test(value)) return "a connection string with a password or key";
    return undefined;
}

export const noPlaintextSecretEnv: ResourceValidationPolicy = {
    name: "k8s-no-plaintext-secret-env",
    description:
        "Sensitive environment variables (XROAD_TOKEN_PIN, XROAD_TOKEN_<id>_PIN, XROAD_ADMIN_PASSWORD, XROAD_ADMIN_PWD_HASH, XROAD_DB_PWD, passwords, keys) are read from Secrets, never written as literal values in the pod spec (guide §3.2).",
    severity: "critical",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Put the value in a Kubernetes Secret and reference it with env[].valueFrom.secretKeyRef or envFrom[].secretRef (guide §3.2). Note that the guide's own §3.2 example keeps XROAD_TOKEN_PIN and XROAD_ADMIN_PASSWORD as literals: do not copy that part.",
    ...guide("3.2", "secrets"),
    configSchema: {
        properties: {
            extraSensitiveNames: { type: "array", items: { type: "string" }, default: [] },
            sensitiveNamePattern: { type: "string", default: DEFAULT_SENSITIVE_PATTERN },
        },
    },
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        const config = configOf<PlaintextEnvConfig>(noPlaintextSecretEnv, args);
        for (const c of allContainers(tpl.spec)) {
            for (const env of asArray(c.container.env)) {
                const name = asString(env.name) ?? "";
                const value = env.value;
                if (typeof value !== "string" || value === "") continue;
                if (isSensitiveEnvName(name, config)) {
                    report(
                        `${c.kind} "${c.name}" sets ${name} as a literal value; reference a Secret with valueFrom.secretKeyRef or envFrom.secretRef instead`,
                    );
                } else {
                    const what = secretInValue(value);
                    if (what === "a private key")
                        report(
                            `${c.kind} "${c.name}" puts a private key in the literal value of ${name}; mount it from a Secret volume instead`,
                        );
                    else if (what)
                        report(
                            `${c.kind} "${c.name}" puts ${what} in the literal value of ${name}; reference a Secret with valueFrom.secretKeyRef instead`,
                        );
                }
            }
        }
    },
};

export const secretEnvRefsWellFormed: ResourceValidationPolicy = {
    name: "k8s-secret-env-refs-wellformed",
    description:
        "envFrom and valueFrom references name the Secret (and key) they read: the guide's §3.2 and user guide §4.5.4 examples indent `name` beside `secretRef`, which loads no secret at all (guide §3.2).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Write `envFrom: [{secretRef: {name: <secret>}}]` and `valueFrom: {secretKeyRef: {name: <secret>, key: <key>}}`; `name` belongs inside `secretRef` (guide §3.2).",
    ...guide("3.2", "secrets"),
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        for (const c of allContainers(tpl.spec)) {
            asArray(c.container.envFrom).forEach((source, i) => {
                const secretRef = asObj(source.secretRef);
                const configMapRef = asObj(source.configMapRef);
                if ("secretRef" in source && !asString(secretRef?.name)) {
                    report(
                        `${c.kind} "${c.name}" envFrom[${i}].secretRef has no name${asString(source.name) ? ` (name "${asString(source.name)}" is indented beside secretRef instead of inside it)` : ""}, so no Secret is loaded`,
                    );
                } else if ("configMapRef" in source && !asString(configMapRef?.name)) {
                    report(`${c.kind} "${c.name}" envFrom[${i}].configMapRef has no name, so nothing is loaded`);
                } else if (!secretRef && !configMapRef) {
                    report(`${c.kind} "${c.name}" envFrom[${i}] has neither secretRef nor configMapRef`);
                }
            });
            for (const env of asArray(c.container.env)) {
                const ref = asObj(asObj(env.valueFrom)?.secretKeyRef);
                if (asObj(env.valueFrom) && "secretKeyRef" in (env.valueFrom as Obj) && (!asString(ref?.name) || !asString(ref?.key))) {
                    report(`${c.kind} "${c.name}" env ${asString(env.name) ?? "?"} has a secretKeyRef without name and key`);
                }
            }
        }
    },
};

const DEFAULT_PRIVATE_KEY_PATTERN = "(^|/|[-_.])(id_rsa|id_dsa|id_ecdsa|id_ed25519|private[-_]?key|tls\\.key)$|\\.(pem|key)$";

export interface SecretVolumeModeConfig {
    privateKeyPattern: string;
    privateKeySecretPattern: string;
    forbiddenBits: number;
}

/** Secrets mounted whole (no `items`) whose name says they hold a private key, so every key file gets defaultMode. */
const DEFAULT_PRIVATE_KEY_SECRET_PATTERN = "ssh|private[-_]?key|id_rsa|id_ed25519";

/** Kubernetes' default file mode for secret volumes when neither mode nor defaultMode is set. */
const SECRET_VOLUME_DEFAULT_MODE = 0o644;

function octal(mode: number): string {
    return `0${mode.toString(8)}`;
}

export const sshKeySecretVolumeMode: ResourceValidationPolicy = {
    name: "k8s-ssh-key-secret-volume-mode",
    description:
        "Private keys mounted from secret volumes (the primary/secondary SSH key) have no world-readable bits: 0440 with fsGroup 999, not the 0644 of the official examples (guide §3.1).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Set `mode: 0440` (or 0400/0600) on the private-key item, or a `defaultMode` without world bits, and `securityContext.fsGroup: 999` so the xroad user can still read it. An unset mode means 0644. Modes above 0777 usually mean a decimal 644 was written where octal was meant.",
    ...guide("3.1", "secrets"),
    configSchema: {
        properties: {
            privateKeyPattern: { type: "string", default: DEFAULT_PRIVATE_KEY_PATTERN },
            privateKeySecretPattern: { type: "string", default: DEFAULT_PRIVATE_KEY_SECRET_PATTERN },
            forbiddenBits: { type: "integer", minimum: 0, maximum: 0o777, default: WORLD_BITS },
        },
    },
    validateResource: (args, report) => {
        const tpl = podTemplate(args.type, args.props);
        if (!tpl) return;
        const config = configOf<SecretVolumeModeConfig>(sshKeySecretVolumeMode, args);
        const isPrivateKey = (s: string | undefined) =>
            s !== undefined && !s.endsWith(".pub") && new RegExp(config.privateKeyPattern, "i").test(s);
        const check = (volume: string, secretName: string, item: Obj, defaultMode: unknown) => {
            const key = asString(item.key);
            const path = asString(item.path);
            if (!isPrivateKey(key) && !isPrivateKey(path)) return;
            const mode =
                typeof item.mode === "number" ? item.mode : typeof defaultMode === "number" ? defaultMode : SECRET_VOLUME_DEFAULT_MODE;
            const source = typeof item.mode === "number" ? "mode" : typeof defaultMode === "number" ? "defaultMode" : "default mode";
            const what = `volume "${volume}" (secret ${secretName}) item ${key ?? "?"} -> ${path ?? "?"}`;
            if (mode > 0o777) report(`${what} has ${source} ${mode}, above 0777: a decimal number where an octal mode was meant`);
            else if ((mode & config.forbiddenBits) !== 0)
                report(`${what} has ${source} ${octal(mode)}, readable by others; use 0440 with fsGroup 999`);
        };
        for (const v of asArray(tpl.spec.volumes)) {
            const name = asString(v.name) ?? "?";
            const secret = asObj(v.secret);
            if (secret) {
                const secretName = asString(secret.secretName) ?? "?";
                const items = asArray(secret.items);
                for (const item of items) check(name, secretName, item, secret.defaultMode);
                // Mounted whole: every key, the private one included, is a file with defaultMode (0644 when unset).
                if (items.length === 0 && new RegExp(config.privateKeySecretPattern, "i").test(secretName)) {
                    const mode = typeof secret.defaultMode === "number" ? secret.defaultMode : SECRET_VOLUME_DEFAULT_MODE;
                    const source = typeof secret.defaultMode === "number" ? "defaultMode" : "default mode";
                    if (mode > 0o777)
                        report(
                            `volume "${name}" mounts secret ${secretName} whole with ${source} ${mode}, above 0777: a decimal number where an octal mode was meant`,
                        );
                    else if ((mode & config.forbiddenBits) !== 0)
                        report(
                            `volume "${name}" mounts secret ${secretName} whole with ${source} ${octal(mode)}: its private key is readable by others; use items with mode 0440, or defaultMode 0440, with fsGroup 999`,
                        );
                }
            }
            const projected = asObj(v.projected);
            if (projected) {
                for (const src of asArray(projected.sources)) {
                    const s = asObj(src.secret);
                    if (s) for (const item of asArray(s.items)) check(name, asString(s.name) ?? "?", item, projected.defaultMode);
                }
            }
        }
    },
};

export const noSecretsInConfigMap: ResourceValidationPolicy = {
    name: "k8s-no-secrets-in-configmap",
    description:
        "ConfigMaps carry no private keys and no values under secret-like keys: Kubernetes Secrets are the place for them (guide §3).",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps: "Move the value into a Secret and mount it or reference it from the environment (guide §3.1, §3.2).",
    ...guide("3", "secrets"),
    configSchema: {
        properties: {
            extraSensitiveNames: { type: "array", items: { type: "string" }, default: [] },
            sensitiveNamePattern: { type: "string", default: DEFAULT_SENSITIVE_PATTERN },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== CONFIG_MAP) return;
        const config = configOf<PlaintextEnvConfig>(noSecretsInConfigMap, args);
        const data = asObj(args.props.data) ?? {};
        for (const [key, value] of Object.entries(data)) {
            if (typeof value !== "string" || value === "") continue;
            const what = secretInValue(value);
            if (what) report(`key ${key} holds ${what}`);
            else if (!FILE_NAME.test(key) && isSensitiveEnvName(key, config))
                report(`key ${key} looks like a secret (password, token, key or connection string)`);
        }
    },
};

export const secretsPolicies = [noPlaintextSecretEnv, secretEnvRefsWellFormed, sshKeySecretVolumeMode, noSecretsInConfigMap];
