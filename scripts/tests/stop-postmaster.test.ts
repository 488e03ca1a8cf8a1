// scripts/stop-postmaster.sh stops exactly the server recorded in postmaster.pid (issue 7 #25).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const script = path.resolve(__dirname, "../stop-postmaster.sh");
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) c.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A long-running process whose name (comm) is `name`. */
function fakeProcess(name: string): ChildProcess {
  const dir = mkdtempSync(path.join(tmpdir(), "stop-pm-"));
  dirs.push(dir);
  const bin = path.join(dir, name);
  copyFileSync("/bin/sleep", bin);
  const child = spawn(bin, ["60"], { stdio: "ignore" });
  children.push(child);
  return child;
}

/** A process with `-D dataDir` on its command line: what `pkill -f "-D dataDir"` would also hit. */
function bystanderNaming(dataDir: string): ChildProcess {
  const child = spawn("/bin/sh", ["-c", "sleep 60; :", "-D", dataDir], { stdio: "ignore" });
  children.push(child);
  return child;
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
const exited = (c: ChildProcess) => new Promise((r) => (alive(c) ? c.once("exit", r) : r(null)));
const stop = (dataDir: string) => execFileSync("bash", ["-c", `source ${script}; stop_postmaster "$1"`, "_", dataDir]);

describe("stop_postmaster", () => {
  it("signals the recorded postgres pid and nothing else that names the data directory", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-postgres-"));
    dirs.push(dataDir);
    const server = fakeProcess("postgres");
    const bystander = bystanderNaming(dataDir);
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${server.pid}\n${dataDir}\n`);
    stop(dataDir);
    await exited(server);
    expect({ code: server.exitCode, signal: server.signalCode }).toEqual({ code: null, signal: "SIGINT" });
    expect(alive(bystander)).toBe(true);
  });

  it("leaves a reused pid alone when it is not a postgres process, and tolerates no pid file", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-postgres-"));
    dirs.push(dataDir);
    stop(dataDir); // no postmaster.pid: nothing to do, no error
    const other = fakeProcess("not-postgres");
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${other.pid}\n`);
    stop(dataDir);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(other)).toBe(true);
  });
});
