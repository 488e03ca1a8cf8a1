import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { readDurations } from "../reservations/durations";
import { HOLDING_STATUSES } from "../reservations/reservation-state";
import { startOfNextLocalDay } from "../time/zoned";
import { hostStateOf, RESERVED_SOON_MINUTES, type HostState } from "./host-state";

/** Longest stay the database allows: a booking that started this long ago may still hold a table. */
const MAX_STAY_MS = 480 * 60_000;
const byLabel = (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, undefined, { numeric: true });

export type HostBooking = {
  reservationId: string;
  name: string;
  partySize: number;
  status: string;
  startsAt: string;
  endsAt: string;
  tableIds: string[];
};

/**
 * The host stand's floor: every table with its state for the host (free, reserved soon, seated,
 * ordered, food ready, check paid, needs bussing), the party's minutes seated, guests and server,
 * its merged group and its next booking today — plus today's holds, which the seating suggestion
 * reads. Three queries whatever the size of the room.
 */
export async function getHostFloor(ctx: Ctx, now = new Date()) {
  assertCan(ctx, "floor.use");
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, reservationDurations: true },
  });
  const [areas, holds] = await Promise.all([
    db.floorArea.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        tables: {
          where: { archivedAt: null },
          select: {
            id: true,
            areaId: true,
            label: true,
            seats: true,
            shape: true,
            posX: true,
            posY: true,
            width: true,
            height: true,
            rotation: true,
            status: true,
            mergedIntoId: true,
            orders: {
              where: { status: { notIn: ["CLOSED", "VOIDED"] } },
              orderBy: { openedAt: "desc" },
              take: 1,
              select: {
                id: true,
                number: true,
                status: true,
                paymentState: true,
                guestCount: true,
                openedAt: true,
                server: { select: { name: true } },
                reservations: {
                  where: { status: "SEATED" },
                  take: 1,
                  select: { id: true, guest: { select: { name: true } } },
                },
              },
            },
            // Guests also order from their phones (ADR 0034): the tile shows a phone badge.
            guestSessions: { where: { status: "ACTIVE" }, select: { id: true }, take: 1 },
          },
        },
      },
    }),
    db.reservation.findMany({
      where: {
        locationId: ctx.locationId,
        status: { in: [...HOLDING_STATUSES] },
        startsAt: { gte: new Date(now.getTime() - MAX_STAY_MS), lt: startOfNextLocalDay(location.timezone, now) },
      },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        status: true,
        partySize: true,
        startsAt: true,
        durationMinutes: true,
        guest: { select: { name: true } },
        tables: { select: { tableId: true } },
      },
    }),
  ]);

  const bookings: HostBooking[] = holds
    .map((r) => ({
      reservationId: r.id,
      name: r.guest.name,
      partySize: r.partySize,
      status: r.status,
      startsAt: r.startsAt.toISOString(),
      endsAt: new Date(r.startsAt.getTime() + r.durationMinutes * 60_000).toISOString(),
      tableIds: r.tables.map((t) => t.tableId),
    }))
    .filter((b) => new Date(b.endsAt) > now);
  const tables = areas.flatMap((a) => a.tables);
  const byId = new Map(tables.map((t) => [t.id, t]));
  const soon = now.getTime() + RESERVED_SOON_MINUTES * 60_000;

  return {
    now: now.toISOString(),
    timezone: location.timezone,
    durations: readDurations(location.reservationDurations),
    bookings,
    areas: areas.map((area) => ({
      id: area.id,
      name: area.name,
      tables: [...area.tables].sort(byLabel).map((t) => {
        // A joined table shows its primary's party (the order lives there, ADR 0033).
        const primary = (t.mergedIntoId && byId.get(t.mergedIntoId)) || t;
        const members = tables.filter((x) => x.id === primary.id || x.mergedIntoId === primary.id).sort(byLabel);
        const order = primary.orders[0] ?? null;
        // The next booking that is not the party sitting here (a late party's hold counts).
        const next = bookings.find((b) => b.status !== "SEATED" && b.tableIds.includes(t.id)) ?? null;
        const state: HostState = hostStateOf(primary, order, !!next && new Date(next.startsAt).getTime() <= soon);
        return {
          id: t.id,
          areaId: t.areaId,
          label: t.label,
          seats: t.seats,
          shape: t.shape,
          posX: t.posX,
          posY: t.posY,
          width: t.width,
          height: t.height,
          rotation: t.rotation,
          state,
          /** Free to seat a new party: no order on it or its group, not waiting to be cleared. */
          free: !order && primary.status !== "NEEDS_BUSSING",
          guestOrdering: primary.guestSessions.length > 0,
          group:
            members.length > 1
              ? {
                  primaryId: primary.id,
                  tableIds: members.map((m) => m.id),
                  labels: members.map((m) => m.label),
                  seats: members.reduce((n, m) => n + m.seats, 0),
                }
              : null,
          order: order
            ? {
                id: order.id,
                number: order.number,
                guestCount: order.guestCount,
                openedAt: order.openedAt.toISOString(),
                seatedMinutes: Math.max(0, Math.floor((now.getTime() - order.openedAt.getTime()) / 60_000)),
                server: order.server?.name ?? null,
                paymentState: order.paymentState,
                reservationId: order.reservations[0]?.id ?? null,
                partyName: order.reservations[0]?.guest.name ?? null,
              }
            : null,
          nextBooking: next
            ? { reservationId: next.reservationId, name: next.name, partySize: next.partySize, startsAt: next.startsAt }
            : null,
        };
      }),
    })),
  };
}

export type HostFloor = Awaited<ReturnType<typeof getHostFloor>>;
export type HostTable = HostFloor["areas"][number]["tables"][number];
