import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { parseInput } from "../validation";
import { getDrawer } from "./get-drawer";
import { openDrawerSchema } from "./schemas";

/** Opens a drawer session with its float. One open session per drawer name (a partial unique index). */
export async function openDrawer(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "cash.drawer");
  const input = parseInput(openDrawerSchema, raw);
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const session = await tx.cashDrawerSession.create({
        data: {
          locationId: ctx.locationId,
          name: input.name,
          openedById: ctx.userId,
          openingFloatCents: input.openingFloatCents,
        },
        select: { id: true },
      });
      await auditAs(
        ctx,
        {
          action: "cash.drawer.opened",
          entityType: "CashDrawerSession",
          entityId: session.id,
          details: { name: input.name, openingFloatCents: input.openingFloatCents },
        },
        tx,
      );
      return session.id;
    });
  } catch (error) {
    if (isUniqueViolation(error) || String(error).includes("CashDrawerSession_one_open"))
      throw new AppError("CONFLICT", `${input.name} is already open; count and close it first`, {
        name: [`${input.name} is already open`],
      });
    throw error;
  }
  return getDrawer(ctx, id);
}
