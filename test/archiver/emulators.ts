import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";
import { ChildProcess, spawn } from "node:child_process";

const BIN = path.resolve(__dirname, "../../node_modules/.bin");

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`the emulator exited (${child.exitCode}): ${fs.readFileSync(log, "utf8")}`);
        const ok = await new Promise<boolean>((resolve) => {
            const socket = net.connect(port, "127.0.0.1", () => {
                socket.end();
                resolve(true);
            });
            socket.on("error", () => resolve(false));
        });
        if (ok) return;
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the emulator did not listen on 127.0.0.1:${port} within 30 s`);
}

/** An emulator started from node_modules on a loopback port; `stop` kills it. */
export interface Emulator {
    port: number;
    stop(): Promise<void>;
}

async function start(bin: string, args: (port: number) => string[], log: string): Promise<Emulator> {
    const port = await freePort();
    const out = fs.openSync(log, "w");
    const child = spawn(path.join(BIN, bin), args(port), { stdio: ["ignore", out, out] });
    fs.closeSync(out);
    await waitForPort(port, child, log);
    return {
        port,
        stop: () =>
            new Promise<void>((resolve) => {
                if (child.exitCode !== null) return resolve();
                child.once("exit", () => resolve());
                child.kill("SIGTERM");
            }),
    };
}

/** s3rver (an S3 API on the file system) with one bucket; its well-known credentials are S3RVER / S3RVER. */
export function startS3rver(dir: string, bucket: string): Promise<Emulator> {
    return start(
        "s3rver",
        (port) => ["--address", "127.0.0.1", "--port", String(port), "--directory", dir, "--configure-bucket", bucket],
        `${dir}.log`,
    );
}

/** Azurite's Blob service, the account devstoreaccount1 with its published development key. */
export function startAzurite(dir: string): Promise<Emulator> {
    return start(
        "azurite-blob",
        (port) => ["--blobHost", "127.0.0.1", "--blobPort", String(port), "--location", dir, "--skipApiVersionCheck", "--loose"],
        `${dir}.log`,
    );
}

/** Azurite's published development account key (Azurite README), not a secret. */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** How an object store's API names the object a request targets, and whether the request creates it. */
export interface StoreDialect {
    /** The object key of a request path, or undefined for bucket and container requests. */
    key(url: URL): string | undefined;
    /** Whether the request, when it succeeds, creates (or replaces) the object. */
    creates(method: string, url: URL): boolean;
}

/** S3 path-style: PutObject (no partNumber) and CompleteMultipartUpload (POST with uploadId) create objects. */
export const S3_DIALECT: StoreDialect = {
    key: (url) => decodeURIComponent(url.pathname).split("/").slice(2).join("/") || undefined,
    creates: (method, url) =>
        (method === "PUT" && !url.searchParams.has("partNumber")) || (method === "POST" && url.searchParams.has("uploadId")),
};

/** Blob path-style (/account/container/blob): Put Blob (no comp) and Put Block List create blobs. */
export const BLOB_DIALECT: StoreDialect = {
    key: (url) => decodeURIComponent(url.pathname).split("/").slice(3).join("/") || undefined,
    creates: (method, url) => method === "PUT" && (!url.searchParams.has("comp") || url.searchParams.get("comp") === "blocklist"),
};

/**
 * A loopback proxy in front of an emulator that counts, per object, the requests that created it: the
 * proof that a file reached the store exactly once. `stallOn` holds every upload request for one key
 * unanswered and calls back, so the test can kill the archiver in the middle of an upload.
 */
export class CountingProxy {
    readonly creations = new Map<string, number>();
    private stall?: { key: string; onStall: () => void };
    private server?: http.Server;
    private readonly held = new Set<http.ServerResponse>();
    port = 0;

    constructor(
        private readonly upstreamPort: number,
        private readonly dialect: StoreDialect,
    ) {}

    async start(): Promise<void> {
        this.server = http.createServer((req, res) => this.handle(req, res));
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        this.port = (this.server.address() as net.AddressInfo).port;
    }

    stallOn(key: string, onStall: () => void): void {
        this.stall = { key, onStall };
    }

    release(): void {
        this.stall = undefined;
        for (const res of this.held) res.destroy();
        this.held.clear();
    }

    count(key: string): number {
        return this.creations.get(key) ?? 0;
    }

    async stop(): Promise<void> {
        this.release();
        this.server?.closeAllConnections();
        await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const method = req.method ?? "GET";
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const key = this.dialect.key(url);
        if (this.stall && key === this.stall.key && (method === "PUT" || method === "POST")) {
            this.held.add(res);
            req.resume();
            const onStall = this.stall.onStall;
            this.stall = undefined;
            onStall();
            return;
        }
        const upstream = http.request({ host: "127.0.0.1", port: this.upstreamPort, method, path: req.url, headers: req.headers }, (up) => {
            const status = up.statusCode ?? 500;
            if (key && status < 300 && this.dialect.creates(method, url)) this.creations.set(key, this.count(key) + 1);
            res.writeHead(status, up.headers);
            up.pipe(res);
        });
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
    }
}
