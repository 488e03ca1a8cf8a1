// Data retention (ADR 0049) on the real database: old and fresh rows of every housekept table, a
// pass deletes exactly the old ones (queued webhook deliveries survive however old), batches,
// the time budget, dry runs, one pass at a time, and the OTP send limits right after a pass.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { customerPhoneHash } from "@/lib/customers/customer-contact";
import { requestOtp } from "@/lib/customers/request-otp";
import { metrics } from "@/lib/observability/metrics";
import { housekeepingPass, lockedHousekeepingPass, type SqlClient } from "@/lib/ops/housekeeping";
import { RETENTION, type HousekeptTable } from "@/lib/ops/housekeeping-rules";
import { housekeepingRound } from "@/lib/ops/housekeeping-worker";
import { buildCustomer, enableOnlineOrdering, testPhone } from "./builders/customers";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { expectAppError, resetDb, testDb } from "./helpers";

vi.mock("@/lib/customers/notify-customer", () => ({ notifyCustomer: async () => ({ delivered: true }) }));
// The Redis limiters are shared by every run on the machine; the limits under test are the database's.
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);

let loc: BuiltLocation;
let client: pg.Client;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  await enableOnlineOrdering(loc.id);
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});
beforeEach(async () => {
  await testDb().$executeRaw`TRUNCATE "WebhookDelivery", "IdempotencyKey", "OtpChallenge", "CustomerSession",
    "RefreshToken", "UserSession", "PasswordResetToken"`;
});

const db = () => testDb();
let seq = 0;
const next = () => `${++seq}-${randomUUID().slice(0, 8)}`;

async function endpoint(): Promise<string> {
  const e = await db().webhookEndpoint.create({
    data: { locationId: loc.id, url: "https://example.com/hook", events: ["order.closed"], secret: "s" },
  });
  return e.id;
}

async function delivery(
  endpointId: string,
  status: "PENDING" | "RETRYING" | "SUCCEEDED" | "FAILED",
  at: { createdAt: Date; deliveredAt?: Date; lastAttemptAt?: Date },
): Promise<string> {
  const d = await db().webhookDelivery.create({
    data: { endpointId, locationId: loc.id, eventId: next(), eventType: "order.closed", payload: {}, status, ...at },
  });
  return d.id;
}

async function idemKey(expiresAt: Date): Promise<string> {
  const k = await db().idempotencyKey.create({
    data: {
      locationId: loc.id,
      userId: loc.staff.SERVER.userId,
      scope: "orders.send",
      key: `key-${next()}`,
      requestHash: "h",
      status: "COMPLETED",
      createdAt: new Date(expiresAt.getTime() - DAY),
      expiresAt,
    },
  });
  return k.id;
}

async function otp(phoneHash: string, createdAt: Date, opts: { attempts?: number; ipHash?: string } = {}) {
  const c = await db().otpChallenge.create({
    data: {
      locationId: loc.id,
      phoneHash,
      ipHash: opts.ipHash ?? `ip-${next()}`,
      codeHash: "c",
      attempts: opts.attempts ?? 0,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 5 * MIN),
    },
  });
  return c.id;
}

async function customerSession(customerId: string, expiresAt: Date, revokedAt: Date | null = null) {
  const s = await db().customerSession.create({
    data: { customerId, secretHash: "x", createdAt: ago(40 * DAY), expiresAt, revokedAt },
  });
  return s.id;
}

async function userSession(expiresAt: Date): Promise<string> {
  const s = await db().userSession.create({
    data: { userId: loc.staff.SERVER.userId, createdAt: new Date(expiresAt.getTime() - 12 * 3_600_000), expiresAt },
  });
  return s.id;
}

async function refreshToken(sessionId: string, expiresAt: Date, usedAt: Date | null = null): Promise<string> {
  const t = await db().refreshToken.create({
    data: {
      sessionId,
      userId: loc.staff.SERVER.userId,
      locationId: loc.id,
      tokenHash: `hash-${next()}`,
      scopes: ["orders:write"],
      expiresAt,
      usedAt,
    },
  });
  return t.id;
}

async function resetToken(expiresAt: Date, usedAt: Date | null = null): Promise<string> {
  const t = await db().passwordResetToken.create({
    data: { userId: loc.staff.SERVER.userId, tokenHash: `reset-${next()}`, expiresAt, usedAt },
  });
  return t.id;
}

async function idsOf(table: HousekeptTable): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "${table}" ORDER BY id`);
  return rows.map((r) => r.id);
}

async function allIds(): Promise<Record<HousekeptTable, string[]>> {
  const out = {} as Record<HousekeptTable, string[]>;
  for (const r of RETENTION) out[r.table] = await idsOf(r.table);
  return out;
}

/** One old and one fresh (or live) row of every kind, and the edge cases of each rule. */
async function buildRows() {
  const ep = await endpoint();
  const customer = await buildCustomer(loc.id); // its live session is one of the "keep" rows
  const oldUserSession = await userSession(ago(10 * DAY));
  const old = {
    WebhookDelivery: [
      await delivery(ep, "SUCCEEDED", { createdAt: ago(40 * DAY), deliveredAt: ago(40 * DAY) }),
      await delivery(ep, "FAILED", { createdAt: ago(45 * DAY), lastAttemptAt: ago(43 * DAY) }),
    ],
    IdempotencyKey: [await idemKey(ago(8 * DAY))],
    OtpChallenge: [await otp("phone-a", ago(2 * DAY)), await otp("phone-a", ago(25 * 3_600_000))],
    CustomerSession: [
      await customerSession(customer.id, ago(8 * DAY)),
      // Signed out long ago: gone though its expiry is still ahead.
      await customerSession(customer.id, ahead(20 * DAY), ago(8 * DAY)),
    ],
    RefreshToken: [await refreshToken(oldUserSession, ago(10 * DAY), ago(11 * DAY))],
    UserSession: [oldUserSession],
    PasswordResetToken: [await resetToken(ago(10 * DAY)), await resetToken(ago(9 * DAY), ago(10 * DAY))],
  } satisfies Record<HousekeptTable, string[]>;

  // A session past retention that still has a live token (never the case in real life: tokens end
  // with their session) stays, and so does the token: its delete would cascade.
  const guardedSession = await userSession(ago(10 * DAY));
  const liveSession = await userSession(ahead(6 * 3_600_000));
  const keep = {
    WebhookDelivery: [
      await delivery(ep, "PENDING", { createdAt: ago(400 * DAY) }),
      await delivery(ep, "RETRYING", { createdAt: ago(400 * DAY), lastAttemptAt: ago(399 * DAY) }),
      await delivery(ep, "SUCCEEDED", { createdAt: ago(2 * DAY), deliveredAt: ago(2 * DAY) }),
      // Created long ago but finished recently: its age counts from the last attempt.
      await delivery(ep, "FAILED", { createdAt: ago(40 * DAY), lastAttemptAt: ago(20 * DAY) }),
    ],
    IdempotencyKey: [await idemKey(ago(DAY)), await idemKey(ahead(20 * 3_600_000))],
    OtpChallenge: [await otp("phone-a", ago(2 * 3_600_000)), await otp("phone-a", ago(MIN))],
    CustomerSession: [
      customer.sessionId,
      await customerSession(customer.id, ago(2 * DAY)),
      await customerSession(customer.id, ahead(20 * DAY), ago(DAY)),
    ],
    RefreshToken: [
      await refreshToken(guardedSession, ahead(DAY)),
      // Spent but unexpired: kept so that presenting it again still revokes the family.
      await refreshToken(liveSession, ahead(6 * 3_600_000), ago(MIN)),
      await refreshToken(liveSession, ahead(6 * 3_600_000)),
    ],
    UserSession: [guardedSession, liveSession, await userSession(ago(2 * DAY))],
    PasswordResetToken: [await resetToken(ago(2 * DAY)), await resetToken(ahead(72 * 3_600_000))],
  } satisfies Record<HousekeptTable, string[]>;
  return { old, keep };
}

const countsOf = (rows: Record<HousekeptTable, string[]>) =>
  Object.fromEntries(Object.entries(rows).map(([t, ids]) => [t, ids.length])) as Record<HousekeptTable, number>;
const sorted = (ids: string[]) => [...ids].sort();

async function deletedMetric(): Promise<Record<string, number>> {
  const { values } = await metrics().housekeepingDeleted.get();
  return Object.fromEntries(values.map((v) => [String(v.labels.table), v.value]));
}

describe("a housekeeping pass", () => {
  it("dry run counts exactly the old rows and deletes nothing", async () => {
    const { old } = await buildRows();
    const before = await allIds();
    const result = await lockedHousekeepingPass(client, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, complete: true, counts: countsOf(old) });
    expect(await allIds()).toEqual(before);
  });

  it("deletes exactly the old rows of each table, in batches, and counts them in the metric", async () => {
    const { old, keep } = await buildRows();
    const metricBefore = await deletedMetric();
    // A batch of 1: every table with old rows takes several statements.
    const result = await housekeepingRound({ batchSize: 1 });
    expect(result).toMatchObject({ dryRun: false, complete: true, counts: countsOf(old) });
    for (const r of RETENTION) expect(await idsOf(r.table), r.table).toEqual(sorted(keep[r.table]));
    const metricAfter = await deletedMetric();
    for (const r of RETENTION)
      expect((metricAfter[r.table] ?? 0) - (metricBefore[r.table] ?? 0), r.table).toBe(old[r.table].length);

    // A second pass finds nothing more.
    const again = await housekeepingRound();
    expect(Object.values(again!.counts)).toEqual(RETENTION.map(() => 0));
  });

  it("deletes in batches of the given size until a short batch", async () => {
    for (let i = 0; i < 7; i++) await idemKey(ago(10 * DAY));
    const fresh = await idemKey(ago(DAY));
    const deletes: number[] = [];
    const spy: SqlClient = {
      async query(text, values) {
        const res = await client.query(text, values);
        if (text.startsWith(`DELETE FROM "IdempotencyKey"`)) deletes.push(res.rowCount ?? 0);
        return res;
      },
    };
    const result = await housekeepingPass(spy, { batchSize: 3 });
    expect(deletes).toEqual([3, 3, 1]);
    expect(result.counts.IdempotencyKey).toBe(7);
    expect(await idsOf("IdempotencyKey")).toEqual([fresh]);
  });

  it("stops when the time budget is spent and says it is not complete", async () => {
    for (let i = 0; i < 5; i++) await idemKey(ago(10 * DAY));
    const result = await housekeepingPass(client, { batchSize: 2, budgetMs: 0 });
    expect(result.complete).toBe(false);
    expect(await idsOf("IdempotencyKey")).toHaveLength(5);
    // The next pass with time to spare finishes the job.
    const rest = await housekeepingPass(client, { batchSize: 2 });
    expect(rest).toMatchObject({ complete: true, counts: { IdempotencyKey: 5 } });
  });

  it("runs one pass at a time: while another connection holds the lock, a round does nothing", async () => {
    const oldKey = await idemKey(ago(10 * DAY));
    const other = new pg.Client({ connectionString: inject("databaseUrl") });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('ops:housekeeping'))`);
      expect(await housekeepingRound()).toBeNull();
      expect(await lockedHousekeepingPass(client)).toBeNull();
      expect(await idsOf("IdempotencyKey")).toEqual([oldKey]);
      await other.query(`SELECT pg_advisory_unlock(hashtext('ops:housekeeping'))`);
      expect((await housekeepingRound())?.counts.IdempotencyKey).toBe(1);
    } finally {
      await other.end();
    }
  });

  it("gives up on a row a request holds (lock timeout) instead of hanging, and goes on", async () => {
    const session = await userSession(ago(10 * DAY));
    const token = await refreshToken(session, ago(10 * DAY));
    await resetToken(ago(10 * DAY));
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "RefreshToken" WHERE id = $1 FOR UPDATE`, [token]);
      // The token is skipped (SKIP LOCKED); its session's delete would cascade to it and waits.
      const result = await housekeepingRound();
      expect(result).toMatchObject({
        complete: false,
        counts: { RefreshToken: 0, UserSession: 0, PasswordResetToken: 1 },
      });
      expect(result!.errors.UserSession).toMatch(/lock timeout/);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await housekeepingRound())?.counts).toMatchObject({ RefreshToken: 1, UserSession: 1 });
  });

  it("reports a table that fails, still runs the others, and releases the lock", async () => {
    await idemKey(ago(10 * DAY));
    const stuck = await userSession(ago(10 * DAY));
    await resetToken(ago(10 * DAY));
    const failing: SqlClient = {
      async query(text, values) {
        if (text.startsWith(`DELETE FROM "UserSession"`)) throw new Error("canceling statement due to lock timeout");
        return client.query(text, values);
      },
    };
    const result = await lockedHousekeepingPass(failing);
    expect(result).toMatchObject({
      complete: false,
      errors: { UserSession: "canceling statement due to lock timeout" },
      counts: { IdempotencyKey: 1, UserSession: 0, PasswordResetToken: 1 },
    });
    expect(Object.keys(result!.errors)).toEqual(["UserSession"]);
    expect(await idsOf("UserSession")).toEqual([stuck]);
    // From another session (advisory locks are reentrant within the one that holds them).
    expect(await housekeepingRound({ dryRun: true })).not.toBeNull();
  });
});

describe("OTP limits right after a pass", () => {
  const meta = () => ({ requestId: randomUUID(), ip: `203.0.113.${++seq % 250}` });

  it("still counts the hour's challenges: five recent sends refuse a sixth, old ones are gone", async () => {
    const phone = testPhone();
    const hash = customerPhoneHash(phone);
    for (const m of [50, 40, 30, 20, 10]) await otp(hash, ago(m * MIN));
    for (const d of [2, 3]) await otp(hash, ago(d * DAY));
    const result = await housekeepingRound();
    expect(result?.counts.OtpChallenge).toBe(2);
    expect(await db().otpChallenge.count({ where: { phoneHash: hash } })).toBe(5);
    const refused = await expectAppError(requestOtp({ locationSlug: loc.slug, phone }, meta()), "RATE_LIMITED");
    expect(refused.message).toMatch(/Too many codes asked for this number/);
  });

  it("still applies the cool-down after three burnt challenges", async () => {
    const phone = testPhone();
    const hash = customerPhoneHash(phone);
    for (const m of [12, 8, 4]) await otp(hash, ago(m * MIN), { attempts: 5 });
    await otp(hash, ago(2 * DAY), { attempts: 5 });
    await housekeepingRound();
    expect(await db().otpChallenge.count({ where: { phoneHash: hash } })).toBe(3);
    const refused = await expectAppError(requestOtp({ locationSlug: loc.slug, phone }, meta()), "RATE_LIMITED");
    expect(refused.message).toMatch(/Too many wrong codes/);
  });

  it("still counts the sends from one address within the hour", async () => {
    const ipMeta = meta();
    const { otpIpHash } = await import("@/lib/customers/request-otp");
    const ipHash = otpIpHash(ipMeta.ip);
    for (let i = 0; i < 20; i++) await otp(`someone-${i}`, ago((55 - i) * MIN), { ipHash });
    await otp("someone-old", ago(2 * DAY), { ipHash });
    await housekeepingRound();
    expect(await db().otpChallenge.count({ where: { ipHash } })).toBe(20);
    const refused = await expectAppError(
      requestOtp({ locationSlug: loc.slug, phone: testPhone() }, ipMeta),
      "RATE_LIMITED",
    );
    expect(refused.message).toMatch(/from this connection/);
  });

  it("lets a phone whose only challenges were old ask again", async () => {
    const phone = testPhone();
    const hash = customerPhoneHash(phone);
    for (const d of [2, 2, 2, 2, 2]) await otp(hash, ago(d * DAY));
    await housekeepingRound();
    expect(await requestOtp({ locationSlug: loc.slug, phone }, meta())).toMatchObject({ sent: true });
  });
});
