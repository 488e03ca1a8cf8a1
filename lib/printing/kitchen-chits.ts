import "server-only";
import type { Tx } from "../db";
import { db } from "../db";
import { groupTickets } from "../kitchen/station-routing";
import { TICKET_COMPONENT_SELECT, TICKET_ITEM_SELECT, toComponentRow, toTicketRow } from "../kitchen/ticket-rows";
import { chitDocument } from "./chit-document";
import type { ChitSource, PrintDocument } from "./document";

/**
 * The send path's hook (lib/orders/fire-items.ts), inside its transaction: one INSERT … SELECT
 * queues a chit reference for every active kitchen printer of the stations that got items, and
 * inserts nothing at a location without one. The chit is rendered when the queue sends it, after
 * commit, so the send does no more work than this statement (ADR 0027).
 */
export async function enqueueKitchenChits(
  tx: Tx,
  input: { locationId: string; orderId: string; fireBatch: number; stationIds: string[]; createdById: string | null },
): Promise<number> {
  if (input.stationIds.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "PrintJob" (id, "locationId", "printerId", kind, title, document, "createdById")
    SELECT 'pj' || replace(gen_random_uuid()::text, '-', ''), p."locationId", p.id, 'KITCHEN_CHIT',
           'Order #' || o.number || ' · ' || s.name,
           jsonb_build_object('lines', '[]'::jsonb, 'source', jsonb_build_object(
             'kind', 'kitchen-chit', 'orderId', o.id, 'fireBatch', ${input.fireBatch}::int, 'stationId', p."stationId")),
           ${input.createdById}
      FROM "Printer" p
      JOIN "KitchenStation" s ON s.id = p."stationId"
      JOIN "Order" o ON o.id = ${input.orderId}
     WHERE p."locationId" = ${input.locationId} AND p.kind = 'KITCHEN' AND p."archivedAt" IS NULL
       AND p."stationId" = ANY(${input.stationIds}::text[])`;
}

/**
 * The void path's hook (lib/orders/void-order-item.ts), inside its transaction: a line the kitchen
 * already had is struck, so every kitchen printer of the stations making it (its own and those of
 * its routed options) prints a VOID chit. One INSERT … SELECT, nothing without kitchen printers.
 */
export async function enqueueVoidChits(
  tx: Tx,
  input: { locationId: string; orderItemId: string; createdById: string | null },
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "PrintJob" (id, "locationId", "printerId", kind, title, document, "createdById")
    SELECT 'pj' || replace(gen_random_uuid()::text, '-', ''), p."locationId", p.id, 'KITCHEN_CHIT',
           'VOID · Order #' || o.number || ' · ' || s.name,
           jsonb_build_object('lines', '[]'::jsonb, 'source', jsonb_build_object(
             'kind', 'kitchen-chit', 'orderId', o.id, 'fireBatch', i."fireBatch", 'stationId', p."stationId",
             'voidItemId', i.id)),
           ${input.createdById}
      FROM "OrderItem" i
      JOIN "Order" o ON o.id = i."orderId"
      JOIN "Printer" p ON p."locationId" = i."locationId" AND p.kind = 'KITCHEN' AND p."archivedAt" IS NULL
      JOIN "KitchenStation" s ON s.id = p."stationId"
     WHERE i.id = ${input.orderItemId} AND i."locationId" = ${input.locationId} AND i."fireBatch" IS NOT NULL
       AND (p."stationId" = i."stationId"
            OR p."stationId" IN (SELECT m."stationId" FROM "OrderItemModifier" m WHERE m."orderItemId" = i.id))`;
}

/** A chit's lines from the kitchen's own read of the ticket (no price is selected). */
export async function renderChitDocument(
  locationId: string,
  source: ChitSource,
  opts: { reprint?: boolean } = {},
): Promise<PrintDocument> {
  const [location, station, items, components] = await Promise.all([
    db.location.findUniqueOrThrow({
      where: { id: locationId },
      select: { timezone: true, kdsWarnMinutes: true, kdsLateMinutes: true },
    }),
    db.kitchenStation.findFirst({ where: { id: source.stationId, locationId }, select: { name: true } }),
    db.orderItem.findMany({
      where: {
        locationId,
        orderId: source.orderId,
        fireBatch: source.fireBatch,
        stationId: source.stationId,
        ...(source.voidItemId ? { id: source.voidItemId } : {}),
      },
      select: TICKET_ITEM_SELECT,
      orderBy: [{ firedAt: "asc" }, { id: "asc" }],
    }),
    db.orderItemModifier.findMany({
      where: {
        stationId: source.stationId,
        orderItem: { locationId, orderId: source.orderId, fireBatch: source.fireBatch },
        ...(source.voidItemId ? { orderItemId: source.voidItemId } : {}),
      },
      select: TICKET_COMPONENT_SELECT,
    }),
  ]);
  const thresholds = { warnMinutes: location.kdsWarnMinutes, lateMinutes: location.kdsLateMinutes };
  const rows = [
    ...items.map((r) => toTicketRow(r, thresholds)),
    ...components.map((c) => toComponentRow(c, thresholds)),
  ];
  const [ticket] = groupTickets(rows);
  const stationName = station?.name ?? "Kitchen";
  if (!ticket) {
    return {
      lines: [
        { kind: "text", text: stationName.toUpperCase(), align: "center", bold: true },
        { kind: "text", text: "Nothing left on this ticket (voided or moved).", align: "center" },
        { kind: "cut" },
      ],
    };
  }
  const firedAtLabel = new Intl.DateTimeFormat("en-GB", {
    timeZone: location.timezone,
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(ticket.firedAt));
  return chitDocument(ticket, { stationName, firedAtLabel, reprint: opts.reprint, voided: !!source.voidItemId });
}
