import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";
import type { OrderStatus, PaymentState, TableShape, TableStatus } from "@/generated/prisma/enums";

/** Table labels in natural order ("T2" before "T10"): one collator, not one per comparison. */
const LABEL_ORDER = new Intl.Collator(undefined, { numeric: true });

type FloorRow = {
  areaId: string;
  areaName: string;
  id: string | null;
  label: string;
  seats: number;
  shape: TableShape;
  posX: number;
  posY: number;
  width: number;
  height: number;
  rotation: number;
  status: TableStatus;
  statusAt: Date;
  mergedIntoId: string | null;
  guestOrdering: boolean;
  orderId: string | null;
  number: number;
  orderStatus: OrderStatus;
  totalCents: number;
  dueCents: number;
  paidCents: number;
  paymentState: PaymentState;
  guestCount: number;
  openedAt: Date;
  serverId: string | null;
  serverName: string | null;
};

/**
 * Active floor areas with their active tables and each table's open order (if any).
 * Hand-written SQL (one query, flat rows): every tablet reads the floor, and with hundreds of
 * tables the ORM's nested include cost more CPU in query compilation and result mapping than the
 * database spent on it.
 */
export async function listFloor(ctx: Ctx) {
  assertCan(ctx, "orders.read");
  const rows = await db.$queryRaw<FloorRow[]>`
    SELECT a.id AS "areaId", a.name AS "areaName",
      t.id, t.label, t.seats, t.shape::text AS shape, t."posX", t."posY", t.width, t.height, t.rotation,
      t.status::text AS status, t."statusAt", t."mergedIntoId",
      EXISTS (SELECT 1 FROM "GuestSession" g WHERE g."tableId" = t.id AND g.status = 'ACTIVE') AS "guestOrdering",
      o.id AS "orderId", o.number, o.status::text AS "orderStatus", o."totalCents", o."dueCents", o."paidCents",
      o."paymentState"::text AS "paymentState", o."guestCount", o."openedAt", o."serverId", u.name AS "serverName"
    FROM "FloorArea" a
      LEFT JOIN "DiningTable" t ON t."areaId" = a.id AND t."archivedAt" IS NULL
      LEFT JOIN LATERAL (
        SELECT * FROM "Order" x WHERE x."tableId" = t.id AND x.status NOT IN ('CLOSED', 'VOIDED')
        ORDER BY x."openedAt" DESC LIMIT 1
      ) o ON true
      LEFT JOIN "User" u ON u.id = o."serverId"
    WHERE a."locationId" = ${ctx.locationId} AND a."archivedAt" IS NULL
    ORDER BY a."sortOrder" ASC, a.name ASC, a.id, t.label ASC`;
  const areas: { id: string; name: string; tables: ReturnType<typeof tableOf>[] }[] = [];
  for (const r of rows) {
    if (areas.at(-1)?.id !== r.areaId) areas.push({ id: r.areaId, name: r.areaName, tables: [] });
    if (r.id !== null) areas.at(-1)!.tables.push(tableOf(r));
  }
  const all = areas.flatMap((a) => a.tables);
  const byId = new Map(all.map((t) => [t.id, t]));
  const byLabel = (x: { label: string }, y: { label: string }) => LABEL_ORDER.compare(x.label, y.label);
  // Who is pushed against whom, by primary (one pass, not a scan of the floor per table).
  const mergedInto = new Map<string, typeof all>();
  for (const x of all)
    if (x.mergedIntoId) mergedInto.set(x.mergedIntoId, [...(mergedInto.get(x.mergedIntoId) ?? []), x]);
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    tables: a.tables.sort(byLabel).map((t) => {
      // A table pushed against another shows the primary's party and order (ADR 0033).
      const primary = (t.mergedIntoId && byId.get(t.mergedIntoId)) || t;
      const members = [primary, ...(mergedInto.get(primary.id) ?? [])].sort(byLabel);
      return {
        id: t.id,
        label: t.label,
        seats: t.seats,
        shape: t.shape,
        posX: t.posX,
        posY: t.posY,
        width: t.width,
        height: t.height,
        rotation: t.rotation,
        status: primary.status,
        statusAt: primary.statusAt,
        openOrder: primary.orders[0] ?? null,
        guestOrdering: primary.guestOrdering,
        group: members.length > 1 ? { primaryId: primary.id, labels: members.map((m) => m.label) } : null,
      };
    }),
  }));
}

function tableOf(r: FloorRow) {
  return {
    id: r.id!,
    label: r.label,
    seats: r.seats,
    shape: r.shape,
    posX: r.posX,
    posY: r.posY,
    width: r.width,
    height: r.height,
    rotation: r.rotation,
    status: r.status,
    statusAt: r.statusAt,
    mergedIntoId: r.mergedIntoId,
    orders:
      r.orderId === null
        ? []
        : [
            {
              id: r.orderId,
              number: r.number,
              status: r.orderStatus,
              totalCents: r.totalCents,
              dueCents: r.dueCents,
              paidCents: r.paidCents,
              paymentState: r.paymentState,
              guestCount: r.guestCount,
              openedAt: r.openedAt,
              server: r.serverId === null ? null : { name: r.serverName! },
            },
          ],
    guestOrdering: r.guestOrdering,
  };
}

export type FloorArea = Awaited<ReturnType<typeof listFloor>>[number];
