// Kitchen stations of a location.
import { testDb } from "../helpers";

export type StationSpec = {
  slug: string;
  name?: string;
  isExpo?: boolean;
  showOnExpo?: boolean;
  warnMinutes?: number;
  lateMinutes?: number;
};

/** Stations in the order given (their sortOrder); returns their ids by slug. */
export async function buildStations(locationId: string, specs: StationSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, s] of specs.entries()) {
    const station = await testDb().kitchenStation.create({
      data: {
        locationId,
        slug: s.slug,
        name: s.name ?? s.slug,
        isExpo: s.isExpo ?? false,
        showOnExpo: s.showOnExpo ?? true,
        warnMinutes: s.warnMinutes,
        lateMinutes: s.lateMinutes,
        sortOrder: i,
      },
    });
    ids[s.slug] = station.id;
  }
  return ids;
}

/** A bare order (no use case, no event) opened at `openedAt`, for report history. */
export async function buildHistoryOrder(
  locationId: string,
  spec: { openedAt: Date; guestCount?: number; status?: "OPEN" | "CLOSED" },
): Promise<string> {
  const db = testDb();
  const { orderNumber } = await db.locationCounter.update({
    where: { locationId },
    data: { orderNumber: { increment: 1 } },
    select: { orderNumber: true },
  });
  const order = await db.order.create({
    data: {
      locationId,
      number: orderNumber,
      openedAt: spec.openedAt,
      guestCount: spec.guestCount ?? 1,
      status: spec.status ?? "CLOSED",
    },
  });
  return order.id;
}

export type FiredLineSpec = {
  orderId: string;
  menuItem: { id: string; name: string; stationId: string | null };
  firedAt: Date;
  /** Seconds from fire to bump; null = still on the screen. */
  bumpedAfter?: number | null;
  status?: "SENT" | "READY" | "SERVED" | "VOIDED";
  fireBatch?: number;
  /** A side made at another station: the option and its own bump (seconds after the fire). */
  side?: { modifierId: string; name: string; stationId: string; bumpedAfter: number | null };
};

/** A line fired to its dish's station (written directly, as the kitchen's bumps would leave it). */
export async function buildFiredLine(locationId: string, spec: FiredLineSpec) {
  const at = (s: number | null | undefined) => (s == null ? null : new Date(spec.firedAt.getTime() + s * 1000));
  return testDb().orderItem.create({
    data: {
      orderId: spec.orderId,
      locationId,
      menuItemId: spec.menuItem.id,
      stationId: spec.menuItem.stationId,
      name: spec.menuItem.name,
      unitPriceCents: 1000,
      status: spec.status ?? (spec.bumpedAfter == null ? "SENT" : "READY"),
      fireBatch: spec.fireBatch ?? 1,
      firedAt: spec.firedAt,
      bumpedAt: at(spec.bumpedAfter),
      modifiers: spec.side
        ? {
            create: {
              modifierId: spec.side.modifierId,
              name: spec.side.name,
              priceDeltaCents: 0,
              stationId: spec.side.stationId,
              bumpedAt: at(spec.side.bumpedAfter),
            },
          }
        : undefined,
    },
    include: { modifiers: true },
  });
}

/** An order event written at a given time with the location's next seq (the append-only table allows inserts). */
export async function buildOrderEvent(
  locationId: string,
  spec: { orderId: string; type: string; actorId?: string | null; createdAt: Date; payload?: Record<string, unknown> },
) {
  const db = testDb();
  const { eventSeq } = await db.locationCounter.update({
    where: { locationId },
    data: { eventSeq: { increment: 1 } },
    select: { eventSeq: true },
  });
  return db.orderEvent.create({
    data: {
      locationId,
      seq: eventSeq,
      orderId: spec.orderId,
      type: spec.type,
      actorId: spec.actorId ?? null,
      createdAt: spec.createdAt,
      payload: { stationIds: [], itemIds: [], ...spec.payload },
    },
  });
}
