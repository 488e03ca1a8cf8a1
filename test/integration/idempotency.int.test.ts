// Idempotent sends against the real PostgreSQL, with real concurrency (separate pooled
// connections): replay, 422 on a different body, 409 while the first attempt runs, release on failure.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { runIdempotent } from "@/lib/idempotency/run-idempotent";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { addStaff, buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let server: Ctx, server2: Ctx;
let soupId: string, teaId: string;
const tables: string[] = [];

beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  server = location.ctx.SERVER;
  server2 = (await addStaff(location, "SERVER")).ctx;
  const categoryId = (await buildCategory(location.id)).id;
  soupId = (await buildMenuItem(location.id, { categoryId, name: "Soup of the Day", priceCents: 800 })).id;
  teaId = (await buildMenuItem(location.id, { categoryId, name: "Iced Tea", priceCents: 395 })).id;
  tables.push(...Object.values(await buildTables(location.id, ["1", "2", "3", "4", "5"])));
});

async function freshOrder(i: number) {
  return (await openOrder(server, { tableId: tables[i], guestCount: 2 })).orderId;
}

async function counts(orderId: string) {
  const db = testDb();
  return {
    items: await db.orderItem.count({ where: { orderId } }),
    fired: await db.orderEvent.count({ where: { orderId, type: "items.fired" } }),
  };
}

describe("idempotent send", () => {
  it("a retry with the same key replays the identical answer and adds nothing", async () => {
    const orderId = await freshOrder(0);
    const body = { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: soupId, quantity: 2 }] };
    const first = await sendOrder(server, body);
    const after = await counts(orderId);
    const retry = await sendOrder(server, body);
    const retry2 = await sendOrder(server, { ...body, items: [{ quantity: 2, menuItemId: soupId }] }); // same content, other key order
    expect(first.replayed).toBe(false);
    expect(retry.replayed).toBe(true);
    const { replayed: _a, ...a } = first;
    const { replayed: _b, ...b } = retry;
    const { replayed: _c, ...c } = retry2;
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await counts(orderId)).toEqual(after);
    expect(after).toEqual({ items: 1, fired: 1 });
  });

  it("the same key with a different body is refused with 422", async () => {
    const orderId = await freshOrder(1);
    const idempotencyKey = randomUUID();
    await sendOrder(server, { orderId, idempotencyKey, items: [{ menuItemId: soupId, quantity: 1 }] });
    const error = await sendOrder(server, {
      orderId,
      idempotencyKey,
      items: [{ menuItemId: soupId, quantity: 3 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("IDEMPOTENCY_MISMATCH");
    expect((error as AppError).status).toBe(422);
    expect(await counts(orderId)).toEqual({ items: 1, fired: 1 });
  });

  it("keys are per user: another server's identical key is a separate request", async () => {
    const orderId = await freshOrder(2);
    const idempotencyKey = randomUUID();
    await sendOrder(server, { orderId, idempotencyKey, items: [{ menuItemId: soupId, quantity: 1 }] });
    const other = await sendOrder(server2, {
      orderId,
      idempotencyKey,
      items: [{ menuItemId: teaId, quantity: 1, course: "DRINKS" }],
    });
    expect(other.replayed).toBe(false);
    expect(await counts(orderId)).toEqual({ items: 2, fired: 2 });
  });

  it("two concurrent sends with one key: exactly one succeeds, the other gets 409, one ticket", async () => {
    const orderId = await freshOrder(3);
    const body = { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: soupId, quantity: 1 }] };
    // Hold the location's event counter so the winning send stays IN_PROGRESS (blocked on its
    // last statement) long enough for the duplicate to arrive: a real, deterministic race.
    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT 1 FROM "LocationCounter" WHERE "locationId" = $1 FOR UPDATE`, [server.locationId]);
    try {
      const outcomes: ("ok" | "409" | "other")[] = [];
      const run = () =>
        sendOrder(server, body).then(
          () => outcomes.push("ok"),
          (e: unknown) =>
            outcomes.push(e instanceof AppError && e.status === 409 && e.code === "IN_PROGRESS" ? "409" : "other"),
        );
      const both = Promise.all([run(), run()]);
      for (let i = 0; i < 100 && outcomes.length === 0; i++) await sleep(50);
      expect(outcomes).toEqual(["409"]); // the loser answered while the winner is still running
      await blocker.query("ROLLBACK");
      await both;
      expect(outcomes.sort()).toEqual(["409", "ok"]);
    } finally {
      await blocker.end().catch(() => {});
    }
    expect(await counts(orderId)).toEqual({ items: 1, fired: 1 });
    const replay = await sendOrder(server, body);
    expect(replay.replayed).toBe(true);
  });

  it("many concurrent duplicates still fire once", async () => {
    const orderId = await freshOrder(4);
    const body = { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: soupId, quantity: 1 }] };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => sendOrder(server, body)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.filter((r) => !(r as PromiseFulfilledResult<{ replayed: boolean }>).value.replayed)).toHaveLength(1);
    expect(rejected.every((r) => r.reason instanceof AppError && r.reason.code === "IN_PROGRESS")).toBe(true);
    expect(await counts(orderId)).toEqual({ items: 1, fired: 1 });
  });
});

describe("runIdempotent (generic)", () => {
  it("a failed attempt releases the key so a retry can run", async () => {
    const call = { scope: "test.fail", key: randomUUID(), request: { n: 1 } };
    let runs = 0;
    await expect(
      runIdempotent(server, call, async () => {
        runs++;
        throw new AppError("CONFLICT", "boom");
      }),
    ).rejects.toThrow("boom");
    expect(await testDb().idempotencyKey.count({ where: { key: call.key } })).toBe(0);
    const ok = await runIdempotent(server, call, async () => {
      runs++;
      return { done: true, at: new Date("2026-01-01T00:00:00Z") };
    });
    expect(ok).toMatchObject({ value: { done: true, at: "2026-01-01T00:00:00.000Z" }, replayed: false });
    expect(runs).toBe(2);
    const row = await testDb().idempotencyKey.findFirstOrThrow({ where: { key: call.key } });
    expect(row.status).toBe("COMPLETED");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3600_000);
  });

  it("work and completion commit together: if the work's transaction fails, nothing of it stays", async () => {
    const call = { scope: "test.atomic", key: randomUUID(), request: {} };
    const label = `atomic-${randomUUID()}`;
    await expect(
      runIdempotent(server, call, async (tx) => {
        await tx.auditLog.create({ data: { action: label, locationId: server.locationId } });
        throw new Error("crash after the write");
      }),
    ).rejects.toThrow("crash");
    expect(await testDb().auditLog.count({ where: { action: label } })).toBe(0);
    expect(await testDb().idempotencyKey.count({ where: { key: call.key } })).toBe(0);
  });

  it("a concurrent duplicate of slow work gets 409 and the work runs once", async () => {
    const call = { scope: "test.slow", key: randomUUID(), request: { a: 1 } };
    let runs = 0;
    const slow = () =>
      runIdempotent(server, call, async () => {
        runs++;
        await sleep(400);
        return { ok: 1 };
      });
    const [a, b] = await Promise.allSettled([slow(), sleep(50).then(slow)]);
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("rejected");
    expect(((b as PromiseRejectedResult).reason as AppError).status).toBe(409);
    expect(runs).toBe(1);
    expect(await slow()).toMatchObject({ value: { ok: 1 }, replayed: true });
  });

  it("a row left IN_PROGRESS (by an older release of the app) is taken over at once: no live attempt holds its lock", async () => {
    const call = { scope: "test.lease", key: randomUUID(), request: { x: 1 } };
    const { requestHash } = await import("@/lib/idempotency/rules");
    await testDb().idempotencyKey.create({
      data: {
        locationId: server.locationId,
        userId: server.userId,
        scope: call.scope,
        key: call.key,
        requestHash: requestHash(call.scope, server.locationId, call.request),
        status: "IN_PROGRESS",
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    expect(await runIdempotent(server, call, async () => ({ took: "over" }))).toMatchObject({
      value: { took: "over" },
      replayed: false,
    });
  });
});
