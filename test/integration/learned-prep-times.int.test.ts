// Learned prep times (issue 14) on the real database: the SQL's robust statistics agree with the
// in-memory rules, outliers are ignored, and accepting a time changes the kitchen ticket's target.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { acceptPrepTime, getLearnedPrepTimes } from "@/lib/reports/learned-prep-times";
import { prepStats, suggestedMinutes } from "@/lib/reports/prep-time-rules";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

let loc: BuiltLocation;
let other: BuiltLocation;
let risotto: string;
let salad: string;
const now = new Date("2026-11-30T21:00:00Z");

/** Fired lines of a dish at a station, bumped after `seconds` each, `daysAgo` before now. */
async function history(locationId: string, menuItemId: string, stationId: string, seconds: number[], daysAgo = 3) {
  const db = testDb();
  const order = await db.order.create({
    data: { locationId, number: Math.floor(Math.random() * 1e9), status: "CLOSED" },
  });
  await db.orderItem.createMany({
    data: seconds.map((s, i) => {
      const firedAt = new Date(now.getTime() - daysAgo * 86_400_000 + i * 60_000);
      return {
        id: randomUUID(),
        orderId: order.id,
        locationId,
        menuItemId,
        stationId,
        name: "dish",
        unitPriceCents: 1000,
        status: "SERVED" as const,
        fireBatch: 1,
        firedAt,
        bumpedAt: new Date(firedAt.getTime() + s * 1000),
      };
    }),
  });
}

const RISOTTO = [610, 640, 655, 660, 680, 700, 720, 730, 750, 790, 820, 860];

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
  const st = await buildStations(loc.id, [{ slug: "saute" }, { slug: "cold" }]);
  const cat = await buildCategory(loc.id, { name: "Mains" });
  risotto = (await buildMenuItem(loc.id, { categoryId: cat.id, name: "Risotto", stationId: st.saute, prepMinutes: 18 }))
    .id;
  salad = (await buildMenuItem(loc.id, { categoryId: cat.id, name: "Salad", stationId: st.cold })).id;
  // Risotto: real plates, two instant bumps, two left on the screen for an hour, one from too long ago.
  await history(loc.id, risotto, st.saute, [...RISOTTO, 4, 9, 3600, 3900]);
  await history(loc.id, risotto, st.saute, [2000], 40);
  // Salad: too few plates to learn from.
  await history(loc.id, salad, st.cold, [200, 210, 230]);
});

describe("learned prep times", () => {
  it("computes median and p90 robustly, in SQL as in the rules, and proposes the p90 rounded up", async () => {
    const report = await getLearnedPrepTimes(loc.ctx.MANAGER, { days: 28 }, now);
    const r = report.items.find((i) => i.menuItemId === risotto)!;
    const expected = prepStats([...RISOTTO, 4, 9, 3600, 3900]);
    expect(r).toMatchObject({ name: "Risotto", stationName: "saute", prepMinutes: 18, samples: 12, discarded: 4 });
    expect(r.medianSeconds).toBe(Math.round(expected.medianSeconds));
    expect(r.p90Seconds).toBe(Math.round(expected.p90Seconds));
    expect(r.suggestedMinutes).toBe(suggestedMinutes(expected));
    expect(r.suggestedMinutes).toBe(14);
    expect(r.differs).toBe(true);
    const s = report.items.find((i) => i.menuItemId === salad)!;
    expect(s).toMatchObject({ samples: 3, suggestedMinutes: null, differs: false });
    // Another location sees none of it; a cook may not read it.
    expect((await getLearnedPrepTimes(other.ctx.MANAGER, {}, now)).items).toEqual([]);
    await expectAppError(getLearnedPrepTimes(loc.ctx.CHEF, {}, now), "FORBIDDEN");
    await expectAppError(getLearnedPrepTimes(loc.ctx.MANAGER, { days: 0 }, now), "VALIDATION");
  });

  it("accepting a time makes it the dish's target: kitchen tickets colour against it", async () => {
    const { orderId } = await buildSentOrder(loc.ctx.SERVER, { items: [{ menuItemId: risotto, quantity: 1 }] });
    const target = async () => {
      const snap = await getStationSnapshot(loc.ctx.CHEF, { station: "saute" });
      const ticket = snap.tickets.find((t) => t.orderId === orderId)!;
      return ticket.items[0].target;
    };
    expect((await target()).lateMinutes).toBe(18);
    await expectAppError(acceptPrepTime(loc.ctx.CHEF, { menuItemId: risotto, minutes: 14 }), "FORBIDDEN");
    await expectAppError(acceptPrepTime(other.ctx.MANAGER, { menuItemId: risotto, minutes: 14 }), "NOT_FOUND");
    await expectAppError(acceptPrepTime(loc.ctx.MANAGER, { menuItemId: risotto, minutes: 0 }), "VALIDATION");
    const accepted = await acceptPrepTime(loc.ctx.MANAGER, { menuItemId: risotto, minutes: 14 });
    expect(accepted).toMatchObject({ prepMinutes: 14, previous: 18 });
    expect((await target()).lateMinutes).toBe(14);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "menu_item.prep_time_accepted", entityId: risotto },
    });
    expect(audit).toMatchObject({ actorId: loc.ctx.MANAGER.userId, details: { before: 18, after: 14 } });
    const after = await getLearnedPrepTimes(loc.ctx.MANAGER, { days: 28 }, now);
    expect(after.items.find((i) => i.menuItemId === risotto)).toMatchObject({ prepMinutes: 14, differs: false });
  });
});

describe("learned prep times on the shared report period", () => {
  it("defaults to the last 28 business days and takes presets or custom dates; days= stays a rolling window", async () => {
    const last28 = await getLearnedPrepTimes(loc.ctx.MANAGER, {}, now);
    expect(last28.period).toMatchObject({
      preset: "last-28-days",
      from: "2026-11-02",
      to: "2026-11-29",
      previous: null,
    });
    // UTC location, 04:00 cut-off: the window starts at the cut-off of its first business day.
    expect(last28.from).toBe("2026-11-02T04:00:00.000Z");
    expect(last28.items.find((i) => i.menuItemId === risotto)?.samples).toBe(12);
    expect((await getLearnedPrepTimes(loc.ctx.MANAGER, { preset: "today" }, now)).items).toEqual([]);
    // The plate from 40 days ago, alone in its day.
    const old = await getLearnedPrepTimes(loc.ctx.MANAGER, { from: "2026-10-21", to: "2026-10-21" }, now);
    expect(old.items.map((i) => [i.name, i.samples])).toEqual([["Risotto", 1]]);
    const rolling = await getLearnedPrepTimes(loc.ctx.MANAGER, { days: 7 }, now);
    expect([rolling.days, rolling.to, rolling.period.label]).toEqual([7, now.toISOString(), "The last 7 × 24 hours"]);
  });

  it("resolves presets in the location's time zone", async () => {
    const tokyo = await buildLocation({ timezone: "Asia/Tokyo" });
    const st = await buildStations(tokyo.id, [{ slug: "grill" }]);
    const cat = await buildCategory(tokyo.id, { name: "Mains" });
    const steak = (await buildMenuItem(tokyo.id, { categoryId: cat.id, name: "Steak", stationId: st.grill })).id;
    // now is 06:00 on 1 December in Tokyo. 18:30Z on the 30th is 03:30 on 1 December there: still
    // the 30th's business day ("yesterday"); 19:30Z is 04:30, the 1st ("today").
    const plates = async (firedAt: Date[]) =>
      testDb().orderItem.createMany({
        data: firedAt.map((f) => ({
          id: randomUUID(),
          orderId: order.id,
          locationId: tokyo.id,
          menuItemId: steak,
          stationId: st.grill,
          name: "Steak",
          unitPriceCents: 1000,
          status: "SERVED" as const,
          fireBatch: 1,
          firedAt: f,
          bumpedAt: new Date(f.getTime() + 600_000),
        })),
      });
    const order = await testDb().order.create({ data: { locationId: tokyo.id, number: 1, status: "CLOSED" } });
    await plates([new Date("2026-11-30T18:30:00Z"), new Date("2026-11-30T18:31:00Z")]);
    await plates([new Date("2026-11-30T19:30:00Z")]);
    const yesterday = await getLearnedPrepTimes(tokyo.ctx.MANAGER, { preset: "yesterday" }, now);
    expect(yesterday.period).toMatchObject({ from: "2026-11-30", to: "2026-11-30", timeZone: "Asia/Tokyo" });
    expect(yesterday.items.map((i) => i.samples)).toEqual([2]);
    const today = await getLearnedPrepTimes(tokyo.ctx.MANAGER, { preset: "today" }, now);
    expect(today.items.map((i) => i.samples)).toEqual([1]);
  });

  it("answers 400 with field errors for bad period params on the REST route", async () => {
    const { GET } = await import("@/app/api/v1/reports/prep-times/route");
    for (const [query, field] of [
      ["days=28&preset=last-week", "days"],
      ["preset=fortnight", "preset"],
      ["from=2026-11-01", "to"],
      ["from=2026-11-20&to=2026-11-01", "from"],
      ["days=0", "days"],
    ]) {
      state.ctx = loc.ctx.MANAGER;
      const res = await GET(new NextRequest(`http://localhost/api/v1/reports/prep-times?${query}`), {
        params: Promise.resolve({}),
      });
      expect(res.status, query).toBe(400);
      expect(Object.keys((await res.json()).error.fieldErrors), query).toContain(field);
    }
    state.ctx = loc.ctx.MANAGER;
    const csv = await GET(
      new NextRequest("http://localhost/api/v1/reports/prep-times?from=2026-10-21&to=2026-10-21&format=csv"),
      {
        params: Promise.resolve({}),
      },
    );
    expect(csv.headers.get("content-disposition")).toContain("prep-times-2026-10-21.csv");
    expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(2);
  });
});
