import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import type { DayRules } from "../time/business-day";
import { emptyDay, type DaySums, type Tender } from "./end-of-day-math";
import { businessDateSql } from "./report-context";

/**
 * How money is grouped: an SQL expression giving each row's group key (text). `at` is the time
 * the money was recorded (paid, voided, refunded, taken); the expression may instead read the
 * order (`o`) and, with `join: "table"`, its dining table (`t`).
 */
export type SalesKey = {
  sql: (at: Prisma.Sql) => Prisma.Sql;
  join: "none" | "order" | "table";
};

/** The business date (YYYY-MM-DD) the money was recorded on: the end-of-day report's grouping. */
export const byBusinessDate = (rules: DayRules): SalesKey => ({
  sql: (at) => businessDateSql(at, rules),
  join: "none",
});

export type SalesRange = { locationId: string; start: Date; end: Date };

const orderJoin = (key: SalesKey, orderId: Prisma.Sql) =>
  key.join === "none"
    ? Prisma.empty
    : key.join === "order"
      ? Prisma.sql`JOIN "Order" o ON o.id = ${orderId}`
      : Prisma.sql`JOIN "Order" o ON o.id = ${orderId} LEFT JOIN "DiningTable" t ON t.id = o."tableId"`;

/**
 * The money of a span, summed per group in SQL — the one place the sales rules live (the
 * end-of-day report, the sales report and the dashboard read them from here): checks paid (by
 * paidAt), voided lines (by voidedAt), refunds and payments (by their time), and what orders
 * opened in the span still owe.
 */
export async function sumSales(
  { locationId, start, end }: SalesRange,
  key: SalesKey,
  /** "checks": only the paid checks' money (a comparison's net sales); "paid": all but the open orders. */
  parts: "all" | "paid" | "checks" = "all",
): Promise<Map<string, DaySums>> {
  const k = key.sql;
  const skip = <T>(when: boolean, q: () => Promise<T[]>): Promise<T[]> => (when ? Promise.resolve([]) : q());
  const [checks, voids, refunds, payments, open] = await Promise.all([
    db.$queryRaw<
      {
        k: string;
        checks: bigint;
        covers: bigint;
        gross: bigint;
        discount: bigint;
        comp: bigint;
        service: bigint;
        fee: bigint;
        tax: bigint;
        total: bigint;
      }[]
    >`
      WITH c AS (
        SELECT ${k(Prisma.sql`c."paidAt"`)} AS k, c."orderId", c."subtotalCents", c."discountCents", c."compCents",
          c."serviceChargeCents", c."deliveryFeeCents", c."taxCents", c."totalCents"
        FROM "Check" c ${orderJoin(key, Prisma.sql`c."orderId"`)}
        WHERE c."locationId" = ${locationId} AND c.status = 'PAID' AND c."paidAt" >= ${start} AND c."paidAt" < ${end}
      ),
      -- Guests of one order count once per group, however many of its checks were paid there. The
      -- scalar subquery looks orders up by key instead of hashing every order of the location.
      cov AS (
        SELECT x.k, SUM((SELECT o2."guestCount" FROM "Order" o2 WHERE o2.id = x."orderId")) AS covers
        FROM (SELECT DISTINCT k, "orderId" FROM c) x
        GROUP BY x.k
      )
      SELECT c.k, COUNT(*)::bigint AS checks, COALESCE(MAX(cov.covers), 0)::bigint AS covers,
        SUM("subtotalCents")::bigint AS gross, SUM("discountCents")::bigint AS discount,
        SUM("compCents")::bigint AS comp, SUM("serviceChargeCents")::bigint AS service,
        SUM("deliveryFeeCents")::bigint AS fee,
        SUM("taxCents")::bigint AS tax, SUM("totalCents")::bigint AS total
      FROM c LEFT JOIN cov ON cov.k = c.k GROUP BY c.k`,
    skip(parts === "checks", () => db.$queryRaw<{ k: string; n: bigint; cents: bigint }[]>`
      SELECT ${k(Prisma.sql`i."voidedAt"`)} AS k, COUNT(*)::bigint AS n,
        SUM((i."unitPriceCents" + i."modifiersCents") * i.quantity)::bigint AS cents
      FROM "OrderItem" i ${orderJoin(key, Prisma.sql`i."orderId"`)}
      WHERE i."locationId" = ${locationId} AND i.status = 'VOIDED' AND i."voidedAt" >= ${start} AND i."voidedAt" < ${end}
      GROUP BY 1`),
    skip(parts === "checks", () => db.$queryRaw<{ k: string; n: bigint; cents: bigint; tips: bigint }[]>`
      SELECT ${k(Prisma.sql`r."createdAt"`)} AS k, COUNT(*)::bigint AS n,
        SUM(r."amountCents")::bigint AS cents, SUM(r."tipCents")::bigint AS tips
      FROM "Refund" r
      ${key.join === "none" ? Prisma.empty : Prisma.sql`JOIN "Payment" p ON p.id = r."paymentId"`}
      ${orderJoin(key, Prisma.sql`p."orderId"`)}
      WHERE r."locationId" = ${locationId} AND r."createdAt" >= ${start} AND r."createdAt" < ${end}
      GROUP BY 1`),
    skip(parts === "checks", () => db.$queryRaw<{ k: string; tender: Tender; n: bigint; cents: bigint; tips: bigint }[]>`
      SELECT ${k(Prisma.sql`p."createdAt"`)} AS k, p.tender::text AS tender, COUNT(*)::bigint AS n,
        SUM(p."amountCents")::bigint AS cents, SUM(p."tipCents")::bigint AS tips
      FROM "Payment" p ${orderJoin(key, Prisma.sql`p."orderId"`)}
      WHERE p."locationId" = ${locationId} AND p."createdAt" >= ${start} AND p."createdAt" < ${end}
      GROUP BY 1, 2`),
    skip(parts !== "all", () => db.$queryRaw<{ k: string; n: bigint; due: bigint }[]>`
      SELECT ${k(Prisma.sql`o."openedAt"`)} AS k, COUNT(*)::bigint AS n,
        SUM(o."dueCents" - o."paidCents")::bigint AS due
      FROM "Order" o ${key.join === "table" ? Prisma.sql`LEFT JOIN "DiningTable" t ON t.id = o."tableId"` : Prisma.empty}
      WHERE o."locationId" = ${locationId} AND o."dueCents" > o."paidCents"
        -- not CLOSED or VOIDED, written so that it uses (locationId, status)
        AND o.status IN ('OPEN', 'SENT', 'IN_PROGRESS', 'READY', 'SERVED')
        AND o."openedAt" >= ${start} AND o."openedAt" < ${end}
      GROUP BY 1`),
  ]);
  const groups = new Map<string, DaySums>();
  const group = (g: string) => groups.get(g) ?? groups.set(g, emptyDay()).get(g)!;
  const n = (v: bigint | number | null) => Number(v ?? 0);
  for (const r of checks) {
    Object.assign(group(r.k), {
      checks: n(r.checks),
      covers: n(r.covers),
      grossCents: n(r.gross),
      discountCents: n(r.discount),
      compCents: n(r.comp),
      serviceChargeCents: n(r.service),
      deliveryFeeCents: n(r.fee),
      taxCents: n(r.tax),
      totalCents: n(r.total),
    });
  }
  for (const r of voids) Object.assign(group(r.k), { voids: n(r.n), voidCents: n(r.cents) });
  for (const r of refunds) Object.assign(group(r.k), { refunds: n(r.n), refundCents: n(r.cents), refundTipCents: n(r.tips) });
  for (const r of open) Object.assign(group(r.k), { openChecks: n(r.n), openDueCents: n(r.due) });
  for (const r of payments) group(r.k).tenders[r.tender] = { count: n(r.n), amountCents: n(r.cents), tipCents: n(r.tips) };
  return groups;
}
