import * as assert from "node:assert/strict";
import { ENV } from "./xroad/env";
import {
    SSH_PRIVATE_KEY_FILE,
    SSH_PRIVATE_KEY_MODE,
    SSH_PUBLIC_KEY_FILE,
    SSH_PUBLIC_KEY_MODE,
    SSH_SECRET_PRIVATE_KEY,
    SSH_SECRET_PUBLIC_KEY,
} from "./xroad/ssh";
import {
    DEFAULT_SENSITIVE_PATTERN,
    isSensitiveEnvName,
    noPlaintextSecretEnv,
    noSecretsInConfigMap,
    secretEnvRefsWellFormed,
    secretInValue,
    sshKeySecretVolumeMode,
} from "./secrets";
import { RESOURCES, UNKNOWN, deployment, k8s, messages, run } from "./testing/harness";

function withEnv(env: unknown[], extra: Record<string, unknown> = {}) {
    return k8s(deployment("ss", "xroad", { containers: [{ name: "ss", image: "niis/x", env, resources: RESOURCES, ...extra }] }));
}

const fromSecret = (name: string) => ({ name, valueFrom: { secretKeyRef: { name: "sidecar-variables", key: name } } });

describe("k8s-no-plaintext-secret-env (guide §3.2)", () => {
    it("passes values taken from Secrets and non-sensitive literals", async () => {
        assert.deepEqual(
            await messages(
                noPlaintextSecretEnv,
                withEnv([
                    fromSecret(ENV.tokenPin),
                    fromSecret(ENV.adminPassword),
                    { name: ENV.logLevel, value: "INFO" },
                    { name: ENV.dbHost, value: "db" },
                    { name: "AWS_WEB_IDENTITY_TOKEN_FILE", value: "/var/run/token" },
                    { name: ENV.dbPassword, value: "" },
                ]),
            ),
            [],
        );
    });
    it("flags each literal sensitive value: X-Road names, multi-token PINs, generic passwords, PEM keys", async () => {
        const found = await messages(
            noPlaintextSecretEnv,
            withEnv([
                { name: ENV.tokenPin, value: "1234" },
                { name: "XROAD_TOKEN_1_PIN", value: "5678" },
                { name: ENV.adminPassword, value: "secret" },
                { name: ENV.dbPassword, value: "pw" },
                { name: "XROAD_ADMIN_PWD_HASH", value: "$6$..." },
                { name: "SMTP_PASSWORD", value: "x" },
                { name: "SOME_BLOB", value: "-----BEGIN OPENSSH PRIVATE KEY-----\nabc" },
            ]),
        );
        assert.equal(found.length, 7);
        assert.match(found[0], /container "ss" sets XROAD_TOKEN_PIN as a literal value/);
        assert.match(found[6], /puts a private key in the literal value of SOME_BLOB/);
    });
    it("honours extraSensitiveNames from config", async () => {
        const r = withEnv([{ name: "MY_VAR", value: "x" }]);
        assert.deepEqual(await messages(noPlaintextSecretEnv, r), []);
        assert.equal((await messages(noPlaintextSecretEnv, r, { config: { extraSensitiveNames: ["MY_VAR"] } })).length, 1);
    });
    it("checks init containers and is mandatory by default", async () => {
        const r = k8s(
            deployment("ss", "xroad", {
                initContainers: [{ name: "init", env: [{ name: ENV.dbPassword, value: "pw" }] }],
                containers: [{ name: "c" }],
            }),
        );
        const { violations } = await run(noPlaintextSecretEnv, r);
        assert.equal(violations[0].level, "mandatory");
        assert.match(violations[0].message, /initContainer "init"/);
    });
    it("reports an env value unknown at preview as can't-run, advisory", async () => {
        const { violations } = await run(noPlaintextSecretEnv, withEnv([{ name: ENV.tokenPin, value: UNKNOWN.string }]));
        assert.equal(violations.length, 1);
        assert.equal(violations[0].unknownAtPreview, true);
        assert.equal(violations[0].level, "advisory");
    });
    it("ignores other resource types and partial props", async () => {
        assert.deepEqual(
            await messages(noPlaintextSecretEnv, [
                k8s({ apiVersion: "v1", kind: "Secret", stringData: { XROAD_TOKEN_PIN: "1" } }),
                k8s({ apiVersion: "v1", kind: "Pod" }),
            ]),
            [],
        );
    });
});

describe("k8s-secret-env-refs-wellformed (guide §3.2)", () => {
    it("passes well-formed references", async () => {
        assert.deepEqual(
            await messages(
                secretEnvRefsWellFormed,
                withEnv([fromSecret(ENV.tokenPin)], {
                    envFrom: [{ secretRef: { name: "sidecar-variables" } }, { configMapRef: { name: "cm" } }],
                }),
            ),
            [],
        );
    });
    it("flags the guide's mis-indented envFrom (name beside secretRef) and incomplete secretKeyRefs", async () => {
        const found = await messages(
            secretEnvRefsWellFormed,
            withEnv([{ name: ENV.dbPassword, valueFrom: { secretKeyRef: { name: "s" } } }], {
                envFrom: [{ secretRef: null, name: "secret-sidecar-variables" }, {}],
            }),
        );
        assert.deepEqual(found, [
            'container "ss" envFrom[0].secretRef has no name (name "secret-sidecar-variables" is indented beside secretRef instead of inside it), so no Secret is loaded',
            'container "ss" envFrom[1] has neither secretRef nor configMapRef',
            'container "ss" env XROAD_DB_PWD has a secretKeyRef without name and key',
        ]);
    });
});

describe("k8s-ssh-key-secret-volume-mode (guide §3.1)", () => {
    const volume = (items: unknown[], defaultMode?: number) =>
        k8s(
            deployment("secondary", "xroad", {
                securityContext: { fsGroup: 999 },
                volumes: [
                    { name: "ssh", secret: { secretName: "ssh-keys", items, ...(defaultMode !== undefined ? { defaultMode } : {}) } },
                ],
                containers: [{ name: "c" }],
            }),
        );

    it("passes the components' modes: private key 0440, public key 0444", async () => {
        assert.deepEqual(
            await messages(
                sshKeySecretVolumeMode,
                volume([
                    { key: SSH_SECRET_PRIVATE_KEY, path: SSH_PRIVATE_KEY_FILE, mode: SSH_PRIVATE_KEY_MODE },
                    { key: SSH_SECRET_PUBLIC_KEY, path: SSH_PUBLIC_KEY_FILE, mode: SSH_PUBLIC_KEY_MODE },
                ]),
            ),
            [],
        );
        assert.deepEqual(await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }], 0o400)), []);
    });
    it("flags the official 0644, an unset mode (defaults to 0644) and a decimal 644", async () => {
        assert.deepEqual(await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 0o644 }])), [
            'volume "ssh" (secret ssh-keys) item private-key -> id_rsa has mode 0644, readable by others; use 0440 with fsGroup 999',
        ]);
        assert.match(
            (await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }])))[0],
            /has default mode 0644/,
        );
        assert.match(
            (await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa" }], 0o604)))[0],
            /has defaultMode 0604/,
        );
        assert.match(
            (await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 644 }])))[0],
            /mode 644, above 0777/,
        );
    });
    it("flags an SSH secret mounted whole (no items) with a world-readable or unset defaultMode", async () => {
        const whole = (secretName: string, defaultMode?: number) =>
            k8s(
                deployment("s", "x", {
                    volumes: [{ name: "ssh", secret: { secretName, ...(defaultMode !== undefined ? { defaultMode } : {}) } }],
                    containers: [{ name: "c" }],
                }),
            );
        assert.deepEqual(await messages(sshKeySecretVolumeMode, whole("secret-ssh-keys")), [
            'volume "ssh" mounts secret secret-ssh-keys whole with default mode 0644: its private key is readable by others; use items with mode 0440, or defaultMode 0440, with fsGroup 999',
        ]);
        assert.deepEqual(await messages(sshKeySecretVolumeMode, whole("secret-ssh-keys", 0o440)), []);
        assert.deepEqual(await messages(sshKeySecretVolumeMode, whole("app-config")), []);
    });
    it("flags the guide's §3.1 private key written as id_rsa.pub by its key name", async () => {
        assert.equal((await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa.pub", mode: 0o644 }]))).length, 1);
    });
    it("checks projected secret sources, and allows group bits when configured to forbid only world bits", async () => {
        const projected = k8s(
            deployment("s", "x", {
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
            }),
        );
        assert.equal((await messages(sshKeySecretVolumeMode, projected)).length, 1);
        assert.equal(
            (
                await messages(sshKeySecretVolumeMode, volume([{ key: "private-key", path: "id_rsa", mode: 0o440 }]), {
                    config: { forbiddenBits: 0o077 },
                })
            ).length,
            1,
        );
    });
});

describe("k8s-no-secrets-in-configmap (guide §3)", () => {
    const cm = (data: Record<string, string>) =>
        k8s({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "x" }, data });
    it("passes ordinary configuration", async () =>
        assert.deepEqual(
            await messages(noSecretsInConfigMap, cm({ "local.ini": "[proxy]\nhealth-check-port=5588", XROAD_LOG_LEVEL: "INFO" })),
            [],
        ));
    it("flags private keys and secret-named keys", async () => {
        assert.deepEqual(await messages(noSecretsInConfigMap, cm({ key: "-----BEGIN RSA PRIVATE KEY-----", XROAD_DB_PWD: "pw" })), [
            "key key holds a private key",
            "key XROAD_DB_PWD looks like a secret (password, token, key or connection string)",
        ]);
    });
});

describe("the secret-name pattern and its exceptions (policy/README.md)", () => {
    const config = { extraSensitiveNames: [], sensitiveNamePattern: DEFAULT_SENSITIVE_PATTERN };
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
    for (const name of SENSITIVE) it(`treats ${name} as sensitive`, () => assert.equal(isSensitiveEnvName(name, config), true));
    for (const name of NOT_SENSITIVE)
        it(`does not treat ${name} as sensitive`, () => assert.equal(isSensitiveEnvName(name, config), false));

    it("flags the failing cases in env vars of a pod and in ConfigMap keys", async () => {
        const env = ["GITHUB_TOKEN", "DB_PASS", "AZURE_BATCH_KEY", "OCI_CLI_KEY_CONTENT"].map((name) => ({ name, value: "x" }));
        assert.deepEqual(
            (await messages(noPlaintextSecretEnv, withEnv(env))).map((m) =>
                m.replace(/^container "ss" sets (\S+) as a literal value.*$/, "$1"),
            ),
            ["GITHUB_TOKEN", "DB_PASS", "AZURE_BATCH_KEY", "OCI_CLI_KEY_CONTENT"],
        );
        const cm = k8s({
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
        assert.deepEqual(await messages(noSecretsInConfigMap, cm), [
            "key GITHUB_TOKEN looks like a secret (password, token, key or connection string)",
            "key DB_PASS looks like a secret (password, token, key or connection string)",
            "key AZURE_BATCH_KEY looks like a secret (password, token, key or connection string)",
            "key oci-cli-key-content looks like a secret (password, token, key or connection string)",
        ]);
    });

    it("flags secrets by the shape of the value: URLs with a password, connection strings, private-key armour", async () => {
        assert.equal(secretInValue("postgres://app:s3cret@db.internal:5432/app"), "a URL with a password");
        assert.equal(secretInValue("redis://:s3cret@redis:6379"), "a URL with a password");
        assert.equal(secretInValue("Server=db;Database=x;User Id=app;Password=s3cret;"), "a connection string with a password or key");
        assert.equal(
            secretInValue("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;EndpointSuffix=core.windows.net"),
            "a connection string with a password or key",
        );
        assert.equal(secretInValue("-----BEGIN PGP PRIVATE KEY BLOCK-----\nx"), "a private key");
        assert.equal(secretInValue("-----BEGIN ENCRYPTED PRIVATE KEY-----\nx"), "a private key");
        for (const harmless of [
            "postgres://db.internal:5432/app",
            "postgres://app:$(DB_PASSWORD)@db/app",
            "https://example.org:8443/path@v1",
            "Server=db;Database=x;Integrated Security=true",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----",
        ])
            assert.equal(secretInValue(harmless), undefined, harmless);
        const found = await messages(noPlaintextSecretEnv, withEnv([{ name: "DATABASE_URL", value: "postgres://app:s3cret@db/app" }]));
        assert.deepEqual(found, [
            'container "ss" puts a URL with a password in the literal value of DATABASE_URL; reference a Secret with valueFrom.secretKeyRef instead',
        ]);
        const cm = k8s({
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name: "cm", namespace: "x" },
            data: { "app.properties": "url=x", DB: "Server=db;Password=pw" },
        });
        assert.deepEqual(await messages(noSecretsInConfigMap, cm), ["key DB holds a connection string with a password or key"]);
    });
});

describe("secret value checks on large values", () => {
    it("scan multi-megabyte values without backtracking blow-up (a quadratic scan would not finish here)", () => {
        for (const value of ["a".repeat(2_000_000), "a.b-".repeat(500_000), "x://".repeat(500_000), "p://u:".repeat(300_000)])
            assert.equal(secretInValue(value), undefined);
        assert.equal(secretInValue(`${"a".repeat(1_000_000)} postgres://app:pw@db/x`), "a URL with a password");
    });
});
