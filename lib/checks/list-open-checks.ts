import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/**
 * The cashier's worklist: every order of the location still open, with what it owes, how much
 * is paid and how long it has been open (oldest first: they are the ones waiting).
 */
export async function listOpenChecks(ctx: Ctx) {
  assertCan(ctx, "orders.read");
  const orders = await db.order.findMany({
    where: { locationId: ctx.locationId, status: { notIn: ["CLOSED", "VOIDED"] } },
    orderBy: { openedAt: "asc" },
    take: 500,
    select: {
      id: true,
      number: true,
      status: true,
      source: true,
      guestCount: true,
      openedAt: true,
      dueCents: true,
      paidCents: true,
      paymentState: true,
      table: { select: { id: true, label: true } },
      server: { select: { id: true, name: true } },
      checks: { where: { status: { not: "VOIDED" } }, select: { id: true, status: true } },
    },
  });
  return orders.map(({ checks, ...o }) => ({
    ...o,
    owedCents: o.paymentState === "PAID" ? 0 : Math.max(0, o.dueCents - o.paidCents),
    checkCount: checks.length,
    paidCheckCount: checks.filter((c) => c.status === "PAID").length,
  }));
}
export type OpenCheckRow = Awaited<ReturnType<typeof listOpenChecks>>[number];
