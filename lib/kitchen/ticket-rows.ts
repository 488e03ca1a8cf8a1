import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TicketItemRow } from "./station-routing";

/**
 * What the kitchen may read of an order item: no price, tax or total field is selected, so no
 * kitchen page, API answer or event can leak one (tested in kitchen.int.test.ts).
 */
export const TICKET_ITEM_SELECT = {
  id: true,
  orderId: true,
  fireBatch: true,
  firedAt: true,
  stationId: true,
  name: true,
  quantity: true,
  seat: true,
  course: true,
  notes: true,
  status: true,
  bumpedAt: true,
  voidReason: true,
  station: { select: { name: true } },
  modifiers: { select: { name: true } },
  menuItem: { select: { allergens: true } },
  order: { select: { number: true, notes: true, table: { select: { label: true } }, server: { select: { name: true } } } },
} satisfies Prisma.OrderItemSelect;

type Row = Prisma.OrderItemGetPayload<{ select: typeof TICKET_ITEM_SELECT }>;

export function toTicketRow(r: Row): TicketItemRow {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.order.number,
    fireBatch: r.fireBatch ?? 0,
    firedAt: r.firedAt ?? new Date(0),
    stationId: r.stationId,
    stationName: r.station?.name ?? null,
    name: r.name,
    quantity: r.quantity,
    seat: r.seat,
    course: r.course,
    notes: r.notes,
    status: r.status,
    bumpedAt: r.bumpedAt,
    voidReason: r.voidReason,
    modifiers: r.modifiers.map((m) => m.name),
    allergens: r.menuItem.allergens,
    tableLabel: r.order.table?.label ?? null,
    serverName: r.order.server?.name ?? null,
    orderNotes: r.order.notes,
  };
}
