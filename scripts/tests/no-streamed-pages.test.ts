import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.join(import.meta.dirname, "../../app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

// docs/adr/0015: pages render whole. A loading.tsx commits 200 before the role check (issue 7
// item 8), and a streamed Suspense boundary can sit twice in the DOM while React 19.2's batched
// reveal races hydration (issue 7 item 24).
describe("pages are not streamed", () => {
  const files = walk(appDir).filter((f) => /\.(tsx|ts)$/.test(f));

  it("has no route-level loading.tsx", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => path.basename(f).startsWith("loading."))).toEqual([]);
  });

  it("has no Suspense boundary in a server page or layout", () => {
    const offenders = files
      .filter((f) => /(page|layout)\.tsx$/.test(f))
      .filter((f) => {
        const source = readFileSync(f, "utf8");
        return !source.startsWith('"use client"') && /<Suspense\b/.test(source);
      });
    expect(offenders).toEqual([]);
  });
});
