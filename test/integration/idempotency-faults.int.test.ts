// Faults around idempotent requests (issue 7 #26, #11): a process killed mid-request must not
// leave its key "in progress", and a replay is byte-for-byte the first answer.
import { spawn } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";
import { buildLocation } from "./builders/location";
import { resetDb, testDb } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
let server: Ctx;

beforeAll(async () => {
  await resetDb();
  server = (await buildLocation()).ctx.SERVER;
});

/** Start a request in another process and resolve once its work is in flight. */
function startCrashingAttempt(call: { scope: string; key: string; request: unknown }) {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "test/integration/fixtures/hold-idempotency-key.ts",
      JSON.stringify(server),
      JSON.stringify(call),
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const holding = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("holding") && resolve());
    child.on("exit", (code) => reject(new Error(`attempt exited early (${code})`)));
  });
  return { child, holding };
}

describe("a request killed mid-work", () => {
  it("blocks duplicates only while it lives; a retry succeeds within a second of the kill", async () => {
    const call = { scope: "test.crash", key: randomUUID(), request: { n: 1 } };
    const { child, holding } = startCrashingAttempt(call);
    await holding;

    // While the attempt lives, a duplicate is refused: it is really in progress.
    const dup = await runIdempotent(server, call, async () => ({ second: true })).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect((dup as AppError).code).toBe("IN_PROGRESS");

    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();

    let result: { value: unknown; replayed: boolean } | undefined;
    let refusals = 0;
    while (!result && Date.now() - killedAt < 5_000) {
      try {
        result = await runIdempotent(server, call, async () => ({ retried: true }));
      } catch (error) {
        if (!(error instanceof AppError && error.code === "IN_PROGRESS")) throw error;
        refusals++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(result).toMatchObject({ value: { retried: true }, replayed: false });
    expect(Date.now() - killedAt).toBeLessThan(1_000);
    expect(refusals).toBeLessThan(20);
    // Nothing of the killed attempt was committed.
    expect(await testDb().auditLog.count({ where: { action: "test.crashed-attempt" } })).toBe(0);
  });
});

describe("replays", () => {
  it("are byte-for-byte the first answer, whatever the key order", async () => {
    const call = { scope: "test.bytes", key: randomUUID(), request: {} };
    const answer = {
      zeta: 1,
      alpha: { long_key_name: [3, 1, 2], b: null },
      mid: "é ✓",
      at: new Date("2026-11-30T12:00:00Z"),
    };
    const first = await runIdempotent(server, call, async () => answer);
    const again = await runIdempotent(server, call, async () => ({ other: true }));
    expect(again.replayed).toBe(true);
    expect(first.body).toBe(
      '{"zeta":1,"alpha":{"long_key_name":[3,1,2],"b":null},"mid":"é ✓","at":"2026-11-30T12:00:00.000Z"}',
    );
    expect(again.body).toBe(first.body);
    expect(JSON.stringify(again.value)).toBe(first.body);
    expect(JSON.stringify(first.value)).toBe(first.body);
  });
});
