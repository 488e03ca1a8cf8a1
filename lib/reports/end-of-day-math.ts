// The Z report's arithmetic and CSV shape: pure, client-safe, unit-tested. The sums themselves
// come from SQL (end-of-day.ts); this turns them into the figures people read.
import { addDays, isoDate, parseIsoDate } from "../time/zoned";

export const TENDERS = ["CASH", "CARD", "HOUSE_ACCOUNT"] as const;
export type Tender = (typeof TENDERS)[number];
export const TENDER_LABEL: Record<Tender, string> = { CASH: "Cash", CARD: "Card", HOUSE_ACCOUNT: "House account" };

/** What SQL sums per business day (absent = zero). */
export type DaySums = {
  checks: number;
  covers: number;
  grossCents: number;
  discountCents: number;
  compCents: number;
  serviceChargeCents: number;
  /** Online delivery fees on the paid checks (in totalCents, not in sales). */
  deliveryFeeCents: number;
  taxCents: number;
  totalCents: number;
  voids: number;
  voidCents: number;
  refunds: number;
  refundCents: number;
  refundTipCents: number;
  openChecks: number;
  openDueCents: number;
  tenders: Record<Tender, { count: number; amountCents: number; tipCents: number }>;
};

export const emptyDay = (): DaySums => ({
  checks: 0,
  covers: 0,
  grossCents: 0,
  discountCents: 0,
  compCents: 0,
  serviceChargeCents: 0,
  deliveryFeeCents: 0,
  taxCents: 0,
  totalCents: 0,
  voids: 0,
  voidCents: 0,
  refunds: 0,
  refundCents: 0,
  refundTipCents: 0,
  openChecks: 0,
  openDueCents: 0,
  tenders: {
    CASH: { count: 0, amountCents: 0, tipCents: 0 },
    CARD: { count: 0, amountCents: 0, tipCents: 0 },
    HOUSE_ACCOUNT: { count: 0, amountCents: 0, tipCents: 0 },
  },
});

/** Net sales = gross − discounts − comps (before service charge and tax; refunds are reported apart). */
export function withDerived(s: DaySums) {
  const netSalesCents = s.grossCents - s.discountCents - s.compCents;
  const tipsCents = TENDERS.reduce((sum, t) => sum + s.tenders[t].tipCents, 0);
  const paymentsCents = TENDERS.reduce((sum, t) => sum + s.tenders[t].amountCents, 0);
  return {
    ...s,
    netSalesCents,
    tipsCents,
    paymentsCents,
    averageCheckCents: s.checks ? Math.round(netSalesCents / s.checks) : 0,
    averageCoverCents: s.covers ? Math.round(netSalesCents / s.covers) : 0,
  };
}
export type DayFigures = ReturnType<typeof withDerived>;

/** Adds day sums together (a range's totals). */
export function sumDays(a: DaySums, b: DaySums): DaySums {
  const out = emptyDay();
  for (const k of Object.keys(out) as (keyof DaySums)[]) {
    if (k === "tenders") continue;
    out[k] = a[k] + b[k];
  }
  for (const t of TENDERS) {
    out.tenders[t] = {
      count: a.tenders[t].count + b.tenders[t].count,
      amountCents: a.tenders[t].amountCents + b.tenders[t].amountCents,
      tipCents: a.tenders[t].tipCents + b.tenders[t].tipCents,
    };
  }
  return out;
}

/** Every business date from `from` to `to`, inclusive (ISO strings). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = parseIsoDate(from); isoDate(d) <= to; d = addDays(d, 1)) out.push(isoDate(d));
  return out;
}

export const END_OF_DAY_CSV_COLUMNS = [
  "business_date",
  "checks",
  "covers",
  "gross_sales",
  "discounts",
  "comps",
  "net_sales",
  "service_charge",
  "delivery_fees",
  "tax",
  "tips",
  "refunds",
  "voids_count",
  "voids",
  "average_check",
  "cash",
  "card",
  "house_account",
  "open_checks",
  "open_due",
  "currency",
] as const;

/** One CSV row per business day (money in major units, two decimals), then a TOTAL row when there are several. */
export function endOfDayCsvRows(
  days: readonly (DayFigures & { date: string })[],
  total: DayFigures,
  currency: string,
): (string | number)[][] {
  const money = (c: number) => (c / 100).toFixed(2);
  const row = (label: string, d: DayFigures) => [
    label,
    d.checks,
    d.covers,
    money(d.grossCents),
    money(d.discountCents),
    money(d.compCents),
    money(d.netSalesCents),
    money(d.serviceChargeCents),
    money(d.deliveryFeeCents),
    money(d.taxCents),
    money(d.tipsCents),
    money(d.refundCents + d.refundTipCents),
    d.voids,
    money(d.voidCents),
    money(d.averageCheckCents),
    money(d.tenders.CASH.amountCents),
    money(d.tenders.CARD.amountCents),
    money(d.tenders.HOUSE_ACCOUNT.amountCents),
    d.openChecks,
    money(d.openDueCents),
    currency,
  ];
  const rows = days.map((d) => row(d.date, d));
  if (days.length > 1) rows.push(row("TOTAL", total));
  return rows;
}
