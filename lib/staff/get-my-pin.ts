import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/** Whether the acting person has a quick-switch PIN at this location, and since when; never the PIN. */
export async function getMyPin(ctx: Ctx): Promise<{ set: boolean; pinSetAt: Date | null; locked: boolean }> {
  assertCan(ctx, "staff.signedIn");
  const m = await db.membership.findUnique({
    where: { userId_locationId: { userId: ctx.userId, locationId: ctx.locationId } },
    select: { pinHash: true, pinSetAt: true, pinLockedUntil: true },
  });
  return {
    set: !!m?.pinHash,
    pinSetAt: m?.pinHash ? m.pinSetAt : null,
    locked: !!m?.pinLockedUntil && m.pinLockedUntil > new Date(),
  };
}
