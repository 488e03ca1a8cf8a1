import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";

/** The person works here (their role here is returned) and the station is one of this location's live ones. */
export async function checkShiftRefs(
  tx: Tx,
  ctx: Ctx,
  refs: { userId: string; stationId: string | null },
): Promise<{ role: Role }> {
  const [member, station] = await Promise.all([
    tx.membership.findFirst({
      where: { locationId: ctx.locationId, userId: refs.userId, user: { active: true } },
      select: { role: true },
    }),
    refs.stationId
      ? tx.kitchenStation.findFirst({
          where: { id: refs.stationId, locationId: ctx.locationId, archivedAt: null },
          select: { id: true },
        })
      : null,
  ]);
  const errors: Record<string, string[]> = {};
  if (!member) errors.userId = ["Choose someone who works at this location"];
  if (refs.stationId && !station) errors.stationId = ["Choose a station from the list"];
  if (!member || Object.keys(errors).length) throw new AppError("VALIDATION", "Some fields are invalid", errors);
  return { role: member.role };
}

export const SHIFT_SELECT = {
  id: true,
  userId: true,
  role: true,
  stationId: true,
  startsAt: true,
  endsAt: true,
  notes: true,
  publishedAt: true,
} as const;
