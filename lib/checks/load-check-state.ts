import "server-only";
import type { Tx } from "../db";
import { readServiceChargeRules, serviceChargeFor } from "../locations/service-charge-rules";
import type { ChecksInput, FrozenFigures, TaxLine } from "./check-math";

/** Everything the check arithmetic needs about one order, read in one query (inside its transaction). */
export async function loadCheckState(tx: Tx, orderId: string, locationId: string) {
  const order = await tx.order.findFirst({
    where: { id: orderId, locationId },
    select: {
      id: true,
      number: true,
      guestCount: true,
      status: true,
      tableId: true,
      serverId: true,
      deliveryFeeCents: true,
      deliveryFeeTaxRateBps: true,
      location: { select: { taxRateBps: true, serviceChargeRules: true } },
      items: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          unitPriceCents: true,
          modifiersCents: true,
          quantity: true,
          taxRateBps: true,
          status: true,
          seat: true,
          course: true,
        },
      },
      checks: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          label: true,
          status: true,
          serviceChargeWaived: true,
          subtotalCents: true,
          discountCents: true,
          compCents: true,
          serviceChargeCents: true,
          serviceChargeName: true,
          deliveryFeeCents: true,
          taxCents: true,
          totalCents: true,
          taxLines: true,
          paidCents: true,
          tipCents: true,
          refundedCents: true,
          paidAt: true,
          lines: { select: { orderItemId: true, parts: true } },
          discounts: {
            where: { removedAt: null },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              orderItemId: true,
              kind: true,
              value: true,
              comp: true,
              reason: true,
              amountCents: true,
              createdById: true,
              approvedById: true,
              createdAt: true,
            },
          },
          payments: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              tender: true,
              amountCents: true,
              tipCents: true,
              tenderedCents: true,
              changeCents: true,
              cardBrand: true,
              cardLast4: true,
              reference: true,
              provider: true,
              refundedCents: true,
              refundedTipCents: true,
              createdById: true,
              createdAt: true,
            },
          },
        },
      },
    },
  });
  return order;
}

export type CheckState = NonNullable<Awaited<ReturnType<typeof loadCheckState>>>;

/** The arithmetic's input from a loaded order. */
export function mathInput(state: CheckState): ChecksInput {
  const rules = readServiceChargeRules(state.location.serviceChargeRules);
  return {
    items: state.items.map((i) => ({ ...i, voided: i.status === "VOIDED" })),
    checks: state.checks.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      serviceChargeWaived: c.serviceChargeWaived,
      frozen: c.status === "PAID" ? frozenOf(c) : null,
    })),
    lines: state.checks.flatMap((c) => c.lines.map((l) => ({ ...l, checkId: c.id }))),
    discounts: state.checks.flatMap((c) =>
      c.discounts.map((d) => ({
        id: d.id,
        checkId: c.id,
        orderItemId: d.orderItemId,
        kind: d.kind,
        value: d.value,
        comp: d.comp,
      })),
    ),
    locationRateBps: state.location.taxRateBps,
    serviceCharge: serviceChargeFor(rules, state.guestCount),
    deliveryFee: { cents: state.deliveryFeeCents, rateBps: state.deliveryFeeTaxRateBps },
  };
}

function frozenOf(c: CheckState["checks"][number]): FrozenFigures {
  return {
    deliveryFeeCents: c.deliveryFeeCents,
    subtotalCents: c.subtotalCents,
    discountCents: c.discountCents,
    compCents: c.compCents,
    serviceChargeCents: c.serviceChargeCents,
    serviceChargeName: c.serviceChargeName,
    taxCents: c.taxCents,
    totalCents: c.totalCents,
    taxLines: Array.isArray(c.taxLines) ? (c.taxLines as TaxLine[]) : [],
  };
}

/** What payments put towards a check (refunds taken off), and its tips. */
export function paidOf(payments: CheckState["checks"][number]["payments"]) {
  return {
    paidCents: payments.reduce((a, p) => a + p.amountCents - p.refundedCents, 0),
    tipCents: payments.reduce((a, p) => a + p.tipCents - p.refundedTipCents, 0),
    refundedCents: payments.reduce((a, p) => a + p.refundedCents, 0),
  };
}
