import "server-only";
import type { Course } from "@/generated/prisma/enums";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { applyStockForFiredItems, type FiredItem } from "../inventory/apply-stock-for-fired-items";
import type { StockEffects } from "../inventory/stock-effects";
import type { LockedOrder } from "./lock-order";
import { enqueueKitchenChits } from "../printing/kitchen-chits";

export type Fired = {
  fireBatch: number;
  itemIds: string[];
  stationIds: (string | null)[];
  forStock: FiredItem[];
  /** Kitchen chits queued with this fire (kick the print queue after commit when > 0). */
  chits: number;
};

/** Which of the order's lines to fire: every line in a status, a held course, or given lines. */
export type FireWhich = { status: "PENDING" | "HELD"; course?: Course; ids?: string[] };

type FireRow = {
  id: string;
  menuItemId: string;
  quantity: number;
  stationId: string | null;
  menuItemName: string;
  menuItemIs86d: boolean;
  modifiers: { modifierId: string; stationId: string | null; name: string; is86d: boolean }[];
};

/**
 * Put the order's items matching `which` on a new kitchen ticket (none → null): SENT, the order's next fire batch, firedAt now. Items no
 * station cooks (no station on the item or its category) are marked done at once (bumpedAt),
 * so expo is not left waiting for them. Refuses items 86'd since they were added. Stock is
 * deducted separately by `deductStock`, as late as possible in the transaction.
 */
export async function fireItems(
  tx: Tx,
  ctx: Actor,
  order: Pick<LockedOrder, "id" | "lastFireBatch">,
  which: FireWhich,
): Promise<Fired | null> {
  const orderId = order.id;
  // Hand-written (the read and the update run on every send and every course fired): the nested
  // ORM read and two updateMany cost more CPU to compile and map than the SQL (docs/adr/0048).
  const rows = await tx.$queryRaw<FireRow[]>`
    SELECT oi.id, oi."menuItemId", oi.quantity, oi."stationId",
           mi.name AS "menuItemName", mi."is86d" AS "menuItemIs86d",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'modifierId', om."modifierId", 'stationId', om."stationId", 'name', m.name, 'is86d', m."is86d")
                   )
             FROM "OrderItemModifier" om JOIN "Modifier" m ON m.id = om."modifierId"
             WHERE om."orderItemId" = oi.id
           ), '[]') AS modifiers
    FROM "OrderItem" oi JOIN "MenuItem" mi ON mi.id = oi."menuItemId"
    WHERE oi."orderId" = ${orderId} AND oi."locationId" = ${ctx.locationId}
      AND oi.status = ${which.status}::"OrderItemStatus"
      AND (${which.course ?? null}::"Course" IS NULL OR oi.course = ${which.course ?? null}::"Course")
      AND (${which.ids ?? null}::text[] IS NULL OR oi.id = ANY(${which.ids ?? null}::text[]))`;
  const items = rows.map((r) => ({
    id: r.id,
    menuItemId: r.menuItemId,
    quantity: r.quantity,
    stationId: r.stationId,
    menuItem: { name: r.menuItemName, is86d: r.menuItemIs86d },
    modifiers: r.modifiers.map((m) => ({
      modifierId: m.modifierId,
      stationId: m.stationId,
      modifier: { name: m.name, is86d: m.is86d },
    })),
  }));
  if (items.length === 0) return null;
  const sold = [
    ...items.filter((i) => i.menuItem.is86d).map((i) => i.menuItem.name),
    ...items.flatMap((i) =>
      i.modifiers.filter((m) => m.modifier.is86d).map((m) => `${i.menuItem.name} (${m.modifier.name})`),
    ),
  ];
  if (sold.length > 0) {
    throw new AppError(
      "UNAVAILABLE_ITEM",
      `86'd since it was added: ${[...new Set(sold)].join(", ")}. Remove it and send again.`,
    );
  }

  const fireBatch = order.lastFireBatch + 1; // read with the order's lock: no one else fires it meanwhile
  const now = new Date();
  // Lines no station cooks are done at once (bumpedAt): expo is not left waiting for them.
  await tx.$executeRaw`
    UPDATE "OrderItem"
       SET status = 'SENT', "fireBatch" = ${fireBatch}, "firedAt" = ${now}, "updatedAt" = ${now},
           "bumpedAt" = CASE WHEN "stationId" IS NULL THEN ${now}::timestamp(3) ELSE "bumpedAt" END
     WHERE id = ANY(${items.map((i) => i.id)}::text[])`;

  // Stations making a routed option (a side at the fryer) get the ticket too.
  const stationIds = [
    ...new Set([
      ...items.map((i) => i.stationId),
      ...items.flatMap((i) => i.modifiers.flatMap((m) => (m.stationId ? [m.stationId] : []))),
    ]),
  ];
  // Stations with a kitchen printer get a chit (queued with the send, printed after commit).
  const chits = await enqueueKitchenChits(tx, {
    locationId: ctx.locationId,
    orderId,
    fireBatch,
    stationIds: stationIds.filter((s): s is string => s !== null),
    createdById: ctx.userId,
  });

  return {
    fireBatch,
    itemIds: items.map((i) => i.id),
    stationIds,
    chits,
    forStock: items.map((i) => ({
      orderItemId: i.id,
      menuItemId: i.menuItemId,
      quantity: i.quantity,
      modifierIds: i.modifiers.map((m) => m.modifierId),
    })),
  };
}

/**
 * Inventory's hook, inside the same transaction (OUT_OF_STOCK rolls the whole send back). Called
 * last before the events: stock rows stay locked until commit, and every send touches the same
 * few ingredients, so the shorter that tail, the less concurrent sends queue behind each other.
 * The effects (auto-86'd items, low stock) are published after commit with the order's events.
 */
export async function deductStock(tx: Tx, ctx: Actor, fired: Fired | null): Promise<StockEffects | null> {
  if (!fired) return null;
  return applyStockForFiredItems(tx, ctx, fired.forStock);
}
