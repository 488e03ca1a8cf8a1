import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { computeChecks, type TaxLine } from "./check-math";
import { loadCheckState, mathInput, paidOf, type CheckState } from "./load-check-state";
import { refreshChecks } from "./refresh-checks";

export type CheckView = Awaited<ReturnType<typeof getOrderChecks>>["checks"][number];
export type OrderChecksView = Awaited<ReturnType<typeof getOrderChecks>>;

/**
 * An order's checks as the check panel, the API and receipts show them: lines with their shares,
 * discounts, payments, balances, computed live from the items (paid checks as frozen).
 */
export async function getOrderChecks(ctx: Ctx, input: { orderId: string }) {
  assertCan(ctx, "orders.read");
  let state = await loadCheckState(db, input.orderId, ctx.locationId);
  if (!state) throw notFound("Order");
  if (state.checks.length === 0) {
    // An order made outside the order pad (imports, old data): give it its first check once.
    await db.$transaction((tx) => refreshChecks(tx, { id: input.orderId, locationId: ctx.locationId }), TX_OPTIONS);
    state = (await loadCheckState(db, input.orderId, ctx.locationId))!;
  }
  return present(state, ctx.locationId);
}

/** One check with its order and the location's receipt header (receipts, guest checks, PDFs). */
export async function getCheckForReceipt(ctx: Ctx, input: { checkId: string }) {
  assertCan(ctx, "orders.read");
  const check = await db.check.findFirst({
    where: { id: input.checkId, locationId: ctx.locationId },
    select: { orderId: true },
  });
  if (!check) throw notFound("Check");
  const view = await getOrderChecks(ctx, { orderId: check.orderId });
  return { ...view, check: view.checks.find((c) => c.id === input.checkId)! };
}

async function present(state: CheckState, locationId: string) {
  const computed = computeChecks(mathInput(state));
  const [order, modifiers] = await Promise.all([
    db.order.findUniqueOrThrow({
      where: { id: state.id },
      select: {
        number: true,
        status: true,
        source: true,
        guestCount: true,
        openedAt: true,
        closedAt: true,
        dueCents: true,
        paidCents: true,
        paymentState: true,
        table: { select: { id: true, label: true } },
        server: { select: { id: true, name: true } },
        location: {
          select: {
            name: true,
            address: true,
            taxId: true,
            currency: true,
            timezone: true,
            tipSuggestionsBps: true,
            tenders: true,
          },
        },
      },
    }),
    db.orderItemModifier.findMany({
      where: { orderItem: { orderId: state.id } },
      select: { orderItemId: true, name: true, priceDeltaCents: true },
    }),
  ]);
  const people = [
    ...new Set(
      state.checks.flatMap((c) => [
        ...c.discounts.flatMap((d) => [d.createdById, d.approvedById]),
        ...c.payments.map((p) => p.createdById),
      ]),
    ),
  ].filter((id): id is string => !!id);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const itemById = new Map(state.items.map((i) => [i.id, i]));
  const { location, ...head } = order;
  const checks = state.checks
    .filter((c) => c.status !== "VOIDED")
    .map((c) => {
      const figures = computed.find((x) => x.checkId === c.id)!;
      const paid = paidOf(c.payments);
      return {
        id: c.id,
        number: c.number,
        label: c.label || `Check ${c.number}`,
        status: c.status,
        subtotalCents: figures.subtotalCents,
        discountCents: figures.discountCents,
        compCents: figures.compCents,
        serviceChargeCents: figures.serviceChargeCents,
        serviceChargeName: figures.serviceChargeName,
        deliveryFeeCents: figures.deliveryFeeCents,
        taxCents: figures.taxCents,
        taxLines: figures.taxLines as TaxLine[],
        totalCents: figures.totalCents,
        ...paid,
        // A paid check owes nothing, even after a refund (money given back, not owed).
        balanceCents: c.status === "PAID" ? 0 : Math.max(0, figures.totalCents - paid.paidCents),
        paidAt: c.paidAt,
        lines: figures.lines.map((l) => {
          const item = itemById.get(l.orderItemId)!;
          return {
            ...l,
            seat: item.seat,
            course: item.course,
            itemStatus: item.status,
            modifiers: modifiers.filter((m) => m.orderItemId === l.orderItemId).map((m) => m.name),
          };
        }),
        discounts: c.discounts.map((d) => ({
          id: d.id,
          orderItemId: d.orderItemId,
          itemName: d.orderItemId ? (itemById.get(d.orderItemId)?.name ?? null) : null,
          kind: d.kind,
          value: d.value,
          comp: d.comp,
          reason: d.reason,
          amountCents: figures.discountAmounts[d.id] ?? d.amountCents,
          createdByName: names.get(d.createdById) ?? null,
          approvedByName: d.approvedById ? (names.get(d.approvedById) ?? null) : null,
        })),
        payments: c.payments.map((p) => ({ ...p, createdByName: names.get(p.createdById) ?? null })),
      };
    });
  return {
    order: {
      id: state.id,
      ...head,
      owedCents: Math.max(
        0,
        checks.reduce((a, c) => a + c.balanceCents, 0),
      ),
    },
    location: { id: locationId, ...location },
    checks,
  };
}
