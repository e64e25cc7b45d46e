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
const assert = __importStar(require("node:assert/strict"));
const env_1 = require("./xroad/env");
const ssh_1 = require("./xroad/ssh");
const secrets_1 = require("./secrets");
const harness_1 = require("./testing/harness");
function withEnv(env, extra = {}) {
    return (0, harness_1.k8s)((0, harness_1.deployment)("ss", "xroad", { containers: [{ name: "ss", image: "niis/x", env, resources: harness_1.RESOURCES, ...extra }] }));
}
const fromSecret = (name) => ({ name, valueFrom: { secretKeyRef: { name: "sidecar-variables", key: name } } });
describe("k8s-no-plaintext-secret-env (guide §3.2)", () => {
    it("passes values taken from Secrets and non-sensitive literals", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, withEnv([
            fromSecret(env_1.ENV.tokenPin),
            fromSecret(env_1.ENV.adminPassword),
            { name: env_1.ENV.logLevel, value: "INFO" },
            { name: env_1.ENV.dbHost, value: "db" },
            { name: "AWS_WEB_IDENTITY_TOKEN_FILE", value: "/var/run/token" },
            { name: env_1.ENV.dbPassword, value: "" },
        ])), []);
    });
    it("flags each literal sensitive value: X-Road names, multi-token PINs, generic passwords, PEM keys", async () => {
        const found = await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, withEnv([
            { name: env_1.ENV.tokenPin, value: "1234" },
            { name: "XROAD_TOKEN_1_PIN", value: "5678" },
            { name: env_1.ENV.adminPassword, value: "secret" },
            { name: env_1.ENV.dbPassword, value: "pw" },
            { name: "XROAD_ADMIN_PWD_HASH", value: "$6$..." },
            { name: "SMTP_PASSWORD", value: "x" },
            { name: "SOME_BLOB", value: "-----BEGIN OPENSSH PRIVATE KEY-----\nabc" },
        ]));
        assert.equal(found.length, 7);
        assert.match(found[0], /container "ss" sets XROAD_TOKEN_PIN as a literal value/);
        assert.match(found[6], /puts a private key in the literal value of SOME_BLOB/);
    });
    it("honours extraSensitiveNames from config", async () => {
        const r = withEnv([{ name: "MY_VAR", value: "x" }]);
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, r), []);
        assert.equal((await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, r, { config: { extraSensitiveNames: ["MY_VAR"] } })).length, 1);
    });
    it("checks init containers and is mandatory by default", async () => {
        const r = (0, harness_1.k8s)((0, harness_1.deployment)("ss", "xroad", {
            initContainers: [{ name: "init", env: [{ name: env_1.ENV.dbPassword, value: "pw" }] }],
            containers: [{ name: "c" }],
        }));
        const { violations } = await (0, harness_1.run)(secrets_1.noPlaintextSecretEnv, r);
        assert.equal(violations[0].level, "mandatory");
        assert.match(violations[0].message, /initContainer "init"/);
    });
    it("reports an env value unknown at preview as can't-run, advisory", async () => {
        const { violations } = await (0, harness_1.run)(secrets_1.noPlaintextSecretEnv, withEnv([{ name: env_1.ENV.tokenPin, value: harness_1.UNKNOWN.string }]));
        assert.equal(violations.length, 1);
        assert.equal(violations[0].unknownAtPreview, true);
        assert.equal(violations[0].level, "advisory");
    });
    it("ignores other resource types and partial props", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, [
            (0, harness_1.k8s)({ apiVersion: "v1", kind: "Secret", stringData: { XROAD_TOKEN_PIN: "1" } }),
            (0, harness_1.k8s)({ apiVersion: "v1", kind: "Pod" }),
        ]), []);
    });
});
describe("k8s-secret-env-refs-wellformed (guide §3.2)", () => {
    it("passes well-formed references", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.secretEnvRefsWellFormed, withEnv([fromSecret(env_1.ENV.tokenPin)], {
            envFrom: [{ secretRef: { name: "sidecar-variables" } }, { configMapRef: { name: "cm" } }],
        })), []);
    });
    it("flags the guide's mis-indented envFrom (name beside secretRef) and incomplete secretKeyRefs", async () => {
        const found = await (0, harness_1.messages)(secrets_1.secretEnvRefsWellFormed, withEnv([{ name: env_1.ENV.dbPassword, valueFrom: { secretKeyRef: { name: "s" } } }], {
            envFrom: [{ secretRef: null, name: "secret-sidecar-variables" }, {}],
        }));
        assert.deepEqual(found, [
            'container "ss" envFrom[0].secretRef has no name (name "secret-sidecar-variables" is indented beside secretRef instead of inside it), so no Secret is loaded',
            'container "ss" envFrom[1] has neither secretRef nor configMapRef',
            'container "ss" env XROAD_DB_PWD has a secretKeyRef without name and key',
        ]);
    });
});
describe("k8s-ssh-key-secret-volume-mode (guide §3.1)", () => {
    const volume = (items, defaultMode) => (0, harness_1.k8s)((0, harness_1.deployment)("secondary", "xroad", {
        securityContext: { fsGroup: 999 },
        volumes: [
            { name: "ssh", secret: { secretName: "ssh-keys", items, ...(defaultMode !== undefined ? { defaultMode } : {}) } },
        ],
        containers: [{ name: "c" }],
    }));
    it("passes the components' modes: private key 0440, public key 0444", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([
            { key: ssh_1.SSH_SECRET_PRIVATE_KEY, path: ssh_1.SSH_PRIVATE_KEY_FILE, mode: ssh_1.SSH_PRIVATE_KEY_MODE },
            { key: ssh_1.SSH_SECRET_PUBLIC_KEY, path: ssh_1.SSH_PUBLIC_KEY_FILE, mode: ssh_1.SSH_PUBLIC_KEY_MODE },
        ])), []);
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }], 0o400)), []);
    });
    it("flags the official 0644, an unset mode (defaults to 0644) and a decimal 644", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 0o644 }])), [
            'volume "ssh" (secret ssh-keys) item private-key -> id_rsa has mode 0644, readable by others; use 0440 with fsGroup 999',
        ]);
        assert.match((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }])))[0], /has default mode 0644/);
        assert.match((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }], 0o604)))[0], /has defaultMode 0604/);
        assert.match((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 644 }])))[0], /mode 644, above 0777/);
    });
    it("flags an SSH secret mounted whole (no items) with a world-readable or unset defaultMode", async () => {
        const whole = (secretName, defaultMode) => (0, harness_1.k8s)((0, harness_1.deployment)("s", "x", {
            volumes: [{ name: "ssh", secret: { secretName, ...(defaultMode !== undefined ? { defaultMode } : {}) } }],
            containers: [{ name: "c" }],
        }));
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, whole("secret-ssh-keys")), [
            'volume "ssh" mounts secret secret-ssh-keys whole with default mode 0644: its private key is readable by others; use items with mode 0440, or defaultMode 0440, with fsGroup 999',
        ]);
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, whole("secret-ssh-keys", 0o440)), []);
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, whole("app-config")), []);
    });
    it("flags the guide's §3.1 private key written as id_rsa.pub by its key name", async () => {
        assert.equal((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa.pub", mode: 0o644 }]))).length, 1);
    });
    it("checks projected secret sources, and allows group bits when configured to forbid only world bits", async () => {
        const projected = (0, harness_1.k8s)((0, harness_1.deployment)("s", "x", {
            volumes: [
                {
                    name: "p",
                    projected: {
                        defaultMode: 0o644,
                        sources: [{ secret: { name: "k", items: [{ key: "tls.key", path: "tls.key" }] } }],
                    },
                },
            ],
            containers: [{ name: "c" }],
        }));
        assert.equal((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, projected)).length, 1);
        assert.equal((await (0, harness_1.messages)(secrets_1.sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 0o440 }]), {
            config: { forbiddenBits: 0o077 },
        })).length, 1);
    });
});
describe("k8s-no-secrets-in-configmap (guide §3)", () => {
    const cm = (data) => (0, harness_1.k8s)({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "x" }, data });
    it("passes ordinary configuration", async () => assert.deepEqual(await (0, harness_1.messages)(secrets_1.noSecretsInConfigMap, cm({ "local.ini": "[proxy]\nhealth-check-port=5588", XROAD_LOG_LEVEL: "INFO" })), []));
    it("flags private keys and secret-named keys", async () => {
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noSecretsInConfigMap, cm({ key: "-----BEGIN RSA PRIVATE KEY-----", XROAD_DB_PWD: "pw" })), [
            "key key holds a private key",
            "key XROAD_DB_PWD looks like a secret (password, token, key or connection string)",
        ]);
    });
});
describe("the secret-name pattern and its exceptions (policy/README.md)", () => {
    const config = { extraSensitiveNames: [], sensitiveNamePattern: secrets_1.DEFAULT_SENSITIVE_PATTERN };
    const SENSITIVE = [
        "GITHUB_TOKEN",
        "AWS_SESSION_TOKEN",
        "SLACK_BOT_TOKEN",
        "DB_PASS",
        "MYSQL_PWD",
        "PGPASSWORD",
        "SMTP_PASSWORD",
        "KEYSTORE_PASSPHRASE",
        "AZURE_BATCH_KEY",
        "OCI_CLI_KEY_CONTENT",
        "AWS_SECRET_ACCESS_KEY",
        "STRIPE_APIKEY",
        "API_KEYS",
        "ENCRYPTION_KEY",
        "CLIENT_SECRET",
        "SECRET_KEY_BASE",
        "GOOGLE_APPLICATION_CREDENTIALS_JSON",
        "DOCKER_CREDS",
        "DATABASE_CONNECTION_STRING",
        "SERVICEBUS_CONN_STR",
        "SENTRY_DSN",
        "db-password",
        "api.key",
        "XROAD_TOKEN_PIN",
        "XROAD_TOKEN_2_PIN",
    ];
    const NOT_SENSITIVE = [
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "TOKEN_URL",
        "OAUTH_TOKEN_ENDPOINT",
        "SECRET_NAME",
        "AWS_ACCESS_KEY_ID",
        "KMS_KEY_ARN",
        "DB_PASSWORD_FILE",
        "PASSWORD_MIN_LENGTH",
        "TOKEN_TTL",
        "PUBLIC_KEY",
        "SSH_PUBLIC_KEY",
        "PARTITION_KEY",
        "CACHE_KEY",
        "PWD",
        "OLDPWD",
        "KEYCLOAK_REALM",
        "MONKEY_MODE",
        "BYPASS_PROXY",
        "PASSPORT_ISSUER",
        "XROAD_LOG_LEVEL",
        "XROAD_DB_HOST",
    ];
    for (const name of SENSITIVE)
        it(`treats ${name} as sensitive`, () => assert.equal((0, secrets_1.isSensitiveEnvName)(name, config), true));
    for (const name of NOT_SENSITIVE)
        it(`does not treat ${name} as sensitive`, () => assert.equal((0, secrets_1.isSensitiveEnvName)(name, config), false));
    it("flags the failing cases in env vars of a pod and in ConfigMap keys", async () => {
        const env = ["GITHUB_TOKEN", "DB_PASS", "AZURE_BATCH_KEY", "OCI_CLI_KEY_CONTENT"].map((name) => ({ name, value: "x" }));
        assert.deepEqual((await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, withEnv(env))).map((m) => m.replace(/^container "ss" sets (\S+) as a literal value.*$/, "$1")), ["GITHUB_TOKEN", "DB_PASS", "AZURE_BATCH_KEY", "OCI_CLI_KEY_CONTENT"]);
        const cm = (0, harness_1.k8s)({
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name: "cm", namespace: "x" },
            data: {
                GITHUB_TOKEN: "x",
                DB_PASS: "x",
                AZURE_BATCH_KEY: "x",
                "oci-cli-key-content": "x",
                "keys.json": "{}",
                PUBLIC_KEY: "ssh-ed25519 AAAA",
            },
        });
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noSecretsInConfigMap, cm), [
            "key GITHUB_TOKEN looks like a secret (password, token, key or connection string)",
            "key DB_PASS looks like a secret (password, token, key or connection string)",
            "key AZURE_BATCH_KEY looks like a secret (password, token, key or connection string)",
            "key oci-cli-key-content looks like a secret (password, token, key or connection string)",
        ]);
    });
    it("flags secrets by the shape of the value: URLs with a password, connection strings, private-key armour", async () => {
        assert.equal((0, secrets_1.secretInValue)("postgres://app:s3cret@db.internal:5432/app"), "a URL with a password");
        assert.equal((0, secrets_1.secretInValue)("redis://:s3cret@redis:6379"), "a URL with a password");
        assert.equal((0, secrets_1.secretInValue)("Server=db;Database=x;User Id=app;Password=s3cret;"), "a connection string with a password or key");
        assert.equal((0, secrets_1.secretInValue)("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;EndpointSuffix=core.windows.net"), "a connection string with a password or key");
        assert.equal((0, secrets_1.secretInValue)("-----BEGIN PGP PRIVATE KEY BLOCK-----\nx"), "a private key");
        assert.equal((0, secrets_1.secretInValue)("-----BEGIN ENCRYPTED PRIVATE KEY-----\nx"), "a private key");
        for (const harmless of [
            "postgres://db.internal:5432/app",
            "postgres://app:$(DB_PASSWORD)@db/app",
            "https://example.org:8443/path@v1",
            "Server=db;Database=x;Integrated Security=true",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----",
        ])
            assert.equal((0, secrets_1.secretInValue)(harmless), undefined, harmless);
        const found = await (0, harness_1.messages)(secrets_1.noPlaintextSecretEnv, withEnv([{ name: "DATABASE_URL", value: "postgres://app:s3cret@db/app" }]));
        assert.deepEqual(found, [
            'container "ss" puts a URL with a password in the literal value of DATABASE_URL; reference a Secret with valueFrom.secretKeyRef instead',
        ]);
        const cm = (0, harness_1.k8s)({
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name: "cm", namespace: "x" },
            data: { "app.properties": "url=x", DB: "Server=db;Password=pw" },
        });
        assert.deepEqual(await (0, harness_1.messages)(secrets_1.noSecretsInConfigMap, cm), ["key DB holds a connection string with a password or key"]);
    });
});
describe("secret value checks on large values", () => {
    it("scan multi-megabyte values without backtracking blow-up (a quadratic scan would not finish here)", () => {
        for (const value of ["a".repeat(2_000_000), "a.b-".repeat(500_000), "x://".repeat(500_000), "p://u:".repeat(300_000)])
            assert.equal((0, secrets_1.secretInValue)(value), undefined);
        assert.equal((0, secrets_1.secretInValue)(`${"a".repeat(1_000_000)} postgres://app:pw@db/x`), "a URL with a password");
    });
});
