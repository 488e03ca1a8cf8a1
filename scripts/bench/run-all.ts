/**
 * Runs every benchmark in scripts/bench/ one after the other and summarises their exit codes.
 *
 *   npm run bench                      # every scripts/bench/*.ts (except this file) with --quick
 *   npm run bench -- --full            # without --quick
 *   npm run bench -- realtime kds      # only files whose name contains one of the words
 *
 * Benchmarks are discovered at run time: top-level `*.ts` files in this directory, excluding this
 * runner, `*.d.ts`, `*.test.ts` and anything in sub-directories (shared helpers live in `lib/`).
 * Each runs as its own `node --import tsx <file> --quick` child with the repository root as cwd; its
 * output streams through unchanged. A benchmark that does not know `--quick` should ignore it.
 * Exit code: 0 when every benchmark exited 0, otherwise 1.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(BENCH_DIR, "..", "..");
const SELF = fileURLToPath(import.meta.url);
/** A benchmark that runs longer than this is stopped and reported as timed out. */
const DEFAULT_TIMEOUT_S = 600;
const KILL_GRACE_MS = 5_000;

interface Outcome {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  timedOut: boolean;
}

function discover(filters: string[]): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(BENCH_DIR, entry.name))
    .filter((file) => file !== SELF && !file.endsWith(".d.ts") && !file.endsWith(".test.ts"))
    .filter((file) => filters.length === 0 || filters.some((word) => relative(BENCH_DIR, file).includes(word)))
    .sort();
}

let current: ReturnType<typeof spawn> | null = null;
let interrupted = false;

function runOne(file: string, args: string[], timeoutMs: number): Promise<Outcome> {
  const name = relative(REPO_ROOT, file);
  const started = performance.now();
  return new Promise((resolveOutcome) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env: process.env,
    });
    current = child;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\nbench: ${name} exceeded ${timeoutMs / 1000} s, sending SIGTERM\n`);
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    }, timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      current = null;
      resolveOutcome({ name, code, signal, seconds: (performance.now() - started) / 1000, timedOut });
    };
    child.once("error", (error) => {
      process.stderr.write(`bench: could not start ${name}: ${error.message}\n`);
      finish(null, null);
    });
    child.once("exit", finish);
  });
}

function status(outcome: Outcome): string {
  if (outcome.timedOut) return "timed out";
  if (outcome.signal) return `killed (${outcome.signal})`;
  if (outcome.code === null) return "did not start";
  return outcome.code === 0 ? "ok" : "FAILED";
}

function printSummary(outcomes: Outcome[]): void {
  const rows = outcomes.map((o) => [o.name, o.code === null ? "-" : String(o.code), o.seconds.toFixed(1), status(o)]);
  const header = ["benchmark", "exit", "seconds", "status"];
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("   ");
  process.stdout.write(`\n${"=".repeat(24)} bench summary ${"=".repeat(24)}\n`);
  process.stdout.write(`${line(header).trimEnd()}\n${widths.map((w) => "-".repeat(w)).join("   ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row).trimEnd()}\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      full: { type: "boolean", default: false },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "Usage: npm run bench -- [--full] [--timeout SECONDS] [name-filter ...]\n" +
        "  Runs scripts/bench/*.ts one after the other with --quick (unless --full).\n",
    );
    return 0;
  }
  const timeoutS = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    process.stderr.write(`bench: --timeout must be a positive number of seconds\n`);
    return 2;
  }

  const files = discover(positionals);
  if (files.length === 0) {
    process.stderr.write(
      `bench: no benchmarks found in ${relative(REPO_ROOT, BENCH_DIR)}${positionals.length ? ` matching ${positionals.join(", ")}` : ""}\n`,
    );
    return 1;
  }
  const args = values.full ? [] : ["--quick"];
  process.stdout.write(
    `bench: ${files.length} benchmark(s): ${files.map((f) => relative(BENCH_DIR, f)).join(", ")}` +
      `${args.length ? " (--quick)" : ""}\n`,
  );

  const outcomes: Outcome[] = [];
  for (const file of files) {
    if (interrupted) break;
    const command = [relative(REPO_ROOT, file), ...args].join(" ");
    process.stdout.write(`\n${"=".repeat(8)} ${command} ${"=".repeat(8)}\n`);
    outcomes.push(await runOne(file, args, timeoutS * 1000));
  }
  printSummary(outcomes);
  if (interrupted) process.stdout.write("bench: interrupted, remaining benchmarks skipped\n");
  return !interrupted && outcomes.every((o) => o.code === 0 && !o.timedOut) ? 0 : 1;
}

// Ctrl-C reaches the child through the terminal's process group; stop after it instead of starting the next.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    if (signal === "SIGTERM") current?.kill("SIGTERM");
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
