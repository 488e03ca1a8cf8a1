// The station load forecast from seeded history and bookings: open lines now, booked parties ×
// items per cover of the same weekday's similar covers, the walk-in baseline, each to the decimal.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getStationLoadForecast } from "@/lib/reports/station-load-forecast";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildFiredLine, buildHistoryOrder, buildStations } from "./builders/kitchen";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

/** UTC, November 2026: the 30th is a Monday, as are the 23rd and the 16th. */
const utc = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h, m));
const NOW = utc(30, 17, 40);

let loc: BuiltLocation;
let st: Record<string, string>;

beforeAll(async () => {
  const db = testDb();
  loc = await buildLocation();
  st = await buildStations(loc.id, [
    { slug: "grill", name: "Grill" },
    { slug: "fry", name: "Fry" },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  const cat = await buildCategory(loc.id);
  const burger = await buildMenuItem(loc.id, { categoryId: cat.id, name: "Burger", stationId: st.grill });
  const fries = await buildMenuItem(loc.id, { categoryId: cat.id, name: "Fries", stationId: st.fry });
  const sides = await buildModifierGroup(loc.id, {
    modifiers: [{ name: "Side of fries", stationId: st.fry, recipeItemId: fries.id }],
    menuItemIds: [burger.id],
  });
  const guest = await db.guest.create({ data: { locationId: loc.id, name: "Booked guest" } });
  const lines = async (orderId: string, item: typeof burger, n: number, firedAt: Date, extra = {}) => {
    for (let i = 0; i < n; i++)
      await buildFiredLine(loc.id, { orderId, menuItem: item, firedAt, bumpedAfter: 400, ...extra });
  };

  // Monday the 23rd: a booked party of 4 arriving at 17:10 — 4 grill lines, 2 fry, one voided line (ignored).
  const a = await buildHistoryOrder(loc.id, { openedAt: utc(23, 17, 10), guestCount: 4 });
  await lines(a, burger, 4, utc(23, 17, 20));
  await lines(a, fries, 2, utc(23, 17, 20));
  await lines(a, fries, 1, utc(23, 17, 20), { status: "VOIDED" });
  await db.reservation.create({
    data: {
      locationId: loc.id,
      guestId: guest.id,
      partySize: 4,
      startsAt: utc(23, 17),
      status: "COMPLETED",
      source: "PHONE",
      orderId: a,
    },
  });
  // Monday the 16th: 2 walk-ins at 18:05 — 2 grill lines (one with a side of fries made at fry), 1 fry line.
  const b = await buildHistoryOrder(loc.id, { openedAt: utc(16, 18, 5), guestCount: 2 });
  await lines(b, burger, 1, utc(16, 18, 15));
  await lines(b, burger, 1, utc(16, 18, 15), {
    side: { modifierId: sides.modifiers["Side of fries"], name: "Side of fries", stationId: st.fry, bumpedAfter: 300 },
  });
  await lines(b, fries, 1, utc(16, 18, 15));
  // Sunday the 22nd: another weekday, ignored.
  const c = await buildHistoryOrder(loc.id, { openedAt: utc(22, 17), guestCount: 1 });
  await lines(c, burger, 10, utc(22, 17, 10));

  // On the screens now: 3 grill lines and 1 fry line not bumped; a bumped and a voided line do not count.
  const live = await buildHistoryOrder(loc.id, { openedAt: utc(30, 17, 20), guestCount: 2, status: "OPEN" });
  await lines(live, burger, 3, utc(30, 17, 30), { bumpedAfter: null });
  await lines(live, burger, 1, utc(30, 17, 30), { bumpedAfter: 60 });
  await lines(live, fries, 1, utc(30, 17, 30), { bumpedAfter: null });
  await lines(live, fries, 1, utc(30, 17, 30), { bumpedAfter: null, status: "VOIDED" });

  // Bookings: 3 at 17:30 (fires 17:45), 5 at 18:20 (fires 18:35); cancelled, seated and too-late ones do not count.
  const book = (startsAt: Date, partySize: number, status: "BOOKED" | "CONFIRMED" | "CANCELLED" | "SEATED") =>
    db.reservation.create({ data: { locationId: loc.id, guestId: guest.id, partySize, startsAt, status } });
  await book(utc(30, 17, 30), 3, "BOOKED");
  await book(utc(30, 18, 20), 5, "CONFIRMED");
  await book(utc(30, 18), 6, "CANCELLED");
  await book(utc(30, 17, 45), 4, "SEATED");
  await book(utc(30, 21), 8, "BOOKED");
});

describe("getStationLoadForecast", () => {
  it("adds open lines, booked parties × items per cover and the walk-in baseline", async () => {
    const f = await getStationLoadForecast(loc.ctx.CHEF, {}, NOW);
    expect(f.stations.map((s) => s.name)).toEqual(["Grill", "Fry"]);
    expect(f.basis).toMatchObject({ reservations: 2, covers: 8, historyDays: 2, historyCovers: 6, walkIns: true });
    const view = f.buckets.map((b) => [
      b.start.slice(11, 16),
      b.stations.map((s) => [s.open, s.reserved, s.walkIn, s.total]),
      b.total,
    ]);
    // Similar covers (17:00 ± 1 h and 18:00 ± 1 h alike): 6 covers, 6 grill lines, 4 fry lines.
    // 17:00: grill 3 open + 3 × 1; fry 1 open + 3 × 4/6. 18:00: grill 5 × 1 + 2 walk-in lines / 2 weeks; fry 5 × 4/6 + 2 / 2.
    expect(view).toEqual([
      [
        "17:00",
        [
          [3, 3, 0, 6],
          [1, 2, 0, 3],
        ],
        9,
      ],
      [
        "18:00",
        [
          [0, 5, 1, 6],
          [0, 3.3, 1, 4.3],
        ],
        10.3,
      ],
      [
        "19:00",
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        0,
      ],
      [
        "20:00",
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        0,
      ],
    ]);
  });

  it("takes 30-minute buckets and can leave walk-ins out", async () => {
    const f = await getStationLoadForecast(loc.ctx.MANAGER, { hours: "1", bucket: "30", walkIns: "false" }, NOW);
    expect(f.buckets.map((b) => [b.start.slice(11, 16), b.total])).toEqual([
      ["17:30", 9],
      ["18:00", 0],
    ]);
  });

  it("refuses bad input and roles outside the kitchen", async () => {
    await expectAppError(getStationLoadForecast(loc.ctx.CHEF, { hours: "48" }), "VALIDATION");
    await expectAppError(getStationLoadForecast(loc.ctx.CHEF, { bucket: "15" }), "VALIDATION");
    await expectAppError(getStationLoadForecast(loc.ctx.SERVER, {}), "FORBIDDEN");
  });
});

describe("GET /api/v1/reports/station-load-forecast", () => {
  const call = async (ctx: Ctx, query: string) => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/reports/station-load-forecast/route");
    return GET(new NextRequest(`http://localhost/api/v1/reports/station-load-forecast?${query}`), {
      params: Promise.resolve({}),
    });
  };
  it("answers the kitchen, and 400 / 403 otherwise", async () => {
    const ok = await call(loc.ctx.CHEF, "hours=2&bucket=30");
    expect(ok.status).toBe(200);
    expect((await ok.json()).buckets).toHaveLength(4);
    const bad = await call(loc.ctx.CHEF, "hours=abc&walkIns=maybe");
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors)).toEqual(expect.arrayContaining(["hours", "walkIns"]));
    expect((await call(loc.ctx.HOST, "")).status).toBe(403);
  });
});
