import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";

import { findStation } from "./find-station";
import { snapshotQuerySchema, type SnapshotQueryInput } from "./schemas";
import { groupTickets, summarizeBoard, ticketKey, visibleAt, type BoardLine } from "./station-routing";
import { TICKET_COMPONENT_SELECT, TICKET_ITEM_SELECT, toComponentRow, toTicketRow } from "./ticket-rows";
import { assertCan } from "../auth/permissions";

/** Voided lines stay on a station's screen (struck through) until acknowledged, at most this long. */
export const VOID_VISIBLE_MS = 30 * 60_000;
const RECALL_WINDOW_MS = 2 * 3600_000;

/** Expo neither shows nor waits for items of stations that hand out their own (a bar). Mirrored in SQL by `SHOWN_AT_EXPO_SQL`. */
export const SHOWN_AT_EXPO: Prisma.OrderItemWhereInput = {
  OR: [{ stationId: null }, { station: { showOnExpo: true } }],
};
/** The same rule for boardLines' hand-written read (`i` = the order line, `s` = its station). */
const SHOWN_AT_EXPO_SQL = Prisma.sql`(i."stationId" IS NULL OR s."showOnExpo")`;

/**
 * A station's screen: one page of its live tickets (oldest first), "all day" counts and chime
 * markers for the whole board, the last bumped tickets (for recall), and the event seq the
 * snapshot is current to. The seq is read FIRST: anything committed after it may or may not be
 * in the tickets, and will arrive (or be replayed) as an event with a higher seq, which only
 * triggers a harmless refetch. The answer is bounded by the page size whatever the backlog
 * (ADR 0012); the board's lines are read in their narrowest form to page and count. Never selects a price.
 */
export async function getStationSnapshot(ctx: Ctx, raw: SnapshotQueryInput) {
  assertCan(ctx, "kitchen.work");
  const { station: slug, offset: wanted, limit } = parseInput(snapshotQuerySchema, raw);
  const counter = await db.locationCounter.findUnique({
    where: { locationId: ctx.locationId },
    select: { eventSeq: true },
  });
  const seq = counter?.eventSeq ?? 0;
  const [station, location] = await Promise.all([
    findStation(ctx, slug),
    db.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: { kdsWarnMinutes: true, kdsLateMinutes: true },
    }),
  ]);
  const thresholds = { warnMinutes: location.kdsWarnMinutes, lateMinutes: location.kdsLateMinutes };

  const now = Date.now();
  const lines = await boardLines(ctx.locationId, station, new Date(now - VOID_VISIBLE_MS));
  const board = summarizeBoard(lines, station.isExpo);
  const offset = wanted < board.keys.length ? wanted : 0;
  const pageKeys = board.keys.slice(offset, offset + limit);
  // The page's lines are known from the board read: fetch their full rows by id.
  const pageKeySet = new Set(pageKeys.map((k) => k.key));
  const onPage = lines.filter((l) => pageKeySet.has(ticketKey(l.orderId, l.fireBatch)));
  const itemIds = onPage.filter((l) => !l.component).map((l) => l.lineId);
  const componentIds = onPage.filter((l) => l.component).map((l) => l.lineId);

  const [rows, componentRows, bumped] = await Promise.all([
    itemIds.length
      ? db.orderItem.findMany({
          where: { id: { in: itemIds } },
          select: TICKET_ITEM_SELECT,
          orderBy: [{ firedAt: "asc" }, { id: "asc" }],
        })
      : [],
    componentIds.length
      ? db.orderItemModifier.findMany({ where: { id: { in: componentIds } }, select: TICKET_COMPONENT_SELECT })
      : [],
    recentlyBumpedRows(ctx, station, new Date(now - RECALL_WINDOW_MS)),
  ]);

  const visible = [
    ...rows.map((r) => toTicketRow(r, thresholds)),
    ...componentRows.map((c) => toComponentRow(c, thresholds)),
  ].filter((r) => r.kind === "component" || visibleAt(r, station));
  const tickets = groupTickets(visible).filter((t) => pageKeySet.has(t.key));

  const recentlyBumped: {
    key: string;
    orderId: string;
    fireBatch: number;
    orderNumber: number;
    tableLabel: string | null;
    bumpedAt: string;
  }[] = [];
  const live = new Set(board.keys.map((k) => k.key));
  for (const b of bumped) {
    const key = ticketKey(b.orderId, b.fireBatch);
    if (recentlyBumped.some((r) => r.key === key) || (!station.isExpo && live.has(key))) continue;
    recentlyBumped.push({
      key,
      orderId: b.orderId,
      fireBatch: b.fireBatch,
      orderNumber: b.orderNumber,
      tableLabel: b.tableLabel,
      bumpedAt: b.bumpedAt.toISOString(),
    });
    if (recentlyBumped.length === 5) break;
  }

  return {
    seq,
    serverTime: new Date(now).toISOString(),
    station: { id: station.id, slug: station.slug, name: station.name, isExpo: station.isExpo },
    thresholds,
    tickets,
    /** Which slice of the board this is: tickets [offset, offset + tickets.length) of ticketCount. */
    page: { offset, limit, ticketCount: board.keys.length },
    allDay: board.allDay,
    lastFiredAt: board.lastFiredAt,
    lastVoidAt: board.lastVoidAt,
    recentlyBumped,
  };
}

/** Bumped lately (newest first): a station's own lines and sides; at expo, tickets it passed. */
async function recentlyBumpedRows(ctx: Ctx, station: { id: string; isExpo: boolean }, since: Date) {
  const order = { select: { number: true, table: { select: { label: true } } } } as const;
  if (station.isExpo) {
    const rows = await db.orderItem.findMany({
      where: { locationId: ctx.locationId, status: "READY", bumpedAt: { gt: since }, ...SHOWN_AT_EXPO },
      select: { orderId: true, fireBatch: true, bumpedAt: true, order },
      orderBy: { bumpedAt: "desc" },
      take: 60,
    });
    return rows.map((r) => ({
      orderId: r.orderId,
      fireBatch: r.fireBatch ?? 0,
      bumpedAt: r.bumpedAt!,
      orderNumber: r.order.number,
      tableLabel: r.order.table?.label ?? null,
    }));
  }
  const [items, sides] = await Promise.all([
    db.orderItem.findMany({
      where: {
        locationId: ctx.locationId,
        stationId: station.id,
        status: { in: ["SENT", "READY"] },
        bumpedAt: { gt: since },
      },
      select: { orderId: true, fireBatch: true, bumpedAt: true, order },
      orderBy: { bumpedAt: "desc" },
      take: 60,
    }),
    db.orderItemModifier.findMany({
      where: {
        stationId: station.id,
        bumpedAt: { gt: since },
        orderItem: { locationId: ctx.locationId, status: "SENT" },
      },
      select: { bumpedAt: true, orderItem: { select: { orderId: true, fireBatch: true, order } } },
      orderBy: { bumpedAt: "desc" },
      take: 60,
    }),
  ]);
  return [
    ...items.map((r) => ({
      orderId: r.orderId,
      fireBatch: r.fireBatch ?? 0,
      bumpedAt: r.bumpedAt!,
      orderNumber: r.order.number,
      tableLabel: r.order.table?.label ?? null,
    })),
    ...sides.map((s) => ({
      orderId: s.orderItem.orderId,
      fireBatch: s.orderItem.fireBatch ?? 0,
      bumpedAt: s.bumpedAt!,
      orderNumber: s.orderItem.order.number,
      tableLabel: s.orderItem.order.table?.label ?? null,
    })),
  ].sort((a, b) => b.bumpedAt.getTime() - a.bumpedAt.getTime());
}

export type StationSnapshot = Awaited<ReturnType<typeof getStationSnapshot>>;

type RawBoardLine = Omit<BoardLine, "fireBatch" | "firedAt"> & { fireBatch: number | null; firedAt: Date | null };
/** A board line and which row it is: an order line, or an option routed here (OrderItemModifier). */
type LiveLine = BoardLine & { lineId: string; component: boolean };

/**
 * Every live line of the board in its narrowest form, to page, count and total "all day": the
 * station's own lines and the options routed to it (a side of fries for the grill's salmon).
 * Hand-written SQL: with hundreds of tickets open this runs on every refetch, and the ORM spent
 * most of the snapshot's time turning these rows into objects (ADR 0018). The page's full rows
 * are then read by the ids found here.
 */
async function boardLines(
  locationId: string,
  station: { id: string; isExpo: boolean },
  voidsSince: Date,
): Promise<LiveLine[]> {
  const fired = Prisma.sql`i."locationId" = ${locationId} AND i."firedAt" IS NOT NULL AND o.status <> 'CLOSED'`;
  const recentVoid = Prisma.sql`(i.status = 'VOIDED' AND i."voidedAt" > ${voidsSince})`;
  const cols = Prisma.sql`i."orderId", i."fireBatch", i."firedAt", i.status::text AS status, i."voidedAt", i.quantity`;
  const own = station.isExpo
    ? Prisma.sql`${SHOWN_AT_EXPO_SQL} AND (i.status = 'SENT' OR (${recentVoid} AND i."bumpedAt" IS NULL))`
    : Prisma.sql`i."stationId" = ${station.id} AND i."bumpedAt" IS NULL AND (i.status = 'SENT' OR ${recentVoid})`;
  const [items, components] = await Promise.all([
    db.$queryRaw<(RawBoardLine & { lineId: string; component: boolean })[]>`
      SELECT ${cols}, i.name, i."bumpedAt", i.id AS "lineId", false AS component
      FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" LEFT JOIN "KitchenStation" s ON s.id = i."stationId"
      WHERE ${fired} AND ${own}`,
    station.isExpo
      ? []
      : db.$queryRaw<(RawBoardLine & { lineId: string; component: boolean })[]>`
          SELECT ${cols}, COALESCE(r.name, m.name) AS name, m."bumpedAt", m.id AS "lineId", true AS component
          FROM "OrderItemModifier" m
          JOIN "OrderItem" i ON i.id = m."orderItemId" JOIN "Order" o ON o.id = i."orderId"
          LEFT JOIN "Modifier" md ON md.id = m."modifierId" LEFT JOIN "MenuItem" r ON r.id = md."recipeItemId"
          WHERE m."stationId" = ${station.id} AND m."bumpedAt" IS NULL AND ${fired} AND (i.status = 'SENT' OR ${recentVoid})`,
  ]);
  return [...items, ...components].map((l) => ({
    ...l,
    fireBatch: l.fireBatch ?? 0,
    firedAt: l.firedAt ?? new Date(0),
  }));
}
