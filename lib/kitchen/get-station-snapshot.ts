import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";

import { notFound } from "../errors";
import { snapshotQuerySchema, type SnapshotQueryInput } from "./schemas";
import { groupTickets, summarizeBoard, ticketKey, visibleAt, type BoardLine } from "./station-routing";
import { TICKET_COMPONENT_SELECT, ticketItemRows, toComponentRow, toTicketRow } from "./ticket-rows";
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
  // The seq, the station and the location's thresholds in one read (every screen polls this).
  const [head] = await db.$queryRaw<SnapshotHead[]>`
    SELECT COALESCE(c."eventSeq", 0) AS seq, l."kdsWarnMinutes", l."kdsLateMinutes",
      s.id, s.slug, s.name, s."isExpo", s."showOnExpo", s."warnMinutes", s."lateMinutes"
    FROM "Location" l
      LEFT JOIN "LocationCounter" c ON c."locationId" = l.id
      LEFT JOIN "KitchenStation" s ON s."locationId" = l.id AND s.slug = ${slug}
    WHERE l.id = ${ctx.locationId}`;
  if (!head?.id) throw notFound("Station");
  const { seq, kdsWarnMinutes, kdsLateMinutes } = head;
  const station = {
    id: head.id,
    slug: head.slug,
    name: head.name,
    isExpo: head.isExpo,
    showOnExpo: head.showOnExpo,
    warnMinutes: head.warnMinutes,
    lateMinutes: head.lateMinutes,
  };
  const location = { kdsWarnMinutes, kdsLateMinutes };
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
    ticketItemRows(itemIds),
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

type SnapshotHead = {
  seq: number;
  kdsWarnMinutes: number;
  kdsLateMinutes: number;
  id: string | null;
  slug: string;
  name: string;
  isExpo: boolean;
  showOnExpo: boolean;
  warnMinutes: number | null;
  lateMinutes: number | null;
};

type BumpedRow = {
  orderId: string;
  fireBatch: number | null;
  bumpedAt: Date;
  orderNumber: number;
  tableLabel: string | null;
};

/**
 * Bumped lately (newest first): a station's own lines and sides; at expo, tickets it passed.
 * Hand-written like boardLines: it runs on every snapshot.
 */
async function recentlyBumpedRows(ctx: Ctx, station: { id: string; isExpo: boolean }, since: Date) {
  const cols = Prisma.sql`i."orderId", i."fireBatch", o.number AS "orderNumber", t.label AS "tableLabel"`;
  const joins = Prisma.sql`JOIN "Order" o ON o.id = i."orderId" LEFT JOIN "DiningTable" t ON t.id = o."tableId"`;
  const [items, sides] = await Promise.all([
    station.isExpo
      ? db.$queryRaw<BumpedRow[]>`
          SELECT ${cols}, i."bumpedAt" FROM "OrderItem" i ${joins} LEFT JOIN "KitchenStation" s ON s.id = i."stationId"
          WHERE i."locationId" = ${ctx.locationId} AND i.status = 'READY' AND i."bumpedAt" > ${since} AND ${SHOWN_AT_EXPO_SQL}
          ORDER BY i."bumpedAt" DESC LIMIT 60`
      : db.$queryRaw<BumpedRow[]>`
          SELECT ${cols}, i."bumpedAt" FROM "OrderItem" i ${joins}
          WHERE i."locationId" = ${ctx.locationId} AND i."stationId" = ${station.id}
            AND i.status IN ('SENT', 'READY') AND i."bumpedAt" > ${since}
          ORDER BY i."bumpedAt" DESC LIMIT 60`,
    station.isExpo
      ? []
      : db.$queryRaw<BumpedRow[]>`
          SELECT ${cols}, m."bumpedAt" FROM "OrderItemModifier" m JOIN "OrderItem" i ON i.id = m."orderItemId" ${joins}
          WHERE m."stationId" = ${station.id} AND m."bumpedAt" > ${since}
            AND i."locationId" = ${ctx.locationId} AND i.status = 'SENT'
          ORDER BY m."bumpedAt" DESC LIMIT 60`,
  ]);
  const rows = [...items, ...sides].map((r) => ({ ...r, fireBatch: r.fireBatch ?? 0 }));
  return station.isExpo ? rows : rows.sort((a, b) => b.bumpedAt.getTime() - a.bumpedAt.getTime());
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
