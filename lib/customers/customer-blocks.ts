import "server-only";
import type { Tx } from "../db";
import { storedPhoneHashes } from "./customer-contact";

/** A block is active until lifted or until its `until` passes. */
export const activeBlockWhere = (now: Date) => ({
  liftedAt: null,
  OR: [{ until: null }, { until: { gt: now } }],
});

export const BLOCK_SELECT = {
  id: true,
  customerId: true,
  phoneHash: true,
  reason: true,
  until: true,
  createdAt: true,
  liftedAt: true,
} as const;

export type BlockRow = {
  id: string;
  customerId: string | null;
  phoneHash: string;
  reason: string;
  until: Date | null;
  createdAt: Date;
  liftedAt: Date | null;
};

/**
 * The active blocks on these customers or their phones (a phone blocked before it was a customer
 * counts). Give `phoneEnc` too: mid hash-key rotation a block may carry the other key's hash (ADR 0050).
 */
export async function activeBlocksFor(
  tx: Pick<Tx, "customerBlock">,
  locationId: string,
  who: readonly { id: string; phoneHash: string | null; phoneEnc?: string | null }[],
  now = new Date(),
): Promise<Map<string, BlockRow>> {
  const ids = who.map((w) => w.id);
  const phones = new Map(who.map((w) => [w.id, storedPhoneHashes(w)]));
  const hashes = [...phones.values()].flat();
  const blocks = await tx.customerBlock.findMany({
    where: {
      locationId,
      AND: [activeBlockWhere(now), { OR: [{ customerId: { in: ids } }, { phoneHash: { in: hashes } }] }],
    },
    orderBy: { createdAt: "desc" },
    select: BLOCK_SELECT,
  });
  const byCustomer = new Map<string, BlockRow>();
  for (const w of who) {
    const mine = phones.get(w.id) ?? [];
    const b = blocks.find((x) => x.customerId === w.id || mine.includes(x.phoneHash));
    if (b) byCustomer.set(w.id, b);
  }
  return byCustomer;
}

/** The console's view of a block. */
export function blockView(b: BlockRow) {
  return { id: b.id, reason: b.reason, until: b.until, createdAt: b.createdAt, liftedAt: b.liftedAt };
}
