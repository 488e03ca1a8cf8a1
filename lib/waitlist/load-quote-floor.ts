import "server-only";
import { db, type Tx } from "../db";
import { allCombos } from "../reservations/slot-math";
import { HISTORY_WEEKS, turnTimesFrom, type Hold, type Occupancy, type QuoteFloor, type TurnTimes } from "./quote-math";

/** Bookings this far ahead can hold a table against a walk-in (longer than any expected turn). */
const HOLD_HORIZON_MS = 6 * 60 * 60_000;

/**
 * Expected turn by party size: the average seated time (openedAt → closedAt) of closed dine-in
 * orders with a table over the last eight weeks, by guest-count bucket (one aggregate query).
 */
export async function loadTurnTimes(locationId: string, now = new Date(), client: Tx = db): Promise<TurnTimes> {
  const since = new Date(now.getTime() - HISTORY_WEEKS * 7 * 24 * 60 * 60_000);
  const rows = await client.$queryRaw<{ bucket: number; samples: bigint; avg_minutes: number }[]>`
    SELECT CASE WHEN "guestCount" <= 2 THEN 2 WHEN "guestCount" <= 4 THEN 4 WHEN "guestCount" <= 6 THEN 6 ELSE 8 END AS bucket,
           count(*) AS samples,
           avg(EXTRACT(EPOCH FROM ("closedAt" - "openedAt")) / 60)::float8 AS avg_minutes
    FROM "Order"
    WHERE "locationId" = ${locationId} AND "status" = 'CLOSED' AND "tableId" IS NOT NULL
      AND "closedAt" IS NOT NULL AND "openedAt" >= ${since} AND "closedAt" <= ${now}
      -- A check closed in seconds (a mistake) or left open overnight says nothing about a turn.
      AND "closedAt" - "openedAt" BETWEEN interval '10 minutes' AND interval '5 hours'
    GROUP BY 1`;
  return turnTimesFrom(rows.map((r) => ({ bucket: r.bucket, samples: Number(r.samples), avgMinutes: r.avg_minutes })));
}

/**
 * The floor as the quote model sees it now: the tables, who sits where since when (open orders;
 * a merged table shares its primary's party; a seated booking's other tables), tables waiting to
 * be bussed, and the bookings not yet seated that hold tables in the next hours.
 */
export async function loadQuoteFloor(locationId: string, now = new Date(), client: Tx = db): Promise<QuoteFloor> {
  const [tables, orders, seated, holds, turns] = await Promise.all([
    client.diningTable.findMany({
      where: { locationId, archivedAt: null, area: { archivedAt: null } },
      select: {
        id: true,
        label: true,
        seats: true,
        areaId: true,
        posX: true,
        posY: true,
        width: true,
        height: true,
        status: true,
        mergedIntoId: true,
      },
    }),
    client.order.findMany({
      where: { locationId, tableId: { not: null }, status: { notIn: ["CLOSED", "VOIDED"] } },
      select: { tableId: true, openedAt: true, guestCount: true },
    }),
    client.reservation.findMany({
      where: { locationId, status: "SEATED" },
      select: { seatedAt: true, startsAt: true, partySize: true, tables: { select: { tableId: true } } },
    }),
    client.reservation.findMany({
      where: {
        locationId,
        status: { in: ["BOOKED", "CONFIRMED", "ARRIVED"] },
        startsAt: { lt: new Date(now.getTime() + HOLD_HORIZON_MS) },
        tables: { some: { active: true, endsAt: { gt: now } } },
      },
      select: { tables: { select: { tableId: true, startsAt: true, endsAt: true } } },
    }),
    loadTurnTimes(locationId, now, client),
  ]);
  const occupied: Occupancy[] = orders.map((o) => ({
    tableId: o.tableId!,
    since: o.openedAt,
    guestCount: o.guestCount,
  }));
  for (const r of seated)
    for (const t of r.tables)
      occupied.push({ tableId: t.tableId, since: r.seatedAt ?? r.startsAt, guestCount: r.partySize });
  // A table pushed against a primary is busy as long as the primary's party is.
  for (const t of tables) {
    if (!t.mergedIntoId) continue;
    for (const o of occupied.filter((x) => x.tableId === t.mergedIntoId)) occupied.push({ ...o, tableId: t.id });
  }
  const busy = new Set(occupied.map((o) => o.tableId));
  const plain = tables.map(({ status: _s, mergedIntoId: _m, ...t }) => t);
  return {
    now,
    tables: plain,
    combos: allCombos(plain),
    occupied,
    bussing: tables.filter((t) => t.status === "NEEDS_BUSSING" && !busy.has(t.id)).map((t) => t.id),
    holds: holds.flatMap((r) =>
      r.tables.map((t): Hold => ({ tableIds: [t.tableId], startsAt: t.startsAt, endsAt: t.endsAt })),
    ),
    turns,
  };
}
