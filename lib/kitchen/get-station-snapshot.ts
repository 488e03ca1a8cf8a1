import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { assertRole, KITCHEN_ACTORS } from "../orders/permissions";
import { findStation } from "./find-station";
import { snapshotQuerySchema } from "./schemas";
import { allDayCounts, groupTickets, ticketKey, visibleAt } from "./station-routing";
import { TICKET_ITEM_SELECT, toTicketRow } from "./ticket-rows";

/** Voided lines stay on a station's screen (struck through) until acknowledged, at most this long. */
export const VOID_VISIBLE_MS = 30 * 60_000;
const RECALL_WINDOW_MS = 2 * 3600_000;

/**
 * A station's screen: its live tickets, "all day" counts, the last bumped tickets (for recall),
 * and the event seq the snapshot is current to. The seq is read FIRST: anything committed after
 * it may or may not be in the tickets, and will arrive (or be replayed) as an event with a higher
 * seq, which only triggers a harmless refetch. Never selects a price.
 */
export async function getStationSnapshot(ctx: Ctx, raw: { station: string }) {
  assertRole(ctx, KITCHEN_ACTORS);
  const { station: slug } = parseInput(snapshotQuerySchema, raw);
  const counter = await db.locationCounter.findUnique({ where: { locationId: ctx.locationId }, select: { eventSeq: true } });
  const seq = counter?.eventSeq ?? 0;
  const [station, location] = await Promise.all([
    findStation(ctx, slug),
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { kdsWarnMinutes: true, kdsLateMinutes: true, timezone: true } }),
  ]);

  const now = Date.now();
  const voidCutoff = new Date(now - VOID_VISIBLE_MS);
  const live: Prisma.OrderItemWhereInput = {
    locationId: ctx.locationId,
    firedAt: { not: null },
    order: { status: { notIn: ["CLOSED"] } },
    ...(station.isExpo ? {} : { stationId: station.id, bumpedAt: null }),
    OR: [{ status: "SENT" }, { status: "VOIDED", bumpedAt: null, voidedAt: { gt: voidCutoff } }],
  };
  const [rows, bumped] = await Promise.all([
    db.orderItem.findMany({ where: live, select: TICKET_ITEM_SELECT, orderBy: [{ firedAt: "asc" }, { id: "asc" }] }),
    db.orderItem.findMany({
      where: station.isExpo
        ? { locationId: ctx.locationId, status: "READY", bumpedAt: { gt: new Date(now - RECALL_WINDOW_MS) } }
        : { locationId: ctx.locationId, stationId: station.id, status: { in: ["SENT", "READY"] }, bumpedAt: { gt: new Date(now - RECALL_WINDOW_MS) } },
      select: { orderId: true, fireBatch: true, bumpedAt: true, order: { select: { number: true, table: { select: { label: true } } } } },
      orderBy: { bumpedAt: "desc" },
      take: 60,
    }),
  ]);

  const visible = rows.map(toTicketRow).filter((r) => visibleAt(r, station));
  // Expo only follows tickets that still have something on the line.
  const tickets = groupTickets(visible).filter((t) => !station.isExpo || t.items.some((i) => i.status === "SENT"));

  const recentlyBumped: { key: string; orderId: string; fireBatch: number; orderNumber: number; tableLabel: string | null; bumpedAt: string }[] = [];
  for (const b of bumped) {
    const key = ticketKey(b.orderId, b.fireBatch ?? 0);
    if (recentlyBumped.some((r) => r.key === key) || tickets.some((t) => t.key === key && !station.isExpo)) continue;
    recentlyBumped.push({ key, orderId: b.orderId, fireBatch: b.fireBatch ?? 0, orderNumber: b.order.number, tableLabel: b.order.table?.label ?? null, bumpedAt: b.bumpedAt!.toISOString() });
    if (recentlyBumped.length === 5) break;
  }

  return {
    seq,
    serverTime: new Date(now).toISOString(),
    station,
    thresholds: { warnMinutes: location.kdsWarnMinutes, lateMinutes: location.kdsLateMinutes },
    tickets,
    allDay: allDayCounts(tickets),
    recentlyBumped,
  };
}

export type StationSnapshot = Awaited<ReturnType<typeof getStationSnapshot>>;
