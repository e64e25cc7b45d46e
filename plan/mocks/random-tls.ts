import { MockTable } from "./types";
import { fakeSecret, secretValue } from "./secret";

function fakePem(label: string, seed: string): string {
    const body = fakeSecret(seed, 256)
        .match(/.{1,64}/g)!
        .join("\n");
    return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** @pulumi/random and @pulumi/tls: generated values come back as secrets, as the engine marks them. */
export const randomTlsMocks: MockTable = {
    resources: {
        "random:index/randomPassword:RandomPassword": (args) => {
            const length = Number(args.inputs.length ?? 32);
            return {
                result: secretValue(fakeSecret(`password-${args.name}`, length)),
                bcryptHash: secretValue(`$2a$10$${fakeSecret(`bcrypt-${args.name}`, 53)}`),
            };
        },
        "random:index/randomString:RandomString": (args) => ({
            result: fakeSecret(`string-${args.name}`, Number(args.inputs.length ?? 16)).toLowerCase(),
        }),
        "random:index/randomId:RandomId": (args) => ({
            hex: fakeSecret(`id-${args.name}`, 16).toLowerCase(),
            b64Url: fakeSecret(`id-${args.name}`, 11),
        }),
        // A version-4 UUID, as random_uuid returns it (not secret), derived from the name so plans are stable.
        "random:index/randomUuid:RandomUuid": (args) => {
            const hex = Buffer.from(fakeSecret(`uuid-${args.name}`, 32))
                .toString("hex")
                .slice(0, 32);
            return { result: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}` };
        },
        "tls:index/privateKey:PrivateKey": (args) => ({
            privateKeyPem: secretValue(fakePem("RSA PRIVATE KEY", `key-${args.name}`)),
            privateKeyOpenssh: secretValue(fakePem("OPENSSH PRIVATE KEY", `ossh-${args.name}`)),
            privateKeyPemPkcs8: secretValue(fakePem("PRIVATE KEY", `pkcs8-${args.name}`)),
            publicKeyPem: fakePem("PUBLIC KEY", `pub-${args.name}`),
            publicKeyOpenssh: `ssh-rsa AAAAB3NzaC1yc2E${fakeSecret(`opub-${args.name}`, 360)} ${args.name}\n`,
            publicKeyFingerprintSha256: `SHA256:${fakeSecret(`fp-${args.name}`, 43)}`,
        }),
    },
    calls: {},
};
