import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Allergen, Course, OrderItemStatus } from "@/generated/prisma/enums";
import { db } from "../db";
import { ALLERGY_NOTE, type TicketItemRow } from "./station-routing";
import { targetFor, type Thresholds } from "./ticket-timer";

/**
 * What the kitchen may read of an order item: no price, tax or total field is selected, so no
 * kitchen page, API answer or event can leak one (tested in kitchen.int.test.ts).
 */
const ORDER_SELECT = {
  select: {
    number: true,
    notes: true,
    table: { select: { label: true } },
    server: { select: { name: true } },
    // An online order's ticket shows its source, promised time and first name: never phone or address.
    source: true,
    online: { select: { customerFirstName: true, promisedAt: true } },
  },
} as const;
const STATION_SELECT = { select: { name: true, warnMinutes: true, lateMinutes: true } } as const;
const MODIFIER_SELECT = {
  select: {
    name: true,
    stationId: true,
    bumpedAt: true,
    station: { select: { name: true } },
    modifier: { select: { removesIngredientId: true } },
  },
} as const;

export const TICKET_ITEM_SELECT = {
  id: true,
  orderId: true,
  fireBatch: true,
  firedAt: true,
  stationId: true,
  name: true,
  quantity: true,
  seat: true,
  guestLabel: true,
  course: true,
  notes: true,
  status: true,
  bumpedAt: true,
  voidReason: true,
  station: STATION_SELECT,
  modifiers: MODIFIER_SELECT,
  menuItem: { select: { allergens: true, prepMinutes: true } },
  order: ORDER_SELECT,
} satisfies Prisma.OrderItemSelect;

/** A routed option (a side made at another station) as a line of that station's ticket. */
export const TICKET_COMPONENT_SELECT = {
  id: true,
  name: true,
  stationId: true,
  bumpedAt: true,
  station: STATION_SELECT,
  modifier: { select: { recipeItem: { select: { name: true, prepMinutes: true, allergens: true } } } },
  orderItem: {
    select: {
      orderId: true,
      fireBatch: true,
      firedAt: true,
      name: true,
      quantity: true,
      seat: true,
      guestLabel: true,
      course: true,
      notes: true,
      status: true,
      voidReason: true,
      order: ORDER_SELECT,
    },
  },
} satisfies Prisma.OrderItemModifierSelect;

type ItemRow = Prisma.OrderItemGetPayload<{ select: typeof TICKET_ITEM_SELECT }>;
type ComponentRow = Prisma.OrderItemModifierGetPayload<{ select: typeof TICKET_COMPONENT_SELECT }>;

type FlatItemRow = Omit<ItemRow, "station" | "modifiers" | "menuItem" | "order"> & {
  stationName: string | null;
  stationWarnMinutes: number | null;
  stationLateMinutes: number | null;
  allergens: Allergen[];
  prepMinutes: number | null;
  orderNumber: number;
  orderNotes: string;
  tableLabel: string | null;
  serverName: string | null;
  orderSource: ItemRow["order"]["source"];
  onlineFirstName: string | null;
  onlinePromisedAt: Date | null;
  modifiers: {
    name: string;
    stationId: string | null;
    bumpedAt: string | null;
    stationName: string | null;
    removesIngredientId: string | null;
  }[];
};

/**
 * TICKET_ITEM_SELECT's rows by id (in firing order), read by hand-written SQL: a station's screen
 * reads a page of them on every refetch, and the ORM's nested select (order, table, server,
 * station, dish, options) cost more CPU to compile and map than the database spent on it.
 * Same fields, no price.
 */
export async function ticketItemRows(ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<FlatItemRow[]>`
    SELECT i.id, i."orderId", i."fireBatch", i."firedAt", i."stationId", i.name, i.quantity, i.seat, i."guestLabel",
      i.course::text AS course, i.notes, i.status::text AS status, i."bumpedAt", i."voidReason",
      st.name AS "stationName", st."warnMinutes" AS "stationWarnMinutes", st."lateMinutes" AS "stationLateMinutes",
      COALESCE(mi.allergens::text[], ARRAY[]::text[]) AS allergens, mi."prepMinutes",
      o.number AS "orderNumber", o.notes AS "orderNotes", t.label AS "tableLabel", u.name AS "serverName",
      o.source::text AS "orderSource", oo."customerFirstName" AS "onlineFirstName", oo."promisedAt" AS "onlinePromisedAt",
      COALESCE((
        SELECT json_agg(json_build_object('name', m.name, 'stationId', m."stationId", 'bumpedAt', m."bumpedAt" AT TIME ZONE 'UTC',
          'stationName', ms.name, 'removesIngredientId', md."removesIngredientId"))
        FROM "OrderItemModifier" m JOIN "Modifier" md ON md.id = m."modifierId"
          LEFT JOIN "KitchenStation" ms ON ms.id = m."stationId"
        WHERE m."orderItemId" = i.id
      ), '[]'::json) AS modifiers
    FROM "OrderItem" i JOIN "MenuItem" mi ON mi.id = i."menuItemId" JOIN "Order" o ON o.id = i."orderId"
      LEFT JOIN "KitchenStation" st ON st.id = i."stationId"
      LEFT JOIN "DiningTable" t ON t.id = o."tableId" LEFT JOIN "User" u ON u.id = o."serverId"
      LEFT JOIN "OnlineOrder" oo ON oo."orderId" = o.id
    WHERE i.id = ANY(${ids}::text[])
    ORDER BY i."firedAt" ASC, i.id ASC`;
  return rows.map((r) => ({
    id: r.id,
    orderId: r.orderId,
    fireBatch: r.fireBatch,
    firedAt: r.firedAt,
    stationId: r.stationId,
    name: r.name,
    quantity: r.quantity,
    seat: r.seat,
    guestLabel: r.guestLabel,
    course: r.course as Course,
    notes: r.notes,
    status: r.status as OrderItemStatus,
    bumpedAt: r.bumpedAt,
    voidReason: r.voidReason,
    station:
      r.stationId === null || r.stationName === null
        ? null
        : { name: r.stationName, warnMinutes: r.stationWarnMinutes, lateMinutes: r.stationLateMinutes },
    modifiers: r.modifiers.map((m) => ({
      name: m.name,
      stationId: m.stationId,
      bumpedAt: m.bumpedAt === null ? null : new Date(m.bumpedAt),
      station: m.stationName === null ? null : { name: m.stationName },
      modifier: { removesIngredientId: m.removesIngredientId },
    })),
    menuItem: { allergens: r.allergens, prepMinutes: r.prepMinutes },
    order: {
      number: r.orderNumber,
      notes: r.orderNotes,
      table: r.tableLabel === null ? null : { label: r.tableLabel },
      server: r.serverName === null ? null : { name: r.serverName },
      source: r.orderSource,
      online:
        r.onlinePromisedAt === null
          ? null
          : { customerFirstName: r.onlineFirstName ?? "", promisedAt: r.onlinePromisedAt },
    },
  }));
}

export function toTicketRow(r: ItemRow, location: Thresholds): TicketItemRow {
  return {
    id: r.id,
    kind: "item",
    orderId: r.orderId,
    orderNumber: r.order.number,
    fireBatch: r.fireBatch ?? 0,
    firedAt: r.firedAt ?? new Date(0),
    stationId: r.stationId,
    stationName: r.station?.name ?? null,
    name: r.name,
    forItem: null,
    quantity: r.quantity,
    seat: r.seat,
    guestLabel: r.guestLabel,
    course: r.course,
    notes: r.notes,
    status: r.status,
    bumpedAt: r.bumpedAt,
    voidReason: r.voidReason,
    modifiers: r.modifiers.map((m) => ({
      name: m.name,
      removal: m.modifier.removesIngredientId != null,
      stationName: m.stationId ? (m.station?.name ?? null) : null,
      done: m.stationId != null && m.bumpedAt != null,
    })),
    allergens: r.menuItem.allergens,
    target: targetFor(r.menuItem.prepMinutes, r.station, location),
    tableLabel: r.order.table?.label ?? null,
    serverName: r.order.server?.name ?? null,
    orderNotes: r.order.notes,
    online: onlineOf(r.order),
  };
}

/** An online order's facts for its ticket (source, promised time, first name); null for the rest. */
function onlineOf(order: ItemRow["order"]): TicketItemRow["online"] {
  if (!order.online || (order.source !== "PICKUP" && order.source !== "DELIVERY")) return null;
  return { source: order.source, firstName: order.online.customerFirstName, promisedAt: order.online.promisedAt };
}

/** The option counts under its dish's name (all day: fries ordered as a side are fries). */
export function toComponentRow(c: ComponentRow, location: Thresholds): TicketItemRow {
  const dish = c.modifier.recipeItem;
  const parent = c.orderItem;
  return {
    id: c.id,
    kind: "component",
    orderId: parent.orderId,
    orderNumber: parent.order.number,
    fireBatch: parent.fireBatch ?? 0,
    firedAt: parent.firedAt ?? new Date(0),
    stationId: c.stationId,
    stationName: c.station?.name ?? null,
    name: dish?.name ?? c.name,
    forItem: parent.name,
    quantity: parent.quantity,
    seat: parent.seat,
    guestLabel: parent.guestLabel,
    course: parent.course,
    // An allergy note on the dish must reach every station making part of it; other notes stay with the dish.
    notes: ALLERGY_NOTE.test(parent.notes) ? parent.notes : "",
    status: parent.status,
    bumpedAt: c.bumpedAt,
    voidReason: parent.voidReason,
    modifiers: [],
    allergens: dish?.allergens ?? [],
    target: targetFor(dish?.prepMinutes, c.station, location),
    tableLabel: parent.order.table?.label ?? null,
    serverName: parent.order.server?.name ?? null,
    orderNotes: parent.order.notes,
    online: onlineOf(parent.order),
  };
}
