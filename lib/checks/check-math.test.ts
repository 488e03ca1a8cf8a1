import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals } from "../orders/totals";
import {
  allocate,
  computeChecks,
  NEW_CHECK,
  orderDue,
  type MathCheck,
  type MathItem,
  type MathLine,
} from "./check-math";

const item = (id: string, cents: number, over: Partial<MathItem> = {}): MathItem => ({
  id,
  name: id,
  unitPriceCents: cents,
  modifiersCents: 0,
  quantity: 1,
  taxRateBps: null,
  ...over,
});
const check = (id: string, number: number, over: Partial<MathCheck> = {}): MathCheck => ({
  id,
  number,
  status: "OPEN",
  ...over,
});
const base = { lines: [], discounts: [], locationRateBps: 825, serviceCharge: null };

describe("allocate", () => {
  it("shares by largest remainder and never loses a cent", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(100, [1, 1, 1], 1)).toEqual([33, 34, 33]);
    expect(allocate(100, [1, 1, 1], 2)).toEqual([33, 33, 34]);
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
    expect(allocate(0, [1, 1])).toEqual([0, 0]);
  });

  it("sums to the total for any weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(20),
        (total, weights, rotate) => {
          const shares = allocate(total, weights, rotate);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) => expect(Math.abs(s - (total * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });
});

describe("one implicit check", () => {
  it("matches the order's own totals", () => {
    const items = [item("a", 1250), item("b", 999, { taxRateBps: 0 }), item("c", 450, { quantity: 3 })];
    const [only] = computeChecks({ ...base, items, checks: [] });
    const order = computeTotals(items, 825);
    expect(only!.checkId).toBe(NEW_CHECK);
    expect(only!.subtotalCents).toBe(order.subtotalCents);
    expect(only!.taxCents).toBe(order.taxCents);
    expect(only!.totalCents).toBe(order.totalCents);
  });

  it("skips voided lines", () => {
    const [only] = computeChecks({ ...base, items: [item("a", 1000), item("b", 500, { voided: true })], checks: [] });
    expect(only!.subtotalCents).toBe(1000);
    expect(only!.lines.map((l) => l.orderItemId)).toEqual(["a"]);
  });
});

describe("splits", () => {
  it("splits evenly into three with the odd cents spread over the checks", () => {
    const items = [item("a", 1000), item("b", 1000), item("c", 1000)];
    const checks = [check("c1", 1), check("c2", 2), check("c3", 3)];
    const lines = items.flatMap((i) => checks.map((c) => ({ checkId: c.id, orderItemId: i.id, parts: 1 })));
    const out = computeChecks({ ...base, items, checks, lines });
    expect(out.map((c) => c.subtotalCents)).toEqual([1000, 1000, 1000]);
    expect(orderDue(out)).toBe(computeTotals(items, 825).totalCents);
  });

  it("puts unplaced items on the first open check, after paid ones", () => {
    const frozen = {
      subtotalCents: 500,
      discountCents: 0,
      compCents: 0,
      serviceChargeCents: 0,
      serviceChargeName: null,
      deliveryFeeCents: 0,
      taxCents: 41,
      totalCents: 541,
      taxLines: [{ rateBps: 825, baseCents: 500, taxCents: 41 }],
    };
    const out = computeChecks({
      ...base,
      items: [item("a", 500), item("b", 700)],
      checks: [check("c1", 1, { status: "PAID", frozen }), check("c2", 2)],
      lines: [{ checkId: "c1", orderItemId: "a", parts: 1 }],
    });
    expect(out[0]!.totalCents).toBe(541);
    expect(out[1]!.lines.map((l) => l.orderItemId)).toEqual(["b"]);
  });

  it("makes a new check for items when every check is paid", () => {
    const out = computeChecks({ ...base, items: [item("a", 500)], checks: [check("c1", 1, { status: "PAID" })] });
    expect(out.map((c) => c.checkId)).toContain(NEW_CHECK);
    expect(out.find((c) => c.checkId === NEW_CHECK)!.number).toBe(2);
  });

  it("never loses or invents a cent, whatever the split (property)", () => {
    const itemArb = fc.record({
      cents: fc.integer({ min: 1, max: 200_000 }),
      quantity: fc.integer({ min: 1, max: 9 }),
      rate: fc.constantFrom(null, 0, 825, 1000, 2000),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.constantFrom(0, 825, 1025),
        (raw, n, partsTable, locationRate) => {
          const items = raw.map((r, i) => item(`i${i}`, r.cents, { quantity: r.quantity, taxRateBps: r.rate }));
          const checks = Array.from({ length: n }, (_, i) => check(`c${i + 1}`, i + 1));
          const lines: MathLine[] = [];
          items.forEach((it, i) =>
            checks.forEach((c, j) => {
              const parts = partsTable[i]![j]!;
              if (parts > 0) lines.push({ checkId: c.id, orderItemId: it.id, parts });
            }),
          );
          const out = computeChecks({ ...base, locationRateBps: locationRate, items, checks, lines });
          const order = computeTotals(items, locationRate);
          expect(out.reduce((a, c) => a + c.subtotalCents, 0)).toBe(order.subtotalCents);
          expect(out.reduce((a, c) => a + c.taxCents, 0)).toBe(order.taxCents);
          expect(orderDue(out)).toBe(order.totalCents);
          for (const c of out) expect(c.totalCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("discounts, comps and service charge", () => {
  it("comps a line, discounts the check by percent, and taxes what is left", () => {
    const [c] = computeChecks({
      ...base,
      items: [item("steak", 3000), item("cake", 900)],
      checks: [check("c1", 1)],
      discounts: [
        { id: "d1", checkId: "c1", orderItemId: "cake", kind: "PERCENT", value: 10_000, comp: true },
        { id: "d2", checkId: "c1", orderItemId: null, kind: "PERCENT", value: 1000, comp: false },
      ],
    });
    expect(c!.compCents).toBe(900);
    expect(c!.discountCents).toBe(300);
    expect(c!.taxCents).toBe(223); // 8.25 % of 2 700 = 222.75 → 223
    expect(c!.totalCents).toBe(3900 - 900 - 300 + 223);
    expect(c!.discountAmounts).toEqual({ d1: 900, d2: 300 });
  });

  it("caps an amount discount at what is left", () => {
    const [c] = computeChecks({
      ...base,
      items: [item("a", 500)],
      checks: [check("c1", 1)],
      discounts: [{ id: "d", checkId: "c1", orderItemId: null, kind: "AMOUNT", value: 9000, comp: false }],
    });
    expect(c!.discountCents).toBe(500);
    expect(c!.totalCents).toBe(0);
  });

  it("adds the service charge on the discounted subtotal, untaxed unless the rule says so", () => {
    const input = {
      ...base,
      items: [item("a", 10_000)],
      checks: [check("c1", 1)],
      discounts: [{ id: "d", checkId: "c1", orderItemId: null, kind: "AMOUNT" as const, value: 1000, comp: false }],
      serviceCharge: { name: "Large party", rateBps: 1800 },
    };
    const [plain] = computeChecks(input);
    expect(plain!.serviceChargeCents).toBe(1620);
    expect(plain!.taxCents).toBe(743); // 8.25 % of 9 000 = 742.5 → 743
    const [taxed] = computeChecks({ ...input, serviceCharge: { ...input.serviceCharge, taxable: true } });
    expect(taxed!.taxCents).toBe(876); // 8.25 % of 10 620 = 876.15 → 876
    const [waived] = computeChecks({ ...input, checks: [check("c1", 1, { serviceChargeWaived: true })] });
    expect(waived!.serviceChargeCents).toBe(0);
  });

  it("shares a check discount across tax rates so each rate's tax falls with it", () => {
    const [c] = computeChecks({
      ...base,
      items: [item("food", 1000, { taxRateBps: 1000 }), item("water", 1000, { taxRateBps: 0 })],
      checks: [check("c1", 1)],
      discounts: [{ id: "d", checkId: "c1", orderItemId: null, kind: "PERCENT", value: 5000, comp: false }],
    });
    expect(c!.taxLines).toEqual([
      { rateBps: 0, baseCents: 500, taxCents: 0 },
      { rateBps: 1000, baseCents: 500, taxCents: 50 },
    ]);
  });

  it("keeps the checks adding up with discounts on some of them (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.record({ check: fc.nat(3), pct: fc.integer({ min: 1, max: 10_000 }) }), { maxLength: 4 }),
        (prices, n, discounts) => {
          const items = prices.map((p, i) => item(`i${i}`, p));
          const checks = Array.from({ length: n }, (_, i) => check(`c${i + 1}`, i + 1));
          const lines = items.map((it, i) => ({ checkId: checks[i % n]!.id, orderItemId: it.id, parts: 1 }));
          const out = computeChecks({
            ...base,
            items,
            checks,
            lines,
            discounts: discounts.map((d, i) => ({
              id: `d${i}`,
              checkId: checks[d.check % n]!.id,
              orderItemId: null,
              kind: "PERCENT" as const,
              value: d.pct,
              comp: false,
            })),
          });
          const net = out.reduce((a, c) => a + c.subtotalCents - c.discountCents - c.compCents, 0);
          const tax = out.reduce((a, c) => a + c.taxCents, 0);
          expect(Math.abs(tax - Math.round((net * 825) / 10_000))).toBeLessThanOrEqual(1);
          for (const c of out) {
            expect(c.totalCents).toBe(c.subtotalCents - c.discountCents - c.compCents + c.taxCents);
            expect(c.totalCents).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe("delivery fee", () => {
  const fee = { cents: 399, rateBps: 825 };

  it("is a taxed line of the only check, matching the order's own totals", () => {
    const items = [item("a", 1250), item("b", 999, { taxRateBps: 0 })];
    const [only] = computeChecks({ ...base, items, checks: [check("c1", 1)], deliveryFee: fee });
    const order = computeTotals(items, 825, fee);
    expect(only!.deliveryFeeCents).toBe(399);
    expect(only!.subtotalCents).toBe(2249);
    // 8.25 % of 1 250 + 399 = 136.04 → 136 (rounded once with the items of its rate)
    expect(only!.taxCents).toBe(136);
    expect(only!.taxLines).toContainEqual({ rateBps: 825, baseCents: 1649, taxCents: 136 });
    expect(only!.totalCents).toBe(2249 + 399 + 136);
    expect(only!.totalCents).toBe(order.totalCents);
    expect(only!.taxCents).toBe(order.taxCents);
  });

  it("is taxed at its own rate, and not at all at 0", () => {
    const items = [item("a", 1000)];
    const [own] = computeChecks({ ...base, items, checks: [], deliveryFee: { cents: 500, rateBps: 2000 } });
    expect(own!.taxLines).toEqual([
      { rateBps: 825, baseCents: 1000, taxCents: 83 },
      { rateBps: 2000, baseCents: 500, taxCents: 100 },
    ]);
    const [untaxed] = computeChecks({ ...base, items, checks: [], deliveryFee: { cents: 500, rateBps: 0 } });
    expect(untaxed!.taxCents).toBe(83);
    expect(untaxed!.totalCents).toBe(1000 + 500 + 83);
  });

  it("is not discounted by a percent or an amount discount, nor service-charged, nor comped", () => {
    const [c] = computeChecks({
      ...base,
      items: [item("a", 2000), item("b", 1000)],
      checks: [check("c1", 1)],
      discounts: [
        { id: "comp", checkId: "c1", orderItemId: "b", kind: "PERCENT", value: 10_000, comp: true },
        { id: "pct", checkId: "c1", orderItemId: null, kind: "PERCENT", value: 5000, comp: false },
        { id: "amt", checkId: "c1", orderItemId: null, kind: "AMOUNT", value: 99_999, comp: false },
      ],
      serviceCharge: { name: "Service", rateBps: 1000 },
      deliveryFee: fee,
    });
    expect(c!.discountAmounts).toEqual({ comp: 1000, pct: 1000, amt: 1000 });
    expect(c!.serviceChargeCents).toBe(0);
    expect(c!.deliveryFeeCents).toBe(399);
    expect(c!.taxCents).toBe(33); // 8.25 % of the fee alone: 32.92 → 33
    expect(c!.totalCents).toBe(399 + 33);
  });

  it("stays once on the first open check when the order is split", () => {
    const items = [item("a", 1000), item("b", 1000)];
    const checks = [check("c1", 1), check("c2", 2)];
    const lines = items.flatMap((i) => checks.map((c) => ({ checkId: c.id, orderItemId: i.id, parts: 1 })));
    const out = computeChecks({ ...base, items, checks, lines, deliveryFee: fee });
    expect(out.map((c) => c.deliveryFeeCents)).toEqual([399, 0]);
    expect(orderDue(out)).toBe(computeTotals(items, 825, fee).totalCents);
    // Check 1 made empty and voided: the fee moves to the first check still open.
    const moved = computeChecks({
      ...base,
      items,
      checks: [check("c1", 1, { status: "VOIDED" }), check("c2", 2)],
      lines: items.map((i) => ({ checkId: "c2", orderItemId: i.id, parts: 1 })),
      deliveryFee: fee,
    });
    expect(moved.map((c) => [c.checkId, c.deliveryFeeCents])).toEqual([["c2", 399]]);
  });

  it("is not owed again once the check that carried it is paid", () => {
    const items = [item("a", 1000), item("b", 1000)];
    const open = computeChecks({
      ...base,
      items,
      checks: [check("c1", 1), check("c2", 2)],
      lines: [
        { checkId: "c1", orderItemId: "a", parts: 1 },
        { checkId: "c2", orderItemId: "b", parts: 1 },
      ],
      deliveryFee: fee,
    });
    const { checkId: _id, number: _n, status: _s, lines: _l, discountAmounts: _d, ...frozen } = open[0]!;
    const out = computeChecks({
      ...base,
      items,
      checks: [check("c1", 1, { status: "PAID", frozen }), check("c2", 2)],
      lines: [
        { checkId: "c1", orderItemId: "a", parts: 1 },
        { checkId: "c2", orderItemId: "b", parts: 1 },
      ],
      deliveryFee: fee,
    });
    expect(out.map((c) => c.deliveryFeeCents)).toEqual([399, 0]);
    expect(orderDue(out)).toBe(computeTotals(items, 825, fee).totalCents);
  });

  it("is not owed again on an order whose checks were all paid before fees rode on checks", () => {
    const frozen = {
      subtotalCents: 1000,
      discountCents: 0,
      compCents: 0,
      serviceChargeCents: 0,
      serviceChargeName: null,
      deliveryFeeCents: 0,
      taxCents: 83,
      totalCents: 1083,
      taxLines: [{ rateBps: 825, baseCents: 1000, taxCents: 83 }],
    };
    const paid = [check("c1", 1, { status: "PAID" as const, frozen })];
    const lines = [{ checkId: "c1", orderItemId: "a", parts: 1 }];
    const out = computeChecks({ ...base, items: [item("a", 1000)], checks: paid, lines, deliveryFee: fee });
    expect(out.map((c) => c.checkId)).toEqual(["c1"]);
    // Reopened, the check owes the fee again (it takes it as the first open check).
    const [reopened] = computeChecks({ ...base, items: [item("a", 1000)], checks: [check("c1", 1)], deliveryFee: fee });
    expect(reopened!.deliveryFeeCents).toBe(399);
  });

  it("never loses or invents a cent with a fee, whatever the split (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom(0, 825, 1000, 2000),
        (prices, n, feeCents, feeRate) => {
          const items = prices.map((p, i) => item(`i${i}`, p, { taxRateBps: i % 2 ? 1000 : null }));
          const checks = Array.from({ length: n }, (_, i) => check(`c${i + 1}`, i + 1));
          const lines = items.map((it, i) => ({ checkId: checks[(i + 1) % n]!.id, orderItemId: it.id, parts: 1 }));
          const deliveryFee = { cents: feeCents, rateBps: feeRate };
          const out = computeChecks({ ...base, items, checks, lines, deliveryFee });
          const order = computeTotals(items, 825, deliveryFee);
          expect(out.reduce((a, c) => a + c.deliveryFeeCents, 0)).toBe(feeCents);
          expect(out[0]!.deliveryFeeCents).toBe(feeCents);
          expect(out.reduce((a, c) => a + c.taxCents, 0)).toBe(order.taxCents);
          expect(orderDue(out)).toBe(order.totalCents);
        },
      ),
      { numRuns: 200 },
    );
  });
});
