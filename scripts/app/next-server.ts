// Next chores for the app runner, the e2e server and the benchmarks: where the CLI is, whether the
// production build is current, and waiting for a started server.
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../db/database-url";

export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

const SOURCE_DIRS = ["app", "lib", "components", "public", "generated"];
const SOURCE_FILES = [
  "middleware.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];
const IGNORED = /\.(int\.)?test\.tsx?$|(^|\/)\.DS_Store$/;

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let info;
    try {
      info = statSync(p);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules") visit(path.join(p, entry));
    } else if (!IGNORED.test(p)) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(path.join(REPO_ROOT, d));
  for (const f of SOURCE_FILES) visit(path.join(REPO_ROOT, f));
  return newest;
}

/** The production build's id file; next.config.mjs honours NEXT_DIST_DIR (parallel builds), so does this. */
export function buildIdPath(): string {
  return path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
}

/** Why `next start` would serve something other than the sources, or null when the build is current. */
export function buildIsStale(): string | null {
  const buildId = buildIdPath();
  if (!existsSync(buildId)) return "no build yet";
  return newestSourceMtime() > statSync(buildId).mtimeMs ? "sources changed since the last build" : null;
}

export function waitForExit(proc: ChildProcess): Promise<number> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  if (proc.signalCode !== null) return Promise.resolve(1);
  return new Promise((resolve) => proc.once("exit", (code) => resolve(code ?? 1)));
}

/** Polls `url` until it answers (any status): true, or false when `proc` exited first. */
export async function waitUntilServing(url: string, proc: ChildProcess): Promise<boolean> {
  while (proc.exitCode === null && proc.signalCode === null) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}
