import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { sqlStateOf } from "../db-errors";
import { AppError, notFound } from "../errors";
import { MAX_MERGED_TABLES } from "./merge-limits";
import { connected } from "./seating-suggestion";

export type LockedTable = {
  id: string;
  label: string;
  areaId: string;
  seats: number;
  posX: number;
  posY: number;
  width: number;
  height: number;
  status: string;
  mergedIntoId: string | null;
  /** The primary's label while joined to one. */
  mergedIntoLabel: string | null;
};

export const byLabel = <T extends { label: string }>(a: T, b: T) =>
  a.label.localeCompare(b.label, undefined, { numeric: true });

/**
 * Lock these tables and every table joined to one of them (FOR UPDATE, in id order so two
 * merges never deadlock), archived ones excluded. Whoever changes a group holds its primary's
 * lock, so concurrent merges of one table run one after the other and the second sees the first.
 * Two statements: the named rows first; then, under those locks and with a fresh snapshot, their
 * joined tables — a table joined by a merge that committed while this one waited is seen too.
 */
export async function lockTables(tx: Tx, locationId: string, ids: readonly string[]): Promise<LockedTable[]> {
  if (ids.length === 0) return [];
  await tx.$queryRaw`
    SELECT id FROM "DiningTable" WHERE "locationId" = ${locationId} AND id = ANY(${ids as string[]})
    ORDER BY id FOR UPDATE`;
  return tx.$queryRaw<LockedTable[]>`
    SELECT id, label, "areaId", seats, "posX", "posY", width, height, status::text AS status, "mergedIntoId",
      (SELECT p.label FROM "DiningTable" p WHERE p.id = t."mergedIntoId") AS "mergedIntoLabel"
    FROM "DiningTable" t
    WHERE "locationId" = ${locationId} AND "archivedAt" IS NULL
      AND (id = ANY(${ids as string[]}) OR "mergedIntoId" = ANY(${ids as string[]}))
    ORDER BY id
    FOR UPDATE`;
}

/** The open orders on these tables, by table id. */
export async function openOrdersOn(tx: Tx, tableIds: readonly string[]) {
  const orders = await tx.order.findMany({
    where: { tableId: { in: [...tableIds] }, status: { notIn: ["CLOSED", "VOIDED"] } },
    select: { id: true, number: true, tableId: true },
  });
  return new Map(orders.map((o) => [o.tableId!, o]));
}

const refuse = (code: "VALIDATION" | "CONFLICT" | "INVALID_STATE", message: string) =>
  new AppError(code, message, { tableIds: [message] });

/**
 * Join `joinIds` to `primaryId` (rows locked by lockTables with both). Refuses another area,
 * tables not side by side, a table of another group or the primary of one (no chains), a table
 * with its own open order or waiting to be cleared. Returns the whole group, primary first.
 */
export async function joinTables(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  locked: readonly LockedTable[],
  primaryId: string,
  joinIds: readonly string[],
): Promise<{ primary: LockedTable; group: LockedTable[]; joined: LockedTable[] }> {
  const find = (id: string) => locked.find((t) => t.id === id);
  const primary = find(primaryId);
  if (!primary || joinIds.some((id) => !find(id))) throw notFound("Table");
  if (primary.mergedIntoId) {
    const to = primary.mergedIntoLabel ?? "another table";
    throw refuse("INVALID_STATE", `Table ${primary.label} is joined with ${to}; start from ${to}`);
  }
  const current = locked.filter((t) => t.mergedIntoId === primary.id);
  const joined = [...new Set(joinIds)]
    .filter((id) => id !== primary.id && !current.some((c) => c.id === id))
    .map((id) => find(id)!);
  if (joined.length === 0)
    throw joinIds.some((id) => id !== primary.id)
      ? refuse("CONFLICT", `These tables are already joined with ${primary.label}`)
      : refuse("VALIDATION", "Pick a table to join");
  for (const t of joined) {
    if (t.mergedIntoId)
      throw refuse("CONFLICT", `Table ${t.label} is already joined with ${t.mergedIntoLabel ?? "another table"}`);
    const own = locked.filter((x) => x.mergedIntoId === t.id);
    if (own.length)
      throw refuse(
        "CONFLICT",
        `Table ${t.label} is joined with ${own.map((x) => x.label).join(", ")}; part them first`,
      );
    if (t.areaId !== primary.areaId) throw refuse("VALIDATION", "Tables joined together must be in one area");
    if (t.status === "NEEDS_BUSSING") throw refuse("INVALID_STATE", `Table ${t.label} needs clearing first`);
  }
  const group = [primary, ...current, ...joined];
  if (group.length > MAX_MERGED_TABLES) throw refuse("VALIDATION", `At most ${MAX_MERGED_TABLES} tables together`);
  if (!connected(group)) throw refuse("VALIDATION", "These tables are not side by side");
  const busy = await openOrdersOn(
    tx,
    joined.map((t) => t.id),
  );
  for (const t of joined) {
    const o = busy.get(t.id);
    if (o) throw refuse("CONFLICT", `Table ${t.label} has order #${o.number} open; move or close it first`);
  }
  // Guarded as well as locked: a row that changed anyway is never joined twice.
  const done = await tx.diningTable.updateMany({
    where: { id: { in: joined.map((t) => t.id) }, locationId: ctx.locationId, mergedIntoId: null },
    data: { mergedIntoId: primary.id },
  });
  if (done.count !== joined.length) throw refuse("CONFLICT", "Someone else just changed these tables; try again");
  await holdForSeatedParty(
    tx,
    ctx,
    primary.id,
    joined.map((t) => t.id),
  );
  return { primary, group: [primary, ...[...current, ...joined].sort(byLabel)], joined };
}

/**
 * The party seated at the primary from a reservation: its booking now holds the joined tables
 * too, so nobody books them over the stay (the exclusion constraint refuses a clash).
 */
async function holdForSeatedParty(tx: Tx, ctx: Pick<Ctx, "locationId">, primaryId: string, tableIds: string[]) {
  const r = await tx.reservation.findFirst({
    where: {
      locationId: ctx.locationId,
      status: "SEATED",
      order: { tableId: primaryId, status: { notIn: ["CLOSED", "VOIDED"] } },
    },
    select: { id: true, startsAt: true },
  });
  if (!r) return;
  await tx.reservationTable.createMany({
    data: tableIds.map((tableId) => ({
      reservationId: r.id,
      tableId,
      locationId: ctx.locationId,
      startsAt: r.startsAt,
      endsAt: r.startsAt, // the trigger copies the real range
    })),
    skipDuplicates: true,
  });
}

/**
 * Part the group whose primary is `primaryId` (rows locked): every joined table is on its own
 * again, in its own state (FREE: a joined table never carries an order). A seated booking lets go
 * of the parted tables. Returns their ids.
 */
export async function partGroup(tx: Tx, ctx: Pick<Ctx, "locationId">, primaryId: string): Promise<string[]> {
  const members = await tx.diningTable.findMany({
    where: { locationId: ctx.locationId, mergedIntoId: primaryId },
    select: { id: true },
  });
  if (members.length === 0) return [];
  const ids = members.map((m) => m.id);
  await tx.diningTable.updateMany({ where: { id: { in: ids } }, data: { mergedIntoId: null } });
  await tx.reservationTable.deleteMany({
    where: {
      tableId: { in: ids },
      reservation: { status: "SEATED", order: { tableId: primaryId } },
    },
  });
  return ids;
}

/**
 * The booking the party was seated from holds the tables it sits at now (minus `except`, tables
 * another booking needs first when the host moved anyway). The exclusion constraint still refuses
 * a clash. Returns the booking's id, or null for a walk-in.
 */
export async function bookingFollows(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  orderId: string,
  tableIds: readonly string[],
  except: ReadonlySet<string> = new Set(),
): Promise<string | null> {
  const r = await tx.reservation.findFirst({
    where: { locationId: ctx.locationId, orderId, status: "SEATED" },
    select: { id: true },
  });
  if (!r) return null;
  const keep = tableIds.filter((id) => !except.has(id));
  await tx.reservationTable.deleteMany({ where: { reservationId: r.id, tableId: { notIn: keep } } });
  await tx.reservationTable.createMany({
    data: keep.map((tableId) => ({
      reservationId: r.id,
      tableId,
      locationId: ctx.locationId,
      startsAt: new Date(0), // the trigger copies the stay
      endsAt: new Date(0),
    })),
    skipDuplicates: true,
  });
  return r.id;
}

/**
 * Runs a table-arranging transaction. Locks are taken in id order, but a group's joined tables are
 * locked after its named ones, so two hosts arranging the same tables in different ways can
 * deadlock; PostgreSQL then aborts one, which becomes a clear "try again", never a 500.
 */
export async function arranging<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === "40P01")
      throw new AppError("CONFLICT", "Someone else just changed these tables; try again");
    throw error;
  }
}
