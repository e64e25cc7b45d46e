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
const crypto = __importStar(require("node:crypto"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_child_process_1 = require("node:child_process");
const node_util_1 = require("node:util");
const archiver_1 = require("../../components/kubernetes/archiver");
const scenarios_1 = require("../kubernetes/scenarios");
const render_1 = require("../kubernetes/render");
const emulators_1 = require("./emulators");
/**
 * The archiver run for real (issue 13): the exact script of the rendered CronJob, under /bin/sh, with
 * Debian's `awscli` against s3rver and Debian's `azure-cli` against Azurite, each behind a proxy that
 * counts the requests creating each object. PATH holds only the tools the script declares, so a tool
 * the images may lack cannot slip in. Without the CLIs the suite skips with a message, unless
 * XROAD_REQUIRE_E2E=1 or CI is set (.ci/run sets both), where it fails.
 */
const exec = (0, node_util_1.promisify)(node_child_process_1.execFile);
const AWS_CLI = process.env.XROAD_AWS_CLI ?? "/usr/bin/aws";
const AZ_CLI = process.env.XROAD_AZ_CLI ?? "/usr/bin/az";
/** CI (`.ci/run` sets both) must run the test: a missing CLI fails it instead of skipping it. */
const REQUIRED = process.env.XROAD_REQUIRE_E2E === "1" || (process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false");
const MIB = 1024 * 1024;
const HOUR = 3600;
const DAY = 86400;
const s3 = {
    name: "S3 (Debian awscli against s3rver)",
    cli: AWS_CLI,
    tools: archiver_1.S3_TOOLS,
    scenario: "primary-secondaries-external",
    cronJob: "lb-archiver",
    dialect: emulators_1.S3_DIALECT,
    start: (dir, env) => (0, emulators_1.startS3rver)(dir, env.BUCKET),
    overrides: (port, home) => ({
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        AWS_ACCESS_KEY_ID: "S3RVER",
        AWS_SECRET_ACCESS_KEY: "S3RVER",
        AWS_EC2_METADATA_DISABLED: "true",
        HOME: home,
    }),
    prepare: () => Promise.resolve(),
    download: async (cli, key, dest) => void (await cli(["s3", "cp", `s3://$BUCKET/${key}`, dest, "--endpoint-url", "$S3_ENDPOINT"])),
    remove: async (cli, key) => void (await cli(["s3api", "delete-object", "--bucket", "$BUCKET", "--key", key, "--endpoint-url", "$S3_ENDPOINT"])),
    exists: async (cli, key) => (await cli([
        "s3api",
        "list-objects-v2",
        "--bucket",
        "$BUCKET",
        "--prefix",
        key,
        "--endpoint-url",
        "$S3_ENDPOINT",
        "--query",
        "Contents[].Key",
        "--output",
        "text",
    ]))
        .split(/\s+/)
        .includes(key),
};
const blob = {
    name: "Blob Storage (Debian azure-cli against Azurite)",
    cli: AZ_CLI,
    tools: archiver_1.BLOB_TOOLS,
    scenario: "primary-secondaries-managed",
    cronJob: "ee-archiver",
    dialect: emulators_1.BLOB_DIALECT,
    start: (dir) => (0, emulators_1.startAzurite)(dir),
    overrides: (port, home) => ({
        // The one seam: Azurite takes the development key, the CronJob logs in with workload identity.
        AUTH_MODE: "key",
        AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=${emulators_1.AZURITE_ACCOUNT};AccountKey=${emulators_1.AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${emulators_1.AZURITE_ACCOUNT};`,
        AZURE_CONFIG_DIR: path.join(home, ".azure"),
        AZURE_CORE_COLLECT_TELEMETRY: "false",
        HOME: home,
    }),
    prepare: async (cli) => void (await cli(["storage", "container", "create", "--name", "$CONTAINER", "--output", "none"])),
    download: async (cli, key, dest) => void (await cli([
        "storage",
        "blob",
        "download",
        "--container-name",
        "$CONTAINER",
        "--name",
        key,
        "--file",
        dest,
        "--no-progress",
        "--output",
        "none",
    ])),
    remove: async (cli, key) => void (await cli(["storage", "blob", "delete", "--container-name", "$CONTAINER", "--name", key])),
    exists: async (cli, key) => (await cli([
        "storage",
        "blob",
        "exists",
        "--container-name",
        "$CONTAINER",
        "--name",
        key,
        "--query",
        "exists",
        "--output",
        "tsv",
    ])).trim() === "true",
};
function sha256(file) {
    return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
/** Writes `bytes` random bytes (in 1 MiB pieces) and sets the modification time `ageSeconds` in the past. */
function writeFile(file, bytes, ageSeconds) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, "w");
    for (let left = bytes; left > 0; left -= MIB)
        fs.writeSync(fd, crypto.randomBytes(Math.min(MIB, left)));
    fs.closeSync(fd);
    setAge(file, ageSeconds);
}
function setAge(file, ageSeconds) {
    const t = Date.now() / 1000 - ageSeconds;
    fs.utimesSync(file, t, t);
}
/** A directory of symlinks to exactly the declared tools: the script's whole PATH. */
function toolDir(dir, tools, cli) {
    fs.mkdirSync(dir, { recursive: true });
    for (const tool of tools) {
        const target = tool === "aws" || tool === "az" ? cli : ["/usr/bin", "/bin"].map((d) => path.join(d, tool)).find((p) => fs.existsSync(p));
        assert.ok(target, `${tool} is not installed`);
        fs.symlinkSync(target, path.join(dir, tool));
    }
    return dir;
}
for (const store of [s3, blob]) {
    describe(`archiver end to end: ${store.name}`, function () {
        this.timeout(600_000);
        let work;
        let script;
        let env;
        let emulator;
        let proxy;
        let cli;
        const runs = [];
        const key = (rel) => `${env.PREFIX}${rel}`;
        const local = (rel) => path.join(env.ARCHIVE_DIR, rel);
        const files = {
            small: "mlog-20260101000000-20260101060000-a1b2c3d4e5f60718.zip",
            big: "mlog-20260101060000-20260101120000-0123456789abcdef.zip",
            backup: "backup/conf_backup_20260101-031500.gpg",
            old: "mlog-20251201000000-20251201060000-fedcba9876543210.zip",
            young: "mlog-20260102000000-20260102060000-1111111111111111.zip",
            temp: "backup/tmp-conf_backup_20260102-031500.tar",
            first: "mlog-20260103000000-20260103060000-2222222222222222.zip",
            second: "mlog-20260103060000-20260103120000-3333333333333333.zip",
        };
        /** Runs the CronJob's command, /bin/sh -c <script>, in its own process group. */
        function runArchiver(onStall) {
            const started = Date.now();
            const child = (0, node_child_process_1.spawn)("/bin/sh", ["-c", script], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
            let output = "";
            child.stdout.on("data", (d) => (output += d.toString()));
            child.stderr.on("data", (d) => (output += d.toString()));
            if (onStall)
                proxy.stallOn(onStall.key, () => process.kill(-child.pid, "SIGKILL"));
            return new Promise((resolve) => child.on("close", (code, signal) => {
                proxy.release();
                const run = { code, signal, lines: output.split("\n").filter((l) => l), seconds: (Date.now() - started) / 1000 };
                runs.push(run);
                resolve(run);
            }));
        }
        const linesAbout = (run, rel) => run.lines.filter((l) => l.startsWith("archiver: ") && l.split(" ")[2]?.replace(/:$/, "") === rel);
        const summary = (run) => run.lines.find((l) => l.startsWith("archiver: summary:")) ?? "";
        before(async function () {
            const missing = [store.cli].filter((c) => !fs.existsSync(c));
            if (missing.length > 0) {
                const message = `${missing.join(", ")} not found: install Debian's awscli and azure-cli (apt-get install -y awscli azure-cli) to run the archiver end-to-end test`;
                if (REQUIRED)
                    throw new Error(`${message}; in CI (XROAD_REQUIRE_E2E=1 or CI set) it must run, not skip`);
                console.log(`    skipped: ${message}`);
                this.skip();
            }
            const rendered = await (0, scenarios_1.scenario)(store.scenario);
            const container = (0, render_1.theObject)(rendered.rendered.objects, "CronJob", store.cronJob).spec.jobTemplate.spec.template.spec
                .containers[0];
            assert.deepEqual(container.command.slice(0, 2), ["/bin/sh", "-c"]);
            script = container.command[2];
            work = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-archiver-e2e-"));
            const cronEnv = Object.fromEntries(container.env.map((e) => [e.name, String(e.value)]));
            env = {
                ...cronEnv,
                ARCHIVE_DIR: path.join(work, "var-lib-xroad"),
                STATE_DIR: path.join(work, "var-lib-xroad", ".archiver"),
                PATH: toolDir(path.join(work, "bin"), store.tools, store.cli),
                LANG: "C.UTF-8",
            };
            emulator = await store.start(path.join(work, "store"), env);
            proxy = new emulators_1.CountingProxy(emulator.port, store.dialect);
            await proxy.start();
            env = { ...env, ...store.overrides(proxy.port, path.join(work, "home")) };
            fs.mkdirSync(env.HOME, { recursive: true });
            cli = async (args) => {
                const expanded = args.map((a) => a.replace(/\$([A-Z_0-9]+)/g, (_, v) => env[v] ?? ""));
                return (await exec(store.cli, expanded, { env: { ...env, PATH: "/usr/bin:/bin" }, maxBuffer: 64 * MIB })).stdout;
            };
            await store.prepare(cli);
            writeFile(local(files.small), 64 * 1024, 2 * HOUR);
            writeFile(local(files.big), 32 * MIB, 2 * HOUR);
            writeFile(local(files.backup), 3 * MIB, 2 * HOUR);
            writeFile(local(files.old), 256 * 1024, 10 * DAY);
            writeFile(local(files.young), 128 * 1024, 0);
            writeFile(local(files.temp), 64 * 1024, 10 * DAY);
        });
        after(async () => {
            await proxy?.stop();
            await emulator?.stop();
            if (runs.length > 0) {
                const bytes = Object.values(files)
                    .map((f) => (fs.existsSync(local(f)) ? fs.statSync(local(f)).size : 0))
                    .reduce((a, b) => a + b, 0);
                console.log(`    figures: ${runs.length} runs of ${store.cronJob} in ${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(", ")}; ` +
                    `${proxy?.creations.size ?? 0} objects created; ${(bytes / MIB).toFixed(1)} MiB still on the volume`);
                for (const r of runs)
                    console.log(`      ${summary(r) || `(killed: ${r.signal})`}`);
            }
            if (work)
                fs.rmSync(work, { recursive: true, force: true });
        });
        it("first run: uploads every finished file once, skips the temporary and the too young", async () => {
            const run = await runArchiver();
            assert.equal(run.code, 0, run.lines.join("\n"));
            for (const f of [files.small, files.big, files.backup, files.old]) {
                assert.equal(proxy.count(key(f)), 1, f);
                assert.match(linesAbout(run, f).join(), /^archiver: uploaded /, f);
            }
            assert.equal(proxy.count(key(files.young)), 0);
            assert.match(linesAbout(run, files.young).join(), /skip .* settle time 1800 s/);
            assert.equal(proxy.count(key(files.temp)), 0);
            assert.match(linesAbout(run, files.temp).join(), /skip .*: temporary file/);
            assert.match(summary(run), /uploaded=4 bytes=\d+ found=0 kept=0 removed=0 skipped=2 failed=0/);
        });
        it("the 32 MiB archive arrives intact", async () => {
            const copy = path.join(work, "downloaded.zip");
            await store.download(cli, key(files.big), copy);
            assert.equal(fs.statSync(copy).size, 32 * MIB);
            assert.equal(sha256(copy), sha256(local(files.big)));
        });
        it("second run: uploads nothing, removes only uploaded files past the local retention", async () => {
            const run = await runArchiver();
            assert.equal(run.code, 0, run.lines.join("\n"));
            assert.equal([...proxy.creations.values()].reduce((a, b) => a + b, 0), 4, "no new uploads");
            assert.equal(fs.existsSync(local(files.old)), false, "uploaded and 10 days old: removed");
            assert.match(linesAbout(run, files.old).join(), /removed .*: uploaded, older than 7 days/);
            assert.ok(fs.existsSync(local(files.temp)), "10 days old but never uploaded: kept");
            for (const f of [files.small, files.big, files.backup])
                assert.ok(fs.existsSync(local(f)), `${f} is within the retention`);
            assert.ok(await store.exists(cli, key(files.old)), "the store keeps what the volume dropped");
            assert.match(summary(run), /uploaded=0 bytes=0 found=0 kept=3 removed=1 skipped=2 failed=0/);
        });
        it("an object the store expired is not uploaded again", async () => {
            await store.remove(cli, key(files.small));
            const run = await runArchiver();
            assert.equal(run.code, 0, run.lines.join("\n"));
            assert.equal(proxy.count(key(files.small)), 1);
            assert.equal(await store.exists(cli, key(files.small)), false);
            assert.match(linesAbout(run, files.small).join(), /kept /);
        });
        it("an interrupted run recovers: nothing lost, nothing uploaded twice", async () => {
            writeFile(local(files.first), 96 * 1024, HOUR);
            writeFile(local(files.second), 96 * 1024, HOUR);
            const killed = await runArchiver({ key: key(files.second) });
            assert.equal(killed.signal, "SIGKILL", "killed in the middle of the second upload");
            assert.equal(proxy.count(key(files.first)), 1);
            assert.equal(proxy.count(key(files.second)), 0);
            // As if the kill had come between the upload and its record: an empty marker.
            fs.writeFileSync(path.join(env.STATE_DIR, "uploaded", files.first), "");
            // Meanwhile the file that was being written has settled.
            setAge(local(files.young), HOUR);
            const run = await runArchiver();
            assert.equal(run.code, 0, run.lines.join("\n"));
            assert.match(linesAbout(run, files.first).join(), /^archiver: found /);
            for (const f of [files.first, files.second, files.young])
                assert.equal(proxy.count(key(f)), 1, f);
            assert.match(summary(run), /uploaded=2 bytes=\d+ found=1 .*failed=0/);
            const again = await runArchiver();
            assert.match(summary(again), /uploaded=0 bytes=0 found=0 .*failed=0/);
        });
    });
}
