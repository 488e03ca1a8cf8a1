// The demo's money (issue 11): reasons and limits, and paid checks on the three business days
// before today whose snapshots add up, so the Z report and the drawer history have data.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { listDrawerHistory } from "@/lib/cash/list-drawers";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, isoDate } from "@/lib/time/zoned";
import { DEMO_DISCOUNT_LIMITS, DEMO_DISCOUNT_REASONS } from "@/prisma/demo-money";
import { ctxFor, resetDb, seedFixture } from "./helpers";

beforeAll(async () => {
  await resetDb();
  await seedFixture();
});

describe("demo money", () => {
  it("seeds the reasons and the limits", async () => {
    const bistro = await db.location.findUniqueOrThrow({
      where: { slug: "demo-bistro" },
      include: { discountReasons: true },
    });
    expect(bistro.discountLimits).toEqual(DEMO_DISCOUNT_LIMITS);
    expect(bistro.discountReasons.map((r) => r.name).sort()).toEqual(DEMO_DISCOUNT_REASONS.map((r) => r.name).sort());
  });

  it("writes checks whose totals and payments agree, on each of the three previous business days", async () => {
    const checks = await db.check.findMany({ include: { payments: true, order: true } });
    expect(checks.length).toBeGreaterThanOrEqual(9);
    for (const c of checks) {
      expect(c.totalCents).toBe(c.subtotalCents - c.discountCents - c.compCents + c.serviceChargeCents + c.taxCents);
      expect(c.payments.reduce((s, p) => s + p.amountCents, 0)).toBe(c.paidCents);
      expect(c.paidCents).toBe(c.totalCents);
      expect(c.payments.reduce((s, p) => s + p.tipCents, 0)).toBe(c.tipCents);
      expect(c.order).toMatchObject({ status: "CLOSED", dueCents: c.totalCents, paidCents: c.totalCents });
    }
    const manager = await ctxFor("manager@demo.kitchen");
    const location = await db.location.findUniqueOrThrow({ where: { id: manager.locationId } });
    const today = businessDateOf(new Date(), {
      timeZone: location.timezone,
      cutoffHour: location.businessDayCutoffHour,
    });
    const report = await getEndOfDay(manager, { from: isoDate(addDays(today, -3)), to: isoDate(today) });
    expect(report.days.map((d) => d.checks > 0)).toEqual([true, true, true, false]);
    // The check paid at 01:10 belongs to the evening before.
    expect(report.days[0].checks).toBe(3);
    expect(report.days[2].checks).toBe(4);
    expect(report.total.tipsCents).toBeGreaterThan(0);
    const drawers = (await listDrawerHistory(manager, {})).drawers;
    expect(drawers).toHaveLength(3);
    expect(drawers.map((d) => d.varianceCents)).toEqual([0, -25, 0]);
  });

  it("does nothing on a second run", async () => {
    const before = await Promise.all([
      db.check.count(),
      db.payment.count(),
      db.discountReason.count(),
      db.cashDrawerSession.count(),
    ]);
    await seedFixture();
    expect(
      await Promise.all([
        db.check.count(),
        db.payment.count(),
        db.discountReason.count(),
        db.cashDrawerSession.count(),
      ]),
    ).toEqual(before);
  });
});
