// Cash drawers: expected cash (float + cash payments + pay-ins − pay-outs − cash refunds), the
// variance at the count, one open session per drawer under concurrency, roles and tenancy, and the
// drawer a cash payment attaches to.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { openDrawer } from "@/lib/cash/open-drawer";
import { recordCashMovement } from "@/lib/cash/record-cash-movement";
import { closeDrawer } from "@/lib/cash/close-drawer";
import { listDrawerHistory, listOpenDrawers } from "@/lib/cash/list-drawers";
import { findOpenDrawerForPayment } from "@/lib/cash/find-open-drawer";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildOrderWithChecks, buildRefund } from "./builders/money";
import { expectAppError } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  loc = await buildLocation();
  other = await buildLocation();
});

describe("a drawer session from float to count", () => {
  it("expects float + cash payments + pay-ins − pay-outs − cash refunds, and freezes the variance", async () => {
    const cashier = loc.ctx.CASHIER;
    const opened = await openDrawer(cashier, { name: "Front till", openingFloatCents: 20000 });
    expect(opened).toMatchObject({ status: "OPEN", openingFloatCents: 20000, openedBy: "Test cashier" });
    // The cashier counts blind: no expected figure while the drawer is open.
    expect(opened.expectedCents).toBeNull();

    await recordCashMovement(cashier, {
      sessionId: opened.id,
      kind: "PAY_IN",
      amountCents: 5000,
      reason: "Change from bank",
    });
    await recordCashMovement(cashier, {
      sessionId: opened.id,
      kind: "PAY_OUT",
      amountCents: 1275,
      reason: "Milk delivery",
    });
    // Cash 4104 (tendered 5000, change 896) and 2520 into this drawer; a card payment and a cash
    // payment of no drawer do not count; a cash refund of 300 + a refund of the card do.
    const { checks } = await buildOrderWithChecks(loc.id, {
      createdById: cashier.userId,
      checks: [
        {
          subtotalCents: 3800,
          taxCents: 304,
          paidAt: new Date(),
          payments: [{ tender: "CASH", amountCents: 4104, tenderedCents: 5000, drawerSessionId: opened.id }],
        },
        {
          subtotalCents: 2520,
          paidAt: new Date(),
          payments: [{ tender: "CASH", amountCents: 2520, drawerSessionId: opened.id }],
        },
        { subtotalCents: 3000, paidAt: new Date(), payments: [{ tender: "CARD", amountCents: 3000, tipCents: 500 }] },
        { subtotalCents: 999, paidAt: new Date(), payments: [{ tender: "CASH", amountCents: 999 }] },
      ],
    });
    await buildRefund(loc.id, {
      paymentId: checks[0].payments[0].id,
      amountCents: 300,
      createdById: loc.staff.MANAGER.userId,
      drawerSessionId: opened.id,
    });
    await buildRefund(loc.id, {
      paymentId: checks[2].payments[0].id,
      amountCents: 1000,
      createdById: loc.staff.MANAGER.userId,
      drawerSessionId: opened.id,
    });
    const expected = 20000 + 4104 + 2520 + 5000 - 1275 - 300;
    const {
      drawers: [live],
    } = await listOpenDrawers(loc.ctx.MANAGER);
    expect(live).toMatchObject({ id: opened.id, expectedCents: expected, cashSalesCents: 6624, cashRefundsCents: 300 });

    const closed = await closeDrawer(cashier, {
      sessionId: opened.id,
      countedCents: expected - 45,
      counts: { "2000": 10 },
      note: "Short a few coins",
    });
    expect(closed).toMatchObject({
      status: "CLOSED",
      expectedCents: expected,
      countedCents: expected - 45,
      varianceCents: -45,
      closedBy: "Test cashier",
      note: "Short a few coins",
    });
    const audit = await db.auditLog.findMany({ where: { entityId: opened.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "cash.drawer.opened",
      "cash.drawer.pay-in",
      "cash.drawer.pay-out",
      "cash.drawer.closed",
    ]);
    expect(audit[3].details).toMatchObject({ expectedCents: expected, varianceCents: -45, counts: { "2000": 10 } });

    // Money arriving after the count does not move the frozen figures.
    await buildOrderWithChecks(loc.id, {
      createdById: cashier.userId,
      checks: [
        {
          subtotalCents: 700,
          paidAt: new Date(),
          payments: [{ tender: "CASH", amountCents: 700, drawerSessionId: opened.id }],
        },
      ],
    });
    const history = await listDrawerHistory(loc.ctx.MANAGER, { status: "closed" });
    expect(history.drawers.find((d) => d.id === opened.id)).toMatchObject({
      expectedCents: expected,
      varianceCents: -45,
    });
  });

  it("refuses movements and a second count on a closed drawer, and a pay-out larger than the drawer", async () => {
    const s = await openDrawer(loc.ctx.CASHIER, { name: "Bar till", openingFloatCents: 1000 });
    const e = await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, { sessionId: s.id, kind: "PAY_OUT", amountCents: 1001, reason: "Ice" }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.amountCents?.[0]).toMatch(/should hold \$10\.00/);
    await closeDrawer(loc.ctx.MANAGER, { sessionId: s.id, countedCents: 1000 });
    await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, { sessionId: s.id, kind: "PAY_IN", amountCents: 100, reason: "Late" }),
      "INVALID_STATE",
    );
    await expectAppError(closeDrawer(loc.ctx.CASHIER, { sessionId: s.id, countedCents: 1000 }), "INVALID_STATE");
    // The name is free again once closed.
    const again = await openDrawer(loc.ctx.CASHIER, { name: "Bar till", openingFloatCents: 0 });
    await closeDrawer(loc.ctx.CASHIER, { sessionId: again.id, countedCents: 0 });
  });

  it("refuses bad input with field messages", async () => {
    const bad = await expectAppError(openDrawer(loc.ctx.CASHIER, { name: " ", openingFloatCents: -1 }), "VALIDATION");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "openingFloatCents"]);
    await expectAppError(openDrawer(loc.ctx.CASHIER, { name: "Till", openingFloatCents: 12.5 }), "VALIDATION");
    await expectAppError(openDrawer(loc.ctx.CASHIER, { name: "Till", openingFloatCents: 10_000_001 }), "VALIDATION");
    const s = await openDrawer(loc.ctx.CASHIER, { name: "Patio till", openingFloatCents: 500 });
    await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, { sessionId: s.id, kind: "PAY_IN", amountCents: 0, reason: "Nothing" }),
      "VALIDATION",
    );
    await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, { sessionId: s.id, kind: "REFUND", amountCents: 100, reason: "Nope" }),
      "VALIDATION",
    );
    await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, { sessionId: s.id, kind: "PAY_IN", amountCents: 100, reason: "x" }),
      "VALIDATION",
    );
    await expectAppError(closeDrawer(loc.ctx.CASHIER, { sessionId: s.id, countedCents: -5 }), "VALIDATION");
    await closeDrawer(loc.ctx.CASHIER, { sessionId: s.id, countedCents: 500 });
  });

  it("lets one of two concurrent opens of the same drawer win", async () => {
    const second = await addStaff(loc, "CASHIER", { name: "Second cashier" });
    const results = await Promise.allSettled(
      [loc.ctx.CASHIER, second.ctx, loc.ctx.MANAGER].map((ctx) =>
        openDrawer(ctx, { name: "Race till", openingFloatCents: 10000 }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason.code)).toEqual(["CONFLICT", "CONFLICT"]);
    expect(lost[0].reason.message).toBe("Race till is already open; count and close it first");
    expect(await db.cashDrawerSession.count({ where: { locationId: loc.id, name: "Race till", closedAt: null } })).toBe(
      1,
    );
    // Another location's drawer of the same name is its own.
    await openDrawer(other.ctx.CASHIER, { name: "Race till", openingFloatCents: 0 });
  });

  it("counts a pay-in recorded at the same moment as the close exactly once (or refuses it)", async () => {
    const s = await openDrawer(loc.ctx.CASHIER, { name: "Busy till", openingFloatCents: 1000 });
    const [movement, close] = await Promise.allSettled([
      recordCashMovement(loc.ctx.MANAGER, { sessionId: s.id, kind: "PAY_IN", amountCents: 250, reason: "Coins" }),
      closeDrawer(loc.ctx.CASHIER, { sessionId: s.id, countedCents: 1250 }),
    ]);
    expect(close.status).toBe("fulfilled");
    const row = await db.cashDrawerSession.findUniqueOrThrow({ where: { id: s.id } });
    if (movement.status === "fulfilled") expect(row).toMatchObject({ expectedCents: 1250, varianceCents: 0 });
    else expect(row).toMatchObject({ expectedCents: 1000, varianceCents: 250 });
  });
});

describe("roles and tenancy", () => {
  it("keeps servers and hosts out of drawers, and the history to managers", async () => {
    await expectAppError(openDrawer(loc.ctx.SERVER, { name: "Server till", openingFloatCents: 0 }), "FORBIDDEN");
    await expectAppError(listOpenDrawers(loc.ctx.HOST), "FORBIDDEN");
    await expectAppError(listDrawerHistory(loc.ctx.CASHIER), "FORBIDDEN");
    expect(await db.cashDrawerSession.count({ where: { name: "Server till" } })).toBe(0);
  });

  it("answers 404 for another location's drawer", async () => {
    const theirs = await openDrawer(other.ctx.CASHIER, { name: "Their till", openingFloatCents: 100 });
    await expectAppError(
      recordCashMovement(loc.ctx.CASHIER, {
        sessionId: theirs.id,
        kind: "PAY_IN",
        amountCents: 100,
        reason: "Mine now",
      }),
      "NOT_FOUND",
    );
    await expectAppError(closeDrawer(loc.ctx.MANAGER, { sessionId: theirs.id, countedCents: 0 }), "NOT_FOUND");
    expect((await listOpenDrawers(loc.ctx.MANAGER)).drawers.map((d) => d.id)).not.toContain(theirs.id);
  });
});

describe("findOpenDrawerForPayment", () => {
  it("picks the acting user's open drawer, else the only open one, else none", async () => {
    const place = await buildLocation();
    const find = (ctx: (typeof place.ctx)["CASHIER"]) => db.$transaction((tx) => findOpenDrawerForPayment(tx, ctx));
    expect(await find(place.ctx.CASHIER)).toBeNull();
    const bar = await openDrawer(place.ctx.MANAGER, { name: "Bar", openingFloatCents: 0 });
    expect(await find(place.ctx.CASHIER)).toBe(bar.id);
    expect(await find(place.ctx.SERVER)).toBe(bar.id);
    const front = await openDrawer(place.ctx.CASHIER, { name: "Front", openingFloatCents: 0 });
    expect(await find(place.ctx.CASHIER)).toBe(front.id);
    expect(await find(place.ctx.MANAGER)).toBe(bar.id);
    // Two open drawers, neither the server's: no guess.
    expect(await find(place.ctx.SERVER)).toBeNull();
    await closeDrawer(place.ctx.CASHIER, { sessionId: front.id, countedCents: 0 });
    expect(await find(place.ctx.CASHIER)).toBe(bar.id);
    // Another location's open drawer is never chosen.
    expect(await find(other.ctx.SERVER)).not.toBe(bar.id);
  });
});

describe("REST /api/v1/cash-drawers", () => {
  const json = (method: string, path: string, body?: unknown) =>
    new NextRequest(`http://localhost${path}`, {
      method,
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("opens, moves money and closes through the routes; the wrong role gets 403", async () => {
    const place = await buildLocation();
    const drawers = await import("@/app/api/v1/cash-drawers/route");
    const movements = await import("@/app/api/v1/cash-drawers/[id]/movements/route");
    const close = await import("@/app/api/v1/cash-drawers/[id]/close/route");
    const none = { params: Promise.resolve({}) };

    state.ctx = place.ctx.SERVER;
    const refused = await drawers.POST(
      json("POST", "/api/v1/cash-drawers", { name: "Till", openingFloatCents: 100 }),
      none,
    );
    expect(refused.status).toBe(403);

    state.ctx = place.ctx.CASHIER;
    const opened = await drawers.POST(
      json("POST", "/api/v1/cash-drawers", { name: "Till", openingFloatCents: 100 }),
      none,
    );
    expect(opened.status).toBe(201);
    const { id } = await opened.json();
    const again = await drawers.POST(
      json("POST", "/api/v1/cash-drawers", { name: "Till", openingFloatCents: 5 }),
      none,
    );
    expect(again.status).toBe(409);
    const params = { params: Promise.resolve({ id }) };
    const moved = await movements.POST(
      json("POST", `/api/v1/cash-drawers/${id}/movements`, { kind: "PAY_IN", amountCents: 50, reason: "Coins" }),
      params,
    );
    expect(moved.status).toBe(201);
    expect((await moved.json()).expectedCents).toBeNull();
    const bad = await movements.POST(
      json("POST", `/api/v1/cash-drawers/${id}/movements`, { kind: "PAY_IN", amountCents: "50", reason: "Coins" }),
      params,
    );
    expect(bad.status).toBe(400);
    const list = await drawers.GET(json("GET", "/api/v1/cash-drawers"), none);
    expect((await list.json()).drawers.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await drawers.GET(json("GET", "/api/v1/cash-drawers?status=closed"), none)).status).toBe(403);

    const closed = await close.POST(json("POST", `/api/v1/cash-drawers/${id}/close`, { countedCents: 140 }), params);
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ expectedCents: 150, countedCents: 140, varianceCents: -10 });

    state.ctx = place.ctx.MANAGER;
    const history = await drawers.GET(json("GET", "/api/v1/cash-drawers?status=closed"), none);
    expect(history.status).toBe(200);
    expect((await history.json()).drawers[0]).toMatchObject({ id, varianceCents: -10 });
    state.ctx = other.ctx.MANAGER;
    const theirs = await close.POST(json("POST", `/api/v1/cash-drawers/${id}/close`, { countedCents: 0 }), params);
    expect(theirs.status).toBe(404);
  });
});
