import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "../db";
import { expectedCash, type DrawerFlows } from "./drawer-math";

type Client = Db | Tx;

/**
 * The money that went through each session, summed in SQL: cash payments (amount applied, change
 * already handed back), pay-ins, pay-outs and cash refunds paid out of the drawer.
 */
export async function drawerFlows(
  client: Client,
  locationId: string,
  ids: string[],
): Promise<Map<string, DrawerFlows>> {
  if (!ids.length) return new Map();
  const rows = await client.$queryRaw<
    { id: string; float: number; sales: bigint; ins: bigint; outs: bigint; refunds: bigint }[]
  >`
    SELECT s.id, s."openingFloatCents" AS float,
      COALESCE((SELECT SUM(p."amountCents") FROM "Payment" p
                WHERE p."drawerSessionId" = s.id AND p.tender = 'CASH'), 0)::bigint AS sales,
      COALESCE((SELECT SUM(m."amountCents") FROM "CashMovement" m
                WHERE m."sessionId" = s.id AND m.kind = 'PAY_IN'), 0)::bigint AS ins,
      COALESCE((SELECT SUM(m."amountCents") FROM "CashMovement" m
                WHERE m."sessionId" = s.id AND m.kind = 'PAY_OUT'), 0)::bigint AS outs,
      COALESCE((SELECT SUM(r."amountCents" + r."tipCents") FROM "Refund" r
                JOIN "Payment" p ON p.id = r."paymentId"
                WHERE r."drawerSessionId" = s.id AND p.tender = 'CASH'), 0)::bigint AS refunds
    FROM "CashDrawerSession" s
    WHERE s."locationId" = ${locationId} AND s.id IN (${Prisma.join(ids)})`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        openingFloatCents: Number(r.float),
        cashSalesCents: Number(r.sales),
        payInsCents: Number(r.ins),
        payOutsCents: Number(r.outs),
        cashRefundsCents: Number(r.refunds),
      },
    ]),
  );
}

export const drawerSelect = {
  id: true,
  name: true,
  openedById: true,
  openedAt: true,
  openingFloatCents: true,
  closedById: true,
  closedAt: true,
  countedCents: true,
  expectedCents: true,
  varianceCents: true,
  note: true,
  movements: {
    select: { id: true, kind: true, amountCents: true, reason: true, actorId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.CashDrawerSessionSelect;

type DrawerRow = Prisma.CashDrawerSessionGetPayload<{ select: typeof drawerSelect }>;

export type DrawerView = Awaited<ReturnType<typeof drawerViews>>[number];

/**
 * Sessions as the screens show them, with people's names. An open session's expected cash is
 * live; a closed one keeps what was computed at its count. `withExpected: false` hides the
 * expected figure of open sessions (a cashier counts blind).
 */
export async function drawerViews(client: Client, locationId: string, rows: DrawerRow[], withExpected: boolean) {
  const flows = await drawerFlows(
    client,
    locationId,
    rows.map((r) => r.id),
  );
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.openedById, r.closedById, ...r.movements.map((m) => m.actorId)])),
  ].filter((id): id is string => !!id);
  const users = new Map(
    (await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const nameOf = (id: string | null) => (id ? (users.get(id) ?? "Former staff") : null);
  return rows.map((r) => {
    const f = flows.get(r.id)!;
    const open = r.closedAt === null;
    const showMoney = !open || withExpected;
    return {
      id: r.id,
      name: r.name,
      status: open ? ("OPEN" as const) : ("CLOSED" as const),
      openedAt: r.openedAt,
      openedBy: nameOf(r.openedById),
      openedById: r.openedById,
      openingFloatCents: r.openingFloatCents,
      closedAt: r.closedAt,
      closedBy: nameOf(r.closedById),
      payInsCents: f.payInsCents,
      payOutsCents: f.payOutsCents,
      cashSalesCents: showMoney ? f.cashSalesCents : null,
      cashRefundsCents: showMoney ? f.cashRefundsCents : null,
      expectedCents: open ? (withExpected ? expectedCash(f) : null) : r.expectedCents,
      countedCents: r.countedCents,
      varianceCents: r.varianceCents,
      note: r.note,
      movements: r.movements.map((m) => ({ ...m, actor: nameOf(m.actorId) })),
    };
  });
}
