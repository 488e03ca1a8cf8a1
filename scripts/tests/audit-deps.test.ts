// scripts/audit-deps.mjs: high/critical advisories outside the allow-list fail, an expired
// allow-list entry fails again, and an unreachable audit service is a skip (exit 0).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { advisoriesOf, evaluate, parseAllowlist, unavailableReason } from "../audit-deps.mjs";

const ROOT = path.join(import.meta.dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/audit-deps.mjs");
const run = promisify(execFile);

/** The shape of `npm audit --json` (report version 2), trimmed to what the script reads. */
function report(vulns: { name: string; severity: string; ghsa: string; via?: string }[]) {
  return {
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      vulns.map((v) => [
        v.name,
        {
          name: v.name,
          severity: v.severity,
          via: [
            {
              source: 1100000,
              name: v.name,
              title: `bad ${v.name}`,
              url: `https://github.com/advisories/${v.ghsa}`,
              severity: v.severity,
            },
            ...(v.via ? [v.via] : []),
          ],
        },
      ]),
    ),
    metadata: { vulnerabilities: { critical: 0, high: vulns.length, moderate: 0, low: 0 } },
  };
}

const NOW = new Date("2026-12-01T12:00:00Z");

describe("audit evaluation", () => {
  it("fails on high and critical advisories unless allow-listed and unexpired", () => {
    const advisories = advisoriesOf(
      report([
        { name: "left-pad", severity: "high", ghsa: "GHSA-aaaa-bbbb-cccc" },
        { name: "is-odd", severity: "critical", ghsa: "GHSA-dddd-eeee-ffff", via: "left-pad" },
        { name: "chalk", severity: "moderate", ghsa: "GHSA-gggg-hhhh-iiii" },
        { name: "old-dep", severity: "high", ghsa: "GHSA-jjjj-kkkk-llll" },
      ]),
    );
    expect(advisories.map((a) => a.id)).toEqual([
      "GHSA-aaaa-bbbb-cccc",
      "GHSA-dddd-eeee-ffff",
      "GHSA-gggg-hhhh-iiii",
      "GHSA-jjjj-kkkk-llll",
    ]);
    const allowlist = parseAllowlist({
      advisories: [
        {
          id: "GHSA-aaaa-bbbb-cccc",
          package: "left-pad",
          reason: "not reachable from our code",
          expires: "2027-01-31",
        },
        { id: "GHSA-jjjj-kkkk-llll", package: "old-dep", reason: "waiting for 2.0", expires: "2026-11-30" },
        { id: "GHSA-zzzz-zzzz-zzzz", package: "gone", reason: "fixed since", expires: "2027-01-01" },
      ],
    });
    const result = evaluate(advisories, allowlist, NOW);
    expect(result.ok).toBe(false);
    expect(result.blocking.map((a) => a.package)).toEqual(["is-odd"]);
    expect(result.allowed.map((a) => a.package)).toEqual(["left-pad"]);
    expect(result.expired.map((a) => a.package)).toEqual(["old-dep"]);
    expect(result.stale.map((e) => e.package)).toEqual(["gone"]);
    expect(evaluate(advisories.slice(0, 1), allowlist, NOW).ok).toBe(true);
  });

  it("refuses an allow-list entry without a reason or a valid expiry", () => {
    expect(() => parseAllowlist({ advisories: [{ id: "GHSA-x", package: "p", expires: "2027-01-01" }] })).toThrow(
      /reason/,
    );
    expect(() =>
      parseAllowlist({ advisories: [{ id: "GHSA-x", package: "p", reason: "r", expires: "soon" }] }),
    ).toThrow(/expires/);
    expect(
      parseAllowlist(JSON.parse(readFileSync(path.join(ROOT, ".ci/audit-allowlist.json"), "utf8"))),
    ).toBeInstanceOf(Array);
  });

  it("treats npm's error JSON (no network, an endpoint the registry lacks) as unavailable", () => {
    expect(
      unavailableReason({
        message: "405 Method Not Allowed - POST https://registry/-/npm/v1/security/advisories/bulk",
      }),
    ).toMatch(/405/);
    expect(unavailableReason({ error: { code: "ENOTFOUND", summary: "request to https://registry failed" } })).toMatch(
      /request to/,
    );
    expect(unavailableReason(report([]))).toBeNull();
  });
});

describe("scripts/audit-deps.mjs", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kp-audit-"));
  const file = (name: string, value: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, JSON.stringify(value));
    return p;
  };
  const exec = async (args: string[]) =>
    run(process.execPath, [SCRIPT, ...args]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  const allowlist = file("allow.json", { advisories: [] });

  it("exits 1 on a high advisory and 0 on a clean report", async () => {
    const bad = await exec([
      "--report",
      file("bad.json", report([{ name: "left-pad", severity: "high", ghsa: "GHSA-aaaa" }])),
      "--allowlist",
      allowlist,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("FAIL high: GHSA-aaaa left-pad");
    const clean = await exec(["--report", file("clean.json", report([])), "--allowlist", allowlist]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("no high or critical advisories");
  });

  it("skips, with exit 0, when the audit service cannot be reached (exit 1 with --strict)", async () => {
    const offline = file("offline.json", {
      error: { code: "ETIMEDOUT", summary: "request to https://registry timed out" },
    });
    const skipped = await exec(["--report", offline, "--allowlist", allowlist]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/SKIPPED.*timed out/);
    expect((await exec(["--report", offline, "--allowlist", allowlist, "--strict"])).code).toBe(1);
  });
});
