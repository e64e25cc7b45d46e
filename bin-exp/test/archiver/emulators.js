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
exports.CountingProxy = exports.BLOB_DIALECT = exports.S3_DIALECT = exports.AZURITE_KEY = exports.AZURITE_ACCOUNT = void 0;
exports.startS3rver = startS3rver;
exports.startAzurite = startAzurite;
const fs = __importStar(require("node:fs"));
const http = __importStar(require("node:http"));
const net = __importStar(require("node:net"));
const path = __importStar(require("node:path"));
const node_child_process_1 = require("node:child_process");
const BIN = path.resolve(__dirname, "../../node_modules/.bin");
/** A free TCP port on loopback. */
async function freePort() {
    const server = net.createServer();
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = server.address().port;
    await new Promise((resolve) => server.close(() => resolve()));
    return port;
}
async function waitForPort(port, child, log) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null)
            throw new Error(`the emulator exited (${child.exitCode}): ${fs.readFileSync(log, "utf8")}`);
        const ok = await new Promise((resolve) => {
            const socket = net.connect(port, "127.0.0.1", () => {
                socket.end();
                resolve(true);
            });
            socket.on("error", () => resolve(false));
        });
        if (ok)
            return;
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the emulator did not listen on 127.0.0.1:${port} within 30 s`);
}
async function start(bin, args, log) {
    const port = await freePort();
    const out = fs.openSync(log, "w");
    const child = (0, node_child_process_1.spawn)(path.join(BIN, bin), args(port), { stdio: ["ignore", out, out] });
    fs.closeSync(out);
    await waitForPort(port, child, log);
    return {
        port,
        stop: () => new Promise((resolve) => {
            if (child.exitCode !== null)
                return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
        }),
    };
}
/** s3rver (an S3 API on the file system) with one bucket; its well-known credentials are S3RVER / S3RVER. */
function startS3rver(dir, bucket) {
    return start("s3rver", (port) => ["--address", "127.0.0.1", "--port", String(port), "--directory", dir, "--configure-bucket", bucket], `${dir}.log`);
}
/** Azurite's Blob service, the account devstoreaccount1 with its published development key. */
function startAzurite(dir) {
    return start("azurite-blob", (port) => ["--blobHost", "127.0.0.1", "--blobPort", String(port), "--location", dir, "--skipApiVersionCheck", "--loose"], `${dir}.log`);
}
/** Azurite's published development account key (Azurite README), not a secret. */
exports.AZURITE_ACCOUNT = "devstoreaccount1";
exports.AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
/** S3 path-style: PutObject (no partNumber) and CompleteMultipartUpload (POST with uploadId) create objects. */
exports.S3_DIALECT = {
    key: (url) => decodeURIComponent(url.pathname).split("/").slice(2).join("/") || undefined,
    creates: (method, url) => (method === "PUT" && !url.searchParams.has("partNumber")) || (method === "POST" && url.searchParams.has("uploadId")),
};
/** Blob path-style (/account/container/blob): Put Blob (no comp) and Put Block List create blobs. */
exports.BLOB_DIALECT = {
    key: (url) => decodeURIComponent(url.pathname).split("/").slice(3).join("/") || undefined,
    creates: (method, url) => method === "PUT" && (!url.searchParams.has("comp") || url.searchParams.get("comp") === "blocklist"),
};
/**
 * A loopback proxy in front of an emulator that counts, per object, the requests that created it: the
 * proof that a file reached the store exactly once. `stallOn` holds every upload request for one key
 * unanswered and calls back, so the test can kill the archiver in the middle of an upload.
 */
class CountingProxy {
    upstreamPort;
    dialect;
    creations = new Map();
    stall;
    server;
    held = new Set();
    port = 0;
    constructor(upstreamPort, dialect) {
        this.upstreamPort = upstreamPort;
        this.dialect = dialect;
    }
    async start() {
        this.server = http.createServer((req, res) => this.handle(req, res));
        await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
        this.port = this.server.address().port;
    }
    stallOn(key, onStall) {
        this.stall = { key, onStall };
    }
    release() {
        this.stall = undefined;
        for (const res of this.held)
            res.destroy();
        this.held.clear();
    }
    count(key) {
        return this.creations.get(key) ?? 0;
    }
    async stop() {
        this.release();
        this.server?.closeAllConnections();
        await new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }
    handle(req, res) {
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
            if (key && status < 300 && this.dialect.creates(method, url))
                this.creations.set(key, this.count(key) + 1);
            res.writeHead(status, up.headers);
            up.pipe(res);
        });
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
    }
}
exports.CountingProxy = CountingProxy;
