import "server-only";
import type { Db, Tx } from "../db";

export type ShiftTakings = {
  /** Cash taken at the door (the due amounts; change given back is not the restaurant's). */
  collectedCents: number;
  /** Orders paid in cash at the door. */
  orders: number;
  /** Taken on the driver's card terminal (reconciled with the terminal's batch, not counted). */
  cardCents: number;
  cardTipCents: number;
};

/**
 * What a driver took at the door during one shift, from the payments recorded on its orders'
 * checks (markDelivered writes them with the shift's id), less cash refunded on them.
 */
export async function collectedInShift(client: Db | Tx, shift: { id: string }): Promise<ShiftTakings> {
  const [row] = await client.$queryRaw<
    { cash: bigint; orders: bigint; card: bigint; tips: bigint }[]
  >`SELECT COALESCE(SUM(p."amountCents" - p."refundedCents") FILTER (WHERE p.tender = 'CASH'), 0)::bigint AS cash,
           COUNT(DISTINCT p."orderId") FILTER (WHERE p.tender = 'CASH')::bigint AS orders,
           COALESCE(SUM(p."amountCents" - p."refundedCents") FILTER (WHERE p.tender = 'CARD'), 0)::bigint AS card,
           COALESCE(SUM(p."tipCents" - p."refundedTipCents") FILTER (WHERE p.tender = 'CARD'), 0)::bigint AS tips
      FROM "Payment" p WHERE p."driverShiftId" = ${shift.id}`;
  return {
    collectedCents: Number(row?.cash ?? 0),
    orders: Number(row?.orders ?? 0),
    cardCents: Number(row?.card ?? 0),
    cardTipCents: Number(row?.tips ?? 0),
  };
}
