"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.randomTlsMocks = void 0;
const secret_1 = require("./secret");
function fakePem(label, seed) {
    const body = (0, secret_1.fakeSecret)(seed, 256)
        .match(/.{1,64}/g)
        .join("\n");
    return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
/** @pulumi/random and @pulumi/tls: generated values come back as secrets, as the engine marks them. */
exports.randomTlsMocks = {
    resources: {
        "random:index/randomPassword:RandomPassword": (args) => {
            const length = Number(args.inputs.length ?? 32);
            return {
                result: (0, secret_1.secretValue)((0, secret_1.fakeSecret)(`password-${args.name}`, length)),
                bcryptHash: (0, secret_1.secretValue)(`$2a$10$${(0, secret_1.fakeSecret)(`bcrypt-${args.name}`, 53)}`),
            };
        },
        "random:index/randomString:RandomString": (args) => ({
            result: (0, secret_1.fakeSecret)(`string-${args.name}`, Number(args.inputs.length ?? 16)).toLowerCase(),
        }),
        "random:index/randomId:RandomId": (args) => ({
            hex: (0, secret_1.fakeSecret)(`id-${args.name}`, 16).toLowerCase(),
            b64Url: (0, secret_1.fakeSecret)(`id-${args.name}`, 11),
        }),
        // A version-4 UUID, as random_uuid returns it (not secret), derived from the name so plans are stable.
        "random:index/randomUuid:RandomUuid": (args) => {
            const hex = Buffer.from((0, secret_1.fakeSecret)(`uuid-${args.name}`, 32))
                .toString("hex")
                .slice(0, 32);
            return { result: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}` };
        },
        "tls:index/privateKey:PrivateKey": (args) => ({
            privateKeyPem: (0, secret_1.secretValue)(fakePem("RSA PRIVATE KEY", `key-${args.name}`)),
            privateKeyOpenssh: (0, secret_1.secretValue)(fakePem("OPENSSH PRIVATE KEY", `ossh-${args.name}`)),
            privateKeyPemPkcs8: (0, secret_1.secretValue)(fakePem("PRIVATE KEY", `pkcs8-${args.name}`)),
            publicKeyPem: fakePem("PUBLIC KEY", `pub-${args.name}`),
            publicKeyOpenssh: `ssh-rsa AAAAB3NzaC1yc2E${(0, secret_1.fakeSecret)(`opub-${args.name}`, 360)} ${args.name}\n`,
            publicKeyFingerprintSha256: `SHA256:${(0, secret_1.fakeSecret)(`fp-${args.name}`, 43)}`,
        }),
    },
    calls: {},
};
