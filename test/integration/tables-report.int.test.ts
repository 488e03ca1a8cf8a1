// The tables report with exact figures: turns per table and area, seated time by party size (a
// booking's seated → completed beats the order's opened → closed; a five-minute mistake is a turn
// but not in the averages), covers per seat-hour, the previous day; the REST route's CSV and 403.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getTablesReport, TABLES_CSV_COLUMNS } from "@/lib/reports/tables-report";
import { zonedInstant } from "@/lib/time/zoned";
import { parseCsvTable } from "@/lib/csv/parse";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildOrderWithChecks } from "./builders/money";
import { buildTables } from "./builders/tables";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const TZ = "America/New_York";
const ny = (d: number, h: number, m = 0) => zonedInstant({ y: 2026, m: 11, d }, h, m, TZ);
const DAY = { from: "2026-11-20", to: "2026-11-20" };

let loc: BuiltLocation;
let t: Record<string, string>;

beforeAll(async () => {
  const db = testDb();
  loc = await buildLocation({ timezone: TZ });
  const other = await buildLocation({ timezone: TZ });
  const main = await buildTables(loc.id, ["M1"], { area: "Main room", seats: 4 });
  const areaId = (await db.diningTable.findUniqueOrThrow({ where: { id: main.M1 } })).areaId;
  const m2 = await db.diningTable.create({ data: { locationId: loc.id, areaId, label: "M2", seats: 2 } });
  const patio = await buildTables(loc.id, ["P1"], { area: "Patio", seats: 6 });
  t = { ...main, M2: m2.id, ...patio };
  const by = loc.staff.CASHIER.userId;
  /** A party on a table, opened and closed (paid) at the given times. */
  const party = async (
    tableId: string | null,
    guests: number,
    opened: Date,
    closed: Date | null,
    locationId = loc.id,
  ) => {
    const o = await buildOrderWithChecks(locationId, {
      guestCount: guests,
      openedAt: opened,
      createdById: by,
      checks: [
        {
          subtotalCents: 1000 * guests,
          paidAt: closed,
          payments: closed ? [{ tender: "CARD", amountCents: 1000 * guests }] : [],
        },
      ],
    });
    await db.order.update({ where: { id: o.order.id }, data: { tableId } });
    return o.order;
  };
  await party(t.M1, 2, ny(20, 18), ny(20, 19)); // 60 min
  const booked = await party(t.M1, 4, ny(20, 19, 30), ny(20, 21)); // 90 min by the order…
  const guest = await db.guest.create({ data: { locationId: loc.id, name: "Ada Lovelace" } });
  await db.reservation.create({
    data: {
      locationId: loc.id,
      guestId: guest.id,
      partySize: 4,
      startsAt: ny(20, 19, 15),
      status: "COMPLETED",
      seatedAt: ny(20, 19, 20),
      completedAt: ny(20, 21, 10), // …110 min at the table by the host's stand
      orderId: booked.id,
    },
  });
  await party(t.P1, 2, ny(20, 12), ny(20, 13, 10)); // 70 min
  await party(t.M2, 2, ny(20, 20), ny(20, 20, 5)); // 5 min: a turn, not in the averages
  await party(null, 3, ny(20, 17), ny(20, 17, 30)); // takeaway: no table, no turn
  await party(t.M2, 2, ny(20, 21), null); // still seated: not a turn yet
  await party(t.M1, 2, ny(19, 18), ny(19, 19, 15)); // the day before: 75 min
  const elsewhere = await buildTables(other.id, ["X1"]);
  await party(elsewhere.X1, 8, ny(20, 18), ny(20, 20), other.id);
});

describe("getTablesReport", () => {
  it("counts turns, seated time and covers per seat-hour to the figure", async () => {
    const r = await getTablesReport(loc.ctx.MANAGER, DAY);
    expect(r.total).toEqual({
      tables: 3,
      openHours: 9, // 12:00 (first opened) to 21:00 (last closed)
      turns: 4,
      covers: 10,
      seats: 12,
      turnsPerTable: 1.33,
      averageSeatedMinutes: 80, // (60 + 110 + 70) / 3
      coversPerSeatHour: 0.093, // 10 / (12 × 9)
    });
    expect(
      r.tables.map((x) => [
        x.area,
        x.label,
        x.turns,
        x.covers,
        x.averageSeatedMinutes,
        x.coversPerSeatHour,
        x.previousTurns,
      ]),
    ).toEqual([
      ["Main room", "M1", 2, 6, 85, 0.167, 1],
      ["Main room", "M2", 1, 2, null, 0.111, 0],
      ["Patio", "P1", 1, 2, 70, 0.037, 0],
    ]);
    expect(
      r.areas.map((a) => [a.area, a.tables, a.turns, a.turnsPerTable, a.averageSeatedMinutes, a.coversPerSeatHour]),
    ).toEqual([
      ["Main room", 2, 3, 1.5, 85, 0.148],
      ["Patio", 1, 1, 1, 70, 0.037],
    ]);
    expect(r.partySizes).toEqual([
      { partySize: 2, parties: 3, averageSeatedMinutes: 65, previousAverageSeatedMinutes: 75 },
      { partySize: 4, parties: 1, averageSeatedMinutes: 110, previousAverageSeatedMinutes: null },
    ]);
    expect(r.previousTotal).toMatchObject({
      turns: 1,
      covers: 2,
      openHours: 1.25,
      averageSeatedMinutes: 75,
      coversPerSeatHour: 0.133,
    });
  });

  it("shows an empty period as zeros", async () => {
    const r = await getTablesReport(loc.ctx.MANAGER, { from: "2026-10-01", to: "2026-10-07", compare: "none" });
    expect(r.total).toMatchObject({
      turns: 0,
      covers: 0,
      openHours: 0,
      averageSeatedMinutes: null,
      coversPerSeatHour: null,
    });
    expect(r.previousTotal).toBeNull();
    expect(r.partySizes).toEqual([]);
  });

  it("is for managers only and refuses bad dates", async () => {
    await expectAppError(getTablesReport(loc.ctx.HOST, DAY), "FORBIDDEN");
    await expectAppError(getTablesReport(loc.ctx.MANAGER, { from: "2026-11-21", to: "2026-11-20" }), "VALIDATION");
  });
});

describe("GET /api/v1/reports/tables", () => {
  const call = async (ctx: Ctx, query: string, accept = "application/json") => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/reports/tables/route");
    return GET(new NextRequest(`http://localhost/api/v1/reports/tables?${query}`, { headers: { accept } }), {
      params: Promise.resolve({}),
    });
  };

  it("answers CSV with a TOTAL row equal to the JSON", async () => {
    const json = await (await call(loc.ctx.MANAGER, "from=2026-11-20&to=2026-11-20")).json();
    const csv = await call(loc.ctx.MANAGER, "from=2026-11-20&to=2026-11-20", "text/csv");
    expect(csv.headers.get("content-disposition")).toContain("tables-2026-11-20.csv");
    const table = parseCsvTable((await csv.text()).replace(/^\uFEFF/, ""), { required: TABLES_CSV_COLUMNS });
    expect(table.errors).toEqual([]);
    expect(table.rows.at(-1)!.values).toMatchObject({
      area: "TOTAL",
      seats: "12",
      turns: String(json.total.turns),
      covers: String(json.total.covers),
      average_seated_minutes: "80",
      covers_per_seat_hour: "0.093",
      previous_turns: "1",
    });
    expect(table.rows.slice(0, -1).reduce((s, r) => s + Number(r.values.turns), 0)).toBe(4);
  });

  it("answers 403 to a server and 400 to a bad preset", async () => {
    expect((await call(loc.ctx.SERVER, "preset=last-week")).status).toBe(403);
    const bad = await call(loc.ctx.MANAGER, "preset=fortnight");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.preset[0]).toMatch(/One of/);
  });
});
