/**
 * Where a V8 CPU profile spent its time: self time by package and by function, busiest first.
 *
 *   npx tsx scripts/bench/cpu-profile-summary.ts <file.cpuprofile> [--top 40]
 *
 * Profile the app under the load test with `LOAD_CPU_PROF=<dir> npm run load` (scripts/bench/load.ts);
 * `next start` writes the profile into <dir> when it stops. Functions in the app's own chunks are
 * minified: the package column (prisma's WASM query compiler, @prisma/client, next, pg, …) is the
 * useful one.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Frame = { functionName: string; url: string; lineNumber: number };
type Profile = {
  nodes: { id: number; callFrame: Frame }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

function packageOf(f: Frame): string {
  if (f.functionName === "(idle)") return "(idle)";
  if (f.functionName === "(garbage collector)") return "(gc)";
  if (!f.url) return "(native)";
  if (f.url.startsWith("wasm://")) return "(wasm)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (m) return m[1];
  if (f.url.includes("/.next/server/")) return "(app chunks)";
  return f.url.startsWith("node:") ? f.url : f.url.slice(-60);
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" } } });
  if (positionals.length !== 1) throw new Error("usage: cpu-profile-summary.ts <file.cpuprofile> [--top N]");
  const top = Number(values.top ?? 40);
  const p = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;
  const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const f = frames.get(id)!;
    const pkg = packageOf(f);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const fn = `${f.functionName || "(anonymous)"} ${pkg}:${f.lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    if (pkg !== "(idle)") busy += ms;
  });
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${k}`);
  };
  console.log(`profile ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms, busy (not idle) ${busy.toFixed(0)} ms`);
  print("self time by package (% of busy)", byPackage);
  print("self time by function (% of busy)", byFunction);
}

main();
