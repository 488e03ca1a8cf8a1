// The labour report to the cent and the minute: punches minus unpaid breaks on the business day
// of the clock-in (a chef's night past midnight stays on the evening), cost at each rate, a host
// without a rate counted but not costed, scheduled shifts, net sales from paid checks; the REST
// route's CSV totals and its refusal of junk.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { Role } from "@/generated/prisma/client";
import { getLabourReport } from "@/lib/reports/labour-report";
import { parseCsv } from "@/lib/csv/parse";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildOrderWithChecks } from "./builders/money";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

/** A November 2026 instant, UTC (the location's zone; business days cut at 04:00). */
const at = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h, m));
const PERIOD = { from: "2026-11-09", to: "2026-11-10" };

let loc: BuiltLocation;
let other: BuiltLocation;
let sam: StaffMember;
let cleo: StaffMember;
let hana: StaffMember;

async function punch(
  locationId: string,
  who: StaffMember,
  role: Role,
  clockInAt: Date,
  clockOutAt: Date,
  breaks: { startedAt: Date; endedAt: Date; paid?: boolean }[] = [],
) {
  await testDb().timePunch.create({
    data: { locationId, userId: who.userId, role, clockInAt, clockOutAt, breaks: { create: breaks } },
  });
}

async function rate(locationId: string, who: StaffMember, hourlyRateCents: number) {
  await testDb().membership.update({
    where: { userId_locationId: { userId: who.userId, locationId } },
    data: { hourlyRateCents },
  });
}

beforeAll(async () => {
  loc = await buildLocation({ timezone: "UTC" });
  other = await buildLocation({ timezone: "UTC" });
  sam = await addStaff(loc, "SERVER", { name: "Sam" });
  cleo = await addStaff(loc, "CHEF", { name: "Cleo" });
  hana = await addStaff(loc, "HOST", { name: "Hana" }); // no hourly rate
  await rate(loc.id, sam, 1500);
  await rate(loc.id, cleo, 2400);
  // Sam, the 9th: 8 h on the clock, a 30 min unpaid break and a 15 min paid one → 7:30, 112.50.
  await punch(loc.id, sam, "SERVER", at(9, 10), at(9, 18), [
    { startedAt: at(9, 13), endedAt: at(9, 13, 30) },
    { startedAt: at(9, 15), endedAt: at(9, 15, 15), paid: true },
  ]);
  // Cleo, 16:00 on the 9th to 01:00 on the 10th: the 9th's business day, 9 h → 216.00.
  await punch(loc.id, cleo, "CHEF", at(9, 16), at(10, 1));
  // Cleo, the 10th: 4:20 → 104.00. Hana, the 10th: 4 h, not costed.
  await punch(loc.id, cleo, "CHEF", at(10, 9), at(10, 13, 20));
  await punch(loc.id, hana, "HOST", at(10, 17), at(10, 21));
  // Outside: the 11th (after the 04:00 cut-off) and the 8th (the previous period: 4 h → 60.00).
  await punch(loc.id, sam, "SERVER", at(11, 4), at(11, 8));
  await punch(loc.id, sam, "SERVER", at(8, 10), at(8, 14));
  // Scheduled: Sam 8 h and Cleo 9 h on the 9th.
  await testDb().shift.createMany({
    data: [
      { locationId: loc.id, userId: sam.userId, role: "SERVER", startsAt: at(9, 10), endsAt: at(9, 18) },
      { locationId: loc.id, userId: cleo.userId, role: "CHEF", startsAt: at(9, 16), endsAt: at(10, 1) },
    ],
  });
  // Net sales: 600.00 − 50.00 discount on the 9th; 300.00 on the 10th.
  const by = loc.staff.CASHIER.userId;
  await buildOrderWithChecks(loc.id, {
    createdById: by,
    checks: [
      {
        subtotalCents: 60000,
        discountCents: 5000,
        paidAt: at(9, 19),
        payments: [{ tender: "CARD", amountCents: 55000 }],
      },
    ],
  });
  await buildOrderWithChecks(loc.id, {
    createdById: by,
    checks: [{ subtotalCents: 30000, paidAt: at(10, 20), payments: [{ tender: "CASH", amountCents: 30000 }] }],
  });
  // Another location's hours are not ours.
  const stranger = await addStaff(other, "CHEF");
  await rate(other.id, stranger, 9999);
  await punch(other.id, stranger, "CHEF", at(9, 8), at(9, 20));
});

describe("getLabourReport", () => {
  it("adds up hours, cost, labour % and sales per labour hour by day", async () => {
    const r = await getLabourReport(loc.ctx.MANAGER, PERIOD);
    expect(r.days).toEqual([
      expect.objectContaining({
        date: "2026-11-09",
        scheduledMinutes: 1020,
        workedMinutes: 990,
        costCents: 32850,
        netSalesCents: 55000,
        salesPerLabourHourCents: 3333,
      }),
      expect.objectContaining({
        date: "2026-11-10",
        scheduledMinutes: 0,
        workedMinutes: 500,
        costCents: 10400,
        uncostedMinutes: 240,
        netSalesCents: 30000,
        salesPerLabourHourCents: 3600,
      }),
    ]);
    expect(r.days[0].labourPct).toBeCloseTo(32850 / 55000, 10);
    expect(r.totals).toMatchObject({
      scheduledMinutes: 1020,
      workedMinutes: 1490,
      costCents: 43250,
      uncostedMinutes: 240,
      netSalesCents: 85000,
      salesPerLabourHourCents: Math.round((85000 * 60) / 1490),
    });
    expect(r.totals.labourPct).toBeCloseTo(43250 / 85000, 10);
    expect(r.previous).toMatchObject({ workedMinutes: 240, costCents: 6000, netSalesCents: 0, labourPct: null });
  });

  it("splits by role", async () => {
    const r = await getLabourReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "role" });
    expect(
      r.roles.map((x) => [x.role, x.people, x.scheduledMinutes, x.workedMinutes, x.costCents, x.uncostedMinutes]),
    ).toEqual([
      ["CHEF", 1, 540, 800, 32000, 0],
      ["SERVER", 1, 480, 450, 11250, 0],
      ["HOST", 1, 0, 240, 0, 240],
    ]);
    expect(r.roles[0].labourPct).toBeCloseTo(32000 / 85000, 10);
  });

  it("is for managers only", async () => {
    await expectAppError(getLabourReport(loc.ctx.SERVER, PERIOD), "FORBIDDEN");
  });
});

describe("GET /api/v1/reports/labour", () => {
  async function get(query: string) {
    state.ctx = loc.ctx.MANAGER;
    const { GET } = await import("@/app/api/v1/reports/labour/route");
    return GET(new NextRequest(`http://localhost/api/v1/reports/labour?${query}`), { params: Promise.resolve({}) });
  }
  const rows = (text: string) => {
    const [head, ...body] = parseCsv(text).records;
    return body.map((r) => Object.fromEntries(head.fields.map((h, i) => [h, r.fields[i]])));
  };

  it("answers CSV by day with a TOTAL row equal to the totals on screen", async () => {
    const res = await get(`from=${PERIOD.from}&to=${PERIOD.to}&format=csv`);
    expect(res.status).toBe(200);
    const csv = rows(await res.text());
    expect(csv.map((r) => r.date)).toEqual(["2026-11-09", "2026-11-10", "TOTAL"]);
    expect(csv[2]).toMatchObject({
      worked_hours: "24.83",
      labour_cost: "432.50",
      net_sales: "850.00",
      labour_pct: "50.9",
    });
  });

  it("answers CSV by role", async () => {
    const csv = rows(await (await get(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=role&format=csv`)).text());
    expect(csv.map((r) => r.role)).toEqual(["CHEF", "SERVER", "HOST", "TOTAL"]);
    expect(csv[3]).toMatchObject({ labour_cost: "432.50", uncosted_hours: "4.00" });
  });

  it("answers 400 with field messages for junk", async () => {
    const res = await get("groupBy=week&preset=fortnight");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["groupBy", "preset"]));
  });
});
