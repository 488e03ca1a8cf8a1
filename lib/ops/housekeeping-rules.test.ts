import { describe, expect, it } from "vitest";
import { ABSOLUTE_MAX_SECONDS } from "@/lib/auth/roles";
import { HOUR_MS, OTP_COOL_DOWN_MS, OTP_TTL_MS } from "@/lib/customers/otp-rules";
import { KEY_TTL_MS } from "@/lib/idempotency/rules";
import { RETRY_DELAYS_MS } from "@/lib/webhooks/retry-policy";
import {
  cutoffOf,
  cutoffParam,
  DAY_MS,
  nextStep,
  parseHousekeepingArgs,
  RETENTION,
  type HousekeptTable,
} from "./housekeeping-rules";

const rule = (table: HousekeptTable) => RETENTION.find((r) => r.table === table)!;
const keptMs = (table: HousekeptTable) => rule(table).keepDays * DAY_MS;

describe("RETENTION", () => {
  it("has one rule per table, each keeping rows a whole number of days", () => {
    const tables = RETENTION.map((r) => r.table);
    expect(new Set(tables).size).toBe(tables.length);
    expect(tables).toHaveLength(7);
    for (const r of RETENTION) expect(Number.isInteger(r.keepDays) && r.keepDays >= 1).toBe(true);
  });

  it("keeps OTP challenges well past the hour the send limits count (and the cool-down inside it)", () => {
    expect(keptMs("OtpChallenge")).toBeGreaterThanOrEqual(2 * (HOUR_MS + OTP_COOL_DOWN_MS));
    expect(keptMs("OtpChallenge")).toBeGreaterThan(OTP_TTL_MS);
    // Both clocks: a row goes only once it is old by createdAt (what the limits read) and expired.
    expect(rule("OtpChallenge").old).toContain(`t."createdAt" < $1`);
    expect(rule("OtpChallenge").old).toContain(`t."expiresAt" < $1`);
  });

  it("keeps idempotency keys past their replay window, counted from expiry", () => {
    expect(rule("IdempotencyKey").old).toBe(`t."expiresAt" < $1`);
    expect(keptMs("IdempotencyKey")).toBeGreaterThan(KEY_TTL_MS);
  });

  it("keeps finished webhook deliveries longer than a delivery's whole retry schedule, and never queued ones", () => {
    const retrySpan = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(keptMs("WebhookDelivery")).toBeGreaterThan(10 * retrySpan);
    expect(rule("WebhookDelivery").old).toMatch(/^t\.status IN \('SUCCEEDED', 'FAILED'\) AND /);
    expect(rule("WebhookDelivery").old).not.toMatch(/PENDING|RETRYING/);
  });

  it("keeps sessions and tokens past their own life, and deletes refresh tokens before the sessions they hang on", () => {
    expect(keptMs("UserSession")).toBeGreaterThan(ABSOLUTE_MAX_SECONDS * 1000);
    for (const t of ["CustomerSession", "RefreshToken", "PasswordResetToken"] as const)
      expect(keptMs(t)).toBeGreaterThanOrEqual(DAY_MS);
    const order = RETENTION.map((r) => r.table);
    expect(order.indexOf("RefreshToken")).toBeLessThan(order.indexOf("UserSession"));
    expect(rule("UserSession").old).toContain("NOT EXISTS");
  });

  it("never deletes an unexpired refresh token (a spent one must stay to catch its replay)", () => {
    expect(rule("RefreshToken").old).toBe(`t."expiresAt" < $1`);
  });
});

describe("cutoffOf / cutoffParam", () => {
  it("is now minus the kept days, written as UTC wall time", () => {
    const now = new Date("2026-12-02T15:00:00.123Z");
    expect(cutoffOf({ keepDays: 30 }, now).toISOString()).toBe("2026-11-02T15:00:00.123Z");
    expect(cutoffParam(new Date("2026-11-02T15:00:00.123Z"))).toBe("2026-11-02 15:00:00.123");
  });
});

describe("nextStep", () => {
  it("stops on a short batch, goes on with a full one while there is time", () => {
    expect(nextStep(3, 10, 1000, 0)).toBe("done");
    expect(nextStep(0, 10, 1000, 2000)).toBe("done");
    expect(nextStep(10, 10, 1000, 999)).toBe("more");
    expect(nextStep(10, 10, 1000, 1000)).toBe("out-of-time");
  });
});

describe("parseHousekeepingArgs", () => {
  it("defaults to a real pass without a budget", () => {
    expect(parseHousekeepingArgs([])).toEqual({ dryRun: false, batchSize: 1000, budgetMs: Number.POSITIVE_INFINITY });
  });

  it("reads --dry-run, --batch-size and --budget-seconds", () => {
    expect(parseHousekeepingArgs(["--dry-run", "--batch-size=50", "--budget-seconds=120"])).toEqual({
      dryRun: true,
      batchSize: 50,
      budgetMs: 120_000,
    });
  });

  it("refuses what it does not know, naming it", () => {
    expect(() => parseHousekeepingArgs(["--dryrun"])).toThrow(/Unknown argument --dryrun/);
    expect(() => parseHousekeepingArgs(["--dry-run=yes"])).toThrow(/Unknown argument/);
    expect(() => parseHousekeepingArgs(["--batch-size=0"])).toThrow(/--batch-size takes a whole number/);
    expect(() => parseHousekeepingArgs(["--batch-size=1.5"])).toThrow(/--batch-size/);
    expect(() => parseHousekeepingArgs(["--budget-seconds"])).toThrow(/--budget-seconds/);
  });
});
