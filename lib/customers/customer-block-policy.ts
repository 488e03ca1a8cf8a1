import "server-only";
import type { Tx } from "../db";
import { storedPhoneHashes } from "./customer-contact";

/**
 * What a customer (or an unverified phone) may order online now: everything, pickup paid
 * upfront only, or nothing (Location.blockPolicy). A block is active until lifted or until its
 * `until`. The one place the ordering site and the submit path ask.
 */
export type OnlineOrderAllowance =
  { allowed: "ALL" } | { allowed: "PREPAID_PICKUP_ONLY" | "NONE"; blockId: string; reason: string };

export async function onlineAllowanceFor(
  tx: Pick<Tx, "customerBlock" | "location">,
  locationId: string,
  who: { customerId: string | null; phoneHash: string | null; phoneEnc?: string | null },
  now = new Date(),
): Promise<OnlineOrderAllowance> {
  // With the phone's ciphertext, a block under the other hash key matches too (ADR 0050).
  const hashes = storedPhoneHashes(who);
  const or = [
    ...(who.customerId ? [{ customerId: who.customerId }] : []),
    ...(hashes.length > 0 ? [{ phoneHash: { in: hashes } }] : []),
  ];
  if (or.length === 0) return { allowed: "ALL" };
  const block = await tx.customerBlock.findFirst({
    where: { locationId, liftedAt: null, OR: or, AND: [{ OR: [{ until: null }, { until: { gt: now } }] }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, reason: true },
  });
  if (!block) return { allowed: "ALL" };
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId }, select: { blockPolicy: true } });
  return {
    allowed: location.blockPolicy === "REFUSE" ? "NONE" : "PREPAID_PICKUP_ONLY",
    blockId: block.id,
    reason: block.reason,
  };
}
