import { describe, expect, it } from "vitest";
import { datesBetween, emptyDay, END_OF_DAY_CSV_COLUMNS, endOfDayCsvRows, sumDays, withDerived } from "./end-of-day-math";

const day = (over: Partial<ReturnType<typeof emptyDay>>) => ({ ...emptyDay(), ...over });

describe("end-of-day math", () => {
  it("derives net sales, tips and averages", () => {
    const d = withDerived(
      day({
        checks: 3,
        covers: 7,
        grossCents: 10000,
        discountCents: 1000,
        compCents: 500,
        tenders: {
          CASH: { count: 1, amountCents: 4000, tipCents: 0 },
          CARD: { count: 2, amountCents: 6000, tipCents: 1200 },
          HOUSE_ACCOUNT: { count: 0, amountCents: 0, tipCents: 0 },
        },
      }),
    );
    expect(d.netSalesCents).toBe(8500);
    expect(d.tipsCents).toBe(1200);
    expect(d.paymentsCents).toBe(10000);
    expect(d.averageCheckCents).toBe(2833);
    expect(d.averageCoverCents).toBe(1214);
    expect(withDerived(emptyDay()).averageCheckCents).toBe(0);
  });

  it("adds days, tenders included", () => {
    const a = day({ checks: 1, grossCents: 100 });
    a.tenders.CARD = { count: 1, amountCents: 100, tipCents: 15 };
    const b = day({ checks: 2, grossCents: 250, voids: 1 });
    b.tenders.CARD = { count: 2, amountCents: 250, tipCents: 30 };
    const s = sumDays(a, b);
    expect(s).toMatchObject({ checks: 3, grossCents: 350, voids: 1 });
    expect(s.tenders.CARD).toEqual({ count: 3, amountCents: 350, tipCents: 45 });
    expect(a.tenders.CARD.count).toBe(1);
  });

  it("lists the dates of a range across a month end", () => {
    expect(datesBetween("2026-11-29", "2026-12-02")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(datesBetween("2026-12-01", "2026-12-01")).toEqual(["2026-12-01"]);
  });

  it("writes one CSV row per day and a total for a range", () => {
    const d1 = { date: "2026-11-29", ...withDerived(day({ checks: 1, grossCents: 1234 })) };
    const d2 = { date: "2026-11-30", ...withDerived(day({ checks: 1, grossCents: 66 })) };
    const total = withDerived(sumDays(d1, d2));
    const rows = endOfDayCsvRows([d1, d2], total, "USD");
    expect(rows.map((r) => r[0])).toEqual(["2026-11-29", "2026-11-30", "TOTAL"]);
    expect(rows[2][3]).toBe("13.00");
    expect(endOfDayCsvRows([d1], withDerived(d1), "USD")).toHaveLength(1);
  });

  it("writes the delivery fees in their own column, per day and in the total, apart from sales", () => {
    const d1 = { date: "2026-11-29", ...withDerived(day({ checks: 1, grossCents: 3500, deliveryFeeCents: 399 })) };
    const d2 = { date: "2026-11-30", ...withDerived(day({ checks: 1, grossCents: 1000 })) };
    const rows = endOfDayCsvRows([d1, d2], withDerived(sumDays(d1, d2)), "USD");
    const col = (name: (typeof END_OF_DAY_CSV_COLUMNS)[number]) => END_OF_DAY_CSV_COLUMNS.indexOf(name);
    expect(END_OF_DAY_CSV_COLUMNS.slice(col("service_charge"), col("tax") + 1)).toEqual([
      "service_charge",
      "delivery_fees",
      "tax",
    ]);
    expect(rows.map((r) => r[col("delivery_fees")])).toEqual(["3.99", "0.00", "3.99"]);
    expect(rows.map((r) => r[col("net_sales")])).toEqual(["35.00", "10.00", "45.00"]);
    expect(rows.every((r) => r.length === END_OF_DAY_CSV_COLUMNS.length)).toBe(true);
  });
});
