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
/**
 * The secondaries' key on the primary runs rsync and nothing else (review B3), proved with Debian's real
 * OpenSSH server and rsync on loopback, laid out as in the pods: the private key root:999 mode 0440 read by
 * a non-root uid 999 (kubelet Secret volume with `fsGroup: 999`), authorized_keys a symlink into a
 * `..data` Secret tree, sshd with `StrictModes no` and `UsePAM yes` (the primary image's settings).
 *
 * Needs root, `openssh-server` and `rsync` (`.ci/run` installs them). Without them it is skipped locally
 * with a message, and fails when CI is set: CI must never skip it silently.
 */
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const net = __importStar(require("node:net"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_child_process_1 = require("node:child_process");
const ssh_keys_1 = require("../../components/kubernetes/ssh-keys");
const ssh_1 = require("../../policy/xroad/ssh");
const scenarios_1 = require("./scenarios");
const render_1 = require("./render");
const SSHD = "/usr/sbin/sshd";
const SERVER_USER = "xroad-slave";
function missingPrerequisites() {
    const missing = [];
    if (process.getuid?.() !== 0)
        missing.push("root (to run sshd and switch to uid 999)");
    if (!fs.existsSync(SSHD))
        missing.push("openssh-server (/usr/sbin/sshd)");
    for (const tool of ["rsync", "ssh", "ssh-keygen", "setpriv", "useradd"])
        if ((0, node_child_process_1.spawnSync)("sh", ["-c", `command -v ${tool}`]).status !== 0)
            missing.push(tool);
    return missing;
}
function run(cmd, args, opts = {}) {
    const [c, a] = opts.asXroad
        ? ["setpriv", [`--reuid=${ssh_1.XROAD_UID}`, `--regid=${ssh_1.XROAD_GID}`, "--clear-groups", "--", cmd, ...args]]
        : [cmd, args];
    const r = (0, node_child_process_1.spawnSync)(c, a, { encoding: "utf8", timeout: 30_000, env: { ...process.env, ...opts.env }, stdin: "ignore" });
    return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}
function must(cmd, args) {
    const r = run(cmd, args);
    if (r.status !== 0)
        throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
}
async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const port = srv.address().port;
            srv.close(() => resolve(port));
        });
    });
}
async function waitForPort(port, deadlineMs) {
    const until = Date.now() + deadlineMs;
    for (;;) {
        const ok = await new Promise((resolve) => {
            const sock = net.connect(port, "127.0.0.1", () => (sock.end(), resolve(true)));
            sock.on("error", () => resolve(false));
        });
        if (ok)
            return;
        if (Date.now() > until)
            throw new Error(`sshd did not listen on ${port}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
/** Writes `file` the way the kubelet projects a Secret item: `<dir>/..data/<file>` and a symlink to it. */
function secretVolume(dir, file, content, mode, gid) {
    const data = path.join(dir, "..2026_01_01_00_00_00.000000000");
    fs.mkdirSync(data, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(data, file), content);
    fs.chownSync(path.join(data, file), 0, gid);
    fs.chmodSync(path.join(data, file), mode);
    fs.symlinkSync(path.basename(data), path.join(dir, "..data"));
    fs.symlinkSync(path.join("..data", file), path.join(dir, file));
    return path.join(dir, file);
}
describe("the secondaries' SSH key on the primary runs rsync only (real sshd and rsync)", function () {
    this.timeout(120_000);
    let dir = "";
    let sshd;
    let port = 0;
    let ssh = [];
    const createdUsers = [];
    before(async function () {
        const missing = missingPrerequisites();
        if (missing.length > 0) {
            const message = `needs ${missing.join(", ")}: apt-get install -y openssh-server rsync, and run as root`;
            if (process.env.CI)
                throw new Error(`CI must run the SSH restriction test; it ${message}`);
            console.log(`      (skipped: the SSH restriction test ${message})`);
            this.skip();
        }
        // uid 999 is the image's `xroad`; the server side logs in as `xroad-slave` with bash (primary Dockerfile).
        if (run("getent", ["group", String(ssh_1.XROAD_GID)]).status !== 0)
            must("groupadd", ["-g", String(ssh_1.XROAD_GID), "xroad-test"]);
        if (run("getent", ["passwd", String(ssh_1.XROAD_UID)]).status !== 0) {
            must("useradd", ["-u", String(ssh_1.XROAD_UID), "-g", String(ssh_1.XROAD_GID), "-M", "-s", "/bin/sh", "xroad-test"]);
            createdUsers.push("xroad-test");
        }
        if (run("getent", ["passwd", SERVER_USER]).status !== 0) {
            must("useradd", ["-r", "-m", "-s", "/bin/bash", SERVER_USER]);
            createdUsers.push(SERVER_USER);
        }
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "xroad-ssh-"));
        fs.chmodSync(dir, 0o755);
        must("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "", "-f", path.join(dir, "key")]);
        must("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "host_key")]);
        const publicKey = fs.readFileSync(path.join(dir, "key.pub"), "utf8");
        // The tree the primary serves, standing in for /etc/xroad (the guard is given this path).
        const src = path.join(dir, "etc-xroad");
        fs.mkdirSync(path.join(src, "conf.d"), { recursive: true });
        fs.writeFileSync(path.join(src, "conf.d", "local.ini"), "[proxy]\n");
        fs.writeFileSync(path.join(src, "db.properties"), "excluded\n");
        must("chmod", ["-R", "a+rX", src]);
        // Secondary: the private key as the kubelet mounts it (root:999 0440).
        fs.mkdirSync(path.join(dir, "secondary-ssh"), { mode: 0o755 });
        secretVolume(path.join(dir, "secondary-ssh"), "id_rsa", fs.readFileSync(path.join(dir, "key"), "utf8"), 0o440, ssh_1.XROAD_GID);
        // Primary: the restricted key as /etc/.ssh/id_rsa.pub (0444), which the entrypoint links as authorized_keys.
        fs.mkdirSync(path.join(dir, "primary-ssh"), { mode: 0o755 });
        const pub = secretVolume(path.join(dir, "primary-ssh"), "id_rsa.pub", (0, ssh_keys_1.authorizedKeyLine)(publicKey, src), 0o444, 0);
        fs.mkdirSync(path.join(dir, "home-ssh"), { mode: 0o755 });
        fs.symlinkSync(pub, path.join(dir, "home-ssh", "authorized_keys"));
        fs.mkdirSync(path.join(dir, "client-home"), { mode: 0o755 });
        fs.chownSync(path.join(dir, "client-home"), ssh_1.XROAD_UID, ssh_1.XROAD_GID);
        fs.mkdirSync(path.join(dir, "dst"), { mode: 0o755 });
        fs.chownSync(path.join(dir, "dst"), ssh_1.XROAD_UID, ssh_1.XROAD_GID);
        port = await freePort();
        fs.writeFileSync(path.join(dir, "sshd_config"), [
            `Port ${port}`,
            "ListenAddress 127.0.0.1",
            `HostKey ${path.join(dir, "host_key")}`,
            `PidFile ${path.join(dir, "sshd.pid")}`,
            `AuthorizedKeysFile ${path.join(dir, "home-ssh", "authorized_keys")}`,
            "StrictModes no",
            "UsePAM yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            `AllowUsers ${SERVER_USER}`,
            "LogLevel VERBOSE",
            "",
        ].join("\n"));
        fs.mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
        sshd = (0, node_child_process_1.spawn)(SSHD, ["-D", "-e", "-f", path.join(dir, "sshd_config")], { stdio: ["ignore", "ignore", "pipe"] });
        let log = "";
        sshd.stderr?.on("data", (d) => (log += d.toString()));
        await waitForPort(port, 10_000).catch((e) => {
            throw new Error(`${e.message}: ${log}`);
        });
        // The secondary entrypoint's ssh options (balancer-secondary-entrypoint.sh): no host key check.
        ssh = [
            "ssh",
            "-F",
            "/dev/null",
            "-p",
            String(port),
            "-i",
            path.join(dir, "secondary-ssh", "id_rsa"),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
        ];
    });
    after(() => {
        if (sshd?.pid)
            sshd.kill("SIGTERM");
        if (dir)
            fs.rmSync(dir, { recursive: true, force: true });
        for (const user of createdUsers)
            run("userdel", ["-r", user]);
    });
    const asXroad = (cmd, args) => run(cmd, args, { asXroad: true, env: { HOME: path.join(dir, "client-home") } });
    const target = (p) => `${SERVER_USER}@127.0.0.1:${p}`;
    it("rsync pulls the tree as uid 999 with a root:999 0440 key, with the secondary's options", () => {
        const src = path.join(dir, "etc-xroad");
        const r = asXroad("rsync", [
            "-e",
            ssh.join(" "),
            "-avz",
            "--timeout=10",
            "--delete-delay",
            "--exclude",
            "db.properties",
            target(`${src}/`),
            `${path.join(dir, "dst")}/`,
        ]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(fs.readFileSync(path.join(dir, "dst", "conf.d", "local.ini"), "utf8"), "[proxy]\n");
        assert.ok(!fs.existsSync(path.join(dir, "dst", "db.properties")));
    });
    it("refuses a command, a shell and a pty", () => {
        const cmd = asXroad(ssh[0], [...ssh.slice(1), `${SERVER_USER}@127.0.0.1`, "id"]);
        assert.notEqual(cmd.status, 0);
        assert.match(cmd.stderr, /this key runs only rsync/);
        assert.doesNotMatch(cmd.stdout, /uid=/);
        const pty = asXroad(ssh[0], [...ssh.slice(1), "-tt", `${SERVER_USER}@127.0.0.1`]);
        assert.notEqual(pty.status, 0);
        assert.match(pty.stderr, /PTY allocation request failed/);
    });
    it("refuses TCP forwarding (to the primary's own sshd, or anything else)", () => {
        const fwd = asXroad(ssh[0], [
            ...ssh.slice(1),
            "-o",
            "ExitOnForwardFailure=yes",
            "-W",
            `127.0.0.1:${port}`,
            `${SERVER_USER}@127.0.0.1`,
        ]);
        assert.notEqual(fwd.status, 0);
        assert.match(fwd.stderr, /administratively prohibited|forwarding failed/i);
    });
    it("refuses rsync that writes to the primary or reads another path", () => {
        const push = asXroad("rsync", ["-e", ssh.join(" "), "-a", `${path.join(dir, "dst")}/`, target(`${path.join(dir, "etc-xroad")}/`)]);
        assert.notEqual(push.status, 0);
        const other = asXroad("rsync", ["-e", ssh.join(" "), "-a", target("/etc/"), `${path.join(dir, "dst")}/`]);
        assert.notEqual(other.status, 0);
        const remove = asXroad("rsync", [
            "-e",
            ssh.join(" "),
            "-a",
            "--remove-source-files",
            target(`${path.join(dir, "etc-xroad")}/`),
            `${path.join(dir, "dst")}/`,
        ]);
        assert.notEqual(remove.status, 0);
        assert.ok(fs.existsSync(path.join(dir, "etc-xroad", "conf.d", "local.ini")));
    });
});
describe("the primary installs the restricted key", () => {
    it("mounts the Secret's authorized-key (restrict + rsync-only command) as id_rsa.pub; secondaries keep the plain key", async () => {
        const s = await (0, scenarios_1.scenario)("primary-secondaries-external");
        const secret = (0, render_1.theObject)(s.rendered.objects, "Secret", "lb-ssh-keys");
        const publicKey = String(secret.stringData["public-key"]);
        assert.equal(secret.stringData["authorized-key"], (0, ssh_keys_1.authorizedKeyLine)(publicKey));
        assert.match(String(secret.stringData["authorized-key"]), /^restrict,command="/);
        const primary = (0, render_1.theObject)(s.rendered.objects, "StatefulSet", "lb-primary");
        const volume = primary.spec.template.spec.volumes.find((v) => v.name === "ssh-keys");
        assert.deepEqual(volume.secret.items, [{ key: "authorized-key", path: "id_rsa.pub", mode: 0o444 }]);
        const secondary = (0, render_1.theObject)(s.rendered.objects, "Deployment", "lb-secondary");
        const sv = secondary.spec.template.spec.volumes.find((v) => v.name === "ssh-keys");
        assert.ok(sv.secret.items.some((i) => i.key === "public-key" && i.path === "id_rsa.pub"));
    });
});
